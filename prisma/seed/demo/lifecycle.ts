// Plays one complaint through the lifecycle of SPEC §3 up to its target status, writing a consistent timeline:
// every timestamp on the complaint has the event that set it, clocks stop when their milestone happens, and nothing
// happens after `now`.
import type { ActorType, ComplaintStatus, EventKind, Visibility } from "../../../lib/generated/prisma/enums";
import type { ClockPlan, ComplaintPlan, EventPlan } from "./plan-types";
import type { SeededRandom } from "./random";
import {
  CUSTOMER_CONFIRMS,
  CUSTOMER_REOPENS,
  CUSTOMER_SENDS_INFO,
  FIRST_REPLY,
  INTERNAL_NOTES,
  REJECTION,
  REQUEST_INFO,
  RESOLUTION_PREFIX,
  say,
} from "./texts";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STAFF_INTAKE_CHANNELS = new Set(["phone", "counter", "letter", "caac-12326", "ota"]);
/**
 * Share of the complaints heading for resolved/closed that are settled in one answer: the resolution reply is the
 * first customer-facing reply (first-contact resolution, lib/kpi/definitions.ts). Escalations decided afterwards
 * (severity, VIP, regulator, SLA breach, customer request) take some of them out of FCR again, so about 60 % of the
 * non-escalated resolved complaints end up resolved at first contact.
 */
const FIRST_CONTACT_SHARE = 0.65;

/** Fraction of an SLA target actually used: mostly comfortably inside, sometimes over (a breach). */
function targetFraction(random: SeededRandom, breachChance: number): number {
  return random.chance(breachChance) ? random.between(1.05, 2.5) : random.between(0.08, 0.92);
}

export function playLifecycle(plan: ComplaintPlan, random: SeededRandom, now: Date): void {
  const latest = now.getTime() - MINUTE;
  const start = plan.createdAt.getTime();
  let cursor = start;
  const locale = plan.customer.locale;
  const agent = plan.assigneeId;

  const push = (kind: EventKind, at: number, extra: Partial<EventPlan> = {}) => {
    const visibility: Visibility = extra.visibility ?? "internal";
    const actorType: ActorType = extra.actorType ?? "user";
    plan.events.push({
      kind,
      visibility,
      actorType,
      actorId: actorType === "user" ? (extra.actorId ?? agent) : null,
      body: extra.body ?? null,
      data: extra.data,
      createdAt: new Date(at),
    });
  };
  const advance = (minMinutes: number, maxMinutes: number) => {
    cursor = Math.min(cursor + random.between(minMinutes, maxMinutes) * MINUTE, latest);
    return cursor;
  };
  const moveTo = (at: number) => {
    cursor = Math.min(Math.max(cursor + MINUTE, at), latest);
    return cursor;
  };
  const transition = (from: ComplaintStatus, to: ComplaintStatus, at: number, actorType: ActorType = "user") =>
    push("status_changed", at, { actorType, data: { from, to } });
  const reply = (body: string, at: number) => push("reply", at, { visibility: "customer", body });
  const customerSays = (body: string, at: number) =>
    push("customer_message", at, { visibility: "customer", actorType: "customer", body });
  const close = (resolutionAt: number, afterwards: number) => {
    const closedAt = resolutionAt + afterwards;
    const confirmed = random.chance(0.3);
    if (confirmed) customerSays(say(CUSTOMER_CONFIRMS, locale), closedAt - MINUTE);
    transition("resolved", "closed", closedAt, confirmed ? "user" : "system");
    plan.closedAt = new Date(closedAt);
    plan.endedAt = plan.closedAt;
  };

  const staffIntake = STAFF_INTAKE_CHANNELS.has(plan.channelCode);
  push("created", start, {
    actorType: staffIntake ? "user" : "customer",
    actorId: agent ?? plan.supervisorId,
    data: { channel: plan.channelCode, type: plan.story.type },
  });

  if (plan.status === "new") {
    // Half of the new complaints are already routed to an agent, the others wait in the unassigned queue.
    if (agent !== null && random.chance(0.5))
      push("assigned", advance(1, 5), { actorType: "system", data: { assigneeId: agent, teamId: plan.teamId } });
    else plan.assigneeId = null;
    buildClocks(plan, now);
    return;
  }

  push("assigned", advance(1, 6), { actorType: "system", data: { assigneeId: agent, teamId: plan.teamId } });
  plan.acknowledgedAt = new Date(advance(1, 8));
  transition("new", "acknowledged", cursor);
  if (plan.status === "acknowledged") {
    buildClocks(plan, now);
    return;
  }

  if (plan.status === "rejected" || plan.status === "duplicate") {
    // Rejections and merges are quick decisions, taken within the first-response target.
    const endedAt = moveTo(start + targetFraction(random, 0.05) * plan.policy.firstResponseMinutes * MINUTE);
    if (plan.status === "rejected") {
      reply(say(REJECTION, locale), endedAt);
      plan.firstResponseAt = new Date(endedAt);
      transition("acknowledged", "rejected", endedAt);
    } else {
      push("merged", endedAt, { data: { into: plan.duplicateOf?.reference ?? null } });
      transition("acknowledged", "duplicate", endedAt);
    }
    plan.endedAt = new Date(endedAt);
    plan.closedAt = plan.endedAt; // the app sets closedAt when it rejects or merges (transition-complaint.ts)
    buildClocks(plan, now);
    return;
  }

  // Resolved or closed: leave room after the resolution for what follows it. Reopens are recent (the restarted
  // resolution clock is still running), closes follow the resolution by 1–7 days. The resolution reply is the first
  // customer-facing reply when the complaint is settled at first contact.
  const resolve = (target: number, firstContact: boolean) => {
    const afterwards = plan.status === "closed" ? random.between(1, 7) * DAY : plan.status === "reopened" ? 2 * DAY : 0;
    const resolvedAt = Math.min(moveTo(target), latest - afterwards);
    if (resolvedAt < cursor) plan.status = "resolved"; // too recent for what should follow; stays resolved
    const resolutionAt = Math.max(resolvedAt, cursor);
    cursor = resolutionAt;
    reply(`${say(RESOLUTION_PREFIX, locale)}${plan.story.resolution}`, resolutionAt);
    if (firstContact) plan.firstResponseAt = new Date(resolutionAt);
    transition("in_progress", "resolved", resolutionAt);
    plan.resolvedAt = new Date(resolutionAt);
    plan.resolutionSummary = plan.story.resolution;
    return { resolutionAt, afterwards };
  };

  const firstResponseTarget = start + targetFraction(random, 0.06) * plan.policy.firstResponseMinutes * MINUTE;
  if ((plan.status === "resolved" || plan.status === "closed") && random.chance(FIRST_CONTACT_SHARE)) {
    // First-contact resolution: the agent starts work, looks the case up and answers it once, with the resolution,
    // within the first-response target (both clocks stop at that reply).
    transition("acknowledged", "in_progress", advance(1, 10));
    if (random.chance(0.4)) push("note", advance(1, 10), { body: random.pick(INTERNAL_NOTES) });
    const { resolutionAt, afterwards } = resolve(firstResponseTarget, true);
    if (plan.status === "closed") close(resolutionAt, afterwards);
    buildClocks(plan, now);
    return;
  }

  const firstResponseAt = moveTo(firstResponseTarget);
  transition("acknowledged", "in_progress", firstResponseAt);
  reply(say(FIRST_REPLY, locale), firstResponseAt);
  plan.firstResponseAt = new Date(firstResponseAt);
  if (random.chance(0.6)) push("note", advance(10, 300), { body: random.pick(INTERNAL_NOTES) });
  if (plan.status === "in_progress") {
    buildClocks(plan, now);
    return;
  }

  const askForInformation = () => {
    const askedAt = advance(30, 600);
    reply(say(REQUEST_INFO, locale), askedAt);
    transition("in_progress", "pending_customer", askedAt);
    return askedAt;
  };
  if (plan.status === "pending_customer") {
    askForInformation();
    buildClocks(plan, now);
    return;
  }
  if (random.chance(0.3)) {
    askForInformation();
    customerSays(say(CUSTOMER_SENDS_INFO, locale), advance(60, 1440));
    transition("pending_customer", "in_progress", advance(5, 120));
  }

  const { resolutionAt, afterwards } = resolve(
    start + targetFraction(random, 0.08) * plan.policy.resolutionMinutes * MINUTE,
    false,
  );
  if (plan.status === "closed") close(resolutionAt, afterwards);
  else if (plan.status === "reopened") {
    const reopenedAt = Math.max(resolutionAt + HOUR, latest - random.between(2, 30) * HOUR);
    customerSays(say(CUSTOMER_REOPENS, locale), reopenedAt);
    transition("resolved", "reopened", reopenedAt, "customer");
    plan.reopenCount = 1;
    plan.resolvedAt = null; // being worked again: resolution time is measured at the next resolve
    buildClocks(plan, now, new Date(reopenedAt));
    return;
  }
  buildClocks(plan, now);
}

