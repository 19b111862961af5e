// Starting, fulfilling, pausing and resuming a complaint's SLA clocks, each change recorded as an SlaEvent.
// Called inside the transaction of the complaint change that causes it.
import "server-only";
import type { Tx } from "@/lib/db";
import type { HolidayKind, SlaClockKind } from "@/lib/generated/prisma/enums";
import { addBusinessMinutes, businessMinutesBetween } from "@/lib/sla/business-time";
import { toCalendarSpec, type CalendarSpec } from "@/lib/sla/calendar-schema";
import { matchPolicy, type ComplaintForPolicy } from "@/lib/sla/policy-match";

/** Clocks started when a complaint is created; next_update starts once the first response is given (SLA jobs). */
const STARTED_AT_CREATION: SlaClockKind[] = [
  "acknowledge",
  "first_response",
  "resolution",
  "investigation",
  "written_reply",
  "regulator",
];

export type PlannedClock = { kind: SlaClockKind; targetMinutes: number; dueAt: Date; warnAt: Date };

/** Due and warning times for each target, counted in business time from `startedAt`. Pure. */
export function planClocks(
  calendar: CalendarSpec,
  targets: readonly { clock: SlaClockKind; minutes: number }[],
  warnPercent: number,
  startedAt: Date,
): PlannedClock[] {
  return targets
    .filter((target) => STARTED_AT_CREATION.includes(target.clock))
    .map((target) => ({
      kind: target.clock,
      targetMinutes: target.minutes,
      dueAt: addBusinessMinutes(calendar, startedAt, target.minutes),
      warnAt: addBusinessMinutes(calendar, startedAt, (target.minutes * warnPercent) / 100),
    }));
}

export const calendarSelect = {
  select: {
    id: true,
    timeZone: true,
    is24x7: true,
    workingHours: true,
    holidays: { select: { date: true, kind: true } },
  },
} as const;

/** What policy matching and clock planning need of each active policy. */
export const policyCandidateSelect = {
  id: true,
  rank: true,
  isDefault: true,
  active: true,
  code: true,
  warnPercent: true,
  matchType: true,
  matchSeverityId: true,
  matchPriority: true,
  matchTierId: true,
  matchChannelId: true,
  targets: { select: { clock: true, minutes: true } },
  calendar: calendarSelect,
} as const;

/** The policy a new complaint gets, its clocks and the complaint's SLA columns, computed before anything is written. */
export type SlaStart = {
  policy: { id: number; code: string; calendarId: number };
  matchedOn: string[];
  fallback: boolean;
  plan: PlannedClock[];
  fields: {
    slaPolicyId: number;
    firstResponseDueAt: Date | null;
    resolutionDueAt: Date | null;
    nextDueAt: Date | null;
    nextWarnAt: Date | null;
  };
};

type CandidateWithCalendar = Parameters<typeof matchPolicy>[0][number] & {
  code: string;
  warnPercent: number;
  targets: readonly { clock: SlaClockKind; minutes: number }[];
};

/**
 * Chooses the policy (lib/sla/policy-match.ts) and plans its clocks from `startedAt`. Pure apart from reading the
 * calendar through `calendarOf`. Returns null when no policy applies and there is no default (no SLA).
 */
export function planSlaStart<P extends CandidateWithCalendar>(
  policies: readonly P[],
  calendarOf: (policy: P) => {
    id: number;
    timeZone: string;
    is24x7: boolean;
    workingHours: unknown;
    holidays: readonly { date: Date; kind: HolidayKind }[];
  },
  complaint: ComplaintForPolicy,
  startedAt: Date,
): SlaStart | null {
  const match = matchPolicy(policies, complaint);
  if (!match) return null; // no policy and no default: the complaint runs without SLA (admins are warned elsewhere)
  const { policy } = match;
  const calendar = calendarOf(policy);
  const plan = planClocks(toCalendarSpec(calendar), policy.targets, policy.warnPercent, startedAt);
  const due = (kind: SlaClockKind) => plan.find((clock) => clock.kind === kind)?.dueAt ?? null;
  return {
    policy: { id: policy.id, code: policy.code, calendarId: calendar.id },
    matchedOn: match.matchedOn,
    fallback: match.fallback,
    plan,
    fields: {
      slaPolicyId: policy.id,
      firstResponseDueAt: due("first_response"),
      resolutionDueAt: due("resolution"),
      ...nextDue(plan),
    },
  };
}

/** The clock that falls due first decides the queue position and colour of the complaint. */
function nextDue(clocks: readonly { dueAt: Date; warnAt: Date | null }[]): {
  nextDueAt: Date | null;
  nextWarnAt: Date | null;
} {
  let first: { dueAt: Date; warnAt: Date | null } | null = null;
  for (const clock of clocks) if (!first || clock.dueAt < first.dueAt) first = clock;
  return { nextDueAt: first?.dueAt ?? null, nextWarnAt: first?.warnAt ?? null };
}

