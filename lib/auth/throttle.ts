// Sign-in throttling without lockout (issue 14, docs/decisions.md "throttle design"): growing delays per account and
// client address, and a per-account ceiling that only slows every attempt down. Pure maths first, then the rows.
import "server-only";
import type { Db, Tx } from "@/lib/db";

export const THROTTLE = {
  /** Failures from one address on one account before that pair has to wait. */
  freePairFailures: 4,
  /** The first wait; it doubles with every further failure of the pair. */
  pairBaseDelayMs: 1_000,
  pairMaxDelayMs: 15 * 60_000,
  /** A pair's count starts afresh after this long without a failure. */
  pairForgetMs: 24 * 60 * 60_000,
  /** The account-wide count (all addresses) runs in windows of this length from the first failure. */
  accountWindowMs: 15 * 60_000,
  /** Failures on one account within a window before every attempt on it is slowed (never refused). */
  accountCeiling: 20,
  accountSlowStepMs: 50,
  accountMaxSlowMs: 2_000,
  /** Failures on one account within a window that make a burst: its owner gets one e-mail per window. */
  burstFailures: 10,
} as const;

/** How long a pair must wait after its latest failure before its next attempt is evaluated (0: at once). */
export function pairDelayMs(failures: number): number {
  const over = failures - THROTTLE.freePairFailures;
  if (over <= 0) return 0;
  return Math.min(THROTTLE.pairBaseDelayMs * 2 ** Math.min(over - 1, 30), THROTTLE.pairMaxDelayMs);
}

/** Extra latency of every attempt on an account that has passed its ceiling within the window (0 below it). */
export function accountSlowMs(failuresInWindow: number): number {
  const over = failuresInWindow - THROTTLE.accountCeiling;
  if (over <= 0) return 0;
  return Math.min(over * THROTTLE.accountSlowStepMs, THROTTLE.accountMaxSlowMs);
}

export const pairKey = (email: string, ip: string) => `pair:${email}|${ip}`;
export const accountKey = (email: string) => `account:${email}`;

export type ThrottleRow = {
  key: string;
  email: string;
  ip: string | null;
  failures: number;
  refused: number;
  windowStart: Date;
  lastFailureAt: Date;
  nextAllowedAt: Date | null;
  notifiedAt: Date | null;
};

/** Whether the pair must still wait: its next attempt is turned away (with the ordinary failure answer). */
export function pairWaiting(pair: Pick<ThrottleRow, "nextAllowedAt" | "lastFailureAt"> | null, now: Date): boolean {
  if (!pair?.nextAllowedAt) return false;
  if (pair.lastFailureAt.getTime() < now.getTime() - THROTTLE.pairForgetMs) return false;
  return pair.nextAllowedAt.getTime() > now.getTime();
}

/** Failures the account row counts at `now` (0 once its window has ended). */
export function accountFailuresNow(account: Pick<ThrottleRow, "failures" | "windowStart"> | null, now: Date): number {
  if (!account || account.windowStart.getTime() <= now.getTime() - THROTTLE.accountWindowMs) return 0;
  return account.failures;
}

/**
 * One failed attempt of `email` from `ip`, or one turned away while the pair waits (`refused`): an evaluated failure
 * counts for the pair (which gets its next allowed time) and for the account window; a refusal only counts as such,
 * so one address's hammering never slows the account for everyone else. Both run the same statements (equal
 * timing). Upserts, so concurrent attempts add up instead of overwriting. Returns the account row after the update.
 */
export async function recordThrottledFailure(
  tx: Tx,
  args: { email: string; ip: string; now: Date; refused: boolean },
): Promise<ThrottleRow> {
  const { email, ip, now, refused } = args;
  const failed = refused ? 0 : 1;
  const forgetBefore = new Date(now.getTime() - THROTTLE.pairForgetMs);
  const key = pairKey(email, ip);
  const [pair] = await tx.$queryRaw<{ failures: number; nextAllowedAt: Date | null }[]>`
    INSERT INTO sign_in_throttles (key, email, ip, failures, refused, "windowStart", "lastFailureAt")
    VALUES (${key}, ${email}, ${ip}, ${failed}, ${1 - failed}, ${now}, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN sign_in_throttles."lastFailureAt" < ${forgetBefore} THEN ${failed} ELSE sign_in_throttles.failures + ${failed} END,
      refused = CASE WHEN sign_in_throttles."lastFailureAt" < ${forgetBefore} THEN ${1 - failed} ELSE sign_in_throttles.refused + ${1 - failed} END,
      "windowStart" = CASE WHEN sign_in_throttles."lastFailureAt" < ${forgetBefore} THEN ${now} ELSE sign_in_throttles."windowStart" END,
      "lastFailureAt" = CASE WHEN ${failed} = 1 THEN ${now} ELSE sign_in_throttles."lastFailureAt" END
    RETURNING failures, "nextAllowedAt"`;
  const delay = pairDelayMs(pair?.failures ?? 0);
  const nextAllowedAt = refused ? (pair?.nextAllowedAt ?? null) : delay > 0 ? new Date(now.getTime() + delay) : null;
  await tx.$executeRaw`UPDATE sign_in_throttles SET "nextAllowedAt" = ${nextAllowedAt} WHERE key = ${key}`;
  const windowEnded = new Date(now.getTime() - THROTTLE.accountWindowMs);
  const [account] = await tx.$queryRaw<ThrottleRow[]>`
    INSERT INTO sign_in_throttles (key, email, ip, failures, refused, "windowStart", "lastFailureAt")
    VALUES (${accountKey(email)}, ${email}, NULL, ${failed}, ${1 - failed}, ${now}, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN sign_in_throttles."windowStart" <= ${windowEnded} THEN ${failed} ELSE sign_in_throttles.failures + ${failed} END,
      refused = CASE WHEN sign_in_throttles."windowStart" <= ${windowEnded} THEN ${1 - failed} ELSE sign_in_throttles.refused + ${1 - failed} END,
      "windowStart" = CASE WHEN sign_in_throttles."windowStart" <= ${windowEnded} THEN ${now} ELSE sign_in_throttles."windowStart" END,
      "lastFailureAt" = ${now}
    RETURNING key, email, ip, failures, refused, "windowStart", "lastFailureAt", "nextAllowedAt", "notifiedAt"`;
  if (!account) throw new Error("sign-in throttle upsert returned no row");
  return account;
}

/** A burst deserves an e-mail when the account reaches the burst size and none was sent in this window. */
export function burstNeedsNotice(account: Pick<ThrottleRow, "failures" | "windowStart" | "notifiedAt">): boolean {
  if (account.failures < THROTTLE.burstFailures) return false;
  return account.notifiedAt === null || account.notifiedAt.getTime() < account.windowStart.getTime();
}

/** Rows idle for longer than a pair is remembered; the auth.throttle-purge job calls this hourly. */
export async function purgeSignInThrottles(tx: Db | Tx, now = new Date()): Promise<number> {
  const result = await tx.signInThrottle.deleteMany({
    where: { lastFailureAt: { lt: new Date(now.getTime() - THROTTLE.pairForgetMs) } },
  });
  return result.count;
}
