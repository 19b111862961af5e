// Read model of the complaint workspace: header, SLA clocks, customer panel, timeline, compensation, options.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { complaintScope } from "@/lib/complaints/scope";
import { keyWhere, type ComplaintKey } from "@/lib/complaints/load";
import { allowedTransitions } from "@/lib/complaints/transitions";
import { chooseWrittenChannel, contactChannelSelect } from "@/lib/customers/contact-channel";

export async function getComplaintWorkspace(actor: Actor, key: ComplaintKey) {
  const complaint = await db.complaint.findFirst({
    where: { ...keyWhere(key), ...complaintScope(actor) },
    select: {
      id: true,
      reference: true,
      version: true,
      status: true,
      type: true,
      priority: true,
      subject: true,
      description: true,
      locale: true,
      bookingReference: true,
      flightNumber: true,
      serviceDate: true,
      externalReference: true,
      escalationLevel: true,
      createdAt: true,
      updatedAt: true,
      acknowledgedAt: true,
      firstResponseAt: true,
      resolvedAt: true,
      closedAt: true,
      firstResponseDueAt: true,
      resolutionDueAt: true,
      nextDueAt: true,
      nextWarnAt: true,
      slaBreached: true,
      reopenCount: true,
      resolutionSummary: true,
      incidentId: true,
      customerId: true,
      categoryId: true,
      subcategoryId: true,
      touchpointId: true,
      severityId: true,
      rootCauseId: true,
      responsibleParty: true,
      responsibleDepartmentId: true,
      channel: { select: { nameZh: true, nameEn: true, kind: true } },
      category: { select: { id: true, nameZh: true, nameEn: true } },
      subcategory: { select: { id: true, nameZh: true, nameEn: true } },
      touchpoint: { select: { nameZh: true, nameEn: true } },
      severity: { select: { code: true, nameZh: true, nameEn: true, color: true, rank: true } },
      rootCause: { select: { code: true, nameZh: true, nameEn: true } },
      assignee: { select: { id: true, name: true } },
      team: { select: { id: true, nameZh: true, nameEn: true } },
      duplicateOf: { select: { reference: true } },
      slaPolicy: { select: { code: true, nameZh: true, nameEn: true } },
      // Only to decide how a reply reaches the customer; the values themselves never leave this function.
      customer: { select: contactChannelSelect },
      slaClocks: {
        orderBy: { dueAt: "asc" },
        select: {
          kind: true,
          targetMinutes: true,
          startedAt: true,
          dueAt: true,
          warnAt: true,
          pausedAt: true,
          pausedMinutes: true,
          fulfilledAt: true,
          cancelledAt: true,
          breachedAt: true,
          // For the explanation of the due time: which calendar counts, and whether a supervisor moved it.
          calendar: { select: { is24x7: true, nameZh: true, nameEn: true } },
          _count: { select: { events: { where: { kind: { in: ["extended", "recomputed"] } } } } },
        },
      },
      events: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          kind: true,
          visibility: true,
          actorType: true,
          body: true,
          data: true,
          createdAt: true,
          actor: { select: { name: true } },
        },
      },
      compensations: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          kind: true,
          amount: true,
          currency: true,
          reason: true,
          status: true,
          version: true,
          createdAt: true,
          decidedAt: true,
          issuedAt: true,
          proposedBy: { select: { name: true } },
          approver: { select: { name: true } },
        },
      },
    },
  });
  if (!complaint) return null;
  const { customer, ...rest } = complaint;
  return {
    ...rest,
    replyChannel: chooseWrittenChannel(customer),
    customerHasPhone: Boolean(customer.phone?.trim()),
    compensations: complaint.compensations.map((row) => ({ ...row, amount: row.amount.toString() })),
    allowedTransitions: allowedTransitions(complaint.status),
  };
}

export type ComplaintWorkspace = NonNullable<Awaited<ReturnType<typeof getComplaintWorkspace>>>;

/** Options for the intake form and the workspace editors, in both languages (the page picks one). */
export async function getComplaintFormOptions() {
  const [channels, categories, severities, touchpoints, tiers, teams, rootCauses] = await Promise.all([
    db.channel.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, code: true, kind: true, nameZh: true, nameEn: true },
    }),
    db.category.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, parentId: true, code: true, nameZh: true, nameEn: true },
    }),
    db.severity.findMany({
      orderBy: { rank: "asc" },
      select: { id: true, code: true, nameZh: true, nameEn: true, color: true, rank: true },
    }),
    db.touchpoint.findMany({
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, code: true, nameZh: true, nameEn: true },
    }),
    db.customerTier.findMany({
      orderBy: { rank: "asc" },
      select: { id: true, code: true, nameZh: true, nameEn: true, rank: true, escalateOnCreate: true },
    }),
    db.team.findMany({
      where: { active: true },
      orderBy: { id: "asc" },
      select: { id: true, nameZh: true, nameEn: true },
    }),
    db.rootCause.findMany({
      where: { active: true },
      orderBy: { id: "asc" },
      select: { id: true, categoryId: true, code: true, kind: true, nameZh: true, nameEn: true },
    }),
  ]);
  return { channels, categories, severities, touchpoints, tiers, teams, rootCauses };
}

export type ComplaintFormOptions = Awaited<ReturnType<typeof getComplaintFormOptions>>;
