// The dashboards' server loaders: every database read of a dashboard page happens in one of these functions
// (benchmarks call loadManagerDashboard directly). Figures come from the KPI facts (lib/kpi/refresh.ts).
import type { Actor } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
// Reads that may lag: the read replica when one is configured (lib/db-replica.ts), else the primary.
import { readDb as db } from "@/lib/db-replica";
import { POINTS_PER_CNY } from "@/lib/compensation/limits";
import { meetsTarget, type KpiKey } from "@/lib/kpi/catalog";
import {
  change,
  complaintsPer10k,
  csatMeanAs100,
  passengersInRange,
  share,
  type DurationStats,
} from "@/lib/kpi/definitions";
import { loadKpiSettings, tileTargets } from "@/lib/kpi/settings";
import { daysOf, resolvePeriod, toReportClock, type DashboardFilters, type Period } from "@/lib/kpi/filters";
import { histogramPercentile, type Histogram } from "@/lib/kpi/histogram";
import {
  backlogAt,
  compensationTotals,
  countBy,
  createdCohorts,
  FRT_BUCKETS,
  flowByDay,
  frtDistribution,
  inflowHeatmap,
  resolvedCohorts,
  slaByTeam,
  surveyDays,
  surveysSent,
  type CreatedCohort,
  type Range,
  type ResolvedCohort,
  type SurveyDay,
} from "@/lib/kpi/queries";
import {
  distributionFromHistogram,
  filterBits,
  grainFor,
  rollupBacklog,
  rollupByDimension,
  rollupDayRows,
  rollupHistograms,
  rollupSurveyDays,
  rollupSurveyModes,
  rollupSurveysSent,
  rollupTotals,
  rollupVolume,
  rollupWhere,
  type DaySpan,
  type HistogramMetric,
} from "@/lib/kpi/rollup-queries";
import { readSurveySettings } from "@/lib/surveys/settings";
import { loadSurveyModes, summarizeSurveyModes } from "@/lib/kpi/survey-modes";
import { kpiDataAsOf, rollupsReady } from "@/lib/kpi/refresh";
import { DIM_BITS } from "@/lib/kpi/rollup";
import { factWhere, kpiScopeFor, type KpiScope } from "@/lib/kpi/scope";
import type { Prisma } from "@/lib/generated/prisma/client";

export type Tile = {
  key: KpiKey;
  value: number | null;
  previous: number | null;
  change: number | null;
  target: number | null;
  meetsTarget: boolean | null;
  /** extra figures shown under the value: p90, mean, calendar time, base counts */
  /** extra figures shown under the value: p90, mean, calendar time, the 0–100 scale of a score, base counts */
  details: { label: "p90" | "mean" | "calendarMedian" | "calendarP90" | "as100" | "base"; value: number | null }[];
  /** the reopen-rate window its definition names (setting kpi.definitions.reopenWindowDays) */
  reopenWindowDays?: number;
};

export type SurveyTotals = {
  csat: number | null;
  /** mean CSAT score 1–5 */
  csatMean: number | null;
  nps: number | null;
  /** share of NPS answers scoring 9–10 */
  recommendation: number | null;
  ces: number | null;
  csatN: number;
  npsN: number;
};

export function surveyTotals(days: readonly SurveyDay[]): SurveyTotals {
  const sum = (pick: (day: SurveyDay) => number) => days.reduce((total, day) => total + pick(day), 0);
  const csatN = sum((d) => d.csatN);
  const npsN = sum((d) => d.npsN);
  const cesN = sum((d) => d.cesN);
  return {
    csat: share(
      sum((d) => d.csatPositive),
      csatN,
    ),
    csatMean: csatN > 0 ? sum((d) => d.csatSum) / csatN : null,
    nps: npsN > 0 ? ((sum((d) => d.promoters) - sum((d) => d.detractors)) / npsN) * 100 : null,
    recommendation: share(
      sum((d) => d.promoters),
      npsN,
    ),
    ces: cesN > 0 ? sum((d) => d.cesSum) / cesN : null,
    csatN,
    npsN,
  };
}

type Targets = Record<KpiKey, number | null>;

