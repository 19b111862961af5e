// Derivation of the customer's private tracking token (pure, no app imports: the seed uses it too).
import { createHash, createHmac } from "node:crypto";

/** HMAC-SHA256 of the reference under the installation's secret: 256 bits, unguessable without the secret. */
export function deriveTrackingToken(secret: string, reference: string) {
  const token = createHmac("sha256", secret).update(`tracking:${reference}`).digest("base64url");
  return { token, hash: hashToken(token) };
}

/** Only this hash is stored (complaints.trackingTokenHash), for look-up. */
export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}
