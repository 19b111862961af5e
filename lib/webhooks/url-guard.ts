// SSRF guard for webhook targets. A webhook makes the server send requests to an address an admin typed, so:
// http/https only, no credentials in the URL, never link-local/metadata addresses (169.254.0.0/16, fe80::/10 — cloud
// metadata services live there), and loopback/private/unique-local ranges only when the setting
// "webhooks.allowPrivateNetworks" is on (on-premise installs posting to an intranet, and the tests' local receiver).
// The host is checked when the webhook is saved and its resolved addresses again before every delivery (DNS can change).
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

export type UrlProblem = "invalid_url" | "scheme" | "credentials" | "link_local" | "private_network" | "unresolvable";

const METADATA_HOSTS = new Set(["metadata.google.internal", "metadata", "instance-data"]);

function ipv4Parts(address: string): number[] | null {
  const parts = address.split(".").map(Number);
  return parts.length === 4 && parts.every((part) => Number.isInteger(part) && part >= 0 && part <= 255) ? parts : null;
}

/** "link_local" (always refused), "private" (refused unless allowed) or "public". */
export function classifyAddress(address: string): "link_local" | "private" | "public" {
  let ip = address.toLowerCase().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped?.[1]) ip = mapped[1];
  const v4 = ipv4Parts(ip);
  if (v4) {
    const [a = 0, b = 0] = v4;
    if (a === 169 && b === 254) return "link_local";
    if (a === 0 || a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return "private";
    return "public";
  }
  if (/^fe[89ab]/.test(ip)) return "link_local";
  if (ip === "::1" || ip === "::" || /^f[cd]/.test(ip)) return "private";
  return "public";
}

/** Static checks of a URL as typed (no DNS): used by the form's validation. */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid_url";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "scheme";
  if (url.username || url.password) return "credentials";
  const host = url.hostname.toLowerCase();
  if (METADATA_HOSTS.has(host)) return "link_local";
  if (host === "localhost" || host.endsWith(".localhost")) return allowPrivate ? null : "private_network";
  if (isIP(host.replace(/^\[|\]$/g, ""))) {
    const kind = classifyAddress(host);
    if (kind === "link_local") return "link_local";
    if (kind === "private" && !allowPrivate) return "private_network";
  }
  return null;
}

/** Before a delivery: the static checks plus every address the host resolves to. */
export async function checkResolvedWebhookUrl(raw: string, allowPrivate: boolean): Promise<UrlProblem | null> {
  const problem = checkWebhookUrl(raw, allowPrivate);
  if (problem) return problem;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return null;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    return "unresolvable";
  }
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind === "link_local") return "link_local";
    if (kind === "private" && !allowPrivate) return "private_network";
  }
  return null;
}