function tile(
  targets: Targets,
  key: KpiKey,
  value: number | null,
  previous: number | null,
  details: Tile["details"] = [],
): Tile {
  const target = targets[key];
  return {
    key,
    value,
    previous,
    change: change(value, previous),
    target,
    meetsTarget: meetsTarget(key, value, target),
    details,
  };
}

function durationTile(
  targets: Targets,
  key: KpiKey,
  business: DurationStats,
  calendar: DurationStats,
  previous: DurationStats,
): Tile {
  return tile(targets, key, business.median, previous.median, [
    { label: "p90", value: business.p90 },
    { label: "mean", value: business.mean },
    { label: "calendarMedian", value: calendar.median },
    { label: "calendarP90", value: calendar.p90 },
  ]);
}

/** CSAT/NPS trend buckets: days for ranges up to 45 days, otherwise weeks (starting on the period's first day). */
function surveyTrend(days: readonly SurveyDay[], period: Period) {
  const all = daysOf(period);
  const size = period.days > 45 ? 7 : 1;
  const byDay = new Map(days.map((day) => [day.day, day]));
  const buckets: { day: string; csat: number | null; nps: number | null; responses: number }[] = [];
  for (let index = 0; index < all.length; index += size) {
    const slice = all.slice(index, index + size).flatMap((day) => byDay.get(day) ?? []);
    const totals = surveyTotals(slice);
    buckets.push({ day: all[index]!, csat: totals.csat, nps: totals.nps, responses: totals.csatN });
  }
  return buckets;
}

async function passengerVolumes(from: Date, to: Date) {
  const rows = await db.passengerVolume.findMany({
    where: { month: { gte: new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1)), lt: to } },
    select: { month: true, passengers: true },
  });
  return rows;
}

/**
 * Where the figures come from: `auto` reads the daily rollups when the scope and filters match a kept grain (else the
 * facts); `facts` always reads the facts (tests compare the two). Percentiles are exact (from the facts) while the
 * period holds at most `exactPercentileLimit` complaints in all, and interpolated from the rollups' histograms above.
 */
export type LoadOptions = { source?: "auto" | "facts"; exactPercentileLimit?: number };
export const EXACT_PERCENTILE_LIMIT = 20_000;

type Cohorts = {
  created: { current: CreatedCohort; previous: CreatedCohort };
  resolved: { current: ResolvedCohort; previous: ResolvedCohort };
  backlog: { current: number; previous: number };
};

const spanOf = (period: Period): DaySpan => ({
  fromDay: period.fromDay,
  toDay: period.toDay,
  previousFromDay: period.previous.fromDay,
});

function histogramStats(histogram: Histogram | undefined, total: { count: number; sum: number }) {
  const h = histogram ?? new Map<number, number>();
  return {
    mean: total.count > 0 ? total.sum / total.count : null,
    median: histogramPercentile(h, 0.5),
    p90: histogramPercentile(h, 0.9),
    count: total.count,
  };
}

async function cohortsFromFacts(
  where: Prisma.Sql,
  current: Range,
  previous: Range,
  backlogInstant: Date,
  previousAt: Date,
  reopenWindowDays: number,
): Promise<Cohorts> {
  const [created, resolved, backlog] = await Promise.all([
    createdCohorts(where, current, previous),
    resolvedCohorts(where, current, previous, reopenWindowDays),
    backlogAt(where, backlogInstant, previousAt),
  ]);
  return { created, resolved, backlog };
}

