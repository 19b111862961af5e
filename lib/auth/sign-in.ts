// Credential check with account lockout: 5 failed attempts within 15 minutes lock the account for 15 minutes.
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/audit/log";
import type { Role } from "@/lib/generated/prisma/enums";
import { hitRateLimit } from "@/lib/security/rate-limit";

export const MAX_FAILED_ATTEMPTS = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_DURATION_MS = 15 * 60_000;

/**
 * Request rate limits on top of the lockout: the lockout stops guessing one password, these stop one client from
 * hammering many accounts (per IP, when the proxy tells us the IP) and anyone from hammering one account.
 */
export const SIGN_IN_RATE_LIMITS = { perIp: 60, perAccount: 30, windowSeconds: 15 * 60 } as const;

export type SignInError = "invalid_credentials" | "account_inactive" | "account_locked" | "rate_limited";
export type SignInResult =
  | { ok: true; user: { id: number; email: string; name: string; role: Role; sessionVersion: number } }
  | { ok: false; error: SignInError; lockedUntil?: Date };

/** Start of the window in which failures count: never before the last success or the end of the last lock. */
export function failureWindowStart(now: Date, lastSuccessAt: Date | null, lockedUntil: Date | null): Date {
  const candidates = [now.getTime() - FAILURE_WINDOW_MS, lastSuccessAt?.getTime() ?? 0];
  if (lockedUntil && lockedUntil.getTime() <= now.getTime()) candidates.push(lockedUntil.getTime());
  return new Date(Math.max(...candidates));
}

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

export async function authenticate(input: {
  email: string;
  password: string;
  ip?: string | null;
  now?: Date;
}): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const email = normaliseEmail(input.email);
  const limits = [hitRateLimit(`sign-in:account:${email}`, SIGN_IN_RATE_LIMITS.perAccount, SIGN_IN_RATE_LIMITS.windowSeconds, now)];
  if (input.ip) limits.push(hitRateLimit(`sign-in:ip:${input.ip}`, SIGN_IN_RATE_LIMITS.perIp, SIGN_IN_RATE_LIMITS.windowSeconds, now));
  if ((await Promise.all(limits)).some((verdict) => !verdict.allowed)) return { ok: false, error: "rate_limited" };
  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });

  if (user?.lockedUntil && user.lockedUntil > now) {
    return { ok: false, error: "account_locked", lockedUntil: user.lockedUntil };
  }

  const passwordMatches = user?.passwordHash ? await verifyPassword(input.password, user.passwordHash) : false;
  if (!user || !passwordMatches) {
    return recordFailure({ email, userId: user?.id ?? null, ip: input.ip ?? null, now, lockedUntil: user?.lockedUntil ?? null });
  }
  if (!user.active) return { ok: false, error: "account_inactive" };

  await db.$transaction([
    db.loginAttempt.create({ data: { email, userId: user.id, succeeded: true, ip: input.ip ?? null, createdAt: now } }),
    db.user.update({ where: { id: user.id }, data: { lastLoginAt: now, lockedUntil: null } }),
  ]);
  await writeAudit(db, { actorType: "user", actorId: user.id, action: "auth.sign_in", entityType: "user", entityId: String(user.id), ip: input.ip ?? null });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}

async function recordFailure(args: {
  email: string;
  userId: number | null;
  ip: string | null;
  now: Date;
  lockedUntil: Date | null;
}): Promise<SignInResult> {
  const { email, userId, ip, now } = args;
  return db.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email, userId, succeeded: false, ip, createdAt: now } });
    if (userId === null) return { ok: false, error: "invalid_credentials" } as const;

    const lastSuccess = await tx.loginAttempt.findFirst({
      where: { email, succeeded: true },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    const since = failureWindowStart(now, lastSuccess?.createdAt ?? null, args.lockedUntil);
    const failures = await tx.loginAttempt.count({ where: { email, succeeded: false, createdAt: { gt: since, lte: now } } });
    if (failures < MAX_FAILED_ATTEMPTS) return { ok: false, error: "invalid_credentials" } as const;

    const lockedUntil = new Date(now.getTime() + LOCK_DURATION_MS);
    await tx.user.update({ where: { id: userId }, data: { lockedUntil } });
    await writeAudit(tx, { actorType: "system", action: "auth.account_locked", entityType: "user", entityId: String(userId), changes: { failures, lockedUntil: lockedUntil.toISOString() }, ip });
    return { ok: false, error: "account_locked", lockedUntil } as const;
  });
}
