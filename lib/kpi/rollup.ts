// Daily KPI rollups: the fact rows (lib/kpi/facts.ts) summed per reporting day at a few grains, so that a dashboard
// over 90 days reads a few hundred rows instead of hundreds of thousands of facts. Kept by the kpi.refresh job
// (lib/kpi/refresh.ts) for exactly the days its changed complaints touch (old and new dates), rebuilt in full once a
// day and on first use. Every measure is a sum, so any span of days and any set of dimension values add up.
import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, dayStart, REPORT_TIME_ZONE, reportDay } from "@/lib/kpi/filters";
import { HISTOGRAM_BOUNDS } from "@/lib/kpi/histogram";

/** Bit of each dimension in a grain. */
export const DIM_BITS = { team: 1, category: 2, channel: 4, tier: 8, severity: 16, assignee: 32 } as const;
export type RollupDimension = keyof typeof DIM_BITS;

const FILTER_BITS = [DIM_BITS.team, DIM_BITS.category, DIM_BITS.channel, DIM_BITS.tier, DIM_BITS.severity];
const bitCount = (grain: number) => FILTER_BITS.filter((bit) => grain & bit).length;

/**
 * The grains kept (issue 20, target 5): everything; any one or two of the five filter dimensions (a manager's filters,
 * or a supervisor's teams with one more filter); team × any two others (the SLA-by-team chart and a supervisor's
 * view under two filters); the assignee alone and × team (an agent's own tiles, the agents' table of a supervisor).
 * Three or more filters other than team, and an agent's figures under a filter, read the facts (lib/kpi/queries.ts),
 * which are then narrow enough for their indexes.
 */
export const GRAINS: readonly number[] = [
  ...Array.from({ length: 32 }, (_, grain) => grain).filter(
    (grain) => bitCount(grain) <= 2 || (bitCount(grain) === 3 && (grain & DIM_BITS.team) !== 0),
  ),
  DIM_BITS.assignee,
  DIM_BITS.assignee | DIM_BITS.team,
];

/** Columns of the cohort rows (`ev` below) for each dimension, in bit order. */
const DIM_COLUMNS: readonly [RollupDimension, string][] = [
  ["team", "t"],
  ["category", "c"],
  ["channel", "ch"],
  ["tier", "ti"],
  ["severity", "s"],
  ["assignee", "a"],
];

const groupingSets = Prisma.raw(
  `GROUPING SETS (${GRAINS.map((grain) => `(${["day", ...DIM_COLUMNS.filter(([dim]) => grain & DIM_BITS[dim]).map(([, column]) => column)].join(", ")})`).join(", ")})`,
);
/** The grain of a grouped row and its dimension values (0 where not grouped). */
const keyColumns = Prisma.raw(
  [
    "day",
    DIM_COLUMNS.map(([dim, column]) => `CASE WHEN GROUPING(${column}) = 0 THEN ${DIM_BITS[dim]} ELSE 0 END`).join(
      " + ",
    ) + " AS grain",
    ...DIM_COLUMNS.map(([, column]) => `CASE WHEN GROUPING(${column}) = 0 THEN ${column} ELSE 0 END AS ${column}`),
  ].join(", "),
);
const keyNames = Prisma.raw("day, grain, t, c, ch, ti, s, a");
const hours = Prisma.raw(
  Array.from({ length: 24 }, (_, hour) => `count(*) FILTER (WHERE kind = 'c' AND inflow AND hour = ${hour})::int`).join(
    ", ",
  ),
);
const METRICS = [
  ["frtBusiness", "frt_b"],
  ["frtCalendar", "frt_c"],
  ["resolutionBusiness", "res_b"],
  ["resolutionCalendar", "res_c"],
] as const;
const histogramArrays = Prisma.raw(
  METRICS.map(
    ([name]) =>
      `coalesce(array_agg(b ORDER BY b) FILTER (WHERE metric = '${name}'), '{}') AS "${name}Buckets", ` +
      `coalesce(array_agg(n ORDER BY b) FILTER (WHERE metric = '${name}'), '{}') AS "${name}Counts"`,
  ).join(", "),
);
const histogramValues = Prisma.raw(METRICS.map(([name, column]) => `('${name}', ev.${column})`).join(", "));
const insertColumns = Prisma.raw(
  [
    "day",
    "grain",
    `"teamId"`,
    `"categoryId"`,
    `"channelId"`,
    `"tierId"`,
    `"severityId"`,
    `"assigneeId"`,
    "created",
    "inflow",
    "escalated",
    `"inflowByHour"`,
    `"responseMet"`,
    `"responseDecided"`,
    `"frtBusinessCount"`,
    `"frtBusinessSum"`,
    `"frtCalendarCount"`,
    `"frtCalendarSum"`,
    "resolved",
    `"resolutionMet"`,
    `"resolutionDecided"`,
    "fcr",
    "reopened",
    `"resolutionBusinessCount"`,
    `"resolutionBusinessSum"`,
    `"resolutionCalendarCount"`,
    `"resolutionCalendarSum"`,
    `"doneInflow"`,
    `"doneStarted"`,
    `"doneEnded"`,
    `"firstResolved"`,
    `"reopenDays"`,
    `"csatN"`,
    `"csatPositive"`,
    `"csatSum"`,
    `"npsN"`,
    "promoters",
    "detractors",
    `"cesN"`,
    `"cesSum"`,
    `"surveysSent"`,
    `"surveysAnswered"`,
    ...METRICS.flatMap(([name]) => [`"${name}Buckets"`, `"${name}Counts"`]),
    `"rootCauses"`,
    `"escalationLevels"`,
    `"surveyModes"`,
  ].join(", "),
);

