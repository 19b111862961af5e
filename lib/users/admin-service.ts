// User administration (admin.users): invite with a one-time set-password link, edit role/teams, (de)activate,
// resend the invitation. Users carry no version column: `updatedAt` is the optimistic-locking token.
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit, diffFields } from "@/lib/audit/log";
import { fail, type Failure, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { env } from "@/lib/env";
import { enqueueEmail } from "@/lib/mail/outbox";
import { renderInvite } from "@/lib/mail/invite";
import { INVITE_TTL_HOURS, issuePasswordToken, setPasswordUrl } from "@/lib/auth/password-tokens";
import { fromDbLocale, toDbLocale } from "@/lib/i18n/locales";
import { inviteUserSchema, setUserActiveSchema, updateUserSchema } from "@/lib/users/admin-schema";

const forbidden = (): Failure => fail("forbidden", "You may not manage users.");
const conflict = (): Failure => fail("conflict", "Someone else changed this user in the meantime. Reload and try again.");

async function checkTeams(tx: Tx, teamIds: readonly number[]): Promise<boolean> {
  if (teamIds.length === 0) return true;
  return (await tx.team.count({ where: { id: { in: [...teamIds] } } })) === new Set(teamIds).size;
}

async function queueInvite(tx: Tx, user: { id: number; name: string; email: string; locale: "zh_CN" | "en" }, inviterName: string, now: Date) {
  const { token } = await issuePasswordToken(tx, user.id, "invite", now);
  const url = setPasswordUrl(env().APP_URL, token);
  const mail = await renderInvite(fromDbLocale(user.locale), { name: user.name, inviterName, url, expiresInHours: INVITE_TTL_HOURS });
  await enqueueEmail(tx, { to: user.email, subject: mail.subject, text: mail.text, html: mail.html, kind: "invite" });
  return url;
}

/** Creates the user without a password and queues the invitation; the link is also returned once for the admin. */
export async function inviteUser(actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ userId: number; setPasswordUrl: string }>> {
  if (!can(actor, "admin.users")) return forbidden();
  const parsed = inviteUserSchema.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      return fail("conflict", "A user with this e-mail already exists.", { fields: { email: ["taken"] } });
    }
    if (!(await checkTeams(tx, input.teamIds))) return fail("invalid", "Unknown team.", { fields: { teamIds: ["unknown_team"] } });
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
export async function resendInvite(actor: Actor, userId: number, now = new Date()): Promise<Result<{ setPasswordUrl: string }>> {
  if (!can(actor, "admin.users")) return forbidden();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, locale: true, active: true, passwordHash: true } });
    if (!user) return fail("not_found", "No such user.");
    if (!user.active) return fail("unprocessable", "Reactivate the user before sending an invitation.");
    if (user.passwordHash) return fail("unprocessable", "This user has already set a password.");
    const inviter = await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } });
    const url = await queueInvite(tx, user, inviter?.name ?? "Skyline CSM", now);
    await writeAudit(tx, { actorType: actor.kind, actorId: actor.userId, action: "user.resend_invite", entityType: "user", entityId: String(user.id) });
    return { ok: true as const, setPasswordUrl: url };
  });
}

async function activeAdminCount(tx: Tx, excludingUserId: number) {
  return tx.user.count({ where: { role: "admin", active: true, id: { not: excludingUserId } } });
}

/** Name, role, language and teams; a role change ends the user's sessions. The last active admin keeps the role. */
export async function updateUser(actor: Actor, rawInput: unknown): Promise<Result<{ updatedAt: Date }>> {
  if (!can(actor, "admin.users")) return forbidden();
  const parsed = updateUserSchema.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: input.id },
      select: { name: true, role: true, locale: true, active: true, updatedAt: true, memberships: { select: { teamId: true } } },
    });
    if (!before) return fail("not_found", "No such user.");
    if (before.updatedAt.toISOString() !== input.expectedUpdatedAt) return conflict();
    if (!(await checkTeams(tx, input.teamIds))) return fail("invalid", "Unknown team.", { fields: { teamIds: ["unknown_team"] } });
    if (before.role === "admin" && input.role !== "admin" && before.active && (await activeAdminCount(tx, input.id)) === 0) {
      return fail("unprocessable", "At least one active admin must remain.", { fields: { role: ["last_admin"] } });
    }
    const teamIds = [...new Set(input.teamIds)].sort((a, b) => a - b);
    const beforeView = { name: before.name, role: before.role, locale: fromDbLocale(before.locale), teamIds: before.memberships.map((m) => m.teamId).sort((a, b) => a - b) };
    const changes = diffFields(beforeView, { name: input.name, role: input.role, locale: input.locale, teamIds });
    if (Object.keys(changes).length === 0) return { ok: true as const, updatedAt: before.updatedAt };
    // The conditional update is the lock: a concurrent save between our read and this write matches no row.
    const updated = await tx.user.updateMany({
      where: { id: input.id, updatedAt: before.updatedAt },
      data: { name: input.name, role: input.role, locale: toDbLocale(input.locale), ...(changes.role ? { sessionVersion: { increment: 1 } } : {}) },
    });
    if (updated.count === 0) return conflict();
    if (changes.teamIds) {
      await tx.teamMembership.deleteMany({ where: { userId: input.id, teamId: { notIn: teamIds } } });
      await tx.teamMembership.createMany({ data: teamIds.map((teamId) => ({ teamId, userId: input.id })), skipDuplicates: true });
    }
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: { updatedAt: true } });
    await writeAudit(tx, { actorType: actor.kind, actorId: actor.userId, action: "user.update", entityType: "user", entityId: String(input.id), changes: JSON.parse(JSON.stringify(changes)) as Prisma.InputJsonValue });
    return { ok: true as const, updatedAt: after.updatedAt };
  });
}

/** Deactivation ends the user's sessions at once; nobody can deactivate themselves or the last active admin. */
export async function setUserActive(actor: Actor, rawInput: unknown): Promise<Result<{ updatedAt: Date }>> {
  if (!can(actor, "admin.users")) return forbidden();
  const parsed = setUserActiveSchema.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  if (!input.active && input.id === actor.userId) return fail("unprocessable", "You cannot deactivate your own account.");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: { role: true, active: true, updatedAt: true } });
    if (!before) return fail("not_found", "No such user.");
    if (before.updatedAt.toISOString() !== input.expectedUpdatedAt) return conflict();
    if (before.active === input.active) return { ok: true as const, updatedAt: before.updatedAt };
    if (!input.active && before.role === "admin" && (await activeAdminCount(tx, input.id)) === 0) {
      return fail("unprocessable", "At least one active admin must remain.");
    }
    const updated = await tx.user.updateMany({
      where: { id: input.id, updatedAt: before.updatedAt },
      data: { active: input.active, ...(input.active ? { lockedUntil: null } : { sessionVersion: { increment: 1 } }) },
    });
    if (updated.count === 0) return conflict();
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: { updatedAt: true } });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: input.active ? "user.reactivate" : "user.deactivate",
      entityType: "user",
      entityId: String(input.id),
      changes: { active: { from: before.active, to: input.active } },
    });
    return { ok: true as const, updatedAt: after.updatedAt };
  });
}
