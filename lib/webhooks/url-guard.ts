// SSRF guard for webhook targets. A webhook makes the server send requests to an address an admin typed, so:
// http/https only, no credentials in the URL, never link-local/cloud-metadata addresses (169.254.0.0/16, fe80::/10,
// Alibaba's 100.100.100.200, AWS's fd00:ec2::254), and loopback/private/unique-local ranges only when the setting
// "webhooks.allowPrivateNetworks" is on (on-premise installs posting to an intranet, and the tests' local receiver).
// Addresses are parsed by ipaddr.js, and an IPv6 address that carries an IPv4 one (mapped ::ffff:a.b.c.d, compatible
// ::a.b.c.d, translated ::ffff:0:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16, Teredo) is judged by
// the IPv4 it carries: `[::ffff:127.0.0.1]` reaches loopback exactly like 127.0.0.1 does.
// The host is checked when the webhook is saved and its resolved addresses again before every delivery (DNS can
// change);
// the delivery's connection itself resolves through guardedLookup, so it can only reach an address checked there (a
// DNS answer that changes between the check and the connect — rebinding — is refused too).
import { lookup as lookupCallback, type LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

export type UrlProblem = "invalid_url" | "scheme" | "credentials" | "link_local" | "private_network" | "unresolvable";
export type AddressClass = "link_local" | "private" | "public";

const METADATA_HOSTS = new Set(["metadata.google.internal", "metadata", "instance-data", "metadata.tencentyun.com"]);
/** Cloud metadata services outside the link-local ranges: always refused, like 169.254.169.254. */
const METADATA_ADDRESSES = ["100.100.100.200", "fd00:ec2::254"].map((address) => ipaddr.parse(address));

const NAT64_LOCAL_USE = ipaddr.IPv6.parseCIDR("64:ff9b:1::/48");
type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

const RANK: Record<AddressClass, number> = { public: 0, private: 1, link_local: 2 };
const worst = (classes: AddressClass[]): AddressClass =>
  classes.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), "public");

function ipv4FromWords(high: number, low: number): IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** The IPv4 addresses an IPv6 address carries (the ones a packet to it would end up at), or none. */
export function embeddedIPv4(address: IPv6): IPv4[] {
  const p = address.parts;
  const [p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0] = p;
  const lastWords = ipv4FromWords(p6, p7);
  // ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (RFC 6145 translated), ::a.b.c.d (deprecated compatible; not :: or ::1).
  if (p0 === 0 && p1 === 0 && p2 === 0 && p3 === 0) {
    if (p4 === 0 && (p5 === 0xffff || p5 === 0) && !(p5 === 0 && p6 === 0 && p7 <= 1)) return [lastWords];
    if (p4 === 0xffff && p5 === 0) return [lastWords];
  }
  // NAT64 well-known prefix 64:ff9b::/96 (RFC 6052): the IPv4 in the last 32 bits.
  if (p0 === 0x64 && p1 === 0xff9b && p2 === 0 && p3 === 0 && p4 === 0 && p5 === 0) return [lastWords];
  // 6to4: 2002:AABB:CCDD::/48 routes to the IPv4 AA.BB.CC.DD.
  if (p0 === 0x2002) return [ipv4FromWords(p1, p2)];
  // Teredo 2001:0::/32: server IPv4 in words 2–3, the client's IPv4 inverted in words 6–7.
  if (p0 === 0x2001 && p1 === 0) return [ipv4FromWords(p2, p3), ipv4FromWords(~p6 & 0xffff, ~p7 & 0xffff)];
  return [];
}

function classifyIPv4(address: IPv4): AddressClass {
  if (METADATA_ADDRESSES.some((metadata) => metadata.kind() === "ipv4" && metadata.toString() === address.toString()))
    return "link_local";
  switch (address.range()) {
    case "unicast":
      return "public";
    case "linkLocal":
      return "link_local";
    // 0.0.0.0 connects to this host on Linux; the rest (loopback, RFC 1918, carrier-grade NAT, broadcast, multicast,
    // reserved and documentation ranges) is never a public web server.
    default:
      return "private";
  }
}

function classifyIPv6(address: IPv6): AddressClass {
  if (
    METADATA_ADDRESSES.some(
      (metadata) => metadata.kind() === "ipv6" && metadata.toNormalizedString() === address.toNormalizedString(),
    )
  )
    return "link_local";
  // The local-use NAT64 prefix 64:ff9b:1::/48 (RFC 8215) is the operator's own network, wherever the IPv4 sits in it.
  if (address.match(NAT64_LOCAL_USE)) return "private";
  const carried = embeddedIPv4(address);
  if (carried.length > 0) return worst(carried.map(classifyIPv4));
  switch (address.range()) {
    case "unicast":
      return "public";
    case "linkLocal":
      return "link_local";
    // loopback, unspecified, unique-local fc00::/7 (fd00::/8 included), deprecated site-local, multicast, reserved.
    default:
      return "private";
  }
}

/** "link_local" (always refused), "private" (refused unless allowed) or "public"; null when not an IP address. */
export function classifyAddress(raw: string): AddressClass | null {
  const text = raw.trim().replace(/^\[|\]$/g, "");
  // Strict notations only: URL parsing has already turned 0x7f.1 / 2130706433 into dotted quads.
  if (!ipaddr.IPv4.isValidFourPartDecimal(text) && !ipaddr.IPv6.isValid(text)) return null;
  const address = ipaddr.parse(text);
  return address.kind() === "ipv4" ? classifyIPv4(address as IPv4) : classifyIPv6(address as IPv6);
}

function problemOf(kind: AddressClass | null, allowPrivate: boolean): UrlProblem | null {
  if (kind === "link_local") return "link_local";
  if (kind === "private" && !allowPrivate) return "private_network";
  return null;
}

/** Static checks of a URL as typed (no DNS): used at save time. */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid_url";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "scheme";
  if (url.username || url.password) return "credentials";
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (METADATA_HOSTS.has(host)) return "link_local";
  if (host === "localhost" || host.endsWith(".localhost")) return allowPrivate ? null : "private_network";
  return problemOf(classifyAddress(host), allowPrivate);
}

/** Before a delivery: the static checks plus every address the host resolves to. */
export async function checkResolvedWebhookUrl(raw: string, allowPrivate: boolean): Promise<UrlProblem | null> {
  const problem = checkWebhookUrl(raw, allowPrivate);
  if (problem) return problem;
  const host = new URL(raw).hostname;
  if (classifyAddress(host) !== null) return null;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    return "unresolvable";
  }
  for (const { address } of addresses) {
    const found = problemOf(classifyAddress(address) ?? "private", allowPrivate);
    if (found) return found;
  }
  return null;
}

/** Thrown through the connection when the resolved address is refused; deliver.ts records its message. */
export class RefusedAddressError extends Error {
  constructor(readonly problem: UrlProblem) {
    super(`url_refused:${problem}`);
    this.name = "RefusedAddressError";
  }
}

/** A `lookup` for net.connect that resolves the host and fails when any address it returns would be refused. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookupCallback(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      for (const { address } of addresses) {
        const problem = problemOf(classifyAddress(address) ?? "private", allowPrivate);
        if (problem) return callback(new RefusedAddressError(problem), "", 0);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new RefusedAddressError("unresolvable"), "", 0);
      return callback(null, first.address, first.family);
    });
  };
}