async function cohortsFromRollups(
  grain: number,
  scope: KpiScope,
  filters: DashboardFilters,
  period: Period,
  backlogInstant: Date,
  exactLimit: number,
  reopenWindowDays: number,
): Promise<Cohorts> {
  const where = rollupWhere(grain, scope, filters);
  const span = spanOf(period);
  const current: Range = { from: period.from, to: period.to };
  const previous: Range = { from: period.previous.from, to: period.previous.to };
  const [totals, backlog, volume] = await Promise.all([
    rollupTotals(where, span, reopenWindowDays),
    rollupBacklog(where, backlogInstant, period.previous.to),
    rollupVolume(span),
  ]);
  // Exact percentiles need the facts of the whole date range (filters do not narrow that scan): only while it is small.
  const exactCreated = volume.created <= exactLimit;
  const exactResolved = volume.resolved <= exactLimit;
  const metrics: HistogramMetric[] = [
    ...(exactCreated ? [] : (["frtBusiness", "frtCalendar"] as const)),
    ...(exactResolved ? [] : (["resolutionBusiness", "resolutionCalendar"] as const)),
  ];
  const facts = factWhere(scope, filters);
  const [histograms, exactC, exactR] = await Promise.all([
    rollupHistograms(where, span, metrics),
    exactCreated ? createdCohorts(facts, current, previous) : null,
    exactResolved ? resolvedCohorts(facts, current, previous, reopenWindowDays) : null,
  ]);
  const createdOf = (cur: "current" | "previous"): CreatedCohort => {
    const t = totals[cur];
    return {
      inflow: t.inflow,
      frtBusiness: exactC
        ? exactC[cur].frtBusiness
        : histogramStats(histograms.get(`${cur}|frtBusiness`), t.frtBusiness),
      frtCalendar: exactC
        ? exactC[cur].frtCalendar
        : histogramStats(histograms.get(`${cur}|frtCalendar`), t.frtCalendar),
      responseMet: t.responseMet,
      responseDecided: t.responseDecided,
      escalated: t.escalated,
    };
  };
  const resolvedOf = (cur: "current" | "previous"): ResolvedCohort => {
    const t = totals[cur];
    return {
      resolved: t.resolved,
      resolutionBusiness: exactR
        ? exactR[cur].resolutionBusiness
        : histogramStats(histograms.get(`${cur}|resolutionBusiness`), t.resolutionBusiness),
      resolutionCalendar: exactR
        ? exactR[cur].resolutionCalendar
        : histogramStats(histograms.get(`${cur}|resolutionCalendar`), t.resolutionCalendar),
      resolutionMet: t.resolutionMet,
      resolutionDecided: t.resolutionDecided,
      firstResolved: t.firstResolved,
      fcr: t.fcr,
      reopened: t.reopened,
    };
  };
  return {
    created: { current: createdOf("current"), previous: createdOf("previous") },
    resolved: { current: resolvedOf("current"), previous: resolvedOf("previous") },
    backlog,
  };
}

export type KpiSummary = Awaited<ReturnType<typeof loadKpiSummary>>;

