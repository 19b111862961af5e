// Use case: assign or hand over a complaint. Supervisors assign anyone in their scope; an agent may take an
// unassigned complaint of their team, or hand their own complaint over (首问负责制: hand-overs are recorded).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { claimVersion, isFailure, loadForChange, type ComplaintKey } from "@/lib/complaints/load";
import { notify } from "@/lib/notifications/service";
import { idSchema } from "@/lib/validation";

export const assignSchema = z.object({
  version: idSchema,
  assigneeId: idSchema.nullable(),
  teamId: idSchema.optional(),
  note: z.string().trim().max(2_000).optional(),
});

export type AssignComplaintInput = z.infer<typeof assignSchema>;

export async function assignComplaint(
  actor: Actor,
  key: ComplaintKey,
  input: AssignComplaintInput,
  now = new Date(),
): Promise<Result<{ version: number }>> {
  return db.$transaction(async (tx) => {
    const complaint = await loadForChange(tx, actor, key);
    if (isFailure(complaint)) return complaint;
    const teamId = input.teamId ?? complaint.teamId;
    const supervisor = can(actor, "complaint.assign");
    const takingUnassigned =
      complaint.assigneeId === null &&
      input.assigneeId === actor.userId &&
      teamId !== null &&
      actor.teamIds.includes(teamId);
    const handingOverOwn = complaint.assigneeId === actor.userId && input.teamId === undefined;
    if (!supervisor && !takingUnassigned && !handingOverOwn)
      return fail("forbidden", "Only a supervisor can assign this complaint.");
    if (!supervisor && input.assigneeId === null)
      return fail("forbidden", "Only a supervisor can unassign a complaint.");

    if (input.assigneeId !== null) {
      const assignee = await tx.user.findFirst({
        where: {
          id: input.assigneeId,
          active: true,
          role: { in: ["agent", "supervisor", "manager"] },
          ...(teamId ? { memberships: { some: { teamId } } } : {}),
        },
        select: { id: true },
      });
      if (!assignee)
        return fail("invalid", "The assignee is not an active member of the team.", {
          fields: { assigneeId: ["not_in_team"] },
        });
    }
    if (
      input.teamId !== undefined &&
      !(await tx.team.findFirst({ where: { id: input.teamId, active: true }, select: { id: true } }))
    ) {
      return fail("invalid", "Unknown team.", { fields: { teamId: ["unknown"] } });
    }
    const claimed = await claimVersion(tx, complaint.id, input.version);
    if (claimed !== true) return claimed;

    await tx.complaint.update({ where: { id: complaint.id }, data: { assigneeId: input.assigneeId, teamId } });
    const handover =
      complaint.assigneeId !== null && input.assigneeId !== null && complaint.assigneeId !== input.assigneeId;
    await tx.complaintEvent.create({
      data: {
        complaintId: complaint.id,
        kind: handover ? "handed_over" : "assigned",
        actorType: actor.kind,
        actorId: actor.userId,
        body: input.note ?? null,
        createdAt: now,
        data: {
          fromAssigneeId: complaint.assigneeId,
          toAssigneeId: input.assigneeId,
          fromTeamId: complaint.teamId,
          toTeamId: teamId,
        },
      },
    });
    // A complaint handed or assigned to someone else reaches their bell (and their next notification digest).
    if (input.assigneeId !== null && input.assigneeId !== actor.userId && input.assigneeId !== complaint.assigneeId) {
      const [by, about] = await Promise.all([
        tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } }),
        tx.complaint.findUniqueOrThrow({ where: { id: complaint.id }, select: { subject: true } }),
      ]);
      await notify(tx, {
        userId: input.assigneeId,
        kind: "complaint.assigned",
        params: { reference: complaint.reference, subject: about.subject, by: by?.name ?? null, handover: handover },
        complaintId: complaint.id,
        now,
      });
    }
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "complaint.assign",
      entityType: "complaint",
      entityId: String(complaint.id),
      changes: {
        assigneeId: { from: complaint.assigneeId, to: input.assigneeId },
        teamId: { from: complaint.teamId, to: teamId },
      },
    });
    return { ok: true as const, version: input.version + 1 };
  });
}
