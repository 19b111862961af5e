// The handling agent asks one or more departments about a complaint: one request per department, due by the
// department's reply-time policy in its own business time, on the complaint's internal timeline, liaisons notified.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { complaintScope } from "@/lib/complaints/scope";
import { keyWhere, type ComplaintKey } from "@/lib/complaints/load";
import { isOpen } from "@/lib/complaints/transitions";
import { requestInvestigationSchema } from "@/lib/departments/schema";
import { planReplyDue } from "@/lib/departments/policy";
import { toCalendarSpec } from "@/lib/sla/calendar-schema";
import { calendarSelect } from "@/lib/sla/clocks";
import { notifyMany } from "@/lib/notifications/service";
import type { InvestigationUrgency } from "@/lib/generated/prisma/enums";

export type CreatedRequest = { id: number; departmentId: number; dueAt: Date };

const departmentSelect = {
  id: true,
  nameZh: true,
  nameEn: true,
  urgentDays: true,
  normalDays: true,
  investigationDays: true,
  warnPercent: true,
  calendar: calendarSelect,
  liaisons: { select: { userId: true } },
} as const;

/** Liaisons hear of a new or returned round; the key makes a retried write notify once. */
export async function notifyLiaisons(
  tx: Tx,
  request: { id: number; round: number; complaint: { reference: string; subject: string } },
  liaisonIds: readonly number[],
  kind: "investigation.requested" | "investigation.returned",
  now: Date,
) {
  await notifyMany(
    tx,
    liaisonIds.map((userId) => ({
      userId,
      kind,
      now,
      complaintId: null,
      dedupeKey: `${kind}:${request.id}:${request.round}:${userId}`,
      params: {
        reference: request.complaint.reference,
        subject: request.complaint.subject,
        requestId: request.id,
        round: request.round,
      },
    })),
  );
}

export async function requestInvestigation(
  actor: Actor,
  key: ComplaintKey,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ requests: CreatedRequest[] }>> {
  if (!can(actor, "investigation.request")) return fail("forbidden", "You may not ask departments to investigate.");
  const parsed = requestInvestigationSchema.safeParse(raw);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const complaint = await tx.complaint.findFirst({
      where: { ...keyWhere(key), ...complaintScope(actor) },
      select: { id: true, reference: true, subject: true, status: true },
    });
    if (!complaint) return fail("not_found", "No such complaint.");
    if (!isOpen(complaint.status)) return fail("unprocessable", "The complaint is no longer open.");
    const departments = await tx.department.findMany({
      where: { id: { in: input.departmentIds }, active: true },
      select: departmentSelect,
    });
    if (departments.length !== input.departmentIds.length)
      return fail("invalid", "Choose active departments.", { fields: { departmentIds: ["not_found"] } });
    // Only entries of this complaint can be shared; anything else names nothing.
    const [events, attachments] = await Promise.all([
      tx.complaintEvent.count({ where: { id: { in: input.sharedEventIds }, complaintId: complaint.id } }),
      tx.attachment.count({ where: { id: { in: input.sharedAttachmentIds }, complaintId: complaint.id } }),
    ]);
    if (events !== new Set(input.sharedEventIds).size)
      return fail("invalid", "Share only entries of this complaint's timeline.", {
        fields: { sharedEventIds: ["not_found"] },
      });
    if (attachments !== new Set(input.sharedAttachmentIds).size)
      return fail("invalid", "Share only attachments of this complaint.", {
        fields: { sharedAttachmentIds: ["not_found"] },
      });

    const requests: CreatedRequest[] = [];
    for (const department of departments) {
      const due = planReplyDue(toCalendarSpec(department.calendar), department, input.urgency, now);
      const request = await tx.investigationRequest.create({
        data: {
          complaintId: complaint.id,
          departmentId: department.id,
          requestedById: actor.userId,
          urgency: input.urgency,
          question: input.question,
          sharedEventIds: [...new Set(input.sharedEventIds)],
          sharedAttachmentIds: [...new Set(input.sharedAttachmentIds)],
          startedAt: now,
          createdAt: now,
          ...due,
        },
        select: { id: true, departmentId: true, dueAt: true, round: true },
      });
      requests.push(request);
      await tx.complaintEvent.create({
        data: {
          complaintId: complaint.id,
          kind: "investigation_requested",
          actorId: actor.userId,
          body: input.question,
          createdAt: now,
          data: {
            requestId: request.id,
            departmentId: department.id,
            department: { nameZh: department.nameZh, nameEn: department.nameEn },
            urgency: input.urgency satisfies InvestigationUrgency,
            dueAt: request.dueAt.toISOString(),
          },
        },
      });
      await notifyLiaisons(
        tx,
        { id: request.id, round: request.round, complaint },
        department.liaisons.map((row) => row.userId),
        "investigation.requested",
        now,
      );
    }
    await writeAudit(tx, {
      actorType: actor.kind === "api_token" ? "api_token" : "user",
      actorId: actor.userId,
      action: "investigation.requested",
      entityType: "complaint",
      entityId: String(complaint.id),
      changes: {
        requestIds: requests.map((row) => row.id),
        departmentIds: input.departmentIds,
        urgency: input.urgency,
      },
    });
    return { ok: true as const, requests };
  });
}
