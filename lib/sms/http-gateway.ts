// Generic HTTPS SMS gateway adapter (cloud SMS APIs): URL, method, headers and a body template with placeholders
// {to} {text} {id}, and a success rule: "status:2xx", "body~<regex>" or "json:<path>=<value>" (each needs a 2xx too).
import { SmsProviderError, type OutgoingSms, type SmsProvider } from "@/lib/sms/provider";

export type HttpGatewayConfig = {
  url: string;
  method: "POST" | "PUT" | "GET";
  headers: Record<string, string>;
  bodyTemplate: string;
  success: string;
  idPath?: string;
};

const TIMEOUT_MS = 10_000;

function jsonEscaped(value: string) {
  return JSON.stringify(value).slice(1, -1);
}

/** Fills {to} {text} {id}: JSON-escaped in a JSON template, form-encoded otherwise (and always in the URL). */
export function fillTemplate(template: string, values: Record<string, string>, escape: "json" | "form"): string {
  return template.replace(/\{(to|text|id)\}/g, (_, name: string) => {
    const value = values[name] ?? "";
    return escape === "json" ? jsonEscaped(value) : encodeURIComponent(value);
  });
}

function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Whether a 2xx answer means "accepted" under the configured rule. */
export function gatewayAccepted(rule: string, body: string): boolean {
  if (rule === "status:2xx") return true;
  if (rule.startsWith("body~")) return new RegExp(rule.slice(5)).test(body);
  const match = /^json:([A-Za-z0-9_.]+)=(.*)$/.exec(rule);
  if (!match?.[1]) return false;
  try {
    return String(readPath(JSON.parse(body), match[1])) === match[2];
  } catch {
    return false;
  }
}

export function createHttpGatewayProvider(config: HttpGatewayConfig): SmsProvider {
  const jsonBody = /^\s*[[{]/.test(config.bodyTemplate);
  return {
    name: "http",
    async send(sms: OutgoingSms) {
      const values = { to: sms.to, text: sms.text, id: String(sms.id) };
      const url = fillTemplate(config.url, values, "form");
      const headers: Record<string, string> = { ...config.headers };
      let body: string | undefined;
      if (config.method !== "GET") {
        body = fillTemplate(config.bodyTemplate, values, jsonBody ? "json" : "form");
        headers["Content-Type"] ??= jsonBody
          ? "application/json; charset=utf-8"
          : "application/x-www-form-urlencoded; charset=utf-8";
      }
      let response: Response;
      try {
        response = await fetch(url, {
          method: config.method,
          headers,
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        throw new SmsProviderError(
          `SMS gateway unreachable: ${error instanceof Error ? error.message : String(error)}`,
          "connection",
        );
      }
      const text = await response.text().catch(() => "");
      if (response.status === 429 || response.status >= 500)
        throw new SmsProviderError(`SMS gateway answered ${response.status}`, "transient");
      if (response.status < 200 || response.status >= 300)
        throw new SmsProviderError(
          `SMS gateway refused the message: ${response.status} ${text.slice(0, 200)}`,
          "permanent",
        );
      if (!gatewayAccepted(config.success, text))
        throw new SmsProviderError(`SMS gateway did not accept the message: ${text.slice(0, 200)}`, "transient");
      let id: unknown;
      if (config.idPath) {
        try {
          id = readPath(JSON.parse(text), config.idPath);
        } catch {
          id = undefined;
        }
      }
      return { providerMessageIds: id === undefined || id === null ? [] : [String(id)] };
    },
    onIncoming() {
      // Gateways report receipts and replies through the callback route (app/api/sms/callback).
    },
    async open() {},
    isOpen() {
      return true;
    },
    async close() {},
  };
}
