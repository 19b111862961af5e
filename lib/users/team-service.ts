// Team administration (admin.teams): create, rename, supervisor, members, L3/L4 escalation departments, (de)activate.
// `updatedAt` is the lock token.
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit, diffFields } from "@/lib/audit/log";
import { fail, type Failure, type Result } from "@/lib/errors";
import type { SetTeamActiveInput, TeamInput, UpdateTeamInput } from "@/lib/users/admin-schema";

const forbidden = (): Failure => fail("forbidden", "You may not manage teams.");
const conflict = (): Failure =>
  fail("conflict", "Someone else changed this team in the meantime. Reload and try again.");

/** Escalation departments must be active internal departments (suppliers take requests, not escalations). */
async function checkDepartments(
  tx: Tx,
  input: { l3DepartmentId?: number | null; l4DepartmentId?: number | null },
): Promise<Failure | null> {
  for (const field of ["l3DepartmentId", "l4DepartmentId"] as const) {
    const id = input[field];
    if (id === null || id === undefined) continue;
    const department = await tx.department.findFirst({
      where: { id, active: true, kind: "internal" },
      select: { id: true },
    });
    if (!department)
      return fail("invalid", "Choose an active internal department.", { fields: { [field]: ["invalid_department"] } });
  }
  return null;
}

/** Supervisor must be an active supervisor/manager; members must be active users. */
async function checkPeople(tx: Tx, supervisorId: number | null, memberIds: readonly number[]): Promise<Failure | null> {
  if (supervisorId !== null) {
    const supervisor = await tx.user.findUnique({ where: { id: supervisorId }, select: { role: true, active: true } });
    if (!supervisor?.active || (supervisor.role !== "supervisor" && supervisor.role !== "manager")) {
      return fail("invalid", "The supervisor must be an active supervisor or manager.", {
        fields: { supervisorId: ["invalid_supervisor"] },
      });
    }
  }
  const unique = [...new Set(memberIds)];
  if (unique.length > 0 && (await tx.user.count({ where: { id: { in: unique }, active: true } })) !== unique.length) {
    return fail("invalid", "Unknown or inactive member.", { fields: { memberIds: ["unknown_member"] } });
  }
  return null;
}

export async function createTeam(actor: Actor, input: TeamInput): Promise<Result<{ teamId: number }>> {
  if (!can(actor, "admin.teams")) return forbidden();
  return db.$transaction(async (tx) => {
    if (await tx.team.findUnique({ where: { code: input.code }, select: { id: true } })) {
      return fail("conflict", "A team with this code already exists.", { fields: { code: ["taken"] } });
    }
    const invalid = (await checkPeople(tx, input.supervisorId, input.memberIds)) ?? (await checkDepartments(tx, input));
    if (invalid) return invalid;
    const memberIds = [...new Set(input.memberIds)].sort((a, b) => a - b);
    const team = await tx.team.create({
      data: {
        code: input.code,
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        supervisorId: input.supervisorId,
        l3DepartmentId: input.l3DepartmentId ?? null,
        l4DepartmentId: input.l4DepartmentId ?? null,
        members: { create: memberIds.map((userId) => ({ userId })) },
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "team.create",
      entityType: "team",
      entityId: String(team.id),
      changes: {
        code: input.code,
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        supervisorId: input.supervisorId,
        l3DepartmentId: input.l3DepartmentId ?? null,
        l4DepartmentId: input.l4DepartmentId ?? null,
        memberIds,
      },
    });
    return { ok: true as const, teamId: team.id };
  });
}

export async function updateTeam(actor: Actor, input: UpdateTeamInput): Promise<Result<{ updatedAt: Date }>> {
  if (!can(actor, "admin.teams")) return forbidden();
  return db.$transaction(async (tx) => {
    const before = await tx.team.findUnique({
      where: { id: input.id },
      select: {
        nameZh: true,
        nameEn: true,
        supervisorId: true,
        l3DepartmentId: true,
        l4DepartmentId: true,
        updatedAt: true,
        members: { select: { userId: true } },
      },
    });
    if (!before) return fail("not_found", "No such team.");
    if (before.updatedAt.toISOString() !== input.expectedUpdatedAt) return conflict();
    const invalid = (await checkPeople(tx, input.supervisorId, input.memberIds)) ?? (await checkDepartments(tx, input));
    if (invalid) return invalid;
    const memberIds = [...new Set(input.memberIds)].sort((a, b) => a - b);
    const l3DepartmentId = input.l3DepartmentId === undefined ? before.l3DepartmentId : input.l3DepartmentId;
    const l4DepartmentId = input.l4DepartmentId === undefined ? before.l4DepartmentId : input.l4DepartmentId;
    const beforeView = {
      nameZh: before.nameZh,
      nameEn: before.nameEn,
      supervisorId: before.supervisorId,
      l3DepartmentId: before.l3DepartmentId,
      l4DepartmentId: before.l4DepartmentId,
      memberIds: before.members.map((m) => m.userId).sort((a, b) => a - b),
    };
    const changes = diffFields(beforeView, {
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      supervisorId: input.supervisorId,
      l3DepartmentId,
      l4DepartmentId,
      memberIds,
    });
    if (Object.keys(changes).length === 0) return { ok: true as const, updatedAt: before.updatedAt };
    // Always touch the row (even for member-only changes) so updatedAt moves and concurrent editors conflict.
    const updated = await tx.team.updateMany({
      where: { id: input.id, updatedAt: before.updatedAt },
      data: {
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        supervisorId: input.supervisorId,
        l3DepartmentId,
        l4DepartmentId,
        updatedAt: new Date(),
      },
    });
    if (updated.count === 0) return conflict();
    if (changes.memberIds) {
      await tx.teamMembership.deleteMany({ where: { teamId: input.id, userId: { notIn: memberIds } } });
      await tx.teamMembership.createMany({
        data: memberIds.map((userId) => ({ teamId: input.id, userId })),
        skipDuplicates: true,
      });
    }
    const after = await tx.team.findUniqueOrThrow({ where: { id: input.id }, select: { updatedAt: true } });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "team.update",
      entityType: "team",
      entityId: String(input.id),
      changes: JSON.parse(JSON.stringify(changes)) as Prisma.InputJsonValue,
    });
    return { ok: true as const, updatedAt: after.updatedAt };
  });
}

/** An inactive team keeps its members and history but is no longer offered for new complaints. */
export async function setTeamActive(actor: Actor, input: SetTeamActiveInput): Promise<Result<{ updatedAt: Date }>> {
  if (!can(actor, "admin.teams")) return forbidden();
  return db.$transaction(async (tx) => {
    const before = await tx.team.findUnique({ where: { id: input.id }, select: { active: true, updatedAt: true } });
    if (!before) return fail("not_found", "No such team.");
    if (before.updatedAt.toISOString() !== input.expectedUpdatedAt) return conflict();
    if (before.active === input.active) return { ok: true as const, updatedAt: before.updatedAt };
    const updated = await tx.team.updateMany({
      where: { id: input.id, updatedAt: before.updatedAt },
      data: { active: input.active },
    });
    if (updated.count === 0) return conflict();
    const after = await tx.team.findUniqueOrThrow({ where: { id: input.id }, select: { updatedAt: true } });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: input.active ? "team.reactivate" : "team.deactivate",
      entityType: "team",
      entityId: String(input.id),
      changes: { active: { from: before.active, to: input.active } },
    });
    return { ok: true as const, updatedAt: after.updatedAt };
  });
}