/**
 * Recomputes the rows of the reporting days [first, last] in one statement: every fact whose created, resolved or done
 * date falls in the span becomes a cohort row on that day (`ev`), as does every survey answered or sent in the span
 * (with its complaint's dimensions), summed at every grain with GROUPING SETS; duration
 * histograms (bucket bounds from lib/kpi/histogram.ts), root causes and escalation levels are summed per value first.
 */
async function writeDays(client: Tx, first: string, last: string): Promise<number> {
  const from = dayStart(first);
  const to = dayStart(nextDay(last));
  const local = (column: string) => Prisma.raw(`(f."${column}" AT TIME ZONE 'UTC' AT TIME ZONE '${REPORT_TIME_ZONE}')`);
  const surveyLocal = (alias: string) =>
    Prisma.raw(`(${alias}."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE '${REPORT_TIME_ZONE}')`);
  const spanLocal = (column: string) =>
    Prisma.raw(`(sp."${column}" AT TIME ZONE 'UTC' AT TIME ZONE '${REPORT_TIME_ZONE}')`);
  const sentLocal = Prisma.raw(`(v."sentAt" AT TIME ZONE 'UTC' AT TIME ZONE '${REPORT_TIME_ZONE}')`);
  await client.$executeRaw`DELETE FROM kpi_daily_rollups WHERE day >= ${first}::date AND day <= ${last}::date`;
  return client.$executeRaw`
    WITH fx AS (
      SELECT f.*, coalesce(f."teamId", 0) AS t, coalesce(f."categoryId", 0) AS c, f."channelId" AS ch, coalesce(f."tierId", 0) AS ti, f."severityId" AS s, coalesce(f."assigneeId", 0) AS a
      FROM kpi_complaint_facts f
      WHERE (f."createdAt" >= ${from} AND f."createdAt" < ${to}) OR (f."resolvedAt" >= ${from} AND f."resolvedAt" < ${to})
         OR (f."doneAt" >= ${from} AND f."doneAt" < ${to}) OR (f."firstResolvedAt" >= ${from} AND f."firstResolvedAt" < ${to})
    ), ev AS MATERIALIZED (
      SELECT ${local("createdAt")}::date AS day, 'c' AS kind, t, c, ch, ti, s, a, f.inflow,
        extract(hour FROM ${local("createdAt")})::int AS hour, f."escalationLevel" AS level, f."responseMet" AS met,
        f."frtBusinessMin" AS frt_b, f."frtCalendarMin" AS frt_c, NULL::int AS res_b, NULL::int AS res_c,
        false AS fcr, false AS reopened, NULL::int AS root_cause, NULL::int AS csat, NULL::int AS nps, NULL::int AS ces, false AS answered,
        NULL::int AS reopen_days, NULL::text AS mode
      FROM fx f WHERE f."createdAt" >= ${from} AND f."createdAt" < ${to}
      UNION ALL
      SELECT ${local("resolvedAt")}::date, 'r', t, c, ch, ti, s, a, f.inflow, NULL, NULL, f."resolutionMet", NULL, NULL,
        f."resolutionBusinessMin", f."resolutionCalendarMin", false, false,
        CASE WHEN f.inflow THEN f."rootCauseId" END, NULL, NULL, NULL, false, NULL, NULL
      FROM fx f WHERE f."resolvedAt" >= ${from} AND f."resolvedAt" < ${to}
      UNION ALL
      SELECT ${local("firstResolvedAt")}::date, 'f', t, c, ch, ti, s, a, f.inflow, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
        coalesce(f.fcr, false), f."reopenDelayMin" IS NOT NULL, NULL, NULL, NULL, NULL, false, (f."reopenDelayMin" / 1440)::int, NULL
      FROM fx f WHERE f."firstResolvedAt" >= ${from} AND f."firstResolvedAt" < ${to}
      UNION ALL
      SELECT ${local("doneAt")}::date, 'd', t, c, ch, ti, s, a, f.inflow, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, false, NULL, NULL, NULL, NULL, false, NULL, NULL
      FROM fx f WHERE f.inflow AND f."doneAt" >= ${from} AND f."doneAt" < ${to}
      UNION ALL
      SELECT ${spanLocal("doneAt")}::date, 'x', coalesce(f."teamId", 0), coalesce(f."categoryId", 0), f."channelId", coalesce(f."tierId", 0), f."severityId", coalesce(f."assigneeId", 0),
        f.inflow, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, false, NULL, NULL, NULL, NULL, false, NULL, NULL
      FROM kpi_done_spans sp JOIN kpi_complaint_facts f ON f."complaintId" = sp."complaintId"
      WHERE sp."doneAt" >= ${from} AND sp."doneAt" < ${to}
      UNION ALL
      SELECT ${spanLocal("reopenedAt")}::date, 'y', coalesce(f."teamId", 0), coalesce(f."categoryId", 0), f."channelId", coalesce(f."tierId", 0), f."severityId", coalesce(f."assigneeId", 0),
        f.inflow, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, false, NULL, NULL, NULL, NULL, false, NULL, NULL
      FROM kpi_done_spans sp JOIN kpi_complaint_facts f ON f."complaintId" = sp."complaintId"
      WHERE sp."reopenedAt" >= ${from} AND sp."reopenedAt" < ${to}
      UNION ALL
      SELECT ${surveyLocal("r")}::date, 'v', coalesce(f."teamId", 0), coalesce(f."categoryId", 0), f."channelId", coalesce(f."tierId", 0), f."severityId", coalesce(f."assigneeId", 0),
        f.inflow, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, false, NULL, r.csat, r.nps, r.ces, false, NULL, r.mode::text
      FROM survey_responses r JOIN kpi_complaint_facts f ON f."complaintId" = r."complaintId"
      WHERE r."createdAt" >= ${from} AND r."createdAt" < ${to}
      UNION ALL
      SELECT ${sentLocal}::date, 's', coalesce(f."teamId", 0), coalesce(f."categoryId", 0), f."channelId", coalesce(f."tierId", 0), f."severityId", coalesce(f."assigneeId", 0),
        f.inflow, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, false, NULL, NULL, NULL, NULL, v."answeredAt" IS NOT NULL, NULL, vr.mode::text
      FROM surveys v JOIN kpi_complaint_facts f ON f."complaintId" = v."complaintId" LEFT JOIN survey_responses vr ON vr."surveyId" = v.id
      WHERE v."sentAt" >= ${from} AND v."sentAt" < ${to}
    ), main AS (
      SELECT ${keyColumns},
        count(*) FILTER (WHERE kind = 'c')::int AS created,
        count(*) FILTER (WHERE kind = 'c' AND inflow)::int AS inflow,
        count(*) FILTER (WHERE kind = 'c' AND inflow AND level >= 2)::int AS escalated,
        ARRAY[${hours}] AS hours,
        count(*) FILTER (WHERE kind = 'c' AND met)::int AS response_met, count(met) FILTER (WHERE kind = 'c')::int AS response_decided,
        count(frt_b)::int AS frt_b_n, coalesce(sum(frt_b), 0)::float8 AS frt_b_sum, count(frt_c)::int AS frt_c_n, coalesce(sum(frt_c), 0)::float8 AS frt_c_sum,
        count(*) FILTER (WHERE kind = 'r')::int AS resolved,
        count(*) FILTER (WHERE kind = 'r' AND met)::int AS resolution_met, count(met) FILTER (WHERE kind = 'r')::int AS resolution_decided,
        count(*) FILTER (WHERE kind = 'f')::int AS first_resolved,
        count(*) FILTER (WHERE kind = 'f' AND fcr)::int AS fcr, count(*) FILTER (WHERE kind = 'f' AND reopened)::int AS reopened,
        count(*) FILTER (WHERE kind = 'x')::int AS done_started, count(*) FILTER (WHERE kind = 'y')::int AS done_ended,
        count(res_b)::int AS res_b_n, coalesce(sum(res_b), 0)::float8 AS res_b_sum, count(res_c)::int AS res_c_n, coalesce(sum(res_c), 0)::float8 AS res_c_sum,
        count(*) FILTER (WHERE kind = 'd')::int AS done_inflow,
        count(csat)::int AS csat_n, count(*) FILTER (WHERE csat >= 4)::int AS csat_positive, coalesce(sum(csat), 0)::int AS csat_sum,
        count(nps)::int AS nps_n, count(*) FILTER (WHERE nps >= 9)::int AS promoters, count(*) FILTER (WHERE nps <= 6)::int AS detractors,
        count(ces)::int AS ces_n, coalesce(sum(ces), 0)::int AS ces_sum,
        count(*) FILTER (WHERE kind = 's')::int AS surveys_sent, count(*) FILTER (WHERE kind = 's' AND answered)::int AS surveys_answered
      FROM ev GROUP BY ${groupingSets}
    ), hist AS (
      SELECT ${keyNames}, ${histogramArrays}
      FROM (
        SELECT ${keyColumns}, metric, b, count(*)::int AS n
        FROM (SELECT ev.*, m.metric, width_bucket(greatest(m.v, 0), ${[...HISTOGRAM_BOUNDS]}::int[]) - 1 AS b
              FROM ev CROSS JOIN LATERAL (VALUES ${histogramValues}) AS m(metric, v) WHERE m.v IS NOT NULL) h
        GROUP BY metric, b, ${groupingSets}
      ) x GROUP BY ${keyNames}
    ), causes AS (
      SELECT ${keyNames}, jsonb_object_agg(root_cause::text, n) AS causes
      FROM (SELECT ${keyColumns}, root_cause, count(*)::int AS n FROM ev WHERE root_cause IS NOT NULL GROUP BY root_cause, ${groupingSets}) x
      GROUP BY ${keyNames}
    ), levels AS (
      SELECT ${keyNames}, jsonb_object_agg(level::text, n) AS levels
      FROM (SELECT ${keyColumns}, level, count(*)::int AS n FROM ev WHERE kind = 'c' AND inflow AND level >= 2 GROUP BY level, ${groupingSets}) x
      GROUP BY ${keyNames}
    ), modes AS (
      SELECT ${keyNames}, jsonb_object_agg(mode, jsonb_build_array(answered, csat_n, csat_positive, nps_n, promoters, detractors, ces_n, ces_sum, answered_of_sent)) AS modes
      FROM (SELECT ${keyColumns}, mode, count(*) FILTER (WHERE kind = 'v')::int AS answered,
              count(csat)::int AS csat_n, count(*) FILTER (WHERE csat >= 4)::int AS csat_positive,
              count(nps)::int AS nps_n, count(*) FILTER (WHERE nps >= 9)::int AS promoters, count(*) FILTER (WHERE nps <= 6)::int AS detractors,
              count(ces)::int AS ces_n, coalesce(sum(ces), 0)::int AS ces_sum, count(*) FILTER (WHERE kind = 's')::int AS answered_of_sent
            FROM ev WHERE mode IS NOT NULL GROUP BY mode, ${groupingSets}) x
      GROUP BY ${keyNames}
    ), reopens AS (
      SELECT ${keyNames}, jsonb_object_agg(reopen_days::text, n) AS reopens
      FROM (SELECT ${keyColumns}, reopen_days, count(*)::int AS n FROM ev WHERE kind = 'f' AND reopen_days IS NOT NULL GROUP BY reopen_days, ${groupingSets}) x
      GROUP BY ${keyNames}
    )
    INSERT INTO kpi_daily_rollups (${insertColumns})
    SELECT main.day, main.grain, main.t, main.c, main.ch, main.ti, main.s, main.a, created, inflow, escalated, hours,
      response_met, response_decided, frt_b_n, frt_b_sum, frt_c_n, frt_c_sum, resolved, resolution_met, resolution_decided, fcr, reopened,
      res_b_n, res_b_sum, res_c_n, res_c_sum, done_inflow, done_started, done_ended, first_resolved, coalesce(reopens.reopens, '{}'),
      csat_n, csat_positive, csat_sum, nps_n, promoters, detractors, ces_n, ces_sum, surveys_sent, surveys_answered,
      ${Prisma.raw(METRICS.map(([name]) => `coalesce(hist."${name}Buckets", '{}'), coalesce(hist."${name}Counts", '{}')`).join(", "))},
      coalesce(causes.causes, '{}'), coalesce(levels.levels, '{}'), coalesce(modes.modes, '{}')
    FROM main
    LEFT JOIN hist USING (day, grain, t, c, ch, ti, s, a)
    LEFT JOIN causes USING (day, grain, t, c, ch, ti, s, a)
    LEFT JOIN levels USING (day, grain, t, c, ch, ti, s, a)
    LEFT JOIN reopens USING (day, grain, t, c, ch, ti, s, a)
    LEFT JOIN modes USING (day, grain, t, c, ch, ti, s, a)`;
}