/** Tiles (with previous period and targets) for one scope and filter set. */
export async function loadKpiSummary(
  scope: KpiScope,
  filters: DashboardFilters,
  now = new Date(),
  options: LoadOptions = {},
) {
  const period = resolvePeriod(filters, now);
  const where = factWhere(scope, filters);
  const current: Range = { from: period.from, to: period.to };
  const previous: Range = { from: period.previous.from, to: period.previous.to };
  const backlogInstant = new Date(Math.min(period.to.getTime(), now.getTime()));
  const [ready, settings, surveySettings] = await Promise.all([
    rollupsReady(db),
    loadKpiSettings(db),
    readSurveySettings(db),
  ]);
  const grain = options.source === "facts" || !ready ? null : grainFor(filterBits(scope, filters));
  // Appraisal setting: one agent's figures may leave out the answers recorded on the phone (never the totals).
  const excludePhone = scope.kind === "agent" && surveySettings.excludePhoneFromAgentFigures;
  const reopenWindowDays = settings.definitions.reopenWindowDays;
  const targets = tileTargets(settings.targets);
  const [cohorts, surveys, sent, compensation, volumes] = await Promise.all([
    grain === null
      ? cohortsFromFacts(where, current, previous, backlogInstant, period.previous.to, reopenWindowDays)
      : cohortsFromRollups(
          grain,
          scope,
          filters,
          period,
          backlogInstant,
          options.exactPercentileLimit ?? EXACT_PERCENTILE_LIMIT,
          reopenWindowDays,
        ),
    // The rollups count phone answers with the others: an agent's figures without them come from the facts.
    grain === null || excludePhone
      ? surveyDays(where, { from: previous.from, to: current.to }, excludePhone)
      : rollupSurveyDays(rollupWhere(grain, scope, filters), spanOf(period)),
    grain === null || excludePhone
      ? surveysSent(where, current, previous, excludePhone)
      : rollupSurveysSent(rollupWhere(grain, scope, filters), spanOf(period)),
    compensationTotals(where, current, previous, Number(POINTS_PER_CNY)),
    passengerVolumes(toReportClock(previous.from), toReportClock(current.to)),
  ]);
  const { created, resolved, backlog } = cohorts;
  const surveyCurrent = surveyTotals(surveys.filter((day) => day.day >= period.fromDay));
  const surveyPrevious = surveyTotals(surveys.filter((day) => day.day < period.fromDay));
  const compensationOf = (cur: boolean) =>
    compensation.filter((row) => row.cur === cur).reduce((total, row) => total + row.cny, 0);
  // Passenger volumes are per calendar month of the reporting time zone.
  const local = (range: Range) => [toReportClock(range.from), toReportClock(range.to)] as const;
  const passengers = passengersInRange(volumes, ...local(current));
  const previousPassengers = passengersInRange(volumes, ...local(previous));
  const c = created.current;
  const p = created.previous;
  const r = resolved.current;
  const rp = resolved.previous;

  const tiles: Tile[] = [
    tile(targets, "inflow", c.inflow, p.inflow),
    tile(targets, "backlog", backlog.current, backlog.previous),
    durationTile(targets, "frt", c.frtBusiness, c.frtCalendar, p.frtBusiness),
    durationTile(targets, "resolutionTime", r.resolutionBusiness, r.resolutionCalendar, rp.resolutionBusiness),
    tile(targets, "slaResponse", share(c.responseMet, c.responseDecided), share(p.responseMet, p.responseDecided), [
      { label: "base", value: c.responseDecided },
    ]),
    tile(
      targets,
      "slaResolution",
      share(r.resolutionMet, r.resolutionDecided),
      share(rp.resolutionMet, rp.resolutionDecided),
      [{ label: "base", value: r.resolutionDecided }],
    ),
    tile(targets, "fcr", share(r.fcr, r.firstResolved), share(rp.fcr, rp.firstResolved), [
      { label: "base", value: r.firstResolved },
    ]),
    {
      ...tile(targets, "reopenRate", share(r.reopened, r.firstResolved), share(rp.reopened, rp.firstResolved), [
        { label: "base", value: r.firstResolved },
      ]),
      reopenWindowDays,
    },
    tile(targets, "escalationRate", share(c.escalated, c.inflow), share(p.escalated, p.inflow), [
      { label: "base", value: c.inflow },
    ]),
    tile(targets, "csat", surveyCurrent.csat, surveyPrevious.csat, [{ label: "base", value: surveyCurrent.csatN }]),
    tile(targets, "csatMean", surveyCurrent.csatMean, surveyPrevious.csatMean, [
      { label: "as100", value: csatMeanAs100(surveyCurrent.csatMean) },
    ]),
    tile(targets, "nps", surveyCurrent.nps, surveyPrevious.nps, [{ label: "base", value: surveyCurrent.npsN }]),
    tile(targets, "recommendation", surveyCurrent.recommendation, surveyPrevious.recommendation, [
      { label: "base", value: surveyCurrent.npsN },
    ]),
    tile(targets, "ces", surveyCurrent.ces, surveyPrevious.ces),
    tile(
      targets,
      "responseRate",
      share(sent.current.answered, sent.current.sent),
      share(sent.previous.answered, sent.previous.sent),
      [{ label: "base", value: sent.current.sent }],
    ),
    tile(targets, "per10k", complaintsPer10k(c.inflow, passengers), complaintsPer10k(p.inflow, previousPassengers)),
    tile(targets, "compensation", compensationOf(true), compensationOf(false)),
  ];
  return {
    period,
    tiles,
    surveys: { days: surveys.filter((day) => day.day >= period.fromDay), trend: surveyTrend(surveys, period) },
    compensationByKind: compensation
      .filter((row) => row.cur)
      .map((row) => ({ kind: row.kind, cny: row.cny, foreignCount: row.foreignCount })),
    resolvedCount: r.resolved,
    reopenWindowDays,
  };
}

