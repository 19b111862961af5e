// Drill-down from the dashboards: a KPI cohort (`kpi` URL param) as a complaint-queue filter. The date range applies to
// the cohort's own date (created, resolved, answered, granted), exactly as the dashboard counted it. A heatmap cell
// adds
// the local weekday / hour of creation (kpi_complaint_facts."createdWeekday" / "createdHour", China Standard Time).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DrillCohort } from "@/lib/kpi/catalog";
import { DEFAULT_REOPEN_WINDOW_DAYS } from "@/lib/kpi/definitions";

/** `now` is the backlog's instant when the range has no end (or ends later). */
export type DrillRange = { from?: Date; to?: Date; now?: Date };
/**
 * Narrowing of a drill-down: escalation level (2–4), local weekday of creation (0 = Sunday) and hour (0–23); the
 * reopen-rate window (setting kpi.definitions.reopenWindowDays) for the `reopened` cohort.
 */
export type DrillNarrowing = { level?: number; weekday?: number; hour?: number; reopenWindowDays?: number };

function between(range: DrillRange): Prisma.DateTimeFilter | undefined {
  if (!range.from && !range.to) return undefined;
  return { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lt: range.to } : {}) };
}

export function drillWhere(
  kpi: DrillCohort,
  range: DrillRange,
  narrowing: DrillNarrowing = {},
): Prisma.ComplaintWhereInput {
  const cohort = cohortWhere(kpi, range, narrowing.level, narrowing.reopenWindowDays ?? DEFAULT_REOPEN_WINDOW_DAYS);
  const { weekday, hour } = narrowing;
  if (weekday === undefined && hour === undefined) return cohort;
  const slot: Prisma.KpiComplaintFactWhereInput = {
    ...(weekday !== undefined ? { createdWeekday: weekday } : {}),
    ...(hour !== undefined ? { createdHour: hour } : {}),
  };
  return { AND: [cohort, { kpiFact: { is: slot } }] };
}

/**
 * Backlog at an instant, as the dashboard counts it: created before it, with no done span (resolved, closed, rejected,
 * merged; kpi_done_spans, from the status history) covering it.
 */
function backlogWhere(at: Date): Prisma.ComplaintWhereInput {
  return {
    createdAt: { lt: at },
    kpiFact: {
      is: { doneSpans: { none: { doneAt: { lte: at }, OR: [{ reopenedAt: null }, { reopenedAt: { gt: at } }] } } },
    },
  };
}

function cohortWhere(
  kpi: DrillCohort,
  range: DrillRange,
  level: number | undefined,
  reopenWindowDays: number,
): Prisma.ComplaintWhereInput {
  const dates = between(range);
  const created: Prisma.ComplaintWhereInput = dates ? { createdAt: dates } : {};
  const resolved: Prisma.ComplaintWhereInput = {
    status: { in: ["resolved", "closed"] },
    resolvedAt: dates ?? { not: null },
  };
  // FCR and reopen rate: complaints resolved for the first time in the range, reopened since or not.
  const firstResolved: Prisma.KpiComplaintFactWhereInput = { firstResolvedAt: dates ?? { not: null } };
  const now = range.now ?? new Date();
  const answered = dates ? { createdAt: dates } : {};
  switch (kpi) {
    case "inflow":
      return { ...created, status: { not: "duplicate" } };
    case "backlog":
      return backlogWhere(range.to && range.to < now ? range.to : now);
    case "responded":
      return { ...created, firstResponseAt: { not: null } };
    case "response_breached":
      return { ...created, kpiFact: { is: { responseMet: false } } };
    case "resolved":
      return resolved;
    case "resolution_breached":
      return { ...resolved, kpiFact: { is: { resolutionMet: false } } };
    case "not_fcr":
      return { kpiFact: { is: { ...firstResolved, fcr: false } } };
    case "reopened":
      return { kpiFact: { is: { ...firstResolved, reopenDelayMin: { lt: reopenWindowDays * 1_440 } } } };
    case "escalated":
      return {
        ...created,
        status: { not: "duplicate" },
        kpiFact: { is: level ? { escalationLevel: level } : { escalationLevel: { gte: 2 } } },
      };
    case "surveyed":
      return { surveyResponses: { some: answered } };
    case "csat_low":
      return { surveyResponses: { some: { ...answered, csat: { lte: 3 } } } };
    case "detractor":
      return { surveyResponses: { some: { ...answered, nps: { lte: 6 } } } };
    case "compensated":
      return {
        compensations: { some: { status: { in: ["approved", "issued"] }, ...(dates ? { createdAt: dates } : {}) } },
      };
  }
}
