// One complaint → its KPI fact row (pure): the inputs of every dashboard figure, precomputed once per change.
import type { CalendarSpec } from "@/lib/sla/calendar-schema";
import type { ComplaintStatus, SlaClockKind } from "@/lib/generated/prisma/enums";
import {
  businessMinutesExcludingPauses,
  calendarMinutes,
  doneSpans,
  firstResolution,
  isFirstContactResolution,
  type DoneSpan,
  pendingPauses,
  reopenedWithinWindow,
  type StatusChange,
} from "@/lib/kpi/definitions";
import { toReportClock } from "@/lib/kpi/filters";

export type ClockOutcomeInput = { kind: SlaClockKind; dueAt: Date; fulfilledAt: Date | null; breachedAt: Date | null };

export type FactInput = {
  id: number;
  createdAt: Date;
  status: ComplaintStatus;
  teamId: number | null;
  categoryId: number | null;
  channelId: number;
  tierId: number | null;
  severityId: number;
  assigneeId: number | null;
  rootCauseId: number | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  escalationLevel: number;
  /** highest level among the complaint's escalation records (a de-escalated complaint still counts as escalated) */
  maxEscalatedLevel: number;
  reopenCount: number;
  customerReplyCount: number;
  statusChanges: StatusChange[];
  clocks: ClockOutcomeInput[];
  /** the business calendar of the complaint's SLA policy; null = no policy, business time equals calendar time */
  calendar: CalendarSpec | null;
};

export type FactRow = {
  complaintId: number;
  createdAt: Date;
  /** local (REPORT_TIME_ZONE) weekday of createdAt, 0 = Sunday, and hour 0–23: the heatmap cell it is counted in */
  createdWeekday: number;
  createdHour: number;
  status: ComplaintStatus;
  inflow: boolean;
  teamId: number | null;
  categoryId: number | null;
  channelId: number;
  tierId: number | null;
  severityId: number;
  assigneeId: number | null;
  rootCauseId: number | null;
  firstResponseAt: Date | null;
  frtCalendarMin: number | null;
  frtBusinessMin: number | null;
  resolvedAt: Date | null;
  resolutionCalendarMin: number | null;
  resolutionBusinessMin: number | null;
  doneAt: Date | null;
  responseMet: boolean | null;
  resolutionMet: boolean | null;
  escalationLevel: number;
  reopenCount: number;
  reopenedWithin7d: boolean;
  customerReplyCount: number;
  fcr: boolean | null;
  firstResolvedAt: Date | null;
  reopenDelayMin: number | null;
};

const DONE_STATUSES = new Set<ComplaintStatus>(["resolved", "closed", "rejected", "duplicate"]);

/**
 * Done spans from the status history; a complaint that is done now but whose history does not say when (data
 * written without a timeline) is done since its resolution (resolved, closed) or closing (rejected, merged).
 */
export function spansOf(
  input: Pick<FactInput, "status" | "statusChanges" | "resolvedAt" | "closedAt" | "createdAt">,
): DoneSpan[] {
  const spans = doneSpans(input.statusChanges);
  const last = spans[spans.length - 1];
  if (DONE_STATUSES.has(input.status) && (!last || last.reopenedAt !== null)) {
    const resolvedAt = input.status === "resolved" || input.status === "closed" ? input.resolvedAt : null;
    spans.push({ doneAt: resolvedAt ?? input.closedAt ?? input.resolvedAt ?? input.createdAt, reopenedAt: null });
  }
  if (!DONE_STATUSES.has(input.status) && last && last.reopenedAt === null) last.reopenedAt = last.doneAt;
  return spans.filter((span) => span.reopenedAt === null || span.reopenedAt > span.doneAt);
}

/** Met (true), breached (false) or not decided yet (null) — a clock fulfilled after its due time counts as breached. */
export function clockOutcome(clock: ClockOutcomeInput | undefined): boolean | null {
  if (!clock) return null;
  if (clock.breachedAt) return false;
  if (clock.fulfilledAt) return clock.fulfilledAt <= clock.dueAt;
  return null;
}

function durations(input: FactInput, end: Date | null) {
  if (!end) return { calendar: null, business: null };
  const calendar = Math.round(calendarMinutes(input.createdAt, end));
  if (!input.calendar) return { calendar, business: calendar };
  const pauses = pendingPauses(input.statusChanges);
  return {
    calendar,
    business: Math.round(businessMinutesExcludingPauses(input.calendar, input.createdAt, end, pauses)),
  };
}

export function computeFact(input: FactInput): FactRow {
  const resolved = input.resolvedAt !== null && (input.status === "resolved" || input.status === "closed");
  const resolvedAt = resolved ? input.resolvedAt : null;
  const frt = durations(input, input.firstResponseAt);
  const resolution = durations(input, resolvedAt);
  const escalationLevel = Math.max(input.escalationLevel, input.maxEscalatedLevel, 1);
  const reopenedWithin7d = reopenedWithinWindow(input.statusChanges);
  const first = firstResolution(input.statusChanges);
  // Without a resolution in the history (data written without a timeline), the recorded resolution is the first one.
  const firstResolvedAt = first.resolvedAt ?? resolvedAt;
  const local = toReportClock(input.createdAt);
  const spans = spansOf(input);
  const currentSpan = spans[spans.length - 1];
  return {
    complaintId: input.id,
    createdAt: input.createdAt,
    createdWeekday: local.getUTCDay(),
    createdHour: local.getUTCHours(),
    status: input.status,
    inflow: input.status !== "duplicate",
    teamId: input.teamId,
    categoryId: input.categoryId,
    channelId: input.channelId,
    tierId: input.tierId,
    severityId: input.severityId,
    assigneeId: input.assigneeId,
    rootCauseId: input.rootCauseId,
    firstResponseAt: input.firstResponseAt,
    frtCalendarMin: frt.calendar,
    frtBusinessMin: frt.business,
    resolvedAt,
    resolutionCalendarMin: resolution.calendar,
    resolutionBusinessMin: resolution.business,
    // since when it has been done without interruption (the open done span); null while open
    doneAt: currentSpan && currentSpan.reopenedAt === null ? currentSpan.doneAt : null,
    responseMet: clockOutcome(input.clocks.find((clock) => clock.kind === "first_response")),
    resolutionMet: resolved ? clockOutcome(input.clocks.find((clock) => clock.kind === "resolution")) : null,
    escalationLevel,
    reopenCount: input.reopenCount,
    reopenedWithin7d,
    customerReplyCount: input.customerReplyCount,
    // FCR's base is every complaint resolved at least once: a reopened one stays in it (and is not FCR when reopened
    // within 7 days).
    fcr: isFirstContactResolution({
      resolved: firstResolvedAt !== null,
      customerReplyCount: input.customerReplyCount,
      escalationLevel,
      reopenedWithin7d,
    }),
    firstResolvedAt,
    reopenDelayMin: first.resolvedAt ? first.reopenDelayMin : null,
  };
}
