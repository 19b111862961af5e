// Whose inspections and appraisals an actor may see: managers (complaint.read_all) everyone's, inspectors those of the
// teams they supervise, everyone else only their own. Used in every quality read and write.
import { can, type Actor } from "@/lib/auth/permissions";
import { supervisedTeamIds } from "@/lib/kpi/scope";

export type QualityScope =
  { kind: "all" } | { kind: "teams"; teamIds: number[] } | { kind: "own"; userId: number } | { kind: "none" };

export async function qualityScope(actor: Actor): Promise<QualityScope> {
  if (can(actor, "quality.inspect") && can(actor, "complaint.read_all")) return { kind: "all" };
  if (can(actor, "quality.inspect")) return { kind: "teams", teamIds: await supervisedTeamIds(actor) };
  if (can(actor, "quality.own")) return { kind: "own", userId: actor.userId };
  return { kind: "none" };
}

/**
 * Prisma `where` fragment for inspections and appraisals (both have agentId and teamId). An inspector also sees their
 * own.
 */
export function scopeWhere(
  scope: QualityScope,
  self: number,
): { agentId?: number; teamId?: { in: number[] }; OR?: object[]; id?: number } {
  switch (scope.kind) {
    case "all":
      return {};
    case "teams":
      return { OR: [{ teamId: { in: scope.teamIds } }, { agentId: self }] };
    case "own":
      return { agentId: scope.userId };
    case "none":
      return { id: -1 };
  }
}

/** May this actor act as an inspector on this agent's work? Never on their own. */
export function inspects(scope: QualityScope, self: number, row: { agentId: number; teamId: number | null }): boolean {
  if (row.agentId === self) return false;
  if (scope.kind === "all") return true;
  return scope.kind === "teams" && row.teamId !== null && scope.teamIds.includes(row.teamId);
}
