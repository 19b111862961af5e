// Shared first steps of the supervisors' escalation actions: permission, scope, "may act on this escalation", still
// active. Each action then validates its own input and only then claims the complaint's version (claimVersion), since
// a failure returned from the transaction callback still commits whatever ran before it.
import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { fail, type Failure } from "@/lib/errors";
import type { EscalationOutcome, EscalationReason } from "@/lib/generated/prisma/enums";
import { fieldErrors } from "@/lib/complaints/validation";
import { isFailure, loadForChange } from "@/lib/complaints/load";
import { ACTIVE_OUTCOMES, lockComplaint, type LockedComplaint } from "@/lib/escalations/service";

export type ActionContext = {
  escalation: {
    id: number;
    level: number;
    reason: EscalationReason;
    outcome: EscalationOutcome;
    ownerId: number | null;
    acknowledgedAt: Date | null;
  };
  complaint: LockedComplaint & { status: string };
};

/**
 * Who may act: the escalation's owner, the supervisor of the complaint's team (or a supervisor who is a member of
 * it), and managers (department/quality managers oversee every team's escalations).
 */
export function mayManageEscalation(
  actor: Actor,
  escalation: { ownerId: number | null },
  complaint: { teamId: number | null; supervisorId: number | null },
): boolean {
  if (!can(actor, "escalation.manage")) return false;
  if (escalation.ownerId === actor.userId || complaint.supervisorId === actor.userId) return true;
  if (actor.role === "supervisor" && complaint.teamId !== null && actor.teamIds.includes(complaint.teamId)) return true;
  return actor.role === "manager";
}

export function parseActionInput<S extends z.ZodType>(schema: S, rawInput: unknown): z.infer<S> | Failure {
  const parsed = schema.safeParse(rawInput);
  return parsed.success
    ? parsed.data
    : fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
}

export async function openEscalationAction(
  tx: Tx,
  actor: Actor,
  escalationId: number,
): Promise<ActionContext | Failure> {
  if (!can(actor, "escalation.manage")) return fail("forbidden", "You may not manage escalations.");
  const escalation = await tx.escalation.findUnique({
    where: { id: escalationId },
    select: {
      id: true,
      complaintId: true,
      level: true,
      reason: true,
      outcome: true,
      ownerId: true,
      acknowledgedAt: true,
    },
  });
  if (!escalation) return fail("not_found", "No such escalation.");
  const scoped = await loadForChange(tx, actor, escalation.complaintId);
  if (isFailure(scoped)) return fail("not_found", "No such escalation.");
  const complaint = await lockComplaint(tx, escalation.complaintId);
  if (!complaint) return fail("not_found", "No such escalation.");
  if (!mayManageEscalation(actor, escalation, complaint))
    return fail("forbidden", "Only the escalation's owner or a supervisor of the team may act on it.");
  if (!(ACTIVE_OUTCOMES as readonly EscalationOutcome[]).includes(escalation.outcome)) {
    return fail("unprocessable", "This escalation has already been handled.", {
      details: { outcome: escalation.outcome },
    });
  }
  return { escalation, complaint: { ...complaint, status: scoped.status } };
}

/** Acting on an escalation also acknowledges it, if its owner had not yet. */
export function acknowledgement(context: ActionContext, actor: Actor, now: Date) {
  return context.escalation.acknowledgedAt ? {} : { acknowledgedById: actor.userId, acknowledgedAt: now };
}
