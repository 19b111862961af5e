// The one place that reads process.env: parsed with zod at start-up, exported typed.
import ipaddr from "ipaddr.js";
import { z } from "zod";

/** One TRUSTED_PROXIES entry: a dotted-quad IPv4 or an IPv6 address, optionally with a /prefix length. */
function isAddressOrRange(entry: string): boolean {
  const [address = "", bits, ...rest] = entry.split("/");
  if (rest.length > 0 || !(ipaddr.IPv4.isValidFourPartDecimal(address) || ipaddr.IPv6.isValid(address))) return false;
  return bits === undefined || ipaddr.isValidCIDR(entry);
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required (the start script sets it for the embedded PostgreSQL)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection URL"),
  NEXTAUTH_SECRET: z
    .string({ error: "NEXTAUTH_SECRET is required (the start script generates one under .data/)" })
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be a URL such as http://localhost:3000").optional(),
  APP_URL: z.url("APP_URL must be a URL such as http://localhost:3000").default("http://localhost:3000"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  JOBS_ENABLED: z
    .enum(["true", "false"], { error: "JOBS_ENABLED must be true or false" })
    .default("true")
    .transform((value) => value === "true"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Skyline CSM <no-reply@skyline.local>"),
  INBOUND_EMAIL_SECRET: z.string().min(16, "INBOUND_EMAIL_SECRET must be at least 16 characters").optional(),
  // Reverse proxies / load balancers whose X-Forwarded-For and X-Forwarded-Proto are believed
  // (lib/security/client-ip.ts).
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0),
    )
    .refine((entries) => entries.every(isAddressOrRange), {
      error: "TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges, e.g. 10.0.0.0/8,127.0.0.1",
    }),
  // Outgoing SMS (lib/sms): smpp://system_id:password@host:port?source=… or an HTTPS gateway; unset = SMS stay pending.
  SMS_URL: z
    .string()
    .optional()
    .transform((value) => (value ? value : undefined))
    .superRefine((value, context) => {
      const problem = value ? smsUrlProblem(value) : null;
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
  SMS_HTTP_METHOD: z
    .enum(["POST", "PUT", "GET"], { error: "SMS_HTTP_METHOD must be POST, PUT or GET" })
    .default("POST"),
  SMS_HTTP_HEADERS: z
    .string()
    .default("{}")
    .transform((value, context) => {
      const parsed = parseHeaderJson(value);
      if (!parsed) {
        context.addIssue({
          code: "custom",
          message: 'SMS_HTTP_HEADERS must be a JSON object of strings, e.g. {"Authorization":"Bearer …"}',
        });
        return z.NEVER;
      }
      return parsed;
    }),
  SMS_HTTP_BODY: z.string().default('{"to":"{to}","text":"{text}","id":"{id}"}'),
  SMS_HTTP_SUCCESS: z
    .string()
    .default("status:2xx")
    .refine(
      (value) => /^status:2xx$|^body~.+|^json:[A-Za-z0-9_.]+=.*$/.test(value),
      "SMS_HTTP_SUCCESS must be status:2xx, body~<regex> or json:<path>=<value>",
    ),
  SMS_HTTP_ID_PATH: z
    .string()
    .regex(/^[A-Za-z0-9_.]+$/, "SMS_HTTP_ID_PATH must be a dotted JSON path")
    .optional(),
  SMS_CALLBACK_SECRET: z.string().min(16, "SMS_CALLBACK_SECRET must be at least 16 characters").optional(),
  // A hot standby for reads that may lag (dashboards, reports, exports, searches): lib/db-replica.ts.
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_REPLICA_URL must be a postgresql:// connection URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Bearer token of /api/metrics (Prometheus); without it the endpoint answers 404.
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  LOG_LEVEL: z
    .enum(["debug", "info", "warn", "error"], { error: "LOG_LEVEL must be debug, info, warn or error" })
    .default("info"),
});

/** Why an SMS_URL cannot be used, or null. Plain http:// is allowed only on loopback (a local gateway stub). */
export function smsUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "SMS_URL must be smpp://user:password@host:port?source=… or https://…";
  }
  if (url.protocol === "smpp:") {
    if (!url.hostname) return "SMS_URL (smpp) needs a host";
    if (!url.username) return "SMS_URL (smpp) needs a system_id as user name: smpp://system_id:password@host:2775";
    return null;
  }
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) return null;
  return "SMS_URL must start with smpp:// or https:// (http:// only on localhost)";
}

function parseHeaderJson(value: string): Record<string, string> | null {
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
    const entries = Object.entries(parsed);
    if (!entries.every(([, header]) => typeof header === "string")) return null;
    return Object.fromEntries(entries) as Record<string, string>;
  } catch {
    return null;
  }
}

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** Parsed environment; throws one readable error listing every invalid variable. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
