// The proxy rule (docs/decisions.md 2026-12-07): the socket peer is the client unless TRUSTED_PROXIES names it; then
// the right-most X-Forwarded-For address that is not a trusted proxy. TLS likewise: an https APP_URL, or a trusted
// proxy's X-Forwarded-Proto. Also the cookie names that follow from it.
import { afterEach, describe, expect, it, vi } from "vitest";
import { cameOverTls, parseTrustedProxies, rateLimitSubject, resolveClientIp } from "@/lib/security/client-ip";

const none = parseTrustedProxies([]);
const proxies = parseTrustedProxies(["10.0.0.0/8", "192.0.2.1", "fd00::/8"]);

describe("client address", () => {
  it("without trusted proxies, is the socket address whatever X-Forwarded-For says", () => {
    expect(resolveClientIp("203.0.113.5", null, none)).toBe("203.0.113.5");
    expect(resolveClientIp("203.0.113.5", "198.51.100.1", none)).toBe("203.0.113.5");
    expect(resolveClientIp("203.0.113.5", "198.51.100.1, 198.51.100.2", none)).toBe("203.0.113.5");
    // A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d: one client, one address.
    expect(resolveClientIp("::ffff:203.0.113.5", "1.2.3.4", none)).toBe("203.0.113.5");
    expect(resolveClientIp("2001:db8::1", "1.2.3.4", none)).toBe("2001:db8::1");
  });

  it("a spoofed X-Forwarded-For from an untrusted peer changes nothing, even when it names a trusted proxy", () => {
    for (const spoof of ["1.1.1.1", "10.0.0.1", "10.0.0.1, 10.0.0.2", "garbage", "203.0.113.9, 192.0.2.1"]) {
      expect(resolveClientIp("198.51.100.77", spoof, proxies)).toBe("198.51.100.77");
    }
  });

  it("behind trusted proxies, is the right-most address that is not a trusted proxy", () => {
    expect(resolveClientIp("10.1.1.1", "198.51.100.7", proxies)).toBe("198.51.100.7");
    // The client prepended a made-up hop; nginx appended the real one.
    expect(resolveClientIp("10.1.1.1", "6.6.6.6, 198.51.100.7", proxies)).toBe("198.51.100.7");
    // Two proxies (CDN 192.0.2.1 → nginx 10.1.1.1): both skipped.
    expect(resolveClientIp("10.1.1.1", "6.6.6.6, 198.51.100.7, 192.0.2.1", proxies)).toBe("198.51.100.7");
    expect(resolveClientIp("::ffff:10.1.1.1", "198.51.100.7", proxies)).toBe("198.51.100.7");
    expect(resolveClientIp("fd00::5", "2001:db8::99", proxies)).toBe("2001:db8::99");
    expect(resolveClientIp("10.1.1.1", "[2001:db8::99]", proxies)).toBe("2001:db8::99");
  });

  it("stops at a hop it cannot read, and falls back to the nearest trusted hop", () => {
    expect(resolveClientIp("10.1.1.1", "198.51.100.7, not-an-ip", proxies)).toBe("10.1.1.1");
    expect(resolveClientIp("10.1.1.1", "", proxies)).toBe("10.1.1.1");
    expect(resolveClientIp("10.1.1.1", null, proxies)).toBe("10.1.1.1");
    expect(resolveClientIp("10.1.1.1", "10.2.2.2", proxies)).toBe("10.2.2.2");
  });

  it("an unknown socket address shares the one 'unknown' bucket", () => {
    expect(resolveClientIp(null, "198.51.100.7", proxies)).toBe("unknown");
    expect(resolveClientIp("", "198.51.100.7", none)).toBe("unknown");
  });
});