/**
 * The reporting days of a fact's dates (created, resolved, first resolved, done; done spans are added by the caller):
 * the rollup days a change of this fact touches.
 */
export function daysOfFact(fact: {
  createdAt: Date;
  resolvedAt: Date | null;
  doneAt: Date | null;
  firstResolvedAt: Date | null;
}): string[] {
  const days = [reportDay(fact.createdAt)];
  if (fact.resolvedAt) days.push(reportDay(fact.resolvedAt));
  if (fact.firstResolvedAt) days.push(reportDay(fact.firstResolvedAt));
  if (fact.doneAt) days.push(reportDay(fact.doneAt));
  return days;
}

/** Sorted days grouped into contiguous runs [first, last]. */
function runsOf(days: readonly string[]): [string, string][] {
  const sorted = [...new Set(days)].sort();
  const runs: [string, string][] = [];
  for (const day of sorted) {
    const last = runs[runs.length - 1];
    if (last && addDays(last[1], 1) === day) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

const nextDay = (day: string) => addDays(day, 1);

/** Longest span of days written by one statement (bounds the work of a full rebuild per step). */
const MAX_RUN_DAYS = 31;

/** Recomputes the rollup rows of these reporting days from the facts (inside the caller's transaction). */
export async function rebuildRollupDays(client: Tx, days: readonly string[]): Promise<number> {
  let written = 0;
  for (const [first, last] of runsOf(days)) {
    for (let start = first; start <= last;) {
      let end = start;
      for (let index = 1; index < MAX_RUN_DAYS && nextDay(end) <= last; index++) end = nextDay(end);
      written += await writeDays(client, start, end);
      start = nextDay(end);
    }
  }
  return written;
}

/** Rebuilds every day that has facts, and removes rows of days that no longer have any. */
export async function rebuildAllRollups(client: Tx): Promise<number> {
  const [range] = await client.$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT min(f."createdAt") AS first,
      greatest(max(f."createdAt"), max(f."resolvedAt"), max(f."doneAt"), max(f."firstResolvedAt"), (SELECT max(coalesce(sp."reopenedAt", sp."doneAt")) FROM kpi_done_spans sp)) AS last
    FROM kpi_complaint_facts f`;
  await client.kpiDailyRollup.deleteMany({});
  if (!range?.first || !range.last) return 0;
  const days: string[] = [];
  for (let day = reportDay(range.first); day <= reportDay(range.last); day = nextDay(day)) days.push(day);
  return rebuildRollupDays(client, days);
}
