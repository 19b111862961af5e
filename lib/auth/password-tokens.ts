// One-time set-password links (invitations, resets): only the SHA-256 of the token is stored; a token works once.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { setPasswordSchema } from "@/lib/users/admin-schema";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";
import { rateLimitSubject } from "@/lib/security/client-ip";
import { hitRateLimit } from "@/lib/security/rate-limit";

/** Set-password submissions per client address per 15 minutes: plenty for typos, useless for guessing tokens. */
export const SET_PASSWORD_LIMIT = 20;

export const INVITE_TTL_HOURS = 72;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function setPasswordUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/set-password/${encodeURIComponent(token)}`;
}

/** Issues a new token for `userId`, retiring the user's earlier unused tokens; returns the plain token (shown once). */
export async function issuePasswordToken(
  tx: Tx,
  userId: number,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITE_TTL_HOURS * 3_600_000);
  await tx.passwordToken.create({ data: { userId, purpose, tokenHash: hashToken(token), expiresAt, createdAt: now } });
  return { token, expiresAt };
}

export type PasswordTokenView =
  { state: "valid"; name: string; email: string; purpose: TokenPurpose } | { state: "invalid" };

/**
 * What the set-password page shows: the user's name for a usable token; expired, used or unknown tokens look the same.
 */
export async function viewPasswordToken(token: string, now = new Date()): Promise<PasswordTokenView> {
  if (token.length < 20 || token.length > 200) return { state: "invalid" };
  const row = await db.passwordToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      usedAt: true,
      expiresAt: true,
      purpose: true,
      user: { select: { name: true, email: true, active: true } },
    },
  });
  if (!row || row.usedAt || row.expiresAt <= now || !row.user.active) return { state: "invalid" };
  return { state: "valid", name: row.user.name, email: row.user.email, purpose: row.purpose };
}

/** Sets the password and spends the token in one transaction; existing sessions of the user end (sessionVersion). */
export async function setPasswordWithToken(
  rawInput: unknown,
  ip: string | null = null,
  now = new Date(),
): Promise<Result<{ email: string }>> {
  const verdict = await hitRateLimit(
    `set-password:ip:${rateLimitSubject(ip ?? "unknown")}`,
    SET_PASSWORD_LIMIT,
    15 * 60,
    now,
  );
  if (!verdict.allowed)
    return fail("rate_limited", "Too many attempts; try again later.", {
      details: { retryAfterSeconds: verdict.retryAfterSeconds },
    });
  const parsed = setPasswordSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "The password does not meet the rules.", { fields: fieldErrors(parsed.error) });
  const passwordHash = await hashPassword(parsed.data.password);
  return db.$transaction(async (tx) => {
    // Spend the token first with a conditional update: two concurrent submissions cannot both succeed.
    const row = await tx.passwordToken.findUnique({
      where: { tokenHash: hashToken(parsed.data.token) },
      select: { id: true, userId: true, purpose: true },
    });
    if (!row) return fail("not_found", "This link is not valid.");
    const spent = await tx.passwordToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (spent.count === 0) return fail("not_found", "This link has expired or was already used.");
    const user = await tx.user.findUnique({ where: { id: row.userId }, select: { active: true, email: true } });
    if (!user?.active) return fail("not_found", "This link is not valid.");
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, lockedUntil: null, sessionVersion: { increment: 1 } },
    });
    await writeAudit(tx, {
      actorType: "user",
      actorId: row.userId,
      action: "user.set_password",
      entityType: "user",
      entityId: String(row.userId),
      changes: { purpose: row.purpose },
      ip,
    });
    return { ok: true as const, email: user.email };
  });
}
