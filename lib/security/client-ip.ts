// Who is asking: the client address behind per-IP limits (public form, sign-in, tracking replies, set-password) and
// whether the request came over TLS (secure cookies, HSTS). The rule (docs/decisions.md, 2026-12-07):
// - start from the TCP peer (lib/security/peer-address.ts); if it is not in TRUSTED_PROXIES, it is the client, and
//   X-Forwarded-For / X-Forwarded-Proto are ignored (anyone can write them);
// - if it is a trusted proxy, walk X-Forwarded-For from the right (each proxy appends the address it received from)
//   and take the first address that is not a trusted proxy.
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";
import { peerAddressHeader } from "@/lib/security/peer-address";

export type HeaderSource = Pick<Headers, "get"> | Record<string, unknown> | null | undefined;
type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** A client whose address cannot be known shares this one bucket, so a missing address never escapes a limit. */
export const UNKNOWN_CLIENT = "unknown";

function readHeader(source: HeaderSource, name: string): string | null {
  if (!source) return null;
  if (typeof source.get === "function") return (source as Pick<Headers, "get">).get(name);
  const value = (source as Record<string, unknown>)[name];
  if (Array.isArray(value)) return value.join(", ");
  return typeof value === "string" ? value : null;
}

/** IPv4-mapped IPv6 (::ffff:1.2.3.4, as a dual-stack socket reports IPv4 clients) becomes plain IPv4. */
function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const trimmed = text.trim().replace(/^\[|\]$/g, "");
  if (!ipaddr.IPv4.isValidFourPartDecimal(trimmed) && !ipaddr.IPv6.isValid(trimmed)) return null;
  return ipaddr.process(trimmed);
}

export function parseTrustedProxies(entries: readonly string[]): Range[] {
  return entries.map((entry) => {
    const [address = "", bits] = entry.split("/");
    const parsed = ipaddr.process(address);
    if (bits !== undefined) {
      const range = ipaddr.parseCIDR(entry);
      // An IPv4 range written as ::ffff:a.b.c.d/n matches the plain IPv4 addresses parseAddress returns.
      return range[0].kind() === "ipv6" && parsed.kind() === "ipv4" ? [parsed, Math.max(0, range[1] - 96)] : range;
    }
    return [parsed, parsed.kind() === "ipv4" ? 32 : 128];
  });
}

function isTrusted(address: ipaddr.IPv4 | ipaddr.IPv6, trusted: readonly Range[]): boolean {
  return trusted.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
}

/** The pure rule: the client's address from the socket peer, the X-Forwarded-For header and the trusted ranges. */
export function resolveClientIp(peer: string | null, forwardedFor: string | null, trusted: readonly Range[]): string {
  const peerAddress = peer ? parseAddress(peer) : null;
  if (!peerAddress) return UNKNOWN_CLIENT;
  let nearest = peerAddress;
  if (!isTrusted(nearest, trusted)) return nearest.toString();
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0);
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = parseAddress(hops[index] ?? "");
    // A trusted proxy writes real addresses; garbage here means the chain cannot be followed further.
    if (!hop) return nearest.toString();
    nearest = hop;
    if (!isTrusted(hop, trusted)) return hop.toString();
  }
  // Every hop is a trusted proxy (e.g. a health check from the load balancer itself): the left-most one.
  return nearest.toString();
}

/**
 * What a per-IP limit counts: the address itself for IPv4, the /64 for IPv6 — one subscriber usually holds a whole /64
 * and could otherwise take a fresh address per request. Anything unparsable counts as itself.
 */
export function rateLimitSubject(ip: string): string {
  const address = parseAddress(ip);
  if (!address || address.kind() === "ipv4") return address?.toString() ?? ip;
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/64`);
  return `${network.toString()}/64`;
}

let parsedFor: readonly string[] | undefined;
let parsedRanges: Range[] = [];
function trustedProxies(): Range[] {
  const entries = env().TRUSTED_PROXIES;
  if (parsedFor !== entries) {
    parsedRanges = parseTrustedProxies(entries);
    parsedFor = entries;
  }
  return parsedRanges;
}

function peerOf(headers: HeaderSource): string | null {
  const name = peerAddressHeader();
  return name ? readHeader(headers, name) : null;
}

/** The client address of this request (see the rule above); "unknown" when the socket address is not known. */
export function clientIp(headers: HeaderSource): string {
  return resolveClientIp(peerOf(headers), readHeader(headers, "x-forwarded-for"), trustedProxies());
}

/**
 * The pure TLS rule: the public URL is https (TLS ends at a proxy in front of the app), or the peer is a trusted
 * proxy and says X-Forwarded-Proto: https (its first value: the proxy nearest the browser). A client's own
 * X-Forwarded-Proto is ignored.
 */
export function cameOverTls(
  appUrl: string,
  forwardedProto: string | null,
  peer: string | null,
  trusted: readonly Range[],
): boolean {
  if (appUrl.toLowerCase().startsWith("https://")) return true;
  if (forwardedProto?.split(",")[0]?.trim().toLowerCase() !== "https") return false;
  const address = peer ? parseAddress(peer) : null;
  return address !== null && isTrusted(address, trusted);
}

/** Whether this request reached us over TLS: decides Secure cookies (lib/auth/cookies.ts) and HSTS (proxy.ts). */
export function isSecureRequest(headers: HeaderSource): boolean {
  return cameOverTls(env().APP_URL, readHeader(headers, "x-forwarded-proto"), peerOf(headers), trustedProxies());
}
