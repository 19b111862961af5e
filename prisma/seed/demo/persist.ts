// Writes the planned complaints and their timelines, clocks, escalations and compensations in a few batched inserts
// (createMany / createManyAndReturn), in dependency order.
import type { Tx } from "../../../lib/db";
import type { Prisma } from "../../../lib/generated/prisma/client";
import type { CompensationPlan, ComplaintPlan } from "./plan-types";
import { deriveTrackingToken } from "../../../lib/complaints/tracking-token";

// Tracking links of seeded complaints work when the seed runs with the app's secret (the start scripts pass it).
const trackingSecret = process.env.NEXTAUTH_SECRET;

const BATCH = 1000;

/** Splits big inserts so that no statement approaches PostgreSQL's 65,535 bind-parameter limit. */
export async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let offset = 0; offset < rows.length; offset += BATCH) await insert(rows.slice(offset, offset + BATCH));
}

function nextDueAt(plan: ComplaintPlan): Date | null {
  const running = plan.clocks.filter((clock) => !clock.fulfilledAt && !clock.cancelledAt && !clock.pausedAt);
  const dues = running.map((clock) => clock.dueAt.getTime());
  return dues.length > 0 ? new Date(Math.min(...dues)) : null;
}

function complaintRow(plan: ComplaintPlan, touchpointIds: Map<string, number>): Prisma.ComplaintCreateManyInput {
  const lastEvent = plan.events[plan.events.length - 1]?.createdAt ?? plan.createdAt;
  const touchpointId = plan.story.touchpointCode ? (touchpointIds.get(plan.story.touchpointCode) ?? null) : null;
  return {
    reference: plan.reference,
    trackingTokenHash: trackingSecret ? deriveTrackingToken(trackingSecret, plan.reference).hash : null,
    customerId: plan.customer.id,
    channelId: plan.channelId,
    type: plan.story.type,
    categoryId: plan.story.categoryId,
    subcategoryId: plan.story.subcategoryId,
    touchpointId,
    severityId: plan.severityId,
    priority: plan.priority,
    subject: plan.story.subject,
    description: plan.story.description,
    locale: plan.customer.locale,
    bookingReference: plan.bookingReference,
    flightNumber: plan.story.flightNumber,
    serviceDate: plan.story.serviceDate,
    status: plan.status,
    assigneeId: plan.assigneeId,
    teamId: plan.teamId,
    escalationLevel: plan.escalationLevel,
    slaPolicyId: plan.policy.id,
    firstResponseDueAt: plan.clocks.find((clock) => clock.kind === "first_response")?.dueAt ?? null,
    resolutionDueAt: plan.clocks.find((clock) => clock.kind === "resolution")?.dueAt ?? null,
    nextDueAt: nextDueAt(plan),
    slaBreached: plan.clocks.some((clock) => clock.breachedAt !== null),
    acknowledgedAt: plan.acknowledgedAt,
    firstResponseAt: plan.firstResponseAt,
    resolvedAt: plan.resolvedAt,
    closedAt: plan.closedAt,
    reopenCount: plan.reopenCount,
    customerReplyCount: plan.events.filter((event) => event.kind === "reply" && event.visibility === "customer").length,
    rootCauseId: plan.rootCauseId,
    resolutionSummary: plan.resolutionSummary,
    incidentId: plan.incidentId,
    externalReference: plan.externalReference,
    version: 1 + plan.events.filter((event) => event.kind === "status_changed").length,
    createdAt: plan.createdAt,
    updatedAt: lastEvent,
  };
}

function compensationEvents(
  complaintId: number,
  compensationId: number,
  plan: CompensationPlan,
): Prisma.ComplaintEventCreateManyInput[] {
  const data = { compensationId, kind: plan.kind, amount: plan.amount, currency: plan.currency };
  const events: Prisma.ComplaintEventCreateManyInput[] = [
    { complaintId, kind: "compensation_proposed", actorId: plan.proposedById, data, createdAt: plan.createdAt },
  ];
  if (plan.decidedAt && plan.status !== "proposed") {
    const kind = plan.status === "rejected" ? "compensation_rejected" : "compensation_approved";
    events.push({
      complaintId,
      kind,
      actorId: plan.approverId,
      body: plan.decisionNote,
      data,
      createdAt: plan.decidedAt,
    });
  }
  if (plan.issuedAt)
    events.push({
      complaintId,
      kind: "compensation_issued",
      actorId: plan.proposedById,
      data,
      createdAt: plan.issuedAt,
    });
  return events;
}

