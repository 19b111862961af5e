// Use case: the escalation's owner hands the complaint to another member of its team; this settles the escalation
// (outcome "reassigned") while the complaint keeps its level. The new assignee is notified.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { fail } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/log";
import { claimVersion, isFailure } from "@/lib/complaints/load";
import { notify } from "@/lib/notifications/service";
import { reassignEscalationSchema } from "@/lib/escalations/schema";
import { acknowledgement, openEscalationAction, parseActionInput } from "@/lib/escalations/action-context";
import type { EscalationActionResult } from "@/lib/escalations/respond-to-escalation";

export async function reassignEscalation(
  actor: Actor,
  escalationId: number,
  rawInput: unknown,
  now = new Date(),
): Promise<EscalationActionResult> {
  const input = parseActionInput(reassignEscalationSchema, rawInput);
  if (isFailure(input)) return input;
  return db.$transaction(async (tx) => {
    const context = await openEscalationAction(tx, actor, escalationId);
    if (isFailure(context)) return context;
    const { complaint } = context;
    const assignee = await tx.user.findFirst({
      where: {
        id: input.assigneeId,
        active: true,
        role: { in: ["agent", "supervisor", "manager"] },
        ...(complaint.teamId !== null ? { memberships: { some: { teamId: complaint.teamId } } } : {}),
      },
      select: { id: true },
    });
    if (!assignee)
      return fail("invalid", "The assignee is not an active member of the team.", {
        fields: { assigneeId: ["not_in_team"] },
      });
    if (assignee.id === complaint.assigneeId)
      return fail("invalid", "The complaint is already assigned to this person.", {
        fields: { assigneeId: ["unchanged"] },
      });
    const claimed = await claimVersion(tx, context.complaint.id, input.version);
    if (claimed !== true) return claimed;

    await tx.complaint.update({ where: { id: complaint.id }, data: { assigneeId: assignee.id } });
    await tx.escalation.update({
      where: { id: escalationId },
      data: {
        outcome: "reassigned",
        outcomeNote: input.note ?? null,
        closedAt: now,
        ...acknowledgement(context, actor, now),
      },
    });
    await tx.complaintEvent.create({
      data: {
        complaintId: complaint.id,
        kind: complaint.assigneeId === null ? "assigned" : "handed_over",
        actorId: actor.userId,
        body: input.note ?? null,
        createdAt: now,
        // Same shape as lib/complaints/assign-complaint.ts, so the timeline presents it the same way.
        data: {
          fromAssigneeId: complaint.assigneeId,
          toAssigneeId: assignee.id,
          fromTeamId: complaint.teamId,
          toTeamId: complaint.teamId,
          escalationId,
        },
      },
    });
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: "escalation.reassign",
      entityType: "complaint",
      entityId: String(complaint.id),
      changes: {
        escalationId,
        assigneeId: { from: complaint.assigneeId, to: assignee.id },
        outcome: { from: context.escalation.outcome, to: "reassigned" },
      },
    });
    if (assignee.id !== actor.userId) {
      const by = await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } });
      await notify(tx, {
        userId: assignee.id,
        kind: "complaint.assigned",
        params: {
          reference: complaint.reference,
          subject: complaint.subject,
          by: by?.name ?? null,
          escalationId,
          level: complaint.level,
        },
        complaintId: complaint.id,
        dedupeKey: `reassign:${escalationId}`,
        now,
      });
    }
    return { ok: true as const, version: input.version + 1, level: complaint.level, escalationId };
  });
}
