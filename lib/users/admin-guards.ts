// Shared by the user-administration use cases: their refusals and the checks on teams and the last active admin.
import "server-only";
import type { Tx } from "@/lib/db";
import { fail, type Failure } from "@/lib/errors";

export const forbidden = (): Failure => fail("forbidden", "You may not manage users.");
export const conflict = (): Failure =>
  fail("conflict", "Someone else changed this user in the meantime. Reload and try again.");

export async function checkTeams(tx: Tx, teamIds: readonly number[]): Promise<boolean> {
  if (teamIds.length === 0) return true;
  return (await tx.team.count({ where: { id: { in: [...teamIds] } } })) === new Set(teamIds).size;
}

export async function activeAdminCount(tx: Tx, excludingUserId: number) {
  return tx.user.count({ where: { role: "admin", active: true, id: { not: excludingUserId } } });
}
