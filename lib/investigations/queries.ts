// Reads of the investigation screens. The liaison's reads are scoped to their departments in the query and return
// only what a request shares: the question, the chosen timeline entries and attachments, the complaint's reference,
// subject and category, and the customer's name masked; never contact data, never unshared notes.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { complaintScope } from "@/lib/complaints/scope";
import { answeringDepartmentIds } from "@/lib/departments/service";
import type { InvestigationStatus } from "@/lib/generated/prisma/enums";

const answerSelect = {
  id: true,
  round: true,
  findings: true,
  cause: true,
  responsibleParty: true,
  proposedRemedy: true,
  compensationSuggestion: true,
  onTime: true,
  decision: true,
  decisionReason: true,
  decidedAt: true,
  createdAt: true,
  author: { select: { name: true } },
  responsibleDepartment: { select: { nameZh: true, nameEn: true } },
} as const;

/** The requests of one complaint, for its workspace (the caller has already found the complaint in scope). */
export async function listComplaintInvestigations(actor: Actor, complaintId: number) {
  if (!can(actor, "investigation.request")) return [];
  return db.investigationRequest.findMany({
    where: { complaintId, complaint: complaintScope(actor) },
    orderBy: { id: "asc" },
    select: {
      id: true,
      status: true,
      round: true,
      urgency: true,
      question: true,
      dueAt: true,
      breachedAt: true,
      version: true,
      createdAt: true,
      cancelReason: true,
      department: { select: { id: true, nameZh: true, nameEn: true } },
      requestedBy: { select: { name: true } },
      answers: { orderBy: { round: "asc" }, select: answerSelect },
    },
  });
}

export type ComplaintInvestigation = Awaited<ReturnType<typeof listComplaintInvestigations>>[number];

const INBOX_LIMIT = 100;

/** The department inbox: requests of the liaison's departments, open ones first, due first. */
export async function listDepartmentInbox(actor: Actor, status: "waiting" | "done") {
  const departmentIds = await answeringDepartmentIds(actor);
  if (departmentIds.length === 0) return [];
  const statuses: InvestigationStatus[] = status === "waiting" ? ["open"] : ["answered", "accepted", "cancelled"];
  return db.investigationRequest.findMany({
    where: { departmentId: { in: departmentIds }, status: { in: statuses } },
    orderBy: status === "waiting" ? [{ dueAt: "asc" }, { id: "asc" }] : [{ updatedAt: "desc" }, { id: "desc" }],
    take: INBOX_LIMIT,
    select: {
      id: true,
      status: true,
      round: true,
      urgency: true,
      dueAt: true,
      warnedAt: true,
      breachedAt: true,
      createdAt: true,
      department: { select: { nameZh: true, nameEn: true } },
      complaint: { select: { reference: true, subject: true } },
    },
  });
}

function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return "*";
  return chars[0] + "*".repeat(Math.min(chars.length - 1, 3));
}

/** One request as its department sees it, or null outside the liaison's departments (no existence leak). */
export async function getRequestForLiaison(actor: Actor, requestId: number) {
  const departmentIds = await answeringDepartmentIds(actor);
  if (departmentIds.length === 0) return null;
  const request = await db.investigationRequest.findFirst({
    where: { id: requestId, departmentId: { in: departmentIds } },
    select: {
      id: true,
      status: true,
      round: true,
      urgency: true,
      question: true,
      dueAt: true,
      breachedAt: true,
      version: true,
      createdAt: true,
      cancelReason: true,
      sharedEventIds: true,
      sharedAttachmentIds: true,
      complaintId: true,
      department: { select: { id: true, nameZh: true, nameEn: true } },
      requestedBy: { select: { name: true } },
      answers: { orderBy: { round: "asc" }, select: answerSelect },
      complaint: {
        select: {
          reference: true,
          subject: true,
          flightNumber: true,
          serviceDate: true,
          createdAt: true,
          category: { select: { nameZh: true, nameEn: true } },
          customer: { select: { name: true } },
        },
      },
    },
  });
  if (!request) return null;
  const [events, attachments] = await Promise.all([
    db.complaintEvent.findMany({
      where: { id: { in: request.sharedEventIds }, complaintId: request.complaintId },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, body: true, createdAt: true },
    }),
    db.attachment.findMany({
      where: { id: { in: request.sharedAttachmentIds }, complaintId: request.complaintId },
      select: { id: true, fileName: true, contentType: true, size: true },
    }),
  ]);
  const {
    complaint,
    sharedEventIds: _events,
    sharedAttachmentIds: _attachments,
    complaintId: _complaintId,
    ...rest
  } = request;
  return {
    ...rest,
    complaint: { ...complaint, customer: { name: maskName(complaint.customer.name) } },
    sharedEvents: events,
    sharedAttachments: attachments,
  };
}

export type LiaisonRequest = NonNullable<Awaited<ReturnType<typeof getRequestForLiaison>>>;

/** An attachment a request shares with the liaison's department, with its content; null for anything else. */
export async function readSharedAttachment(actor: Actor, requestId: number, attachmentId: number) {
  const departmentIds = await answeringDepartmentIds(actor);
  if (departmentIds.length === 0) return null;
  const request = await db.investigationRequest.findFirst({
    where: { id: requestId, departmentId: { in: departmentIds }, sharedAttachmentIds: { has: attachmentId } },
    select: { complaintId: true },
  });
  if (!request) return null;
  return db.attachment.findFirst({
    where: { id: attachmentId, complaintId: request.complaintId },
    select: { fileName: true, contentType: true, size: true, content: true },
  });
}
