// Fixed-window rate limiting in PostgreSQL, so the limit holds across several app instances. Old windows are deleted
// by the hourly housekeeping.purge job (lib/housekeeping/purge.ts).
import "server-only";
import { db } from "@/lib/db";

export type RateLimitVerdict = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/** Counts one hit for `key` in the current window of `windowSeconds`; allowed while the count is ≤ `limit`. */
export async function hitRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  now = new Date(),
): Promise<RateLimitVerdict> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_buckets (key, "windowStart", count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = rate_limit_buckets.count + 1
    RETURNING count`;
  const count = rows[0]?.count ?? 1;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterSeconds };
}

/**
 * Hits reserved by this process in the shared bucket and not yet used, per key and window (issue 20: the bucket
 * UPSERT was a round trip on every API request). A process reserves up to `reservationSize(limit)` hits at once;
 * requests then consume them in memory. Other instances see the reserved hits as used, so the limit is never
 * exceeded across instances; at worst each instance leaves its last unused reservation (< 20 hits) of a window
 * unspent. Limits up to 50 a window reserve one hit at a time: exact, as `hitRateLimit`.
 */
type Reservation = { windowStart: number; limit: number; reserved: number; exhausted: boolean };
const globalForReservations = globalThis as unknown as { skylineRateReservations?: Map<string, Reservation> };
const reservations = (globalForReservations.skylineRateReservations ??= new Map<string, Reservation>());

export function reservationSize(limit: number): number {
  return Math.max(1, Math.min(20, Math.floor(limit / 50)));
}

/** Like `hitRateLimit` (same buckets, same fixed windows), but counting in batches reserved from the shared bucket. */
export async function hitRateLimitReserved(
  key: string,
  limit: number,
  windowSeconds: number,
  now = new Date(),
): Promise<RateLimitVerdict> {
  const windowMs = windowSeconds * 1000;
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now.getTime()) / 1000));
  let state = reservations.get(key);
  if (!state || state.windowStart !== windowStart || state.limit !== limit) {
    if (reservations.size > 10_000)
      for (const [other, entry] of reservations) if (entry.windowStart < windowStart) reservations.delete(other);
    state = { windowStart, limit, reserved: 0, exhausted: false };
    reservations.set(key, state);
  }
  if (state.reserved > 0) {
    state.reserved -= 1;
    return { allowed: true, remaining: state.reserved, retryAfterSeconds };
  }
  // The bucket's count only grows within a window: once it is full for this limit, refuse without asking again.
  if (state.exhausted) return { allowed: false, remaining: 0, retryAfterSeconds };
  const batch = reservationSize(limit);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_buckets (key, "windowStart", count) VALUES (${key}, ${new Date(windowStart)}, ${batch}::int)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = rate_limit_buckets.count + ${batch}::int
    RETURNING count`;
  const count = rows[0]?.count ?? batch;
  const granted = Math.max(0, Math.min(batch, limit - (count - batch)));
  // another request may have started a new window meanwhile
  const current = reservations.get(key) === state ? state : null;
  if (granted === 0) {
    if (current) current.exhausted = true;
    return { allowed: false, remaining: 0, retryAfterSeconds };
  }
  if (current) current.reserved += granted - 1;
  return { allowed: true, remaining: Math.max(0, limit - count), retryAfterSeconds };
}