/** Inserts every planned complaint with its dependants; returns the complaint ids in plan order. */
export async function persistComplaints(
  tx: Tx,
  plans: ComplaintPlan[],
  touchpointIds: Map<string, number>,
): Promise<number[]> {
  const rows = plans.map((plan) => complaintRow(plan, touchpointIds));
  const inserted = await tx.complaint.createManyAndReturn({ data: rows, select: { id: true, reference: true } });
  const idByReference = new Map(inserted.map((row) => [row.reference, row.id]));
  const idOf = (plan: ComplaintPlan) => {
    const id = idByReference.get(plan.reference);
    if (id === undefined) throw new Error(`complaint ${plan.reference} was not inserted`);
    return id;
  };

  for (const plan of plans) {
    if (plan.duplicateOf)
      await tx.complaint.update({ where: { id: idOf(plan) }, data: { duplicateOfId: idOf(plan.duplicateOf) } });
  }

  const clockRows = plans.flatMap((plan) =>
    plan.clocks.map((clock) => ({
      complaintId: idOf(plan),
      kind: clock.kind,
      policyId: plan.policy.id,
      calendarId: plan.policy.calendarId,
      targetMinutes: clock.targetMinutes,
      startedAt: clock.startedAt,
      dueAt: clock.dueAt,
      warnAt: clock.warnAt,
      pausedAt: clock.pausedAt,
      warnedAt: clock.warnedAt,
      breachedAt: clock.breachedAt,
      // As the app records it (lib/sla/clocks.ts cancelClocks): a clock stopped by a rejection or merge is cancelled,
      // not fulfilled; the breach sweeper skips cancelled clocks.
      fulfilledAt: clock.fulfilledAt,
      cancelledAt: clock.cancelledAt,
    })),
  );
  const clocks = await tx.slaClock.createManyAndReturn({
    data: clockRows,
    select: { id: true, complaintId: true, kind: true },
  });
  const clockId = new Map(clocks.map((clock) => [`${clock.complaintId}:${clock.kind}`, clock.id]));

  const slaEvents: Prisma.SlaEventCreateManyInput[] = [];
  const escalations: Prisma.EscalationCreateManyInput[] = [];
  const compensations: Prisma.CompensationCreateManyInput[] = [];
  const compensationPlans: { complaintId: number; plan: CompensationPlan }[] = [];
  for (const plan of plans) {
    const complaintId = idOf(plan);
    for (const clock of plan.clocks) {
      const base = {
        complaintId,
        clockId: clockId.get(`${complaintId}:${clock.kind}`),
        clockKind: clock.kind,
        policyId: plan.policy.id,
        dueAt: clock.dueAt,
      };
      slaEvents.push({ ...base, kind: "applied", createdAt: plan.createdAt });
      if (clock.restartedAt)
        slaEvents.push({ ...base, kind: "recomputed", data: { reason: "reopened" }, createdAt: clock.restartedAt });
      if (clock.warnedAt) slaEvents.push({ ...base, kind: "warned", createdAt: clock.warnedAt });
      if (clock.breachedAt) slaEvents.push({ ...base, kind: "breached", createdAt: clock.breachedAt });
      if (clock.pausedAt)
        slaEvents.push({ ...base, kind: "paused", data: { status: "pending_customer" }, createdAt: clock.pausedAt });
      if (clock.fulfilledAt) slaEvents.push({ ...base, kind: "fulfilled", createdAt: clock.fulfilledAt });
      if (clock.cancelledAt)
        slaEvents.push({ ...base, kind: "cancelled", data: { status: plan.status }, createdAt: clock.cancelledAt });
    }
    for (const escalation of plan.escalations) {
      const breachClockId = escalation.breachedClock
        ? clockId.get(`${complaintId}:${escalation.breachedClock}`)
        : undefined;
      escalations.push({
        complaintId,
        fromLevel: escalation.fromLevel,
        level: escalation.level,
        reason: escalation.reason,
        note: escalation.note,
        dedupeKey: breachClockId === undefined ? null : `breach:${breachClockId}`,
        createdById: escalation.createdById,
        ownerId: escalation.ownerId,
        acknowledgedById: escalation.acknowledgedAt ? escalation.ownerId : null,
        acknowledgedAt: escalation.acknowledgedAt,
        outcome: escalation.outcome,
        closedAt: escalation.closedAt,
        createdAt: escalation.createdAt,
      });
    }
    for (const compensation of plan.compensations) {
      compensationPlans.push({ complaintId, plan: compensation });
      const {
        kind,
        amount,
        currency,
        reason,
        status,
        proposedById,
        approverId,
        decisionNote,
        decidedAt,
        issuedAt,
        createdAt,
      } = compensation;
      compensations.push({
        complaintId,
        kind,
        amount,
        currency,
        reason,
        status,
        proposedById,
        approverId,
        decisionNote,
        decidedAt,
        issuedAt,
        createdAt,
      });
    }
  }
  await inBatches(slaEvents, (data) => tx.slaEvent.createMany({ data }));
  await inBatches(escalations, (data) => tx.escalation.createMany({ data }));
  const compensationIds = await tx.compensation.createManyAndReturn({ data: compensations, select: { id: true } });

  const events: Prisma.ComplaintEventCreateManyInput[] = plans.flatMap((plan) =>
    plan.events.map((event) => ({ complaintId: idOf(plan), ...event })),
  );
  compensationPlans.forEach(({ complaintId, plan }, index) => {
    const id = compensationIds[index]?.id;
    if (id !== undefined) events.push(...compensationEvents(complaintId, id, plan));
  });
  await inBatches(events, (data) => tx.complaintEvent.createMany({ data }));
  return plans.map(idOf);
}
