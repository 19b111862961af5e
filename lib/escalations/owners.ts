// Who owns a complaint at each escalation level (SPEC §4): L2 the supervisor of the complaint's team, L3 the
// quality/department manager, L4 the executive. Looked up once per transaction (the sweeper escalates hundreds).
import "server-only";
import type { Tx } from "@/lib/db";
import { coercedIdSchema } from "@/lib/validation";

export const MIN_LEVEL = 1;
export const MAX_LEVEL = 4;

/** Setting holding the user id of the L4 owner (executive / regulator liaison); optional. */
export const EXECUTIVE_SETTING = "escalation.executiveUserId";

export type OwnerDirectory = {
  /** The owner for `level`, given the complaint team's supervisor (null when the team has none or it is inactive). */
  ownerFor(level: number, teamSupervisorId: number | null): Promise<number | null>;
};

/**
 * L3 is "the" manager: the first active user with role manager, by id (the schema has no department/quality-manager
 * designation yet). L4 is the user named in Setting "escalation.executiveUserId" when active, else the L3 owner.
 * Without a team supervisor, L2 falls back to the L3 owner so that an escalation never goes unowned when a manager exists.
 */
export function ownerDirectory(tx: Tx): OwnerDirectory {
  let manager: Promise<number | null> | undefined;
  let executive: Promise<number | null> | undefined;
  const managerId = () =>
    (manager ??= tx.user
      .findFirst({ where: { role: "manager", active: true }, orderBy: { id: "asc" }, select: { id: true } })
      .then((row) => row?.id ?? null));
  const executiveId = () =>
    (executive ??= (async () => {
      const setting = await tx.setting.findUnique({ where: { key: EXECUTIVE_SETTING }, select: { value: true } });
      const id = coercedIdSchema.safeParse(setting?.value);
      if (!id.success) return null;
      const user = await tx.user.findFirst({ where: { id: id.data, active: true }, select: { id: true } });
      return user?.id ?? null;
    })());

  return {
    async ownerFor(level, teamSupervisorId) {
      if (level <= MIN_LEVEL) return null;
      if (level === 2) return teamSupervisorId ?? managerId();
      if (level === 3) return managerId();
      return (await executiveId()) ?? managerId();
    },
  };
}
