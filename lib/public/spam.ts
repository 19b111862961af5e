// Spam protection for the public pages: the honeypot field (the client address comes from lib/security/client-ip.ts).

/**
 * Name of the hidden field that people never see (visually hidden, tabindex -1, autocomplete off) but form-filling
 * bots do. A plausible name, so bots fill it in.
 */
export const HONEYPOT_FIELD = "website";

export function isHoneypotFilled(value: unknown): boolean {
  return typeof value === "string" && value.trim().length > 0;
}
