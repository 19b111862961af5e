import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, generateNonce, isTlsRequest } from "@/lib/security/headers";

describe("content security policy", () => {
  it("allows only nonce-carrying scripts, no inline script or eval in production, and no framing", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", dev: false });
    const scriptSrc = csp.split("; ").find((directive) => directive.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("allows eval only in development (React dev tooling)", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true })).toContain("'unsafe-eval'");
  });

  it("makes a fresh, unpredictable nonce per call", () => {
    const nonces = new Set(Array.from({ length: 50 }, generateNonce));
    expect(nonces.size).toBe(50);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("HSTS", () => {
  it("is sent only for TLS requests, trusting the proxy's X-Forwarded-Proto first", () => {
    expect(isTlsRequest("http:", "https")).toBe(true);
    expect(isTlsRequest("http:", "https, http")).toBe(true);
    expect(isTlsRequest("https:", null)).toBe(true);
    expect(isTlsRequest("http:", null)).toBe(false);
    expect(isTlsRequest("https:", "http")).toBe(false);
  });
});
