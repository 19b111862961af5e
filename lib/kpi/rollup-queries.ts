// Dashboard figures read from the daily rollups (lib/kpi/rollup.ts) instead of the facts: the same definitions and
// bases as lib/kpi/queries.ts, summed over days. Used when the reader's scope and filters match a kept grain.
import { Prisma } from "@/lib/generated/prisma/client";
// Reads that may lag: the read replica when one is configured (lib/db-replica.ts), else the primary.
import { readDb as db } from "@/lib/db-replica";
import type { DashboardFilters } from "@/lib/kpi/filters";
import { addDays, dayStart, reportDay } from "@/lib/kpi/filters";
import { HISTOGRAM_BOUNDS, type Histogram } from "@/lib/kpi/histogram";
import type { SurveyDay, SurveyModeRow } from "@/lib/kpi/queries";
import { DIM_BITS, GRAINS } from "@/lib/kpi/rollup";
import type { KpiScope } from "@/lib/kpi/scope";

type Filters = Pick<DashboardFilters, "team" | "category" | "channel" | "tier" | "severity">;

/** Grain bits the scope and filters constrain (an agent's own figures: the assignee bit). */
export function filterBits(scope: KpiScope, filters: Filters): number {
  let bits = scope.kind === "agent" ? DIM_BITS.assignee : 0;
  if (scope.kind === "teams" || filters.team) bits |= DIM_BITS.team;
  if (filters.category) bits |= DIM_BITS.category;
  if (filters.channel) bits |= DIM_BITS.channel;
  if (filters.tier) bits |= DIM_BITS.tier;
  if (filters.severity) bits |= DIM_BITS.severity;
  return bits;
}

/** A kept grain for these filter bits plus the bits a chart groups by; null when the facts must be read instead. */
export function grainFor(bits: number | null, groupBy = 0): number | null {
  if (bits === null) return null;
  const grain = bits | groupBy;
  return GRAINS.includes(grain) ? grain : null;
}

/** WHERE fragment on kpi_daily_rollups aliased `r`: grain, scope and dimension filters. */
export function rollupWhere(grain: number, scope: KpiScope, filters: Filters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`r.grain = ${grain}`];
  if (scope.kind === "teams") parts.push(Prisma.sql`r."teamId" = ANY(${scope.teamIds}::int[])`);
  if (scope.kind === "agent") parts.push(Prisma.sql`r."assigneeId" = ${scope.userId}`);
  if (filters.team) parts.push(Prisma.sql`r."teamId" = ANY(${filters.team}::int[])`);
  if (filters.category) parts.push(Prisma.sql`r."categoryId" = ANY(${filters.category}::int[])`);
  if (filters.channel) parts.push(Prisma.sql`r."channelId" = ANY(${filters.channel}::int[])`);
  if (filters.tier) parts.push(Prisma.sql`r."tierId" = ANY(${filters.tier}::int[])`);
  if (filters.severity) parts.push(Prisma.sql`r."severityId" = ANY(${filters.severity}::int[])`);
  return Prisma.join(parts, " AND ", "", "");
}

/** Inclusive reporting-day spans: the current period and the one before it. */
export type DaySpan = { fromDay: string; toDay: string; previousFromDay: string };

export type RollupTotals = {
  inflow: number;
  created: number;
  escalated: number;
  responseMet: number;
  responseDecided: number;
  frtBusiness: { count: number; sum: number };
  frtCalendar: { count: number; sum: number };
  resolved: number;
  resolutionMet: number;
  resolutionDecided: number;
  firstResolved: number;
  fcr: number;
  reopened: number;
  resolutionBusiness: { count: number; sum: number };
  resolutionCalendar: { count: number; sum: number };
};

