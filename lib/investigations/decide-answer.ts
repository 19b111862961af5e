// The agent accepts a department's answer (the complaint records the responsible party and department) or returns
// it with a reason: a new round starts, due again by the department's policy, and the liaisons hear of it.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { complaintScope } from "@/lib/complaints/scope";
import { decideAnswerSchema } from "@/lib/departments/schema";
import { planReplyDue } from "@/lib/departments/policy";
import { toCalendarSpec } from "@/lib/sla/calendar-schema";
import { calendarSelect } from "@/lib/sla/clocks";
import { notifyLiaisons } from "@/lib/investigations/request-investigation";

export async function decideAnswer(
  actor: Actor,
  requestId: number,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ request: { id: number; status: string; round: number; version: number } }>> {
  if (!can(actor, "investigation.request")) return fail("forbidden", "You may not decide on department answers.");
  const parsed = decideAnswerSchema.safeParse(raw);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const request = await tx.investigationRequest.findFirst({
      where: { id: requestId, complaint: complaintScope(actor) },
      select: {
        id: true,
        status: true,
        round: true,
        urgency: true,
        complaintId: true,
        complaint: { select: { reference: true, subject: true } },
        department: {
          select: {
            id: true,
            nameZh: true,
            nameEn: true,
            urgentDays: true,
            normalDays: true,
            investigationDays: true,
            warnPercent: true,
            calendar: calendarSelect,
            liaisons: { select: { userId: true } },
          },
        },
      },
    });
    if (!request) return fail("not_found", "No such request.");
    if (request.status !== "answered")
      return fail("conflict", "There is no answer waiting for a decision on this request.");
    const answer = await tx.investigationAnswer.findUnique({
      where: { requestId_round: { requestId, round: request.round } },
      select: { id: true, responsibleParty: true, responsibleDepartmentId: true },
    });
    if (!answer) return fail("conflict", "There is no answer waiting for a decision on this request.");

    const accepted = input.decision === "accepted";
    const due = accepted
      ? null
      : planReplyDue(toCalendarSpec(request.department.calendar), request.department, request.urgency, now);
    const claimed = await tx.investigationRequest.updateMany({
      where: { id: requestId, version: input.version, status: "answered" },
      data: accepted
        ? { version: { increment: 1 }, status: "accepted", acceptedAt: now }
        : {
            version: { increment: 1 },
            status: "open",
            round: { increment: 1 },
            startedAt: now,
            warnedAt: null,
            breachedAt: null,
            answeredAt: null,
            ...due,
          },
    });
    if (claimed.count === 0) return fail("conflict", "Someone else changed this request; reload and try again.");
    await tx.investigationAnswer.update({
      where: { id: answer.id },
      data: {
        decision: input.decision,
        decisionReason: input.decision === "returned" ? input.reason : null,
        decidedById: actor.userId,
        decidedAt: now,
      },
    });
    if (accepted) {
      // Accountability: the accepted answer names who is responsible; the resolution carries it into the KPIs.
      await tx.complaint.update({
        where: { id: request.complaintId },
        data: { responsibleParty: answer.responsibleParty, responsibleDepartmentId: answer.responsibleDepartmentId },
      });
    }
    await tx.complaintEvent.create({
      data: {
        complaintId: request.complaintId,
        kind: accepted ? "investigation_accepted" : "investigation_returned",
        actorId: actor.userId,
        createdAt: now,
        body: input.decision === "returned" ? input.reason : null,
        data: {
          requestId,
          round: request.round,
          department: { nameZh: request.department.nameZh, nameEn: request.department.nameEn },
          ...(due ? { dueAt: due.dueAt.toISOString() } : {}),
        },
      },
    });
    if (!accepted)
      await notifyLiaisons(
        tx,
        { id: requestId, round: request.round + 1, complaint: request.complaint },
        request.department.liaisons.map((row) => row.userId),
        "investigation.returned",
        now,
      );
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: `investigation.${input.decision}`,
      entityType: "investigation_request",
      entityId: String(requestId),
      changes: { round: request.round },
    });
    const updated = await tx.investigationRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { id: true, status: true, round: true, version: true },
    });
    return { ok: true as const, request: updated };
  });
}
