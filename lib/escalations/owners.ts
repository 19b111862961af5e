// Who owns a complaint at each escalation level (SPEC §4, issue 18 item 5): L2 the supervisor of the complaint's team;
// L3 and L4 a named department (CRM, legal, finance, operations …) and that department's escalation owner. Each team
// may name its L3/L4 departments (/admin/teams); otherwise the department marked as the default for the level
// (/admin/departments) takes it. Looked up once per transaction (the sweeper escalates hundreds).
import "server-only";
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { coercedIdSchema } from "@/lib/validation";

export const MIN_LEVEL = 1;
export const MAX_LEVEL = 4;
/** Roles that can own an escalation: they open and handle the complaint (a liaison sees only what a request shares). */
export const ESCALATION_OWNER_ROLES = ["supervisor", "manager", "admin"] as const satisfies readonly Role[];

/**
 * Setting holding the user id of the L4 owner when no department takes L4 (executive / regulator liaison); optional.
 */
export const EXECUTIVE_SETTING = "escalation.executiveUserId";

/** What the directory needs of the complaint: its team's supervisor and the team's L3/L4 departments. */
export type EscalationRouting = {
  supervisorId: number | null;
  l3DepartmentId: number | null;
  l4DepartmentId: number | null;
};
/** The owner of an escalation and the department it is addressed to (null: no department, e.g. L2). */
export type EscalationTarget = { ownerId: number | null; departmentId: number | null };

export type OwnerDirectory = {
  /** The target at `level`; `departmentId` names a department chosen by the person escalating (manual escalation). */
  targetFor(level: number, routing: EscalationRouting, departmentId?: number | null): Promise<EscalationTarget>;
};

type DepartmentRow = { id: number; escalationLevel: number | null; sortOrder: number; ownerId: number | null };

const isOwnerRole = (role: Role) => (ESCALATION_OWNER_ROLES as readonly Role[]).includes(role);

/** Pure: the user who takes escalations addressed to a department: its escalation owner, else its head (when staff). */
export function departmentOwner(department: {
  escalationOwner: { id: number; role: Role; active: boolean } | null;
  head: { id: number; role: Role; active: boolean } | null;
}): number | null {
  for (const person of [department.escalationOwner, department.head]) {
    if (person?.active && isOwnerRole(person.role)) return person.id;
  }
  return null;
}

/** Pure routing over the loaded departments; exported for the unit tests. */
export function routeEscalation(
  level: number,
  routing: EscalationRouting,
  departments: ReadonlyMap<number, DepartmentRow>,
  executiveId: number | null,
  chosenDepartmentId: number | null = null,
): EscalationTarget {
  if (level <= MIN_LEVEL) return { ownerId: null, departmentId: null };
  const defaultFor = (wanted: number) =>
    [...departments.values()]
      .filter((row) => row.escalationLevel === wanted)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)[0] ?? null;
  const departmentTarget = (wanted: 3 | 4): EscalationTarget | null => {
    const teamChoice = wanted === 3 ? routing.l3DepartmentId : routing.l4DepartmentId;
    const department = (teamChoice !== null ? departments.get(teamChoice) : undefined) ?? defaultFor(wanted);
    return department ? { ownerId: department.ownerId, departmentId: department.id } : null;
  };
  const l3 = (): EscalationTarget => departmentTarget(3) ?? { ownerId: null, departmentId: null };
  const chosen = chosenDepartmentId !== null ? departments.get(chosenDepartmentId) : undefined;
  if (chosen) {
    // A named department without an owner still gets the escalation; the level's usual owner takes it meanwhile.
    const fallback = routeEscalation(level, routing, departments, executiveId);
    return { ownerId: chosen.ownerId ?? fallback.ownerId, departmentId: chosen.id };
  }
  if (level === 2) return routing.supervisorId !== null ? { ownerId: routing.supervisorId, departmentId: null } : l3();
  if (level === 3) return l3();
  const l4 = departmentTarget(4);
  if (l4?.ownerId != null) return l4;
  if (executiveId !== null) return { ownerId: executiveId, departmentId: l4?.departmentId ?? null };
  const fallback = l3();
  return l4 ? { ownerId: fallback.ownerId, departmentId: l4.departmentId } : fallback;
}

export function ownerDirectory(tx: Tx): OwnerDirectory {
  let departments: Promise<Map<number, DepartmentRow>> | undefined;
  let executive: Promise<number | null> | undefined;
  const loadDepartments = () =>
    (departments ??= tx.department
      .findMany({
        where: { active: true },
        select: {
          id: true,
          escalationLevel: true,
          sortOrder: true,
          escalationOwner: { select: { id: true, role: true, active: true } },
          head: { select: { id: true, role: true, active: true } },
        },
      })
      .then(
        (rows) =>
          new Map(
            rows.map((row) => [
              row.id,
              {
                id: row.id,
                escalationLevel: row.escalationLevel,
                sortOrder: row.sortOrder,
                ownerId: departmentOwner(row),
              },
            ]),
          ),
      ));
  const executiveId = () =>
    (executive ??= (async () => {
      const setting = await tx.setting.findUnique({ where: { key: EXECUTIVE_SETTING }, select: { value: true } });
      const id = coercedIdSchema.safeParse(setting?.value);
      if (!id.success) return null;
      const user = await tx.user.findFirst({ where: { id: id.data, active: true }, select: { id: true } });
      return user?.id ?? null;
    })());

  return {
    async targetFor(level, routing, departmentId = null) {
      if (level <= MIN_LEVEL) return { ownerId: null, departmentId: null };
      const [rows, executiveUser] = await Promise.all([
        loadDepartments(),
        level >= MAX_LEVEL || departmentId !== null ? executiveId() : Promise.resolve(null),
      ]);
      return routeEscalation(level, routing, rows, executiveUser, departmentId);
    },
  };
}