function clock(
  plan: ComplaintPlan,
  kind: ClockPlan["kind"],
  targetMinutes: number,
  startedAt: Date,
  fulfilledAt: Date | null,
  now: Date,
  restartedAt: Date | null,
): ClockPlan {
  const dueAt = new Date(startedAt.getTime() + targetMinutes * MINUTE);
  const warnAt = new Date(startedAt.getTime() + (targetMinutes * plan.policy.warnPercent * MINUTE) / 100);
  const cancelledAt = fulfilledAt === null && plan.endedAt !== null ? plan.endedAt : null;
  const pausedAt =
    fulfilledAt === null && plan.status === "pending_customer" ? lastTransitionTo(plan, "pending_customer") : null;
  const stoppedAt = fulfilledAt ?? cancelledAt ?? pausedAt ?? now;
  return {
    kind,
    targetMinutes,
    startedAt,
    dueAt,
    warnAt,
    pausedAt,
    warnedAt: stoppedAt > warnAt ? warnAt : null,
    breachedAt: stoppedAt > dueAt ? dueAt : null,
    fulfilledAt,
    cancelledAt,
    restartedAt,
  };
}

function lastTransitionTo(plan: ComplaintPlan, status: ComplaintStatus): Date | null {
  const event = plan.events.findLast(
    (candidate) => candidate.kind === "status_changed" && isTransitionTo(candidate, status),
  );
  return event?.createdAt ?? null;
}

function isTransitionTo(event: EventPlan, status: ComplaintStatus): boolean {
  const data = event.data;
  return typeof data === "object" && data !== null && !Array.isArray(data) && "to" in data && data.to === status;
}

/** First-response and resolution clocks (SPEC §4), timed on 24×7 arithmetic: good enough for demo data. */
function buildClocks(plan: ComplaintPlan, now: Date, reopenedAt: Date | null = null): void {
  plan.clocks = [
    clock(plan, "first_response", plan.policy.firstResponseMinutes, plan.createdAt, plan.firstResponseAt, now, null),
    clock(
      plan,
      "resolution",
      plan.policy.resolutionMinutes,
      reopenedAt ?? plan.createdAt,
      plan.resolvedAt,
      now,
      reopenedAt,
    ),
  ];
}