async function withNames(
  rows: { key: number; count: number }[],
  lookup: (ids: number[]) => Promise<{ id: number; nameZh: string; nameEn: string }[]>,
): Promise<{ id: number; nameZh: string; nameEn: string; count: number }[]> {
  const names = new Map((await lookup(rows.map((row) => row.key))).map((row) => [row.id, row]));
  return rows.map((row) => ({
    id: row.key,
    nameZh: names.get(row.key)?.nameZh ?? `#${row.key}`,
    nameEn: names.get(row.key)?.nameEn ?? `#${row.key}`,
    count: row.count,
  }));
}

const nameSelect = { id: true, nameZh: true, nameEn: true } as const;

/** Chart data from the rollups where a kept grain matches, from the facts otherwise (each chart decides on its own). */
async function chartSources(scope: KpiScope, filters: DashboardFilters, period: Period, options: LoadOptions) {
  const where = factWhere(scope, filters);
  const range: Range = { from: period.from, to: period.to };
  const span = spanOf(period);
  const bits = options.source === "facts" || !(await rollupsReady(db)) ? null : filterBits(scope, filters);
  const base = grainFor(bits);
  const byCategory = grainFor(bits, DIM_BITS.category);
  const byTeam = grainFor(bits, DIM_BITS.team);
  const fromRollupDays = async () => {
    const rows = await rollupDayRows(rollupWhere(base!, scope, filters), span);
    const flow = new Map<string, { day: string; inflow: number; outflow: number }>();
    const heat = new Map<string, { weekday: number; hour: number; count: number }>();
    const rootCauses = new Map<number, number>();
    const levels = new Map<number, number>();
    for (const row of rows) {
      const day = flow.get(row.day) ?? { day: row.day, inflow: 0, outflow: 0 };
      day.inflow += row.inflow;
      day.outflow += row.resolved;
      flow.set(row.day, day);
      const weekday = new Date(`${row.day}T00:00:00Z`).getUTCDay();
      row.inflowByHour.forEach((count, hour) => {
        if (count === 0) return;
        const cell = heat.get(`${weekday}|${hour}`) ?? { weekday, hour, count: 0 };
        cell.count += count;
        heat.set(`${weekday}|${hour}`, cell);
      });
      for (const [id, count] of Object.entries(row.rootCauses))
        rootCauses.set(Number(id), (rootCauses.get(Number(id)) ?? 0) + count);
      for (const [level, count] of Object.entries(row.escalationLevels))
        levels.set(Number(level), (levels.get(Number(level)) ?? 0) + count);
    }
    const sorted = (counts: Map<number, number>) =>
      [...counts]
        .filter(([, count]) => count > 0)
        .map(([key, count]) => ({ key, count }))
        .sort((a, b) => b.count - a.count || a.key - b.key);
    return {
      flow: [...flow.values()],
      heatmap: [...heat.values()],
      rootCauses: sorted(rootCauses),
      levels: sorted(levels),
    };
  };
  const [days, frt, categories, sla] = await Promise.all([
    base === null
      ? Promise.all([
          flowByDay(where, range),
          inflowHeatmap(where, range),
          countBy(where, range, "rootCauseId", "resolved"),
          countBy(where, range, "escalationLevel"),
        ]).then(([flow, heatmap, rootCauses, levels]) => ({ flow, heatmap, rootCauses, levels }))
      : fromRollupDays(),
    base === null
      ? frtDistribution(where, range)
      : rollupHistograms(rollupWhere(base, scope, filters), span, ["frtBusiness"], "current").then((h) =>
          distributionFromHistogram(h.get("current|frtBusiness"), FRT_BUCKETS),
        ),
    byCategory === null
      ? countBy(where, range, "categoryId")
      : rollupByDimension(rollupWhere(byCategory, scope, filters), span, "categoryId").then((rows) =>
          rows
            .filter((row) => row.inflow > 0)
            .map((row) => ({ key: row.key, count: row.inflow }))
            .sort((a, b) => b.count - a.count || a.key - b.key),
        ),
    byTeam === null
      ? slaByTeam(where, range)
      : rollupByDimension(rollupWhere(byTeam, scope, filters), span, "teamId").then((rows) =>
          rows.map((row) => ({
            teamId: row.key as number | null,
            responseMet: row.responseMet,
            responseDecided: row.responseDecided,
            resolutionMet: row.resolutionMet,
            resolutionDecided: row.resolutionDecided,
          })),
        ),
  ]);
  return { ...days, frt, categories, sla };
}

