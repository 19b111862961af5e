// Use cases: invite a user with a one-time set-password link, and resend the invitation (admin.users).
import "server-only";
import { db, type Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { env } from "@/lib/env";
import { enqueueEmail } from "@/lib/mail/outbox";
import { renderInvite } from "@/lib/mail/invite";
import { INVITE_TTL_HOURS, issuePasswordToken, setPasswordUrl } from "@/lib/auth/password-tokens";
import { fromDbLocale, toDbLocale } from "@/lib/i18n/locales";
import { inviteUserSchema } from "@/lib/users/admin-schema";
import { checkTeams, forbidden } from "@/lib/users/admin-guards";

async function queueInvite(
  tx: Tx,
  user: { id: number; name: string; email: string; locale: "zh_CN" | "en" },
  inviterName: string,
  now: Date,
) {
  const { token } = await issuePasswordToken(tx, user.id, "invite", now);
  const url = setPasswordUrl(env().APP_URL, token);
  const mail = await renderInvite(fromDbLocale(user.locale), {
    name: user.name,
    inviterName,
    url,
    expiresInHours: INVITE_TTL_HOURS,
  });
  await enqueueEmail(tx, { to: user.email, subject: mail.subject, text: mail.text, html: mail.html, kind: "invite" });
  return url;
}

/** Creates the user without a password and queues the invitation; the link is also returned once for the admin. */
export async function inviteUser(
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ userId: number; setPasswordUrl: string }>> {
  if (!can(actor, "admin.users")) return forbidden();
  const parsed = inviteUserSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      return fail("conflict", "A user with this e-mail already exists.", { fields: { email: ["taken"] } });
    }
    if (!(await checkTeams(tx, input.teamIds)))
      return fail("invalid", "Unknown team.", { fields: { teamIds: ["unknown_team"] } });
    const inviter = await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } });
    const user = await tx.user.create({
      data: {
        name: input.name,
        email: input.email,
        role: input.role,
        locale: toDbLocale(input.locale),
        createdAt: now,
        memberships: { create: [...new Set(input.teamIds)].map((teamId) => ({ teamId })) },
      },
      select: { id: true, name: true, email: true, locale: true },
    });
    const url = await queueInvite(tx, user, inviter?.name ?? "Skyline CSM", now);
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "user.invite",
      entityType: "user",
      entityId: String(user.id),
      changes: { name: input.name, email: input.email, role: input.role, locale: input.locale, teamIds: input.teamIds },
    });
    return { ok: true as const, userId: user.id, setPasswordUrl: url };
  });
}

/** A new invitation link for a user who has not set a password yet; earlier links stop working. */
export async function resendInvite(
  actor: Actor,
  userId: number,
  now = new Date(),
): Promise<Result<{ setPasswordUrl: string }>> {
  if (!can(actor, "admin.users")) return forbidden();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, email: true, locale: true, active: true, passwordHash: true },
    });
    if (!user) return fail("not_found", "No such user.");
    if (!user.active) return fail("unprocessable", "Reactivate the user before sending an invitation.");
    if (user.passwordHash) return fail("unprocessable", "This user has already set a password.");
    const inviter = await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } });
    const url = await queueInvite(tx, user, inviter?.name ?? "Skyline CSM", now);
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "user.resend_invite",
      entityType: "user",
      entityId: String(user.id),
    });
    return { ok: true as const, setPasswordUrl: url };
  });
}
