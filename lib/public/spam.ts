// Spam protection for the public pages: the honeypot field and the client address used for rate limits.

/**
 * Name of the hidden field that people never see (visually hidden, tabindex -1, autocomplete off) but form-filling
 * bots do. A plausible name, so bots fill it in.
 */
export const HONEYPOT_FIELD = "website";

export function isHoneypotFilled(value: unknown): boolean {
  return typeof value === "string" && value.trim().length > 0;
}

/**
 * The client's address: the first hop of X-Forwarded-For (set by the load balancer in front of the app), else
 * X-Real-IP, else "unknown" — which then shares one bucket, so a missing header cannot bypass the limit.
 */
export function clientIp(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, 64);
  const real = headers.get("x-real-ip")?.trim();
  return real ? real.slice(0, 64) : "unknown";
}
