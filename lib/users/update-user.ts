// Use case: edit a user's name, role, language and teams (admin.users). `updatedAt` is the optimistic-locking token.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit, diffFields } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { fromDbLocale, toDbLocale } from "@/lib/i18n/locales";
import { updateUserSchema } from "@/lib/users/admin-schema";
import { activeAdminCount, checkTeams, conflict, forbidden } from "@/lib/users/admin-guards";

/** Name, role, language and teams; a role change ends the user's sessions. The last active admin keeps the role. */
export async function updateUser(actor: Actor, rawInput: unknown): Promise<Result<{ updatedAt: Date }>> {
  if (!can(actor, "admin.users")) return forbidden();
  const parsed = updateUserSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: input.id },
      select: {
        name: true,
        role: true,
        locale: true,
        active: true,
        updatedAt: true,
        memberships: { select: { teamId: true } },
      },
    });
    if (!before) return fail("not_found", "No such user.");
    if (before.updatedAt.toISOString() !== input.expectedUpdatedAt) return conflict();
    if (!(await checkTeams(tx, input.teamIds)))
      return fail("invalid", "Unknown team.", { fields: { teamIds: ["unknown_team"] } });
    if (
      before.role === "admin" &&
      input.role !== "admin" &&
      before.active &&
      (await activeAdminCount(tx, input.id)) === 0
    ) {
      return fail("unprocessable", "At least one active admin must remain.", { fields: { role: ["last_admin"] } });
    }
    const teamIds = [...new Set(input.teamIds)].sort((a, b) => a - b);
    const beforeView = {
      name: before.name,
      role: before.role,
      locale: fromDbLocale(before.locale),
      teamIds: before.memberships.map((m) => m.teamId).sort((a, b) => a - b),
    };
    const changes = diffFields(beforeView, { name: input.name, role: input.role, locale: input.locale, teamIds });
    if (Object.keys(changes).length === 0) return { ok: true as const, updatedAt: before.updatedAt };
    // The conditional update is the lock: a concurrent save between our read and this write matches no row.
    const updated = await tx.user.updateMany({
      where: { id: input.id, updatedAt: before.updatedAt },
      data: {
        name: input.name,
        role: input.role,
        locale: toDbLocale(input.locale),
        ...(changes.role ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    if (updated.count === 0) return conflict();
    if (changes.teamIds) {
      await tx.teamMembership.deleteMany({ where: { userId: input.id, teamId: { notIn: teamIds } } });
      await tx.teamMembership.createMany({
        data: teamIds.map((teamId) => ({ teamId, userId: input.id })),
        skipDuplicates: true,
      });
    }
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: { updatedAt: true } });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "user.update",
      entityType: "user",
      entityId: String(input.id),
      changes: JSON.parse(JSON.stringify(changes)) as Prisma.InputJsonValue,
    });
    return { ok: true as const, updatedAt: after.updatedAt };
  });
}
