import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, generateNonce } from "@/lib/security/headers";

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
