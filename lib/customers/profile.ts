// Customer 360 (SPEC §8): everything the customer page shows, read in a few bounded queries within the customer scope.
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { ComplaintStatus, CompensationKind, CompensationStatus, EventKind, SurveyStatus, TaskKind, TaskStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { OPEN_STATUSES } from "@/lib/complaints/transitions";
import { presentCustomer } from "@/lib/customers/mask";
import { customerProfileSelect, customerScope } from "@/lib/customers/scope";
import { computeValueScore, parseValueFactors, parseValueWeights, VALUE_SCORE_SETTING, type ValueScore } from "@/lib/customers/value-score";

const COMPLAINT_LIMIT = 100;
const SURVEY_LIMIT = 50;
const COMPENSATION_LIMIT = 100;
const DONE_TASK_LIMIT = 20;
export const TIMELINE_PAGE_SIZE = 20;

const profileSelect = {
  ...customerProfileSelect,
  tierId: true,
  tier: { select: { id: true, code: true, nameZh: true, nameEn: true } },
  valueScore: true,
  valueFactors: true,
  consentContact: true,
  consentSurvey: true,
  consentMarketing: true,
  preferredChannel: true,
  smsOptedOutAt: true,
  createdAt: true,
  updatedAt: true,
  mergedInto: { select: { id: true, name: true } },
} satisfies Prisma.CustomerSelect;

type ProfileRow = Prisma.CustomerGetPayload<{ select: typeof profileSelect }>;

export type CustomerComplaintRow = {
  id: number;
  reference: string;
  subject: string;
  status: ComplaintStatus;
  createdAt: Date;
  closedAt: Date | null;
  category: { nameZh: string; nameEn: string } | null;
  assignee: { name: string } | null;
};

export type CustomerTask = {
  id: number;
  kind: TaskKind;
  status: TaskStatus;
  dueAt: Date;
  note: string | null;
  completedAt: Date | null;
  assignee: { id: number; name: string } | null;
  complaint: { reference: string } | null;
};

export type CustomerProfile = {
  customer: Omit<ProfileRow, "valueFactors">;
  value: ValueScore & { stored: number };
  complaints: { open: CustomerComplaintRow[]; past: CustomerComplaintRow[] };
  surveys: {
    id: number;
    status: SurveyStatus;
    sentAt: Date | null;
    answeredAt: Date | null;
    complaint: { reference: string };
    response: { csat: number | null; nps: number | null; ces: number | null; resolved: boolean | null; comment: string | null } | null;
  }[];
  compensations: {
    id: number;
    kind: CompensationKind;
    amount: string;
    currency: string;
    status: CompensationStatus;
    reason: string;
    createdAt: Date;
    complaint: { reference: string };
  }[];
  tasks: { open: CustomerTask[]; done: CustomerTask[] };
};

export const taskSelect = {
  id: true,
  kind: true,
  status: true,
  dueAt: true,
  note: true,
  completedAt: true,
  assignee: { select: { id: true, name: true } },
  complaint: { select: { reference: true } },
} satisfies Prisma.FollowUpTaskSelect;

export async function readValueWeights() {
  const row = await db.setting.findUnique({ where: { key: VALUE_SCORE_SETTING }, select: { value: true } });
  return parseValueWeights(row?.value);
}

/** Null when the customer does not exist or is outside the actor's scope. */
export async function getCustomerProfile(actor: Actor, id: number): Promise<CustomerProfile | null> {
  if (!can(actor, "customer.read")) return null;
  const row = await db.customer.findFirst({ where: { AND: [{ id }, customerScope(actor)] }, select: profileSelect });
  if (!row) return null;
  const [weights, complaints, surveys, compensations, openTasks, doneTasks] = await Promise.all([
    readValueWeights(),
    db.complaint.findMany({
      where: { customerId: id },
      select: {
        id: true,
        reference: true,
        subject: true,
        status: true,
        createdAt: true,
        closedAt: true,
        category: { select: { nameZh: true, nameEn: true } },
        assignee: { select: { name: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: COMPLAINT_LIMIT,
    }),
    db.survey.findMany({
      where: { customerId: id },
      select: {
        id: true,
        status: true,
        sentAt: true,
        answeredAt: true,
        complaint: { select: { reference: true } },
        response: { select: { csat: true, nps: true, ces: true, resolved: true, comment: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: SURVEY_LIMIT,
    }),
    db.compensation.findMany({
      where: { complaint: { customerId: id } },
      select: { id: true, kind: true, amount: true, currency: true, status: true, reason: true, createdAt: true, complaint: { select: { reference: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: COMPENSATION_LIMIT,
    }),
    db.followUpTask.findMany({ where: { customerId: id, status: "open" }, select: taskSelect, orderBy: [{ dueAt: "asc" }, { id: "asc" }] }),
    db.followUpTask.findMany({
      where: { customerId: id, status: { not: "open" } },
      select: taskSelect,
      orderBy: [{ completedAt: "desc" }, { id: "desc" }],
      take: DONE_TASK_LIMIT,
    }),
  ]);
  const open = new Set<ComplaintStatus>(OPEN_STATUSES);
  const { valueFactors, ...customer } = row;
  return {
    customer: presentCustomer(customer, actor),
    value: { ...computeValueScore(parseValueFactors(valueFactors), weights), stored: row.valueScore },
    complaints: { open: complaints.filter((c) => open.has(c.status)), past: complaints.filter((c) => !open.has(c.status)) },
    surveys,
    compensations: compensations.map((row) => ({ ...row, amount: row.amount.toFixed(2) })),
    tasks: { open: openTasks, done: doneTasks },
  };
}

export type ContactTimelineItem = {
  id: number;
  kind: EventKind;
  body: string | null;
  at: Date;
  actorName: string | null;
  actorType: string;
  complaint: { reference: string; subject: string };
};

/** Customer-facing contacts (replies, customer messages, calls) across all the customer's complaints, newest first. */
export async function getContactTimeline(
  actor: Actor,
  customerId: number,
  page: number,
): Promise<{ items: ContactTimelineItem[]; page: number; hasMore: boolean } | null> {
  if (!can(actor, "customer.read")) return null;
  const visible = await db.customer.count({ where: { AND: [{ id: customerId }, customerScope(actor)] } });
  if (visible === 0) return null;
  const rows = await db.complaintEvent.findMany({
    where: {
      complaint: { customerId },
      OR: [{ visibility: "customer" }, { kind: { in: ["customer_message", "call"] } }],
    },
    select: {
      id: true,
      kind: true,
      body: true,
      createdAt: true,
      actorType: true,
      actor: { select: { name: true } },
      complaint: { select: { reference: true, subject: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * TIMELINE_PAGE_SIZE,
    take: TIMELINE_PAGE_SIZE + 1,
  });
  return {
    items: rows.slice(0, TIMELINE_PAGE_SIZE).map((row) => ({
      id: row.id,
      kind: row.kind,
      body: row.body,
      at: row.createdAt,
      actorName: row.actor?.name ?? null,
      actorType: row.actorType,
      complaint: row.complaint,
    })),
    page,
    hasMore: rows.length > TIMELINE_PAGE_SIZE,
  };
}