describe("rate-limit subject", () => {
  it("counts IPv4 per address and IPv6 per /64, so rotating within one's own /64 gains nothing", () => {
    expect(rateLimitSubject("203.0.113.5")).toBe("203.0.113.5");
    expect(rateLimitSubject("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(rateLimitSubject("2001:db8:1:2:ffff:ffff:ffff:fffe")).toBe("2001:db8:1:2::/64");
    expect(rateLimitSubject("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(rateLimitSubject("::ffff:203.0.113.5")).toBe("203.0.113.5");
    expect(rateLimitSubject("unknown")).toBe("unknown");
  });
});

describe("TLS", () => {
  it("is on when APP_URL is https, whatever the headers say", () => {
    expect(cameOverTls("https://csm.example.com", null, "203.0.113.5", none)).toBe(true);
    expect(cameOverTls("https://csm.example.com", "http", null, none)).toBe(true);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(cameOverTls("http://localhost:3000", "https", "10.1.1.1", proxies)).toBe(true);
    expect(cameOverTls("http://localhost:3000", "https, http", "10.1.1.1", proxies)).toBe(true);
    expect(cameOverTls("http://localhost:3000", "http", "10.1.1.1", proxies)).toBe(false);
    expect(cameOverTls("http://localhost:3000", null, "10.1.1.1", proxies)).toBe(false);
    expect(cameOverTls("http://localhost:3000", "https", "203.0.113.5", proxies)).toBe(false);
    expect(cameOverTls("http://localhost:3000", "https", null, proxies)).toBe(false);
  });
});

describe("TRUSTED_PROXIES and the cookie options", () => {
  afterEach(() => vi.unstubAllEnvs());

  async function withEnv(values: Record<string, string>) {
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", "postgresql://u:p@127.0.0.1:5432/db");
    vi.stubEnv("NEXTAUTH_SECRET", "0123456789abcdef0123456789abcdef");
    for (const [key, value] of Object.entries(values)) vi.stubEnv(key, value);
    return { env: (await import("@/lib/env")).env, cookies: await import("@/lib/auth/cookies") };
  }

  // Seven fresh imports of lib/env (vi.resetModules): seconds on a loaded machine, beyond the 5 s default.
  it("validates the list", { timeout: 60_000 }, async () => {
    expect((await withEnv({ TRUSTED_PROXIES: " 10.0.0.0/8, 127.0.0.1 ,::1,fd00::/8" })).env().TRUSTED_PROXIES).toEqual([
      "10.0.0.0/8",
      "127.0.0.1",
      "::1",
      "fd00::/8",
    ]);
    expect((await withEnv({ TRUSTED_PROXIES: "" })).env().TRUSTED_PROXIES).toEqual([]);
    for (const bad of ["10.0.0.0/33", "nginx", "10.0.0", "0x7f.1", "10.0.0.0/8/1"]) {
      const { env } = await withEnv({ TRUSTED_PROXIES: bad });
      expect(() => env()).toThrowError(/TRUSTED_PROXIES must be a comma-separated list/);
    }
  });

  it("prefixes and secures next-auth's cookies over TLS, and leaves them plain over http", async () => {
    const secure = await withEnv({ APP_URL: "https://csm.example.com" });
    const options = secure.cookies.authOptionsFor(new Headers());
    expect(options.useSecureCookies).toBe(true);
    expect(options.cookies?.sessionToken).toEqual({
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
    expect(options.cookies?.callbackUrl?.name).toBe("__Secure-next-auth.callback-url");
    expect(options.cookies?.csrfToken).toEqual({
      name: "__Host-next-auth.csrf-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
    expect(options.providers).toHaveLength(1);

    const plain = await withEnv({ APP_URL: "http://localhost:3000" });
    const local = plain.cookies.authOptionsFor(new Headers({ "x-forwarded-proto": "https" }));
    expect(local.useSecureCookies).toBe(false);
    expect(local.cookies?.sessionToken).toMatchObject({ name: "next-auth.session-token", options: { secure: false } });
    expect(local.cookies?.csrfToken?.name).toBe("next-auth.csrf-token");
  });
});
