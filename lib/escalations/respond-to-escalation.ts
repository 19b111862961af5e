// Use cases of the escalation inbox: acknowledge, de-escalate, escalate further. Reassigning and extending the due
// date are in their own files. Each writes the timeline and the audit log and bumps the complaint's version.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { fail, type Result } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/log";
import { claimVersion, isFailure } from "@/lib/complaints/load";
import { MAX_LEVEL } from "@/lib/escalations/owners";
import { acknowledgeEscalationSchema, deEscalateSchema, escalateFurtherSchema } from "@/lib/escalations/schema";
import { changeLevel } from "@/lib/escalations/service";
import { acknowledgement, openEscalationAction, parseActionInput } from "@/lib/escalations/action-context";

export type EscalationActionResult = Result<{ version: number; level: number; escalationId: number | null }>;

/** The owner confirms they have taken the escalation up ("seen, working on it"). */
export async function acknowledgeEscalation(
  actor: Actor,
  escalationId: number,
  rawInput: unknown,
  now = new Date(),
): Promise<EscalationActionResult> {
  const input = parseActionInput(acknowledgeEscalationSchema, rawInput);
  if (isFailure(input)) return input;
  return db.$transaction(async (tx) => {
    const context = await openEscalationAction(tx, actor, escalationId);
    if (isFailure(context)) return context;
    if (context.escalation.outcome === "acknowledged")
      return fail("unprocessable", "This escalation is already acknowledged.", {
        details: { outcome: "acknowledged" },
      });
    const claimed = await claimVersion(tx, context.complaint.id, input.version);
    if (claimed !== true) return claimed;
    await tx.escalation.update({
      where: { id: escalationId },
      data: {
        outcome: "acknowledged",
        acknowledgedById: actor.userId,
        acknowledgedAt: now,
        ...(input.note ? { outcomeNote: input.note } : {}),
      },
    });
    await tx.complaintEvent.create({
      data: {
        complaintId: context.complaint.id,
        kind: "escalation_acknowledged",
        actorId: actor.userId,
        body: input.note ?? null,
        createdAt: now,
        data: { escalationId, level: context.escalation.level },
      },
    });
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: "escalation.acknowledge",
      entityType: "complaint",
      entityId: String(context.complaint.id),
      changes: { escalationId, outcome: { from: context.escalation.outcome, to: "acknowledged" } },
    });
    return { ok: true as const, version: input.version + 1, level: context.complaint.level, escalationId };
  });
}

/**
 * Lowers the complaint one level with a reason. Down to L2 or L3 the owner of that level takes it back through a new
 * escalation row (reason "manual", fromLevel > level, so reports can tell it from a raise); down to L1 no row is
 * written and the complaint is back with its assignee.
 */
export async function deEscalate(
  actor: Actor,
  escalationId: number,
  rawInput: unknown,
  now = new Date(),
): Promise<EscalationActionResult> {
  const input = parseActionInput(deEscalateSchema, rawInput);
  if (isFailure(input)) return input;
  return db.$transaction(async (tx) => {
    const context = await openEscalationAction(tx, actor, escalationId);
    if (isFailure(context)) return context;
    if (context.complaint.level <= 1)
      return fail("unprocessable", "The complaint is not escalated.", { details: { level: context.complaint.level } });
    const claimed = await claimVersion(tx, context.complaint.id, input.version);
    if (claimed !== true) return claimed;
    await tx.escalation.update({
      where: { id: escalationId },
      data: { outcomeNote: input.reason, ...acknowledgement(context, actor, now) },
    });
    const outcome = await changeLevel(tx, context.complaint, {
      toLevel: context.complaint.level - 1,
      reason: "manual",
      note: input.reason,
      actor,
      now,
      supersededAs: "de_escalated",
      detail: { actedOnEscalationId: escalationId },
    });
    // Without a dedupeKey there is no duplicate; if it ever happened, throwing rolls back the writes above.
    if (!outcome.escalated)
      throw new Error(`de-escalation of complaint ${context.complaint.id} not applied: ${outcome.why}`);
    return { ok: true as const, version: input.version + 1, level: outcome.level, escalationId: outcome.escalationId };
  });
}

/** Raises the complaint one more level (bounded at L4) with a note; the escalation's reason carries over. */
export async function escalateFurther(
  actor: Actor,
  escalationId: number,
  rawInput: unknown,
  now = new Date(),
): Promise<EscalationActionResult> {
  const input = parseActionInput(escalateFurtherSchema, rawInput);
  if (isFailure(input)) return input;
  return db.$transaction(async (tx) => {
    const context = await openEscalationAction(tx, actor, escalationId);
    if (isFailure(context)) return context;
    if (context.complaint.level >= MAX_LEVEL)
      return fail("unprocessable", "The complaint is already at the highest escalation level.", {
        details: { level: context.complaint.level },
      });
    const claimed = await claimVersion(tx, context.complaint.id, input.version);
    if (claimed !== true) return claimed;
    await tx.escalation.update({
      where: { id: escalationId },
      data: { outcomeNote: input.note, ...acknowledgement(context, actor, now) },
    });
    const outcome = await changeLevel(tx, context.complaint, {
      toLevel: context.complaint.level + 1,
      reason: context.escalation.reason,
      note: input.note,
      actor,
      now,
      supersededAs: "escalated_further",
      detail: { actedOnEscalationId: escalationId },
    });
    if (!outcome.escalated)
      throw new Error(`escalation of complaint ${context.complaint.id} not applied: ${outcome.why}`);
    return { ok: true as const, version: input.version + 1, level: outcome.level, escalationId: outcome.escalationId };
  });
}