/** Recomputes complaints.nextDueAt (and the breach flag) from the running clocks. */
export async function refreshNextDue(tx: Tx, complaintId: number) {
  const clocks = await tx.slaClock.findMany({
    where: { complaintId },
    select: { dueAt: true, warnAt: true, fulfilledAt: true, cancelledAt: true, pausedAt: true, breachedAt: true },
  });
  const running = clocks.filter((clock) => !clock.fulfilledAt && !clock.cancelledAt && !clock.pausedAt);
  await tx.complaint.update({
    where: { id: complaintId },
    data: { ...nextDue(running), slaBreached: clocks.some((clock) => clock.breachedAt !== null) },
  });
}

/** Marks clocks as met (first response given, complaint resolved …). */
export async function fulfilClocks(
  tx: Tx,
  complaintId: number,
  kinds: SlaClockKind[],
  at: Date,
  actorId: number | null,
) {
  const open = await tx.slaClock.findMany({
    where: { complaintId, kind: { in: kinds }, fulfilledAt: null, cancelledAt: null },
    select: { id: true, kind: true, dueAt: true },
  });
  for (const clock of open) {
    await tx.slaClock.update({ where: { id: clock.id }, data: { fulfilledAt: at, pausedAt: null } });
    await tx.slaEvent.create({
      data: {
        complaintId,
        clockId: clock.id,
        clockKind: clock.kind,
        kind: "fulfilled",
        dueAt: clock.dueAt,
        actorId,
        createdAt: at,
        data: { onTime: at <= clock.dueAt },
      },
    });
  }
  if (open.length) await refreshNextDue(tx, complaintId);
}

/**
 * The complaint left the workflow (rejected, duplicate, closed unresolved): open clocks stop without being met.
 * With `kinds`, only those (resolution stops the written-reply and regulator clocks that were not met).
 */
export async function cancelClocks(
  tx: Tx,
  complaintId: number,
  at: Date,
  actorId: number | null,
  reason: string,
  kinds?: SlaClockKind[],
) {
  const open = await tx.slaClock.findMany({
    where: { complaintId, fulfilledAt: null, cancelledAt: null, ...(kinds ? { kind: { in: kinds } } : {}) },
    select: { id: true, kind: true, dueAt: true },
  });
  for (const clock of open) {
    await tx.slaClock.update({ where: { id: clock.id }, data: { cancelledAt: at, pausedAt: null } });
    await tx.slaEvent.create({
      data: {
        complaintId,
        clockId: clock.id,
        clockKind: clock.kind,
        kind: "cancelled",
        dueAt: clock.dueAt,
        actorId,
        createdAt: at,
        data: { reason },
      },
    });
  }
  if (open.length) await refreshNextDue(tx, complaintId);
}

/** Reopening restarts the resolution clock with its full target from now (SPEC §3: a reopen counts against FCR). */
export async function restartResolutionClock(tx: Tx, complaintId: number, at: Date, actorId: number | null) {
  const clock = await tx.slaClock.findUnique({
    where: { complaintId_kind: { complaintId, kind: "resolution" } },
    select: { id: true, targetMinutes: true, policy: { select: { warnPercent: true } }, calendar: calendarSelect },
  });
  if (!clock) return;
  const calendar = toCalendarSpec(clock.calendar);
  const dueAt = addBusinessMinutes(calendar, at, clock.targetMinutes);
  const warnAt = addBusinessMinutes(calendar, at, (clock.targetMinutes * (clock.policy?.warnPercent ?? 75)) / 100);
  await tx.slaClock.update({
    where: { id: clock.id },
    data: {
      startedAt: at,
      dueAt,
      warnAt,
      fulfilledAt: null,
      cancelledAt: null,
      pausedAt: null,
      warnedAt: null,
      breachedAt: null,
      pausedMinutes: 0,
    },
  });
  await tx.slaEvent.create({
    data: {
      complaintId,
      clockId: clock.id,
      clockKind: "resolution",
      kind: "recomputed",
      dueAt,
      actorId,
      createdAt: at,
      data: { reason: "reopened" },
    },
  });
  await tx.complaint.update({ where: { id: complaintId }, data: { resolutionDueAt: dueAt } });
  await refreshNextDue(tx, complaintId);
}

const FINISHED = new Set(["resolved", "closed", "rejected", "duplicate"]);

/**
 * A customer-facing update (a reply that reached the customer, a call that got through) starts the next-update clock
 * afresh with the policy's next_update target (SPEC §4: progress updates); the running one, if any, is met first.
 * Nothing happens when the policy has no next_update target or the complaint is finished.
 */
