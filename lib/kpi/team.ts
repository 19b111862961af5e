// Supervisor view (agents of their teams) and agent view (own figures next to the team's), from the KPI facts.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
// Reads that may lag: the read replica when one is configured (lib/db-replica.ts), else the primary.
import { readDb as db } from "@/lib/db-replica";
import { share } from "@/lib/kpi/definitions";
import { resolvePeriod, type DashboardFilters } from "@/lib/kpi/filters";
import { EXACT_PERCENTILE_LIMIT, loadKpiSummary, type LoadOptions } from "@/lib/kpi/dashboard";
import { histogramPercentile, type Histogram } from "@/lib/kpi/histogram";
import { DIM_BITS } from "@/lib/kpi/rollup";
import { filterBits, grainFor, rollupVolume, rollupWhere, type DaySpan } from "@/lib/kpi/rollup-queries";
import { loadKpiSettings } from "@/lib/kpi/settings";
import { kpiDataAsOf, rollupsReady } from "@/lib/kpi/refresh";
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

type AgentFigures = {
  userId: number;
  handled: number;
  frt: number | null;
  resolution: number | null;
  met: number;
  decided: number;
  firstResolved: number;
  reopened: number;
};
type AgentCsat = { userId: number; n: number; positive: number };

/** Per-agent figures from the facts: exact medians (percentile_cont). */
async function agentFiguresFromFacts(
  where: Prisma.Sql,
  from: Date,
  to: Date,
  reopenWindowDays: number,
): Promise<AgentFigures[]> {
  const created = Prisma.sql`f."createdAt" >= ${from} AND f."createdAt" < ${to}`;
  const resolved = Prisma.sql`f."resolvedAt" >= ${from} AND f."resolvedAt" < ${to}`;
  // Reopen rate as on the tiles: complaints first resolved in the period, reopened within the window (a setting).
  const firstResolved = Prisma.sql`f."firstResolvedAt" >= ${from} AND f."firstResolvedAt" < ${to}`;
  const rows = await db.$queryRaw<
    {
      userId: number;
      handled: number;
      frt: number | null;
      resolution: number | null;
      met: number;
      decided: number;
      firstResolved: number;
      reopened: number;
    }[]
  >`
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
    GROUP BY 1`;
  return rows.map((row) => ({
    ...row,
    frt: row.frt === null ? null : Number(row.frt),
    resolution: row.resolution === null ? null : Number(row.resolution),
  }));
}

/**
 * Per-agent figures from the daily rollups at an assignee grain (issue 20, target 5): the same counts, medians
 * interpolated from the duration histograms (within one bucket, as the tiles above EXACT_PERCENTILE_LIMIT).
 */
async function agentFiguresFromRollups(
  where: Prisma.Sql,
  span: DaySpan,
  reopenWindowDays: number,
): Promise<{ figures: AgentFigures[]; csat: AgentCsat[] }> {
  const current = Prisma.sql`r.day >= ${span.fromDay}::date AND r.day <= ${span.toDay}::date AND r."assigneeId" <> 0 AND ${where}`;
  const [totals, buckets] = await Promise.all([
    db.$queryRaw<
      {
        userId: number;
        handled: number;
        met: number;
        decided: number;
        firstResolved: number;
        reopened: number;
        csatN: number;
        csatPositive: number;
      }[]
    >`
      SELECT r."assigneeId" AS "userId", sum(r.resolved)::int AS handled,
        sum(r."responseMet" + r."resolutionMet")::int AS met, sum(r."responseDecided" + r."resolutionDecided")::int AS decided,
        sum(r."firstResolved")::int AS "firstResolved",
        coalesce(sum((SELECT sum(d.n::int) FROM jsonb_each_text(r."reopenDays") AS d(days, n) WHERE d.days::int < ${reopenWindowDays})), 0)::int AS reopened,
        sum(r."csatN")::int AS "csatN", sum(r."csatPositive")::int AS "csatPositive"
      FROM kpi_daily_rollups r WHERE ${current}
      GROUP BY 1 HAVING sum(r.created) + sum(r.resolved) + sum(r."firstResolved") > 0`,
    db.$queryRaw<{ userId: number; metric: "frt" | "resolution"; b: number; n: number }[]>`
      SELECT r."assigneeId" AS "userId", m.metric, m.b, sum(m.c)::int AS n
      FROM kpi_daily_rollups r CROSS JOIN LATERAL (
        SELECT 'frt' AS metric, u.b, u.c FROM unnest(r."frtBusinessBuckets", r."frtBusinessCounts") AS u(b, c)
        UNION ALL SELECT 'resolution', u.b, u.c FROM unnest(r."resolutionBusinessBuckets", r."resolutionBusinessCounts") AS u(b, c)
      ) m
      WHERE ${current}
      GROUP BY 1, 2, 3`,
  ]);
  const histograms = new Map<string, Histogram>();
  for (const row of buckets) {
    const key = `${row.userId}|${row.metric}`;
    let histogram = histograms.get(key);
    if (!histogram) histograms.set(key, (histogram = new Map()));
    histogram.set(row.b, row.n);
  }
  const median = (userId: number, metric: "frt" | "resolution") => {
    const histogram = histograms.get(`${userId}|${metric}`);
    return histogram ? histogramPercentile(histogram, 0.5) : null;
  };
  return {
    figures: totals.map((row) => ({
      ...row,
      frt: median(row.userId, "frt"),
      resolution: median(row.userId, "resolution"),
    })),
    csat: totals.map((row) => ({ userId: row.userId, n: row.csatN, positive: row.csatPositive })),
  };
}

