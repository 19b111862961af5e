// The KPI aggregates in SQL over kpi_complaint_facts (`f`), mirroring lib/kpi/definitions.ts: percentile_cont is the
// same interpolation as `percentile`, counts/shares the same bases. Every function takes the scope+filter fragment.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
// Reads that may lag: the read replica when one is configured (lib/db-replica.ts), else the primary.
import { readDb as db } from "@/lib/db-replica";
import { REPORT_TIME_ZONE } from "@/lib/kpi/filters";

type Num = number | null;
const num = (value: unknown): Num => (value === null || value === undefined ? null : Number(value));

export type Range = { from: Date; to: Date };

export type CreatedCohort = {
  inflow: number;
  frtBusiness: { mean: Num; median: Num; p90: Num; count: number };
  frtCalendar: { mean: Num; median: Num; p90: Num; count: number };
  responseMet: number;
  responseDecided: number;
  escalated: number;
};

export type ResolvedCohort = {
  resolved: number;
  resolutionBusiness: { mean: Num; median: Num; p90: Num; count: number };
  resolutionCalendar: { mean: Num; median: Num; p90: Num; count: number };
  resolutionMet: number;
  resolutionDecided: number;
  /** complaints resolved for the first time in the period (reopened since or not): the FCR and reopen-rate base */
  firstResolved: number;
  fcr: number;
  /** of those, reopened within the reopen window */
  reopened: number;
};

const stats = (column: string) =>
  Prisma.raw(`
  avg(f."${column}")::float8 AS "${column}_mean",
  percentile_cont(0.5) WITHIN GROUP (ORDER BY f."${column}") AS "${column}_median",
  percentile_cont(0.9) WITHIN GROUP (ORDER BY f."${column}") AS "${column}_p90",
  count(f."${column}")::int AS "${column}_count"`);

function readStats(row: Record<string, unknown>, column: string) {
  return {
    mean: num(row[`${column}_mean`]),
    median: num(row[`${column}_median`]),
    p90: num(row[`${column}_p90`]),
    count: Number(row[`${column}_count`] ?? 0),
  };
}

/** Figures of complaints created in the range (current and previous period in one scan, `cur` tells them apart). */
export async function createdCohorts(
  where: Prisma.Sql,
  current: Range,
  previous: Range,
): Promise<{ current: CreatedCohort; previous: CreatedCohort }> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT (f."createdAt" >= ${current.from}) AS cur,
      count(*) FILTER (WHERE f.inflow)::int AS inflow,
      ${stats("frtBusinessMin")}, ${stats("frtCalendarMin")},
      count(*) FILTER (WHERE f."responseMet")::int AS response_met,
      count(f."responseMet")::int AS response_decided,
      count(*) FILTER (WHERE f.inflow AND f."escalationLevel" >= 2)::int AS escalated
    FROM kpi_complaint_facts f
    WHERE f."createdAt" >= ${previous.from} AND f."createdAt" < ${current.to} AND ${where}
    GROUP BY 1`;
  const read = (cur: boolean): CreatedCohort => {
    const row = rows.find((r) => r.cur === cur) ?? {};
    return {
      inflow: Number(row.inflow ?? 0),
      frtBusiness: readStats(row, "frtBusinessMin"),
      frtCalendar: readStats(row, "frtCalendarMin"),
      responseMet: Number(row.response_met ?? 0),
      responseDecided: Number(row.response_decided ?? 0),
      escalated: Number(row.escalated ?? 0),
    };
  };
  return { current: read(true), previous: read(false) };
}

/**
 * Figures of complaints resolved in the range (resolution time, resolution SLA) and first resolved in it (FCR, reopen
 * rate).
 */
export async function resolvedCohorts(
  where: Prisma.Sql,
  current: Range,
  previous: Range,
  reopenWindowDays: number,
): Promise<{ current: ResolvedCohort; previous: ResolvedCohort }> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT (f."resolvedAt" >= ${current.from}) AS cur,
      count(*)::int AS resolved,
      ${stats("resolutionBusinessMin")}, ${stats("resolutionCalendarMin")},
      count(*) FILTER (WHERE f."resolutionMet")::int AS resolution_met,
      count(f."resolutionMet")::int AS resolution_decided
    FROM kpi_complaint_facts f
    WHERE f."resolvedAt" >= ${previous.from} AND f."resolvedAt" < ${current.to} AND ${where}
    GROUP BY 1`;
  const first = await firstResolvedCohorts(where, current, previous, reopenWindowDays);
  const read = (cur: boolean): ResolvedCohort => {
    const row = rows.find((r) => r.cur === cur) ?? {};
    return {
      ...first[cur ? "current" : "previous"],
      resolved: Number(row.resolved ?? 0),
      resolutionBusiness: readStats(row, "resolutionBusinessMin"),
      resolutionCalendar: readStats(row, "resolutionCalendarMin"),
      resolutionMet: Number(row.resolution_met ?? 0),
      resolutionDecided: Number(row.resolution_decided ?? 0),
    };
  };
  return { current: read(true), previous: read(false) };
}

