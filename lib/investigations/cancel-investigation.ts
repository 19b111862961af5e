// The agent withdraws a department request that is no longer needed (e.g. the facts came from elsewhere): a reason is
// required; the clock stops (the sweeper only looks at open requests), the cancellation is on the complaint's internal
// timeline and in the audit log, and the department's liaisons hear of it.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { complaintScope } from "@/lib/complaints/scope";
import { cancelInvestigationSchema } from "@/lib/departments/schema";
import { notifyMany } from "@/lib/notifications/service";

/** Requests still waiting on someone: the department (open) or the agent (answered). */
const CANCELLABLE = ["open", "answered"] as const;

export async function cancelInvestigation(
  actor: Actor,
  requestId: number,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ request: { id: number; status: string; version: number } }>> {
  if (!can(actor, "investigation.request")) return fail("forbidden", "You may not cancel department requests.");
  const parsed = cancelInvestigationSchema.safeParse(raw);
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
        complaintId: true,
        complaint: { select: { reference: true, subject: true } },
        department: { select: { nameZh: true, nameEn: true, liaisons: { select: { userId: true } } } },
      },
    });
    if (!request) return fail("not_found", "No such request.");
    if (!(CANCELLABLE as readonly string[]).includes(request.status))
      return fail("unprocessable", "Only a request still waiting can be cancelled.", {
        details: { status: request.status },
      });
    const claimed = await tx.investigationRequest.updateMany({
      where: { id: requestId, version: input.version, status: { in: [...CANCELLABLE] } },
      data: {
        version: { increment: 1 },
        status: "cancelled",
        cancelledAt: now,
        cancelledById: actor.userId,
        cancelReason: input.reason,
      },
    });
    if (claimed.count === 0) return fail("conflict", "Someone else changed this request; reload and try again.");
    await tx.complaintEvent.create({
      data: {
        complaintId: request.complaintId,
        kind: "investigation_cancelled",
        actorId: actor.userId,
        body: input.reason,
        createdAt: now,
        data: {
          requestId,
          round: request.round,
          department: { nameZh: request.department.nameZh, nameEn: request.department.nameEn },
        },
      },
    });
    await notifyMany(
      tx,
      request.department.liaisons.map(({ userId }) => ({
        userId,
        kind: "investigation.cancelled" as const,
        now,
        complaintId: null,
        dedupeKey: `investigation.cancelled:${requestId}:${userId}`,
        params: {
          reference: request.complaint.reference,
          subject: request.complaint.subject,
          requestId,
          round: request.round,
          reason: input.reason,
        },
      })),
    );
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: "investigation.cancelled",
      entityType: "investigation_request",
      entityId: String(requestId),
      changes: { status: { from: request.status, to: "cancelled" }, reason: input.reason, round: request.round },
    });
    const updated = await tx.investigationRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { id: true, status: true, version: true },
    });
    return { ok: true as const, request: updated };
  });
}
