// Whose figures a dashboard reader may see: everything (dashboard.view), the teams they supervise (dashboard.team),
// or only their own complaints. Applied inside every KPI query, so no page can forget it.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { DashboardFilters } from "@/lib/kpi/filters";

export type KpiScope = { kind: "all" } | { kind: "teams"; teamIds: number[] } | { kind: "agent"; userId: number };

/** Teams a supervisor looks after: those they belong to and those they are the named supervisor of. */
export async function supervisedTeamIds(actor: Actor): Promise<number[]> {
  const teams = await db.team.findMany({
    where: { active: true, OR: [{ id: { in: actor.teamIds } }, { supervisorId: actor.userId }] },
    select: { id: true },
  });
  return teams.map((team) => team.id);
}

/** The widest scope the actor may read; null when they may read no dashboard at all. */
export async function kpiScopeFor(actor: Actor): Promise<KpiScope | null> {
  if (can(actor, "dashboard.view")) return { kind: "all" };
  if (can(actor, "dashboard.team")) return { kind: "teams", teamIds: await supervisedTeamIds(actor) };
  if (can(actor, "complaint.read")) return { kind: "agent", userId: actor.userId };
  return null;
}

/** WHERE fragment on kpi_complaint_facts aliased `f`: the scope plus the dimension filters. */
export function factWhere(
  scope: KpiScope,
  filters: Pick<DashboardFilters, "team" | "category" | "channel" | "tier" | "severity">,
): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (scope.kind === "teams") parts.push(Prisma.sql`f."teamId" = ANY(${scope.teamIds}::int[])`);
  if (scope.kind === "agent") parts.push(Prisma.sql`f."assigneeId" = ${scope.userId}`);
  if (filters.team) parts.push(Prisma.sql`f."teamId" = ANY(${filters.team}::int[])`);
  if (filters.category) parts.push(Prisma.sql`f."categoryId" = ANY(${filters.category}::int[])`);
  if (filters.channel) parts.push(Prisma.sql`f."channelId" = ANY(${filters.channel}::int[])`);
  if (filters.tier) parts.push(Prisma.sql`f."tierId" = ANY(${filters.tier}::int[])`);
  if (filters.severity) parts.push(Prisma.sql`f."severityId" = ANY(${filters.severity}::int[])`);
  return parts.length ? Prisma.join(parts, " AND ", "", "") : Prisma.sql`TRUE`;
}
