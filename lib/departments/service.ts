// Departments as reference data: the admin list and edit (head, liaisons, calendar, reply-time policy), and the
// one scope function of the liaison role: the departments a user answers for.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit, diffFields } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { updateDepartmentSchema } from "@/lib/departments/schema";
import { ESCALATION_OWNER_ROLES } from "@/lib/escalations/owners";

/** Departments whose requests the actor answers: as a liaison or as its head. Empty without `investigation.answer`. */
export async function answeringDepartmentIds(actor: Actor, client: Db | Tx = db): Promise<number[]> {
  if (!can(actor, "investigation.answer")) return [];
  const rows = await client.department.findMany({
    where: { active: true, OR: [{ liaisons: { some: { userId: actor.userId } } }, { headId: actor.userId }] },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

export async function listDepartmentsForAdmin(actor: Actor) {
  if (!can(actor, "department.manage")) return null;
  const [departments, users, calendars] = await Promise.all([
    db.department.findMany({
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: {
        id: true,
        code: true,
        nameZh: true,
        nameEn: true,
        kind: true,
        active: true,
        version: true,
        urgentDays: true,
        normalDays: true,
        investigationDays: true,
        calendarId: true,
        escalationLevel: true,
        calendar: { select: { nameZh: true, nameEn: true } },
        escalationOwner: { select: { id: true, name: true } },
        head: { select: { id: true, name: true } },
        liaisons: { select: { user: { select: { id: true, name: true } } }, orderBy: { userId: "asc" } },
        _count: { select: { requests: { where: { status: { in: ["open", "answered"] } } } } },
      },
    }),
    db.user.findMany({
      where: { active: true },
      select: { id: true, name: true, role: true },
      orderBy: { name: "asc" },
    }),
    db.businessCalendar.findMany({ select: { id: true, nameZh: true, nameEn: true }, orderBy: { id: "asc" } }),
  ]);
  return { departments, users, calendars };
}

/** Active departments an agent may address a request to. */
export async function listRequestableDepartments() {
  return db.department.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      kind: true,
      urgentDays: true,
      normalDays: true,
      investigationDays: true,
    },
  });
}

/** Active internal departments an escalation may be addressed to (suppliers take requests, not escalations). */
export async function listEscalationDepartments() {
  return db.department.findMany({
    where: { active: true, kind: "internal" },
    orderBy: [{ escalationLevel: { sort: "asc", nulls: "last" } }, { sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, nameZh: true, nameEn: true },
  });
}

export type DepartmentView = { id: number; version: number };

export async function updateDepartment(
  actor: Actor,
  departmentId: number,
  raw: unknown,
): Promise<Result<{ department: DepartmentView }>> {
  if (!can(actor, "department.manage")) return fail("forbidden", "You may not manage departments.");
  const parsed = updateDepartmentSchema.safeParse(raw);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const current = await tx.department.findUnique({
      where: { id: departmentId },
      select: {
        id: true,
        nameZh: true,
        nameEn: true,
        headId: true,
        calendarId: true,
        urgentDays: true,
        normalDays: true,
        investigationDays: true,
        active: true,
        escalationOwnerId: true,
        escalationLevel: true,
        kind: true,
        liaisons: { select: { userId: true } },
      },
    });
    if (!current) return fail("not_found", "No such department.");
    const [calendar, people] = await Promise.all([
      tx.businessCalendar.findUnique({ where: { id: input.calendarId }, select: { id: true } }),
      tx.user.findMany({
        where: {
          id: { in: [...input.liaisonIds, ...[input.headId, input.escalationOwnerId].filter((id) => id !== null)] },
          active: true,
        },
        select: { id: true, role: true },
      }),
    ]);
    if (!calendar) return fail("invalid", "Choose a business calendar.", { fields: { calendarId: ["not_found"] } });
    const byId = new Map(people.map((person) => [person.id, person]));
    if (input.headId !== null && !byId.has(input.headId))
      return fail("invalid", "Choose an active user as head.", { fields: { headId: ["not_found"] } });
    // Liaisons hold the liaison role: every other role sees the whole complaint, not just what a request shares.
    if (input.liaisonIds.some((id) => byId.get(id)?.role !== "liaison")) {
      return fail("invalid", "Liaisons must be active users with the liaison role.", {
        fields: { liaisonIds: ["not_liaison"] },
      });
    }
    // The escalation owner handles the complaint itself: a staff role, never a liaison.
    if (
      input.escalationOwnerId !== null &&
      !(ESCALATION_OWNER_ROLES as readonly string[]).includes(byId.get(input.escalationOwnerId)?.role ?? "")
    ) {
      return fail("invalid", "The escalation owner must be an active supervisor, manager or administrator.", {
        fields: { escalationOwnerId: ["invalid_owner"] },
      });
    }
    if (input.escalationLevel !== null) {
      if (current.kind !== "internal")
        return fail("invalid", "A supplier cannot take escalations.", { fields: { escalationLevel: ["supplier"] } });
      // One default department per level; the advisory lock makes two admins saving at once see each other.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('department.escalationLevel'))`;
      const taken = await tx.department.findFirst({
        where: { escalationLevel: input.escalationLevel, active: true, id: { not: departmentId } },
        select: { id: true },
      });
      if (taken && input.active)
        return fail("invalid", "Another department already takes this level.", {
          fields: { escalationLevel: ["taken"] },
        });
    }
    const claimed = await tx.department.updateMany({
      where: { id: departmentId, version: input.version },
      data: { version: { increment: 1 } },
    });
    if (claimed.count === 0) return fail("conflict", "Someone else changed this department; reload and try again.");
    const { liaisonIds, version: _version, ...fields } = input;
    const updated = await tx.department.update({
      where: { id: departmentId },
      data: fields,
      select: { id: true, version: true },
    });
    await tx.departmentLiaison.deleteMany({ where: { departmentId } });
    await tx.departmentLiaison.createMany({ data: liaisonIds.map((userId) => ({ departmentId, userId })) });
    const { liaisons, id: _id, kind: _kind, ...before } = current;
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: "department.updated",
      entityType: "department",
      entityId: String(departmentId),
      changes: JSON.parse(
        JSON.stringify({
          ...diffFields(before, fields),
          ...diffFields(
            { liaisonIds: liaisons.map((row) => row.userId).sort() },
            { liaisonIds: [...liaisonIds].sort() },
          ),
        }),
      ),
    });
    return { ok: true as const, department: updated };
  });
}
