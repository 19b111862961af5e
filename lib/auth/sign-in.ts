// Credential check without lockout (issue 14): every failure — unknown account, wrong password, an address that must
// wait, an address over its request limit — gets the same answer after the same work (one bcrypt comparison, the
// same writes), so neither the answer nor its timing tells them apart. Throttling is lib/auth/throttle.ts.
import "server-only";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import {
  accountFailuresNow,
  accountKey,
  accountSlowMs,
  burstNeedsNotice,
  pairKey,
  pairWaiting,
  recordThrottledFailure,
  THROTTLE,
} from "@/lib/auth/throttle";
import { writeAudit } from "@/lib/audit/log";
import type { Role } from "@/lib/generated/prisma/enums";
import { requestMailFlush } from "@/lib/mail/flush";
import { enqueueEmail } from "@/lib/mail/outbox";
import { renderSignInBurst } from "@/lib/mail/sign-in-burst";
import { hitRateLimit } from "@/lib/security/rate-limit";

/** One client address may try this many sign-ins (any accounts) per window; beyond it, the ordinary failure answer. */
export const SIGN_IN_RATE_LIMITS = { perIp: 60, windowSeconds: 15 * 60 } as const;

/**
 * A failed sign-in is answered no sooner than this after it started — or than the slowest of the last failures of
 * this process, when the machine is so loaded that the work takes longer: on top of equal work (one bcrypt
 * comparison, the same statements), the answer time then does not depend on the path taken.
 */
export const FAILURE_ANSWER_MS = 1_000;
const RECENT_FAILURES = 20;
const recentFailureWorkMs: number[] = [];

/** How long the answer to a failure whose work took `workMs` should wait before it is sent. */
function failurePaddingMs(workMs: number, floorMs: number): number {
  if (floorMs <= 0) return 0;
  recentFailureWorkMs.push(workMs);
  if (recentFailureWorkMs.length > RECENT_FAILURES) recentFailureWorkMs.shift();
  return Math.max(floorMs, ...recentFailureWorkMs) - workMs;
}

/** Stands in for a missing address so that such requests share one pair per account rather than escaping it. */
export const UNKNOWN_ADDRESS = "unknown";

export type SignInError = "invalid_credentials" | "account_inactive";
export type SignInResult =
  | { ok: true; user: { id: number; email: string; name: string; role: Role; sessionVersion: number } }
  | { ok: false; error: SignInError };

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

// A real bcrypt hash of a random secret at the same cost as stored hashes: unknown accounts and users without a
// password are compared against it, so they cost the same time as a wrong password.
let dummyHash: Promise<string> | null = null;
function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${randomUUID()}`);
  return dummyHash;
}

export async function authenticate(input: {
  email: string;
  password: string;
  ip?: string | null;
  now?: Date;
  /** Tests of the throttle maths pass 0 to run fast; everything else keeps the default. */
  failureAnswerMs?: number;
}): Promise<SignInResult> {
  const startedAt = performance.now();
  const now = input.now ?? new Date();
  const email = normaliseEmail(input.email);
  const ip = input.ip || UNKNOWN_ADDRESS;
  const [ipVerdict, user, throttles, fallbackHash] = await Promise.all([
    // Without a known address every client would share one budget: the per-address limit needs the address.
    input.ip
      ? hitRateLimit(`sign-in:ip:${input.ip}`, SIGN_IN_RATE_LIMITS.perIp, SIGN_IN_RATE_LIMITS.windowSeconds, now)
      : { allowed: true },
    db.user.findUnique({ where: { email }, omit: { passwordHash: false } }),
    db.signInThrottle.findMany({ where: { key: { in: [pairKey(email, ip), accountKey(email)] } } }),
    timingDummyHash(),
  ]);
  const pair = throttles.find((row) => row.ip !== null) ?? null;
  const account = throttles.find((row) => row.ip === null) ?? null;

  // The ceiling never refuses: past it, every attempt on the account (from anywhere) just takes longer.
  const slow = accountSlowMs(accountFailuresNow(account, now));
  if (slow > 0) await sleep(slow);

  const refused = !ipVerdict.allowed || pairWaiting(pair, now);
  // Always one comparison, also when the answer is already decided, so every failure costs the same time.
  const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? fallbackHash);
  if (refused || !user?.passwordHash || !passwordMatches) {
    await recordFailure({
      email,
      ip,
      now,
      refused,
      user: user ? { id: user.id, name: user.name, locale: user.locale, active: user.active } : null,
    });
    const padding = failurePaddingMs(performance.now() - startedAt, input.failureAnswerMs ?? FAILURE_ANSWER_MS);
    if (padding > 0) await sleep(padding);
    return { ok: false, error: "invalid_credentials" };
  }
  if (!user.active) return { ok: false, error: "account_inactive" };

  await db.$transaction([
    db.loginAttempt.create({ data: { email, userId: user.id, succeeded: true, ip: input.ip ?? null, createdAt: now } }),
    db.user.update({ where: { id: user.id }, data: { lastLoginAt: now, lockedUntil: null } }),
    // The right password from this address: its pair starts afresh (the account-wide count keeps running).
    db.signInThrottle.deleteMany({ where: { key: pairKey(email, ip) } }),
  ]);
  await writeAudit(db, {
    actorType: "user",
    actorId: user.id,
    action: "auth.sign_in",
    entityType: "user",
    entityId: String(user.id),
    ip: input.ip ?? null,
  });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}

async function recordFailure(args: {
  email: string;
  ip: string;
  now: Date;
  refused: boolean;
  user: { id: number; name: string; locale: "zh_CN" | "en"; active: boolean } | null;
}): Promise<void> {
  const { email, ip, now, refused, user } = args;
  const notified = await db.$transaction(async (tx) => {
    await tx.loginAttempt.create({
      data: {
        email,
        userId: user?.id ?? null,
        succeeded: false,
        ip: ip === UNKNOWN_ADDRESS ? null : ip,
        createdAt: now,
      },
    });
    const account = await recordThrottledFailure(tx, { email, ip, now, refused });
    if (!user?.active || !burstNeedsNotice(account)) return false;
    const mail = await renderSignInBurst(user.locale === "en" ? "en" : "zh-CN", {
      name: user.name,
      failures: account.failures,
      windowMinutes: Math.round(THROTTLE.accountWindowMs / 60_000),
      lastAddress: ip === UNKNOWN_ADDRESS ? null : ip,
    });
    await enqueueEmail(tx, { to: email, ...mail, kind: "notification" });
    await tx.signInThrottle.update({ where: { key: account.key }, data: { notifiedAt: now } });
    await writeAudit(tx, {
      actorType: "system",
      action: "auth.failure_burst",
      entityType: "user",
      entityId: String(user.id),
      changes: { failures: account.failures },
      ip,
    });
    return true;
  });
  if (notified) await requestMailFlush();
}