export async function restartNextUpdateClock(tx: Tx, complaintId: number, at: Date, actorId: number | null) {
  const complaint = await tx.complaint.findUniqueOrThrow({
    where: { id: complaintId },
    select: {
      status: true,
      slaPolicy: {
        select: {
          id: true,
          warnPercent: true,
          pauseOnPending: true,
          targets: { where: { clock: "next_update" }, select: { minutes: true } },
          calendar: calendarSelect,
        },
      },
    },
  });
  const policy = complaint.slaPolicy;
  const target = policy?.targets[0];
  if (!policy || !target || FINISHED.has(complaint.status)) return;
  const calendar = toCalendarSpec(policy.calendar);
  const dueAt = addBusinessMinutes(calendar, at, target.minutes);
  const warnAt = addBusinessMinutes(calendar, at, (target.minutes * policy.warnPercent) / 100);
  const pausedAt = complaint.status === "pending_customer" && policy.pauseOnPending ? at : null;
  const existing = await tx.slaClock.findUnique({
    where: { complaintId_kind: { complaintId, kind: "next_update" } },
    select: { id: true, dueAt: true, fulfilledAt: true, cancelledAt: true },
  });
  if (existing && !existing.fulfilledAt && !existing.cancelledAt) {
    await tx.slaEvent.create({
      data: {
        complaintId,
        clockId: existing.id,
        clockKind: "next_update",
        kind: "fulfilled",
        dueAt: existing.dueAt,
        actorId,
        createdAt: at,
        data: { onTime: at <= existing.dueAt },
      },
    });
  }
  const fields = {
    policyId: policy.id,
    calendarId: policy.calendar.id,
    targetMinutes: target.minutes,
    startedAt: at,
    dueAt,
    warnAt,
    pausedAt,
    pausedMinutes: 0,
    warnedAt: null,
    breachedAt: null,
    fulfilledAt: null,
    cancelledAt: null,
  };
  const clock = await tx.slaClock.upsert({
    where: { complaintId_kind: { complaintId, kind: "next_update" } },
    create: { complaintId, kind: "next_update", ...fields },
    update: fields,
    select: { id: true },
  });
  await tx.slaEvent.create({
    data: {
      complaintId,
      clockId: clock.id,
      clockKind: "next_update",
      kind: "started",
      policyId: policy.id,
      dueAt,
      actorId,
      createdAt: at,
      data: { targetMinutes: target.minutes },
    },
  });
  await refreshNextDue(tx, complaintId);
}

/** Waiting for the customer stops the clocks (when the policy says so). */
export async function pauseClocks(tx: Tx, complaintId: number, at: Date, actorId: number | null) {
  const open = await tx.slaClock.findMany({
    where: {
      complaintId,
      fulfilledAt: null,
      cancelledAt: null,
      pausedAt: null,
      OR: [{ policy: { pauseOnPending: true } }, { policyId: null }],
    },
    select: { id: true, kind: true, dueAt: true },
  });
  for (const clock of open) {
    await tx.slaClock.update({ where: { id: clock.id }, data: { pausedAt: at } });
    await tx.slaEvent.create({
      data: {
        complaintId,
        clockId: clock.id,
        clockKind: clock.kind,
        kind: "paused",
        dueAt: clock.dueAt,
        actorId,
        createdAt: at,
      },
    });
  }
  if (open.length) await refreshNextDue(tx, complaintId);
}

/** The customer answered: clocks resume with the business time they had left when paused. */
export async function resumeClocks(tx: Tx, complaintId: number, at: Date, actorId: number | null) {
  const paused = await tx.slaClock.findMany({
    where: { complaintId, fulfilledAt: null, cancelledAt: null, pausedAt: { not: null } },
    select: {
      id: true,
      kind: true,
      dueAt: true,
      pausedAt: true,
      pausedMinutes: true,
      targetMinutes: true,
      policy: { select: { warnPercent: true } },
      calendar: calendarSelect,
    },
  });
  for (const clock of paused) {
    if (!clock.pausedAt) continue;
    const calendar = toCalendarSpec(clock.calendar);
    const remaining = Math.max(0, businessMinutesBetween(calendar, clock.pausedAt, clock.dueAt));
    const dueAt = clock.dueAt > clock.pausedAt ? addBusinessMinutes(calendar, at, remaining) : clock.dueAt;
    const pausedMinutes = clock.pausedMinutes + Math.round((at.getTime() - clock.pausedAt.getTime()) / 60_000);
    // Warn when warnPercent of the target has elapsed, counting the time before the pause.
    const remainingAtWarning = clock.targetMinutes * (1 - (clock.policy?.warnPercent ?? 75) / 100);
    const warnAt = addBusinessMinutes(calendar, at, Math.max(0, remaining - remainingAtWarning));
    await tx.slaClock.update({ where: { id: clock.id }, data: { pausedAt: null, dueAt, warnAt, pausedMinutes } });
    await tx.slaEvent.create({
      data: {
        complaintId,
        clockId: clock.id,
        clockKind: clock.kind,
        kind: "resumed",
        dueAt,
        actorId,
        createdAt: at,
        data: { pausedMinutes: pausedMinutes - clock.pausedMinutes, previousDueAt: clock.dueAt.toISOString() },
      },
    });
  }
  if (paused.length) await refreshNextDue(tx, complaintId);
}
