// Use case: the escalation's owner sets a later due time for the complaint's resolution clock, with a reason (an
// SlaEvent "extended" that explains it). A breach already recorded stays recorded: breachedAt is kept, so the
// complaint stays counted as breached and the extended clock does not breach (or escalate) a second time.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { fail } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/log";
import { claimVersion, isFailure } from "@/lib/complaints/load";
import { refreshNextDue } from "@/lib/sla/clocks";
import { extendDueDateSchema } from "@/lib/escalations/schema";
import { acknowledgement, openEscalationAction, parseActionInput } from "@/lib/escalations/action-context";
import type { EscalationActionResult } from "@/lib/escalations/respond-to-escalation";

export async function extendDueDate(
  actor: Actor,
  escalationId: number,
  rawInput: unknown,
  now = new Date(),
): Promise<EscalationActionResult> {
  const input = parseActionInput(extendDueDateSchema, rawInput);
  if (isFailure(input)) return input;
  return db.$transaction(async (tx) => {
    const context = await openEscalationAction(tx, actor, escalationId);
    if (isFailure(context)) return context;
    const { complaint } = context;
    const clock = await tx.slaClock.findUnique({
      where: { complaintId_kind: { complaintId: complaint.id, kind: "resolution" } },
      select: {
        id: true,
        dueAt: true,
        warnAt: true,
        warnedAt: true,
        fulfilledAt: true,
        cancelledAt: true,
        policyId: true,
      },
    });
    if (!clock || clock.fulfilledAt || clock.cancelledAt) {
      return fail("unprocessable", "The complaint has no running resolution clock.", {
        details: { clock: "resolution" },
      });
    }
    if (input.dueAt <= now || input.dueAt <= clock.dueAt) {
      return fail("invalid", "The new due time must be later than the current one and in the future.", {
        fields: { dueAt: ["must_be_later"] },
      });
    }
    const claimed = await claimVersion(tx, context.complaint.id, input.version);
    if (claimed !== true) return claimed;
    // A warning not yet given keeps its lead time before the new due time; one already given is not repeated.
    const warnAt =
      clock.warnAt && !clock.warnedAt
        ? new Date(Math.max(now.getTime(), input.dueAt.getTime() - (clock.dueAt.getTime() - clock.warnAt.getTime())))
        : clock.warnAt;
    await tx.slaClock.update({ where: { id: clock.id }, data: { dueAt: input.dueAt, warnAt } });
    await tx.slaEvent.create({
      data: {
        complaintId: complaint.id,
        clockId: clock.id,
        clockKind: "resolution",
        kind: "extended",
        policyId: clock.policyId,
        dueAt: input.dueAt,
        actorId: actor.userId,
        createdAt: now,
        data: { reason: input.reason, previousDueAt: clock.dueAt.toISOString(), escalationId },
      },
    });
    await tx.complaint.update({ where: { id: complaint.id }, data: { resolutionDueAt: input.dueAt } });
    await refreshNextDue(tx, complaint.id);
    await tx.escalation.update({
      where: { id: escalationId },
      data: { outcome: "extended", outcomeNote: input.reason, closedAt: now, ...acknowledgement(context, actor, now) },
    });
    await tx.complaintEvent.create({
      data: {
        complaintId: complaint.id,
        kind: "sla_extended",
        actorId: actor.userId,
        body: input.reason,
        createdAt: now,
        data: { clockKind: "resolution", from: clock.dueAt.toISOString(), to: input.dueAt.toISOString(), escalationId },
      },
    });
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: "escalation.extend_due",
      entityType: "complaint",
      entityId: String(complaint.id),
      changes: {
        escalationId,
        resolutionDueAt: { from: clock.dueAt.toISOString(), to: input.dueAt.toISOString() },
        reason: input.reason,
      },
    });
    return { ok: true as const, version: input.version + 1, level: complaint.level, escalationId };
  });
}