type FirstResolved = { firstResolved: number; fcr: number; reopened: number };

/** FCR and reopen rate: complaints resolved for the first time in the range, reopened within the window or not. */
export async function firstResolvedCohorts(
  where: Prisma.Sql,
  current: Range,
  previous: Range,
  reopenWindowDays: number,
): Promise<{ current: FirstResolved; previous: FirstResolved }> {
  const rows = await db.$queryRaw<{ cur: boolean; first_resolved: number; fcr: number; reopened: number }[]>`
    SELECT (f."firstResolvedAt" >= ${current.from}) AS cur, count(*)::int AS first_resolved,
      count(*) FILTER (WHERE f.fcr)::int AS fcr,
      count(*) FILTER (WHERE f."reopenDelayMin" < ${reopenWindowDays * 1_440})::int AS reopened
    FROM kpi_complaint_facts f
    WHERE f."firstResolvedAt" >= ${previous.from} AND f."firstResolvedAt" < ${current.to} AND ${where}
    GROUP BY 1`;
  const read = (cur: boolean): FirstResolved => {
    const row = rows.find((r) => r.cur === cur);
    return { firstResolved: row?.first_resolved ?? 0, fcr: row?.fcr ?? 0, reopened: row?.reopened ?? 0 };
  };
  return { current: read(true), previous: read(false) };
}

/**
 * Open complaints (backlog) at two instants, point in time: created before it and not done at it, where done comes
 * from the status history (kpi_done_spans: resolved, closed, rejected or merged, until a reopen).
 */
export async function backlogAt(
  where: Prisma.Sql,
  at: Date,
  previousAt: Date,
): Promise<{ current: number; previous: number }> {
  const openAt = (instant: Date) => Prisma.sql`f."createdAt" < ${instant} AND NOT EXISTS (
    SELECT 1 FROM kpi_done_spans sp WHERE sp."complaintId" = f."complaintId" AND sp."doneAt" <= ${instant} AND (sp."reopenedAt" IS NULL OR sp."reopenedAt" > ${instant}))`;
  const [row] = await db.$queryRaw<{ current: number; previous: number }[]>`
    SELECT count(*) FILTER (WHERE ${openAt(at)})::int AS current, count(*) FILTER (WHERE ${openAt(previousAt)})::int AS previous
    FROM kpi_complaint_facts f
    WHERE f."createdAt" < ${at > previousAt ? at : previousAt} AND (f."doneAt" IS NULL OR f."doneAt" > ${at < previousAt ? at : previousAt}) AND ${where}`;
  return { current: row?.current ?? 0, previous: row?.previous ?? 0 };
}

