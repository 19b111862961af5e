// Recomputes a complaint's SLA after its severity or priority changed (SPEC §4): the policy is matched again and
// every running clock gets the new target counted from when it started; the change is an SlaEvent and a timeline entry.
import "server-only";
import type { Tx } from "@/lib/db";
import type { SlaClockKind } from "@/lib/generated/prisma/enums";
import { addBusinessMinutes } from "@/lib/sla/business-time";
import { toCalendarSpec } from "@/lib/sla/calendar-schema";
import { matchPolicy } from "@/lib/sla/policy-match";
import { policyCandidateSelect, refreshNextDue } from "@/lib/sla/clocks";

export async function recomputeSlaClocks(
  tx: Tx,
  complaintId: number,
  now: Date,
  actorId: number | null,
  reason: string,
) {
  const complaint = await tx.complaint.findUniqueOrThrow({
    where: { id: complaintId },
    select: {
      type: true,
      severityId: true,
      priority: true,
      channelId: true,
      slaPolicyId: true,
      customer: { select: { tierId: true } },
    },
  });
  const policies = await tx.slaPolicy.findMany({ where: { active: true }, select: policyCandidateSelect });
  const match = matchPolicy(policies, { ...complaint, tierId: complaint.customer.tierId });
  if (!match) return null;
  const { policy } = match;
  const calendar = toCalendarSpec(policy.calendar);
  const clocks = await tx.slaClock.findMany({
    where: { complaintId, fulfilledAt: null, cancelledAt: null },
    select: { id: true, kind: true, startedAt: true, dueAt: true, pausedMinutes: true },
  });
  const changes: { kind: SlaClockKind; from: string; to: string }[] = [];
  for (const clock of clocks) {
    const target = policy.targets.find((candidate) => candidate.clock === clock.kind);
    if (!target) continue; // the new policy has no such target: the running clock keeps its due time
    // Time spent waiting for the customer does not count (kept in wall minutes on the clock).
    const dueAt = new Date(
      addBusinessMinutes(calendar, clock.startedAt, target.minutes).getTime() + clock.pausedMinutes * 60_000,
    );
    const warnAt = new Date(
      addBusinessMinutes(calendar, clock.startedAt, (target.minutes * policy.warnPercent) / 100).getTime() +
        clock.pausedMinutes * 60_000,
    );
    if (dueAt.getTime() === clock.dueAt.getTime() && policy.id === complaint.slaPolicyId) continue;
    await tx.slaClock.update({
      where: { id: clock.id },
      data: { dueAt, warnAt, targetMinutes: target.minutes, policyId: policy.id, calendarId: policy.calendar.id },
    });
    await tx.slaEvent.create({
      data: {
        complaintId,
        clockId: clock.id,
        clockKind: clock.kind,
        kind: "recomputed",
        policyId: policy.id,
        dueAt,
        actorId,
        createdAt: now,
        data: { reason, previousDueAt: clock.dueAt.toISOString(), policy: policy.code },
      },
    });
    changes.push({ kind: clock.kind, from: clock.dueAt.toISOString(), to: dueAt.toISOString() });
  }
  if (changes.length === 0 && policy.id === complaint.slaPolicyId) return { policyId: policy.id, changes };
  const due = (kind: SlaClockKind) => changes.find((change) => change.kind === kind)?.to;
  await tx.complaint.update({
    where: { id: complaintId },
    data: {
      slaPolicyId: policy.id,
      ...(due("first_response") ? { firstResponseDueAt: new Date(due("first_response") as string) } : {}),
      ...(due("resolution") ? { resolutionDueAt: new Date(due("resolution") as string) } : {}),
    },
  });
  await tx.complaintEvent.create({
    data: {
      complaintId,
      kind: "sla_recomputed",
      actorId,
      createdAt: now,
      data: { reason, policy: policy.code, matchedOn: match.matchedOn, changes },
    },
  });
  await refreshNextDue(tx, complaintId);
  return { policyId: policy.id, changes };
}
