// Use case: deactivate or reactivate a user (admin.users); the last active admin stays.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { setUserActiveSchema } from "@/lib/users/admin-schema";
import { activeAdminCount, conflict, forbidden } from "@/lib/users/admin-guards";

/** Deactivation ends the user's sessions at once; nobody can deactivate themselves or the last active admin. */
export async function setUserActive(actor: Actor, rawInput: unknown): Promise<Result<{ updatedAt: Date }>> {
  if (!can(actor, "admin.users")) return forbidden();
  const parsed = setUserActiveSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  if (!input.active && input.id === actor.userId)
    return fail("unprocessable", "You cannot deactivate your own account.");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: input.id },
      select: { role: true, active: true, updatedAt: true },
    });
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
