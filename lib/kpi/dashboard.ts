// The dashboards' server loaders: every database read of a dashboard page happens in one of these functions
// (benchmarks call loadManagerDashboard directly). Figures come from the KPI facts (lib/kpi/refresh.ts).
import type { Actor } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { POINTS_PER_CNY } from "@/lib/compensation/limits";
import { KPI_SPECS, meetsTarget, type KpiKey } from "@/lib/kpi/catalog";
import { change, complaintsPer10k, passengersInRange, share, type DurationStats } from "@/lib/kpi/definitions";
import { daysOf, resolvePeriod, toReportClock, type DashboardFilters, type Period } from "@/lib/kpi/filters";
import {
  backlogAt,
  compensationTotals,
  countBy,
  createdCohorts,
  flowByDay,
  frtDistribution,
  inflowHeatmap,
  resolvedCohorts,
  slaByTeam,
  surveyDays,
  surveysSent,
  type Range,
  type SurveyDay,
} from "@/lib/kpi/queries";
import { kpiDataAsOf } from "@/lib/kpi/refresh";
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
  details: { label: "p90" | "mean" | "calendarMedian" | "calendarP90" | "base"; value: number | null }[];
};

export type SurveyTotals = { csat: number | null; nps: number | null; ces: number | null; csatN: number };

function surveyTotals(days: readonly SurveyDay[]): SurveyTotals {
  const sum = (pick: (day: SurveyDay) => number) => days.reduce((total, day) => total + pick(day), 0);
  const npsN = sum((d) => d.npsN);
  const cesN = sum((d) => d.cesN);
  return {
    csat: share(sum((d) => d.csatPositive), sum((d) => d.csatN)),
    nps: npsN > 0 ? ((sum((d) => d.promoters) - sum((d) => d.detractors)) / npsN) * 100 : null,
    ces: cesN > 0 ? sum((d) => d.cesSum) / cesN : null,
    csatN: sum((d) => d.csatN),
  };
}

function tile(key: KpiKey, value: number | null, previous: number | null, details: Tile["details"] = []): Tile {
  const target = KPI_SPECS[key].target;
  return { key, value, previous, change: change(value, previous), target, meetsTarget: meetsTarget(key, value), details };
}

