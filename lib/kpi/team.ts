// Supervisor view (agents of their teams) and agent view (own figures next to the team's), from the KPI facts.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
// Reads that may lag: the read replica when one is configured (lib/db-replica.ts), else the primary.
import { readDb as db } from "@/lib/db-replica";
import { share } from "@/lib/kpi/definitions";
import { resolvePeriod, type DashboardFilters } from "@/lib/kpi/filters";
import { loadKpiSummary } from "@/lib/kpi/dashboard";
import { loadKpiSettings } from "@/lib/kpi/settings";
import { kpiDataAsOf } from "@/lib/kpi/refresh";
import { factWhere, supervisedTeamIds, type KpiScope } from "@/lib/kpi/scope";
import { readSurveySettings } from "@/lib/surveys/settings";

export type AgentRow = {
  userId: number;
  name: string;
  handled: number;
  frtMedian: number | null;
  resolutionMedian: number | null;
  sla: number | null;
  csat: number | null;
  csatN: number;
  reopenRate: number | null;
};

/** One row per agent of the scope: resolved ("handled") in the period, FRT and resolution medians, SLA %, CSAT, reopen %. */
export async function agentTable(scope: KpiScope, filters: DashboardFilters, now = new Date()): Promise<AgentRow[]> {
  const period = resolvePeriod(filters, now);
  const where = factWhere(scope, filters);
  const { from, to } = period;
  const created = Prisma.sql`f."createdAt" >= ${from} AND f."createdAt" < ${to}`;
  const resolved = Prisma.sql`f."resolvedAt" >= ${from} AND f."resolvedAt" < ${to}`;
  // Reopen rate as on the tiles: complaints first resolved in the period, reopened within the window (a setting).
  const firstResolved = Prisma.sql`f."firstResolvedAt" >= ${from} AND f."firstResolvedAt" < ${to}`;
  const [{ reopenWindowDays }, { excludePhoneFromAgentFigures: excludePhone }] = await Promise.all([loadKpiSettings(db).then((kpi) => kpi.definitions), readSurveySettings(db)]);
  const [rows, surveys] = await Promise.all([
    db.$queryRaw<{ userId: number; handled: number; frt: number | null; resolution: number | null; met: number; decided: number; firstResolved: number; reopened: number }[]>`
      SELECT f."assigneeId" AS "userId",
        count(*) FILTER (WHERE ${resolved})::int AS handled,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY f."frtBusinessMin") FILTER (WHERE ${created}) AS frt,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY f."resolutionBusinessMin") FILTER (WHERE ${resolved}) AS resolution,
        (count(*) FILTER (WHERE f."responseMet" AND ${created}) + count(*) FILTER (WHERE f."resolutionMet" AND ${resolved}))::int AS met,
        (count(f."responseMet") FILTER (WHERE ${created}) + count(f."resolutionMet") FILTER (WHERE ${resolved}))::int AS decided,
        count(*) FILTER (WHERE ${firstResolved})::int AS "firstResolved",
        count(*) FILTER (WHERE f."reopenDelayMin" < ${reopenWindowDays * 1_440} AND ${firstResolved})::int AS reopened
      FROM kpi_complaint_facts f
      WHERE f."assigneeId" IS NOT NULL AND ((${created}) OR (${resolved}) OR (${firstResolved})) AND ${where}
      GROUP BY 1`,
    db.$queryRaw<{ userId: number; n: number; positive: number }[]>`
      SELECT f."assigneeId" AS "userId", count(r.csat)::int AS n, count(*) FILTER (WHERE r.csat >= 4)::int AS positive
      FROM survey_responses r JOIN kpi_complaint_facts f ON f."complaintId" = r."complaintId"
      WHERE f."assigneeId" IS NOT NULL AND r."createdAt" >= ${from} AND r."createdAt" < ${to} AND ${where}
        ${excludePhone ? Prisma.sql`AND r.mode <> 'phone'` : Prisma.empty}
      GROUP BY 1`,
  ]);
  const users = await db.user.findMany({ where: { id: { in: rows.map((row) => row.userId) } }, select: { id: true, name: true } });
  const names = new Map(users.map((user) => [user.id, user.name]));
  const csat = new Map(surveys.map((row) => [row.userId, row]));
  return rows
    .map((row) => ({
      userId: row.userId,
      name: names.get(row.userId) ?? `#${row.userId}`,
      handled: row.handled,
      frtMedian: row.frt === null ? null : Number(row.frt),
      resolutionMedian: row.resolution === null ? null : Number(row.resolution),
      sla: share(row.met, row.decided),
      csat: share(csat.get(row.userId)?.positive ?? 0, csat.get(row.userId)?.n ?? 0),
      csatN: csat.get(row.userId)?.n ?? 0,
      reopenRate: share(row.reopened, row.firstResolved),
    }))
    .sort((a, b) => b.handled - a.handled || a.name.localeCompare(b.name));
}

/** Supervisor view: tiles of their teams and the agents' table (managers see every team). */
export async function loadTeamDashboard(actor: Actor, filters: DashboardFilters, now = new Date()) {
  if (!can(actor, "dashboard.team") && !can(actor, "dashboard.view")) return null;
  const scope: KpiScope = can(actor, "dashboard.view") ? { kind: "all" } : { kind: "teams", teamIds: await supervisedTeamIds(actor) };
  const [summary, agents, dataAsOf] = await Promise.all([loadKpiSummary(scope, filters, now), agentTable(scope, filters, now), kpiDataAsOf(db)]);
  return { ...summary, agents, dataAsOf, scope };
}

/** Agent view: own figures next to their teams' (the same period and filters). */
export async function loadAgentDashboard(actor: Actor, filters: DashboardFilters, now = new Date()) {
  if (!can(actor, "complaint.read")) return null;
  const own: KpiScope = { kind: "agent", userId: actor.userId };
  const team: KpiScope = { kind: "teams", teamIds: actor.teamIds };
  const [mine, teams, dataAsOf] = await Promise.all([loadKpiSummary(own, filters, now), loadKpiSummary(team, filters, now), kpiDataAsOf(db)]);
  return { period: mine.period, mine: mine.tiles, team: teams.tiles, dataAsOf, hasTeam: actor.teamIds.length > 0 };
}
