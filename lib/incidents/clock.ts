// The incident report clock (handbook 003 ch. 5: report within 10 minutes with type, impact and expected recovery;
// 002 §5.3: respond within 15 minutes). Pure arithmetic; the sweep in lib/incidents/clock-sweep.ts records lapses.
import type { IncidentLevel } from "@/lib/generated/prisma/enums";

export const FIRST_REPORT_MINUTES = 10;
/** Minutes between status updates while an incident is active: the graver the level, the more often. */
export const UPDATE_INTERVAL_MINUTES: Record<IncidentLevel, number> = { L1: 30, L2: 60, L3: 120 };

const MINUTE = 60_000;

export function firstReportDue(declaredAt: Date): Date {
  return new Date(declaredAt.getTime() + FIRST_REPORT_MINUTES * MINUTE);
}

export function nextUpdateDue(level: IncidentLevel, reportedAt: Date): Date {
  return new Date(reportedAt.getTime() + UPDATE_INTERVAL_MINUTES[level] * MINUTE);
}

export type ClockState = "met" | "running" | "overdue" | "stopped";

/** The state of the report clock shown on the incident: the first report, then the next update. */
export function reportClock(
  incident: { status: string; firstReportDueAt: Date | null; firstReportAt: Date | null; nextUpdateDueAt: Date | null },
  now: Date,
): { state: ClockState; dueAt: Date | null; first: boolean } {
  if (incident.status !== "active") return { state: "stopped", dueAt: null, first: false };
  if (!incident.firstReportAt)
    return {
      state: incident.firstReportDueAt && incident.firstReportDueAt < now ? "overdue" : "running",
      dueAt: incident.firstReportDueAt,
      first: true,
    };
  if (!incident.nextUpdateDueAt) return { state: "met", dueAt: null, first: false };
  return {
    state: incident.nextUpdateDueAt < now ? "overdue" : "running",
    dueAt: incident.nextUpdateDueAt,
    first: false,
  };
}