/** The charts of the manager dashboard (same scope and filters as the tiles). */
async function loadCharts(scope: KpiScope, filters: DashboardFilters, period: Period, options: LoadOptions) {
  const { flow, heatmap, frt, categories, rootCauses, levels, sla } = await chartSources(
    scope,
    filters,
    period,
    options,
  );
  const byDay = new Map(flow.map((row) => [row.day, row]));
  const teamIds = sla.map((row) => row.teamId).filter((id): id is number => id !== null);
  const [categoryNames, rootCauseNames, teams] = await Promise.all([
    withNames(categories, (ids) => db.category.findMany({ where: { id: { in: ids } }, select: nameSelect })),
    withNames(rootCauses, (ids) => db.rootCause.findMany({ where: { id: { in: ids } }, select: nameSelect })),
    db.team.findMany({ where: { id: { in: teamIds } }, select: nameSelect }),
  ]);
  const teamName = new Map(teams.map((team) => [team.id, team]));
  return {
    flow: daysOf(period).map((day) => ({
      day,
      inflow: byDay.get(day)?.inflow ?? 0,
      outflow: byDay.get(day)?.outflow ?? 0,
    })),
    heatmap,
    frtDistribution: frt,
    categories: categoryNames,
    rootCauses: rootCauseNames,
    escalationLevels: levels
      .filter((row) => row.key >= 2)
      .sort((a, b) => a.key - b.key)
      .map((row) => ({ level: row.key, count: row.count })),
    slaByTeam: sla
      .filter((row) => row.teamId !== null && (row.responseDecided > 0 || row.resolutionDecided > 0))
      .map((row) => ({
        teamId: row.teamId!,
        nameZh: teamName.get(row.teamId!)?.nameZh ?? `#${row.teamId}`,
        nameEn: teamName.get(row.teamId!)?.nameEn ?? `#${row.teamId}`,
        response: share(row.responseMet, row.responseDecided),
        resolution: share(row.resolutionMet, row.resolutionDecided),
        responseDecided: row.responseDecided,
        resolutionDecided: row.resolutionDecided,
      })),
  };
}

export type ManagerDashboard = Awaited<ReturnType<typeof loadDashboardFor>>;

/**
 * "Surveys by mode" from the rollups when a grain matches (a filtered view otherwise joins the facts per answer and
 * send).
 */
async function surveyModesFor(scope: KpiScope, filters: DashboardFilters, period: Period, options: LoadOptions) {
  const grain = options.source === "facts" || !(await rollupsReady(db)) ? null : grainFor(filterBits(scope, filters));
  return grain === null
    ? loadSurveyModes(factWhere(scope, filters), period)
    : rollupSurveyModes(rollupWhere(grain, scope, filters), spanOf(period)).then(summarizeSurveyModes);
}

async function loadDashboardFor(scope: KpiScope, filters: DashboardFilters, now: Date, options: LoadOptions) {
  const period = resolvePeriod(filters, now);
  const [summary, charts, dataAsOf, surveyModes] = await Promise.all([
    loadKpiSummary(scope, filters, now, options),
    loadCharts(scope, filters, period, options),
    kpiDataAsOf(db),
    surveyModesFor(scope, filters, period, options),
  ]);
  return { ...summary, charts, dataAsOf, scope, surveyModes };
}

/**
 * Everything the manager dashboard page shows, for `actor` (dashboard.view: all teams; dashboard.team: their teams).
 * Returns null when the actor may not see a dashboard.
 */
export async function loadManagerDashboard(
  actor: Actor,
  filters: DashboardFilters,
  now = new Date(),
  options: LoadOptions = {},
): Promise<ManagerDashboard | null> {
  if (!can(actor, "dashboard.view") && !can(actor, "dashboard.team")) return null;
  const scope = await kpiScopeFor(actor);
  if (!scope || scope.kind === "agent") return null;
  return loadDashboardFor(scope, filters, now, options);
}