/** Summed measures of the current and previous period. */
export async function rollupTotals(
  where: Prisma.Sql,
  span: DaySpan,
  reopenWindowDays: number,
): Promise<{ current: RollupTotals; previous: RollupTotals }> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT (r.day >= ${span.fromDay}::date) AS cur,
      sum(r.inflow)::int AS inflow, sum(r.created)::int AS created, sum(r.escalated)::int AS escalated,
      sum(r."responseMet")::int AS "responseMet", sum(r."responseDecided")::int AS "responseDecided",
      sum(r."frtBusinessCount")::int AS "frtBusinessCount", sum(r."frtBusinessSum")::float8 AS "frtBusinessSum",
      sum(r."frtCalendarCount")::int AS "frtCalendarCount", sum(r."frtCalendarSum")::float8 AS "frtCalendarSum",
      sum(r.resolved)::int AS resolved, sum(r."resolutionMet")::int AS "resolutionMet", sum(r."resolutionDecided")::int AS "resolutionDecided",
      sum(r."firstResolved")::int AS "firstResolved", sum(r.fcr)::int AS fcr,
      coalesce(sum((SELECT sum(d.n::int) FROM jsonb_each_text(r."reopenDays") AS d(days, n) WHERE d.days::int < ${reopenWindowDays})), 0)::int AS reopened,
      sum(r."resolutionBusinessCount")::int AS "resolutionBusinessCount", sum(r."resolutionBusinessSum")::float8 AS "resolutionBusinessSum",
      sum(r."resolutionCalendarCount")::int AS "resolutionCalendarCount", sum(r."resolutionCalendarSum")::float8 AS "resolutionCalendarSum"
    FROM kpi_daily_rollups r
    WHERE r.day >= ${span.previousFromDay}::date AND r.day <= ${span.toDay}::date AND ${where}
    GROUP BY 1`;
  const read = (cur: boolean): RollupTotals => {
    const row = rows.find((r) => r.cur === cur) ?? {};
    const n = (key: string) => Number(row[key] ?? 0);
    return {
      inflow: n("inflow"),
      created: n("created"),
      escalated: n("escalated"),
      responseMet: n("responseMet"),
      responseDecided: n("responseDecided"),
      frtBusiness: { count: n("frtBusinessCount"), sum: n("frtBusinessSum") },
      frtCalendar: { count: n("frtCalendarCount"), sum: n("frtCalendarSum") },
      resolved: n("resolved"),
      resolutionMet: n("resolutionMet"),
      resolutionDecided: n("resolutionDecided"),
      firstResolved: n("firstResolved"),
      fcr: n("fcr"),
      reopened: n("reopened"),
      resolutionBusiness: { count: n("resolutionBusinessCount"), sum: n("resolutionBusinessSum") },
      resolutionCalendar: { count: n("resolutionCalendarCount"), sum: n("resolutionCalendarSum") },
    };
  };
  return { current: read(true), previous: read(false) };
}

export const HISTOGRAM_METRICS = ["frtBusiness", "frtCalendar", "resolutionBusiness", "resolutionCalendar"] as const;
export type HistogramMetric = (typeof HISTOGRAM_METRICS)[number];

/** Summed duration histograms of the current and previous period (calendar-time ones: current only). */
export async function rollupHistograms(
  where: Prisma.Sql,
  span: DaySpan,
  metrics: readonly HistogramMetric[],
  periods: "both" | "current" = "both",
): Promise<Map<string, Histogram>> {
  const result = new Map<string, Histogram>();
  if (metrics.length === 0) return result;
  // The previous period is compared on its business-time median only: calendar-time histograms of the current one.
  const arms = Prisma.join(
    metrics.map((metric) => {
      const arm = Prisma.raw(
        `SELECT '${metric}' AS metric, u.b, u.c FROM unnest(r."${metric}Buckets", r."${metric}Counts") AS u(b, c)`,
      );
      return metric.endsWith("Calendar") ? Prisma.sql`${arm} WHERE r.day >= ${span.fromDay}::date` : arm;
    }),
    " UNION ALL ",
    "",
    "",
  );
  const from = periods === "both" ? span.previousFromDay : span.fromDay;
  const rows = await db.$queryRaw<{ cur: boolean; metric: HistogramMetric; b: number; n: number }[]>`
    SELECT (r.day >= ${span.fromDay}::date) AS cur, m.metric, m.b, sum(m.c)::int AS n
    FROM kpi_daily_rollups r CROSS JOIN LATERAL (${arms}) m
    WHERE r.day >= ${from}::date AND r.day <= ${span.toDay}::date AND ${where}
    GROUP BY 1, 2, 3`;
  for (const row of rows) {
    const key = `${row.cur ? "current" : "previous"}|${row.metric}`;
    let histogram = result.get(key);
    if (!histogram) result.set(key, (histogram = new Map()));
    histogram.set(row.b, row.n);
  }
  return result;
}

/** Facts created / resolved over both periods regardless of filters: decides whether exact percentiles are cheap. */
export async function rollupVolume(span: DaySpan): Promise<{ created: number; resolved: number }> {
  const [row] = await db.$queryRaw<{ created: number; resolved: number }[]>`
    SELECT coalesce(sum(r.created), 0)::int AS created, coalesce(sum(r.resolved), 0)::int AS resolved
    FROM kpi_daily_rollups r WHERE r.grain = 0 AND r.day >= ${span.previousFromDay}::date AND r.day <= ${span.toDay}::date`;
  return { created: row?.created ?? 0, resolved: row?.resolved ?? 0 };
}

/**
 * Days (exclusive) whose inflow and completions make up the backlog at `at`: a day boundary counts the days before it,
 * an instant inside a day (now) counts that day too (the rollups hold what had happened by their refresh).
 */
function backlogCutoff(at: Date): string {
  const day = reportDay(at);
  return dayStart(day).getTime() === at.getTime() ? day : addDays(day, 1);
}

/**
 * Open complaints at two instants: created minus done spans started plus done spans ended (reopens) of every day
 * before.
 */
export async function rollupBacklog(
  where: Prisma.Sql,
  at: Date,
  previousAt: Date,
): Promise<{ current: number; previous: number }> {
  const [row] = await db.$queryRaw<{ current: number; previous: number }[]>`
    SELECT coalesce(sum(r.created - r."doneStarted" + r."doneEnded") FILTER (WHERE r.day < ${backlogCutoff(at)}::date), 0)::int AS current,
      coalesce(sum(r.created - r."doneStarted" + r."doneEnded") FILTER (WHERE r.day < ${backlogCutoff(previousAt)}::date), 0)::int AS previous
    FROM kpi_daily_rollups r WHERE ${where}`;
  return { current: row?.current ?? 0, previous: row?.previous ?? 0 };
}

/** The rows of the current period: per-day inflow/outflow, inflow by local hour, root causes, escalation levels. */
export async function rollupDayRows(where: Prisma.Sql, span: DaySpan) {
  return db.$queryRaw<
    {
      day: string;
      inflow: number;
      resolved: number;
      inflowByHour: number[];
      rootCauses: Record<string, number>;
      escalationLevels: Record<string, number>;
    }[]
  >`
    SELECT to_char(r.day, 'YYYY-MM-DD') AS day, r.inflow, r.resolved, r."inflowByHour", r."rootCauses", r."escalationLevels"
    FROM kpi_daily_rollups r
    WHERE r.day >= ${span.fromDay}::date AND r.day <= ${span.toDay}::date AND ${where}`;
}

/** Counts per value of one dimension (grain includes it): category Pareto (inflow) and SLA by team. */
export async function rollupByDimension(where: Prisma.Sql, span: DaySpan, column: "categoryId" | "teamId") {
  const col = Prisma.raw(`r."${column}"`);
  return db.$queryRaw<
    {
      key: number;
      inflow: number;
      responseMet: number;
      responseDecided: number;
      resolutionMet: number;
      resolutionDecided: number;
    }[]
  >`
    SELECT ${col} AS key, sum(r.inflow)::int AS inflow,
      sum(r."responseMet")::int AS "responseMet", sum(r."responseDecided")::int AS "responseDecided",
      sum(r."resolutionMet")::int AS "resolutionMet", sum(r."resolutionDecided")::int AS "resolutionDecided"
    FROM kpi_daily_rollups r
    WHERE ${col} <> 0 AND r.day >= ${span.fromDay}::date AND r.day <= ${span.toDay}::date AND ${where}
    GROUP BY 1`;
}

/** Bucket counts of the FRT distribution chart (bounds in lib/kpi/queries.ts FRT_BUCKETS) from a histogram. */
export function distributionFromHistogram(histogram: Histogram | undefined, bounds: readonly number[]): number[] {
  const counts = new Array<number>(bounds.length + 1).fill(0);
  for (const [bucket, count] of histogram ?? []) {
    const low = HISTOGRAM_BOUNDS[bucket]!;
    let index = 0;
    while (index < bounds.length && low >= bounds[index]!) index++;
    counts[index]! += count;
  }
  return counts;
}

/** Survey answers per reporting day over both periods (the same shape as lib/kpi/queries.ts surveyDays). */
export async function rollupSurveyDays(where: Prisma.Sql, span: DaySpan): Promise<SurveyDay[]> {
  return db.$queryRaw<SurveyDay[]>`
    SELECT to_char(r.day, 'YYYY-MM-DD') AS day, sum(r."csatN")::int AS "csatN", sum(r."csatPositive")::int AS "csatPositive", sum(r."csatSum")::int AS "csatSum",
      sum(r."npsN")::int AS "npsN", sum(r.promoters)::int AS promoters, sum(r.detractors)::int AS detractors,
      sum(r."cesN")::int AS "cesN", sum(r."cesSum")::int AS "cesSum"
    FROM kpi_daily_rollups r
    WHERE r.day >= ${span.previousFromDay}::date AND r.day <= ${span.toDay}::date AND ${where}
    GROUP BY r.day HAVING sum(r."csatN") + sum(r."npsN") + sum(r."cesN") > 0
    ORDER BY r.day`;
}

/** Surveys sent in each period and how many of them are answered (response rate). */
export async function rollupSurveysSent(where: Prisma.Sql, span: DaySpan) {
  const rows = await db.$queryRaw<{ cur: boolean; sent: number; answered: number }[]>`
    SELECT (r.day >= ${span.fromDay}::date) AS cur, sum(r."surveysSent")::int AS sent, sum(r."surveysAnswered")::int AS answered
    FROM kpi_daily_rollups r
    WHERE r.day >= ${span.previousFromDay}::date AND r.day <= ${span.toDay}::date AND ${where}
    GROUP BY 1`;
  const read = (cur: boolean) => {
    const row = rows.find((r) => r.cur === cur);
    return { sent: row?.sent ?? 0, answered: row?.answered ?? 0 };
  };
  return { current: read(true), previous: read(false) };
}

/** The "Surveys by mode" counts of the current period (the same shape as lib/kpi/queries.ts surveyModes). */
export async function rollupSurveyModes(
  where: Prisma.Sql,
  span: DaySpan,
): Promise<{ sent: number; rows: SurveyModeRow[]; answeredOfSent: Record<string, number> }> {
  const current = Prisma.sql`r.day >= ${span.fromDay}::date AND r.day <= ${span.toDay}::date AND ${where}`;
  const [modes, [sent]] = await Promise.all([
    db.$queryRaw<(SurveyModeRow & { answeredOfSent: number })[]>`
      SELECT m.key AS mode, sum((m.value->>0)::int)::int AS answered, sum((m.value->>1)::int)::int AS "csatN", sum((m.value->>2)::int)::int AS "csatPositive",
        sum((m.value->>3)::int)::int AS "npsN", sum((m.value->>4)::int)::int AS promoters, sum((m.value->>5)::int)::int AS detractors,
        sum((m.value->>6)::int)::int AS "cesN", sum((m.value->>7)::int)::int AS "cesSum", sum((m.value->>8)::int)::int AS "answeredOfSent"
      FROM kpi_daily_rollups r CROSS JOIN LATERAL jsonb_each(r."surveyModes") AS m(key, value)
      WHERE ${current}
      GROUP BY 1`,
    db.$queryRaw<
      { sent: number }[]
    >`SELECT coalesce(sum(r."surveysSent"), 0)::int AS sent FROM kpi_daily_rollups r WHERE ${current}`,
  ]);
  return {
    sent: sent?.sent ?? 0,
    rows: modes.filter((row) => row.answered > 0).map(({ answeredOfSent: _, ...row }) => row),
    answeredOfSent: Object.fromEntries(
      modes.filter((row) => row.answeredOfSent > 0).map((row) => [row.mode, row.answeredOfSent]),
    ),
  };
}
