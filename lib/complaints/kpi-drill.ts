// Drill-down from the dashboards: a KPI cohort (`kpi` URL param) as a complaint-queue filter. The date range applies to
// the cohort's own date (created, resolved, answered, granted), exactly as the dashboard counted it. A heatmap cell adds
// the local weekday / hour of creation (kpi_complaint_facts."createdWeekday" / "createdHour", China Standard Time).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DrillCohort } from "@/lib/kpi/catalog";
import { OPEN_STATUSES } from "@/lib/complaints/transitions";

export type DrillRange = { from?: Date; to?: Date };
/** Narrowing of a drill-down: escalation level (2–4), local weekday of creation (0 = Sunday) and hour (0–23). */
export type DrillNarrowing = { level?: number; weekday?: number; hour?: number };

function between(range: DrillRange): Prisma.DateTimeFilter | undefined {
  if (!range.from && !range.to) return undefined;
  return { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lt: range.to } : {}) };
}

export function drillWhere(kpi: DrillCohort, range: DrillRange, narrowing: DrillNarrowing = {}): Prisma.ComplaintWhereInput {
  const cohort = cohortWhere(kpi, range, narrowing.level);
  const { weekday, hour } = narrowing;
  if (weekday === undefined && hour === undefined) return cohort;
  const slot: Prisma.KpiComplaintFactWhereInput = { ...(weekday !== undefined ? { createdWeekday: weekday } : {}), ...(hour !== undefined ? { createdHour: hour } : {}) };
  return { AND: [cohort, { kpiFact: { is: slot } }] };
}

function cohortWhere(kpi: DrillCohort, range: DrillRange, level?: number): Prisma.ComplaintWhereInput {
  const dates = between(range);
  const created: Prisma.ComplaintWhereInput = dates ? { createdAt: dates } : {};
  const resolved: Prisma.ComplaintWhereInput = { status: { in: ["resolved", "closed"] }, resolvedAt: dates ?? { not: null } };
  const answered = dates ? { createdAt: dates } : {};
  switch (kpi) {
    case "inflow":
      return { ...created, status: { not: "duplicate" } };
    case "backlog":
      return { status: { in: [...OPEN_STATUSES] }, ...(range.to ? { createdAt: { lt: range.to } } : {}) };
    case "responded":
      return { ...created, firstResponseAt: { not: null } };
    case "response_breached":
      return { ...created, kpiFact: { is: { responseMet: false } } };
    case "resolved":
      return resolved;
    case "resolution_breached":
      return { ...resolved, kpiFact: { is: { resolutionMet: false } } };
    case "not_fcr":
      return { ...resolved, kpiFact: { is: { fcr: false } } };
    case "reopened":
      return { ...resolved, reopenCount: { gt: 0 } };
    case "escalated":
      return { ...created, status: { not: "duplicate" }, kpiFact: { is: level ? { escalationLevel: level } : { escalationLevel: { gte: 2 } } } };
    case "surveyed":
      return { surveyResponses: { some: answered } };
    case "csat_low":
      return { surveyResponses: { some: { ...answered, csat: { lte: 3 } } } };
    case "detractor":
      return { surveyResponses: { some: { ...answered, nps: { lte: 6 } } } };
    case "compensated":
      return { compensations: { some: { status: { in: ["approved", "issued"] }, ...(dates ? { createdAt: dates } : {}) } } };
  }
}
