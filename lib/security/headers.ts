// Security headers of every response (proxy.ts): a per-request nonce CSP, frame-ancestors 'none', the HSTS value.
// Pure functions, so the policy is unit-tested without a server.

export type CspOptions = { nonce: string; dev: boolean };

/**
 * Scripts: only those carrying this request's nonce ('strict-dynamic' lets them load Next's chunks), no inline
 * handlers, no eval outside development (React's dev tooling needs it). Styles keep 'unsafe-inline': Radix and
 * recharts set inline style attributes, which nonces cannot cover; style injection cannot run script.
 */
export function contentSecurityPolicy({ nonce, dev }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Sent only over TLS (isSecureRequest in lib/security/client-ip.ts): an https APP_URL or a trusted proxy's word. */
export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

export function generateNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