/** Inflow and outflow per reporting day. */
export async function flowByDay(
  where: Prisma.Sql,
  range: Range,
): Promise<{ day: string; inflow: number; outflow: number }[]> {
  const [inflow, outflow] = await Promise.all([
    db.$queryRaw<{ day: string; n: number }[]>`
      SELECT to_char(f."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${REPORT_TIME_ZONE}, 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM kpi_complaint_facts f WHERE f.inflow AND f."createdAt" >= ${range.from} AND f."createdAt" < ${range.to} AND ${where} GROUP BY 1`,
    db.$queryRaw<{ day: string; n: number }[]>`
      SELECT to_char(f."resolvedAt" AT TIME ZONE 'UTC' AT TIME ZONE ${REPORT_TIME_ZONE}, 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM kpi_complaint_facts f WHERE f."resolvedAt" >= ${range.from} AND f."resolvedAt" < ${range.to} AND ${where} GROUP BY 1`,
  ]);
  const days = new Map<string, { day: string; inflow: number; outflow: number }>();
  for (const row of inflow) days.set(row.day, { day: row.day, inflow: row.n, outflow: 0 });
  for (const row of outflow)
    days.set(row.day, { day: row.day, inflow: days.get(row.day)?.inflow ?? 0, outflow: row.n });
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** Inflow by local weekday (0 = Sunday) × hour. */
export async function inflowHeatmap(
  where: Prisma.Sql,
  range: Range,
): Promise<{ weekday: number; hour: number; count: number }[]> {
  return db.$queryRaw`
    SELECT extract(dow FROM f."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${REPORT_TIME_ZONE})::int AS weekday,
      extract(hour FROM f."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${REPORT_TIME_ZONE})::int AS hour, count(*)::int AS count
    FROM kpi_complaint_facts f WHERE f.inflow AND f."createdAt" >= ${range.from} AND f."createdAt" < ${range.to} AND ${where}
    GROUP BY 1, 2`;
}

/** Upper bounds (minutes, business time) of the FRT distribution buckets; the last bucket is open-ended. */
export const FRT_BUCKETS = [15, 60, 240, 480, 1_440, 2_880] as const;

export async function frtDistribution(where: Prisma.Sql, range: Range): Promise<number[]> {
  const rows = await db.$queryRaw<{ bucket: number; count: number }[]>`
    SELECT width_bucket(f."frtBusinessMin", ${[...FRT_BUCKETS]}::int[])::int AS bucket, count(*)::int AS count
    FROM kpi_complaint_facts f
    WHERE f."frtBusinessMin" IS NOT NULL AND f."createdAt" >= ${range.from} AND f."createdAt" < ${range.to} AND ${where}
    GROUP BY 1`;
  const counts = new Array<number>(FRT_BUCKETS.length + 1).fill(0);
  for (const row of rows) counts[row.bucket] = row.count;
  return counts;
}

/** Counts per value of one fact column over the created cohort (category / root cause / escalation level Paretos). */
export async function countBy(
  where: Prisma.Sql,
  range: Range,
  column: "categoryId" | "rootCauseId" | "escalationLevel" | "teamId" | "channelId",
  cohort: "created" | "resolved" = "created",
): Promise<{ key: number; count: number }[]> {
  const col = Prisma.raw(`f."${column}"`);
  const date = Prisma.raw(cohort === "created" ? `f."createdAt"` : `f."resolvedAt"`);
  return db.$queryRaw`
    SELECT ${col} AS key, count(*)::int AS count
    FROM kpi_complaint_facts f
    WHERE f.inflow AND ${col} IS NOT NULL AND ${date} >= ${range.from} AND ${date} < ${range.to} AND ${where}
    GROUP BY 1 ORDER BY 2 DESC, 1`;
}

/** SLA compliance by team: response clocks of the created cohort, resolution clocks of the resolved cohort. */
export async function slaByTeam(
  where: Prisma.Sql,
  range: Range,
): Promise<
  {
    teamId: number | null;
    responseMet: number;
    responseDecided: number;
    resolutionMet: number;
    resolutionDecided: number;
  }[]
> {
  return db.$queryRaw`
    SELECT f."teamId" AS "teamId",
      count(*) FILTER (WHERE f."responseMet" AND f."createdAt" >= ${range.from} AND f."createdAt" < ${range.to})::int AS "responseMet",
      count(f."responseMet") FILTER (WHERE f."createdAt" >= ${range.from} AND f."createdAt" < ${range.to})::int AS "responseDecided",
      count(*) FILTER (WHERE f."resolutionMet" AND f."resolvedAt" >= ${range.from} AND f."resolvedAt" < ${range.to})::int AS "resolutionMet",
      count(f."resolutionMet") FILTER (WHERE f."resolvedAt" >= ${range.from} AND f."resolvedAt" < ${range.to})::int AS "resolutionDecided"
    FROM kpi_complaint_facts f
    WHERE ((f."createdAt" >= ${range.from} AND f."createdAt" < ${range.to}) OR (f."resolvedAt" >= ${range.from} AND f."resolvedAt" < ${range.to})) AND ${where}
    GROUP BY 1`;
}

/** True for the fragment factWhere gives without scope or filters: the facts join can be left out. */
function unfiltered(where: Prisma.Sql): boolean {
  return where.sql.trim() === "TRUE" && where.values.length === 0;
}

export type SurveyDay = {
  day: string;
  csatN: number;
  csatPositive: number;
  csatSum: number;
  npsN: number;
  promoters: number;
  detractors: number;
  cesN: number;
  cesSum: number;
};

/** Answers an agent recorded on the phone, left out of per-agent figures when the survey setting says so. */
const notPhone = (excludePhone: boolean) => (excludePhone ? Prisma.sql`AND r.mode <> 'phone'` : Prisma.empty);

/** Survey answers per reporting day of answer (summable: CSAT/NPS/CES of any span are computed from these). */
export async function surveyDays(where: Prisma.Sql, range: Range, excludePhone = false): Promise<SurveyDay[]> {
  return db.$queryRaw`
    SELECT to_char(r."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${REPORT_TIME_ZONE}, 'YYYY-MM-DD') AS day,
      count(r.csat)::int AS "csatN", count(*) FILTER (WHERE r.csat >= 4)::int AS "csatPositive", coalesce(sum(r.csat), 0)::int AS "csatSum",
      count(r.nps)::int AS "npsN", count(*) FILTER (WHERE r.nps >= 9)::int AS promoters, count(*) FILTER (WHERE r.nps <= 6)::int AS detractors,
      count(r.ces)::int AS "cesN", coalesce(sum(r.ces), 0)::int AS "cesSum"
    FROM survey_responses r ${unfiltered(where) ? Prisma.empty : Prisma.sql`JOIN kpi_complaint_facts f ON f."complaintId" = r."complaintId"`}
    WHERE r."createdAt" >= ${range.from} AND r."createdAt" < ${range.to} AND ${where} ${notPhone(excludePhone)}
    GROUP BY 1 ORDER BY 1`;
}

/** Surveys sent in the range and how many of them were answered (response rate). */
export async function surveysSent(
  where: Prisma.Sql,
  current: Range,
  previous: Range,
  excludePhone = false,
): Promise<{ current: { sent: number; answered: number }; previous: { sent: number; answered: number } }> {
  const rows = await db.$queryRaw<{ cur: boolean; sent: number; answered: number }[]>`
    SELECT (s."sentAt" >= ${current.from}) AS cur, count(*)::int AS sent, count(s."answeredAt")::int AS answered
    FROM surveys s ${unfiltered(where) ? Prisma.empty : Prisma.sql`JOIN kpi_complaint_facts f ON f."complaintId" = s."complaintId"`}
    WHERE s."sentAt" >= ${previous.from} AND s."sentAt" < ${current.to} AND ${where}
      ${excludePhone ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM survey_responses r WHERE r."surveyId" = s.id AND r.mode = 'phone')` : Prisma.empty}
    GROUP BY 1`;
  const read = (cur: boolean) => {
    const row = rows.find((r) => r.cur === cur);
    return { sent: row?.sent ?? 0, answered: row?.answered ?? 0 };
  };
  return { current: read(true), previous: read(false) };
}

/**
 * Compensation granted (approved or issued) on complaints, by proposal date, in CNY: points (PTS) at POINTS_PER_CNY,
 * other currencies left out of the total and counted separately.
 */
export async function compensationTotals(
  where: Prisma.Sql,
  current: Range,
  previous: Range,
  pointsPerCny: number,
): Promise<{ cur: boolean; kind: string; cny: number; foreignCount: number }[]> {
  return db.$queryRaw`
    SELECT (c."createdAt" >= ${current.from}) AS cur, c.kind::text AS kind,
      coalesce(sum(CASE WHEN c.currency = 'CNY' THEN c.amount WHEN c.currency = 'PTS' THEN c.amount / ${pointsPerCny}::numeric END), 0)::float8 AS cny,
      count(*) FILTER (WHERE c.currency NOT IN ('CNY', 'PTS'))::int AS "foreignCount"
    FROM compensations c ${unfiltered(where) ? Prisma.empty : Prisma.sql`JOIN kpi_complaint_facts f ON f."complaintId" = c."complaintId"`}
    WHERE c.status IN ('approved', 'issued') AND c."createdAt" >= ${previous.from} AND c."createdAt" < ${current.to} AND ${where}
    GROUP BY 1, 2`;
}

export type SurveyModeRow = {
  mode: "web" | "sms" | "phone";
  answered: number;
  csatN: number;
  csatPositive: number;
  npsN: number;
  promoters: number;
  detractors: number;
  cesN: number;
  cesSum: number;
};

/**
 * The survey figures split by how the answer came in (web link, SMS link, phone 回访). Scores: answers given in the
 * range, by mode. Response rate: of the surveys offered (sent) in the range, those answered in each mode, over all of
 * them, so the modes' rates add up to the overall response rate (docs/kpi.md).
 */
export async function surveyModes(
  where: Prisma.Sql,
  range: Range,
): Promise<{ sent: number; rows: SurveyModeRow[]; answeredOfSent: Record<string, number> }> {
  const facts = (alias: string) =>
    unfiltered(where)
      ? Prisma.empty
      : Prisma.sql`JOIN kpi_complaint_facts f ON f."complaintId" = ${Prisma.raw(alias)}."complaintId"`;
  const [rows, offered] = await Promise.all([
    db.$queryRaw<SurveyModeRow[]>`
      SELECT r.mode::text AS mode, count(*)::int AS answered,
        count(r.csat)::int AS "csatN", count(*) FILTER (WHERE r.csat >= 4)::int AS "csatPositive",
        count(r.nps)::int AS "npsN", count(*) FILTER (WHERE r.nps >= 9)::int AS promoters, count(*) FILTER (WHERE r.nps <= 6)::int AS detractors,
        count(r.ces)::int AS "cesN", coalesce(sum(r.ces), 0)::int AS "cesSum"
      FROM survey_responses r ${facts("r")}
      WHERE r."createdAt" >= ${range.from} AND r."createdAt" < ${range.to} AND ${where}
      GROUP BY 1`,
    db.$queryRaw<{ mode: string | null; n: number }[]>`
      SELECT r.mode::text AS mode, count(*)::int AS n
      FROM surveys s LEFT JOIN survey_responses r ON r."surveyId" = s.id ${facts("s")}
      WHERE s."sentAt" >= ${range.from} AND s."sentAt" < ${range.to} AND ${where}
      GROUP BY 1`,
  ]);
  const sent = offered.reduce((total, row) => total + row.n, 0);
  const answeredOfSent = Object.fromEntries(
    offered.filter((row) => row.mode !== null).map((row) => [row.mode as string, row.n]),
  );
  return { sent, rows, answeredOfSent };
}
