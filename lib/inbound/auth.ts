// Shared-secret authentication of the mail gateway: "Authorization: Bearer <INBOUND_EMAIL_SECRET>".
import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Constant-time comparison. Both sides are hashed first so that the comparison takes the same time whatever the
 * length of the presented value (timingSafeEqual needs equal lengths and would otherwise leak the secret's length).
 */
export function bearerMatches(authorization: string | null, secret: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? "");
  const presented = createHash("sha256")
    .update(match?.[1] ?? "")
    .digest();
  const expected = createHash("sha256").update(secret).digest();
  return timingSafeEqual(presented, expected) && match !== null;
}