function durationTile(key: KpiKey, business: DurationStats, calendar: DurationStats, previous: DurationStats): Tile {
  return tile(key, business.median, previous.median, [
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

export type KpiSummary = Awaited<ReturnType<typeof loadKpiSummary>>;

/** Tiles (with previous period and targets) for one scope and filter set. */
export async function loadKpiSummary(scope: KpiScope, filters: DashboardFilters, now = new Date()) {
  const period = resolvePeriod(filters, now);
  const where = factWhere(scope, filters);
  const current: Range = { from: period.from, to: period.to };
  const previous: Range = { from: period.previous.from, to: period.previous.to };
  const backlogInstant = new Date(Math.min(period.to.getTime(), now.getTime()));
  const [created, resolved, backlog, surveys, sent, compensation, volumes] = await Promise.all([
    createdCohorts(where, current, previous),
    resolvedCohorts(where, current, previous),
    backlogAt(where, backlogInstant, period.previous.to),
    surveyDays(where, { from: previous.from, to: current.to }),
    surveysSent(where, current, previous),
    compensationTotals(where, current, previous, Number(POINTS_PER_CNY)),
    passengerVolumes(toReportClock(previous.from), toReportClock(current.to)),
  ]);
  const surveyCurrent = surveyTotals(surveys.filter((day) => day.day >= period.fromDay));
  const surveyPrevious = surveyTotals(surveys.filter((day) => day.day < period.fromDay));
  const compensationOf = (cur: boolean) => compensation.filter((row) => row.cur === cur).reduce((total, row) => total + row.cny, 0);
  // Passenger volumes are per calendar month of the reporting time zone.
  const local = (range: Range) => [toReportClock(range.from), toReportClock(range.to)] as const;
  const passengers = passengersInRange(volumes, ...local(current));
  const previousPassengers = passengersInRange(volumes, ...local(previous));
  const c = created.current;
  const p = created.previous;
  const r = resolved.current;
  const rp = resolved.previous;

  const tiles: Tile[] = [
    tile("inflow", c.inflow, p.inflow),
    tile("backlog", backlog.current, backlog.previous),
    durationTile("frt", c.frtBusiness, c.frtCalendar, p.frtBusiness),
    durationTile("resolutionTime", r.resolutionBusiness, r.resolutionCalendar, rp.resolutionBusiness),
    tile("slaResponse", share(c.responseMet, c.responseDecided), share(p.responseMet, p.responseDecided), [{ label: "base", value: c.responseDecided }]),
    tile("slaResolution", share(r.resolutionMet, r.resolutionDecided), share(rp.resolutionMet, rp.resolutionDecided), [{ label: "base", value: r.resolutionDecided }]),
    tile("fcr", share(r.fcr, r.resolved), share(rp.fcr, rp.resolved), [{ label: "base", value: r.resolved }]),
    tile("reopenRate", share(r.reopened, r.resolved), share(rp.reopened, rp.resolved), [{ label: "base", value: r.resolved }]),
    tile("escalationRate", share(c.escalated, c.inflow), share(p.escalated, p.inflow), [{ label: "base", value: c.inflow }]),
    tile("csat", surveyCurrent.csat, surveyPrevious.csat, [{ label: "base", value: surveyCurrent.csatN }]),
    tile("nps", surveyCurrent.nps, surveyPrevious.nps),
    tile("ces", surveyCurrent.ces, surveyPrevious.ces),
    tile("responseRate", share(sent.current.answered, sent.current.sent), share(sent.previous.answered, sent.previous.sent), [{ label: "base", value: sent.current.sent }]),
    tile("per10k", complaintsPer10k(c.inflow, passengers), complaintsPer10k(p.inflow, previousPassengers)),
    tile("compensation", compensationOf(true), compensationOf(false)),
  ];
  return {
    period,
    tiles,
    surveys: { days: surveys.filter((day) => day.day >= period.fromDay), trend: surveyTrend(surveys, period) },
    compensationByKind: compensation.filter((row) => row.cur).map((row) => ({ kind: row.kind, cny: row.cny, foreignCount: row.foreignCount })),
    resolvedCount: r.resolved,
  };
}

async function withNames(
  rows: { key: number; count: number }[],
  lookup: (ids: number[]) => Promise<{ id: number; nameZh: string; nameEn: string }[]>,
): Promise<{ id: number; nameZh: string; nameEn: string; count: number }[]> {
  const names = new Map((await lookup(rows.map((row) => row.key))).map((row) => [row.id, row]));
  return rows.map((row) => ({ id: row.key, nameZh: names.get(row.key)?.nameZh ?? `#${row.key}`, nameEn: names.get(row.key)?.nameEn ?? `#${row.key}`, count: row.count }));
}

const nameSelect = { id: true, nameZh: true, nameEn: true } as const;

/** The charts of the manager dashboard (same scope and filters as the tiles). */
async function loadCharts(where: Prisma.Sql, period: Period) {
  const range: Range = { from: period.from, to: period.to };
  const [flow, heatmap, frt, categories, rootCauses, levels, sla] = await Promise.all([
    flowByDay(where, range),
    inflowHeatmap(where, range),
    frtDistribution(where, range),
    countBy(where, range, "categoryId"),
    countBy(where, range, "rootCauseId", "resolved"),
    countBy(where, range, "escalationLevel"),
    slaByTeam(where, range),
  ]);
  const byDay = new Map(flow.map((row) => [row.day, row]));
  const teamIds = sla.map((row) => row.teamId).filter((id): id is number => id !== null);
  const [categoryNames, rootCauseNames, teams] = await Promise.all([
    withNames(categories, (ids) => db.category.findMany({ where: { id: { in: ids } }, select: nameSelect })),
    withNames(rootCauses, (ids) => db.rootCause.findMany({ where: { id: { in: ids } }, select: nameSelect })),
    db.team.findMany({ where: { id: { in: teamIds } }, select: nameSelect }),
  ]);
  const teamName = new Map(teams.map((team) => [team.id, team]));
  return {
    flow: daysOf(period).map((day) => ({ day, inflow: byDay.get(day)?.inflow ?? 0, outflow: byDay.get(day)?.outflow ?? 0 })),
    heatmap,
    frtDistribution: frt,
    categories: categoryNames,
    rootCauses: rootCauseNames,
    escalationLevels: levels.filter((row) => row.key >= 2).sort((a, b) => a.key - b.key).map((row) => ({ level: row.key, count: row.count })),
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

async function loadDashboardFor(scope: KpiScope, filters: DashboardFilters, now: Date) {
  const [summary, charts, dataAsOf] = await Promise.all([
    loadKpiSummary(scope, filters, now),
    loadCharts(factWhere(scope, filters), resolvePeriod(filters, now)),
    kpiDataAsOf(db),
  ]);
  return { ...summary, charts, dataAsOf, scope };
}

/**
 * Everything the manager dashboard page shows, for `actor` (dashboard.view: all teams; dashboard.team: their teams).
 * Returns null when the actor may not see a dashboard.
 */
export async function loadManagerDashboard(actor: Actor, filters: DashboardFilters, now = new Date()): Promise<ManagerDashboard | null> {
  if (!can(actor, "dashboard.view") && !can(actor, "dashboard.team")) return null;
  const scope = await kpiScopeFor(actor);
  if (!scope || scope.kind === "agent") return null;
  return loadDashboardFor(scope, filters, now);
}
