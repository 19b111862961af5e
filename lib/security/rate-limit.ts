// Fixed-window rate limiting in PostgreSQL, so the limit holds across several app instances. Old windows are deleted
// by the hourly housekeeping.purge job (lib/housekeeping/purge.ts).
import { db } from "@/lib/db";

export type RateLimitVerdict = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/** Counts one hit for `key` in the current window of `windowSeconds`; allowed while the count is ≤ `limit`. */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<RateLimitVerdict> {
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
