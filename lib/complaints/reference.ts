// Public complaint references CMP-YYYY-NNNNNN and private tracking tokens.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { deriveTrackingToken, hashToken } from "@/lib/complaints/tracking-token";
import { BUSINESS_TIME_ZONE, zonedYear } from "@/lib/time/zone";

export { hashToken };

function formatReference(year: number, number: number) {
  return `CMP-${year}-${String(number).padStart(6, "0")}`;
}

export { REFERENCE_PATTERN } from "@/lib/complaints/constants";

/**
 * Takes the next number of the year in its own short statement, outside the creating transaction, so concurrent
 * creations do not queue behind one locked counter row for their whole transaction. A rolled-back creation leaves a
 * gap in the numbering, as a database sequence would.
 */
export async function nextReference(now: Date): Promise<string> {
  const year = zonedYear(now, BUSINESS_TIME_ZONE);
  const rows = await db.$queryRaw<{ last: number }[]>`
    INSERT INTO complaint_sequences (year, last) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last = complaint_sequences.last + 1
    RETURNING last`;
  const last = rows[0]?.last;
  if (last === undefined) throw new Error("complaint_sequences returned no row");
  return formatReference(year, last);
}

/**
 * The customer's private tracking token: an HMAC of the reference under the installation's secret (256 bits,
 * unguessable without the secret), so every e-mail can carry the link without storing the token itself; only its
 * SHA-256 is stored, for look-up. Rotating NEXTAUTH_SECRET invalidates old links (documented in docs/decisions.md).
 */
export function trackingTokenFor(reference: string) {
  return deriveTrackingToken(env().NEXTAUTH_SECRET, reference);
}
