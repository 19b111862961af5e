// A department liaison answers an open request of one of their departments: findings, cause, responsible party,
// proposed remedy and compensation suggestion. The round's on-time flag and answer time feed the department KPIs.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { answerInvestigationSchema } from "@/lib/departments/schema";
import { answeringDepartmentIds } from "@/lib/departments/service";
import { notify } from "@/lib/notifications/service";

export async function answerInvestigation(
  actor: Actor,
  requestId: number,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ request: { id: number; version: number; round: number } }>> {
  if (!can(actor, "investigation.answer"))
    return fail("forbidden", "Only department liaisons answer investigation requests.");
  const parsed = answerInvestigationSchema.safeParse(raw);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const departmentIds = await answeringDepartmentIds(actor, tx);
    const request = await tx.investigationRequest.findFirst({
      where: { id: requestId, departmentId: { in: departmentIds } },
      select: {
        id: true,
        status: true,
        round: true,
        startedAt: true,
        dueAt: true,
        requestedById: true,
        complaintId: true,
        department: { select: { nameZh: true, nameEn: true } },
        complaint: { select: { reference: true, subject: true } },
      },
    });
    if (!request) return fail("not_found", "No such request.");
    if (request.status !== "open")
      return fail("conflict", "This request is not waiting for an answer (answered already, accepted or cancelled).");
    if (
      input.responsibleDepartmentId !== null &&
      !(await tx.department.findUnique({ where: { id: input.responsibleDepartmentId }, select: { id: true } }))
    ) {
      return fail("invalid", "Choose a department.", { fields: { responsibleDepartmentId: ["not_found"] } });
    }
    const claimed = await tx.investigationRequest.updateMany({
      where: { id: requestId, version: input.version, status: "open" },
      data: { version: { increment: 1 }, status: "answered", answeredAt: now },
    });
    if (claimed.count === 0) return fail("conflict", "Someone else changed this request; reload and try again.");
    const { version: _version, ...answer } = input;
    await tx.investigationAnswer.create({
      data: {
        requestId,
        round: request.round,
        authorId: actor.userId,
        ...answer,
        createdAt: now,
        onTime: now <= request.dueAt,
        answerMinutes: Math.max(0, Math.round((now.getTime() - request.startedAt.getTime()) / 60_000)),
      },
    });
    await tx.complaintEvent.create({
      data: {
        complaintId: request.complaintId,
        kind: "investigation_answered",
        actorId: actor.userId,
        body: input.findings,
        createdAt: now,
        data: {
          requestId,
          round: request.round,
          department: request.department,
          responsibleParty: input.responsibleParty,
          cause: input.cause,
        },
      },
    });
    if (request.requestedById !== null) {
      await notify(tx, {
        userId: request.requestedById,
        kind: "investigation.answered",
        complaintId: request.complaintId,
        now,
        dedupeKey: `investigation.answered:${requestId}:${request.round}`,
        params: {
          reference: request.complaint.reference,
          subject: request.complaint.subject,
          requestId,
          department: request.department.nameZh,
          departmentEn: request.department.nameEn,
        },
      });
    }
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: "investigation.answered",
      entityType: "investigation_request",
      entityId: String(requestId),
      changes: { round: request.round, responsibleParty: input.responsibleParty },
    });
    const updated = await tx.investigationRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { id: true, version: true, round: true },
    });
    return { ok: true as const, request: updated };
  });
}