/**
 * Survey answers per agent from the facts (answers recorded on the phone left out when the appraisal setting says so).
 */
async function agentCsatFromFacts(
  where: Prisma.Sql,
  from: Date,
  to: Date,
  excludePhone: boolean,
): Promise<AgentCsat[]> {
  return db.$queryRaw<AgentCsat[]>`
    SELECT f."assigneeId" AS "userId", count(r.csat)::int AS n, count(*) FILTER (WHERE r.csat >= 4)::int AS positive
    FROM survey_responses r JOIN kpi_complaint_facts f ON f."complaintId" = r."complaintId"
    WHERE f."assigneeId" IS NOT NULL AND r."createdAt" >= ${from} AND r."createdAt" < ${to} AND ${where}
      ${excludePhone ? Prisma.sql`AND r.mode <> 'phone'` : Prisma.empty}
    GROUP BY 1`;
}

/**
 * One row per agent of the scope: resolved ("handled") in the period, FRT and resolution medians, SLA %, CSAT, reopen
 * %.
 * Read from the rollups' assignee grains when the scope and filters match one and the period is too large for exact
 * medians to be cheap; from the facts otherwise (`source: "facts"` forces them, for the tests).
 */
export async function agentTable(
  scope: KpiScope,
  filters: DashboardFilters,
  now = new Date(),
  options: LoadOptions = {},
): Promise<AgentRow[]> {
  const period = resolvePeriod(filters, now);
  const { from, to } = period;
  const span = { fromDay: period.fromDay, toDay: period.toDay, previousFromDay: period.previous.fromDay };
  const [{ reopenWindowDays }, { excludePhoneFromAgentFigures: excludePhone }, ready] = await Promise.all([
    loadKpiSettings(db).then((kpi) => kpi.definitions),
    readSurveySettings(db),
    options.source === "facts" ? false : rollupsReady(db),
  ]);
  const grain = ready ? grainFor(filterBits(scope, filters), DIM_BITS.assignee) : null;
  const limit = options.exactPercentileLimit ?? EXACT_PERCENTILE_LIMIT;
  const large =
    grain !== null && (await rollupVolume(span).then((volume) => volume.created > limit || volume.resolved > limit));
  const where = factWhere(scope, filters);
  const [{ figures: rows, csat: rollupCsat }, factCsat] = await Promise.all([
    large
      ? agentFiguresFromRollups(rollupWhere(grain!, scope, filters), span, reopenWindowDays)
      : agentFiguresFromFacts(where, from, to, reopenWindowDays).then((figures) => ({ figures, csat: null })),
    large && !excludePhone ? null : agentCsatFromFacts(where, from, to, excludePhone),
  ]);
  const users = await db.user.findMany({
    where: { id: { in: rows.map((row) => row.userId) } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((user) => [user.id, user.name]));
  const csat = new Map((factCsat ?? rollupCsat ?? []).map((row) => [row.userId, row]));
  return rows
    .map((row) => ({
      userId: row.userId,
      name: names.get(row.userId) ?? `#${row.userId}`,
      handled: row.handled,
      frtMedian: row.frt,
      resolutionMedian: row.resolution,
      sla: share(row.met, row.decided),
      csat: share(csat.get(row.userId)?.positive ?? 0, csat.get(row.userId)?.n ?? 0),
      csatN: csat.get(row.userId)?.n ?? 0,
      reopenRate: share(row.reopened, row.firstResolved),
    }))
    .sort((a, b) => b.handled - a.handled || a.name.localeCompare(b.name));
}

/** Supervisor view: tiles of their teams and the agents' table (managers see every team). */
export async function loadTeamDashboard(
  actor: Actor,
  filters: DashboardFilters,
  now = new Date(),
  options: LoadOptions = {},
) {
  if (!can(actor, "dashboard.team") && !can(actor, "dashboard.view")) return null;
  const scope: KpiScope = can(actor, "dashboard.view")
    ? { kind: "all" }
    : { kind: "teams", teamIds: await supervisedTeamIds(actor) };
  const [summary, agents, dataAsOf] = await Promise.all([
    loadKpiSummary(scope, filters, now, options),
    agentTable(scope, filters, now, options),
    kpiDataAsOf(db),
  ]);
  return { ...summary, agents, dataAsOf, scope };
}

/** Agent view: own figures next to their teams' (the same period and filters). */
export async function loadAgentDashboard(
  actor: Actor,
  filters: DashboardFilters,
  now = new Date(),
  options: LoadOptions = {},
) {
  if (!can(actor, "complaint.read")) return null;
  const own: KpiScope = { kind: "agent", userId: actor.userId };
  const team: KpiScope = { kind: "teams", teamIds: actor.teamIds };
  const [mine, teams, dataAsOf] = await Promise.all([
    loadKpiSummary(own, filters, now, options),
    loadKpiSummary(team, filters, now, options),
    kpiDataAsOf(db),
  ]);
  return { period: mine.period, mine: mine.tiles, team: teams.tiles, dataAsOf, hasTeam: actor.teamIds.length > 0 };
}
