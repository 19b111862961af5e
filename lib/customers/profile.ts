// Customer 360 (SPEC §8): everything the customer page shows, read in a few bounded queries within the customer scope;
// the customer's complaints of other teams show as metadata only (see CustomerComplaintRow).
import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type {
  ComplaintStatus,
  CompensationKind,
  CompensationStatus,
  EventKind,
  SurveyStatus,
  TaskKind,
  TaskStatus,
} from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inComplaintScope } from "@/lib/complaints/scope";
import { OPEN_STATUSES } from "@/lib/complaints/transitions";
import { presentCustomer } from "@/lib/customers/mask";
import { customerProfileSelect, customerScope } from "@/lib/customers/scope";
import {
  computeValueScore,
  parseValueFactors,
  parseValueWeights,
  VALUE_SCORE_SETTING,
  type ValueScore,
} from "@/lib/customers/value-score";

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

/**
 * Complaints of other teams (outside the actor's complaint scope) appear as metadata only: reference, category,
 * status and dates, with `restricted` set and subjects, assignees, bodies, comments, reasons and notes withheld.
 */
export type CustomerComplaintRow = {
  id: number;
  reference: string;
  restricted: boolean;
  subject: string | null;
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
    restricted: boolean;
    complaint: { reference: string };
    response: {
      csat: number | null;
      nps: number | null;
      ces: number | null;
      resolved: boolean | null;
      comment: string | null;
    } | null;
  }[];
  compensations: {
    id: number;
    kind: CompensationKind;
    amount: string;
    currency: string;
    status: CompensationStatus;
    restricted: boolean;
    reason: string | null;
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

const scopeFields = { teamId: true, assigneeId: true } as const;
const profileTaskSelect = {
  ...taskSelect,
  complaint: { select: { reference: true, ...scopeFields } },
} satisfies Prisma.FollowUpTaskSelect;
type ProfileTaskRow = Prisma.FollowUpTaskGetPayload<{ select: typeof profileTaskSelect }>;

/**
 * A task tied to another team's complaint keeps its note (often the customer's words) to that team and its assignee.
 */
function presentTask(actor: Actor, { complaint, ...task }: ProfileTaskRow): CustomerTask {
  const hidden = complaint !== null && !inComplaintScope(actor, complaint) && task.assignee?.id !== actor.userId;
  return { ...task, note: hidden ? null : task.note, complaint: complaint ? { reference: complaint.reference } : null };
}

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
        ...scopeFields,
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
        complaint: { select: { reference: true, ...scopeFields } },
        response: { select: { csat: true, nps: true, ces: true, resolved: true, comment: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: SURVEY_LIMIT,
    }),
    db.compensation.findMany({
      where: { complaint: { customerId: id } },
      select: {
        id: true,
        kind: true,
        amount: true,
        currency: true,
        status: true,
        reason: true,
        createdAt: true,
        complaint: { select: { reference: true, ...scopeFields } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: COMPENSATION_LIMIT,
    }),
    db.followUpTask.findMany({
      where: { customerId: id, status: "open" },
      select: profileTaskSelect,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    }),
    db.followUpTask.findMany({
      where: { customerId: id, status: { not: "open" } },
      select: profileTaskSelect,
      orderBy: [{ completedAt: "desc" }, { id: "desc" }],
      take: DONE_TASK_LIMIT,
    }),
  ]);
  const open = new Set<ComplaintStatus>(OPEN_STATUSES);
  const { valueFactors, ...customer } = row;
  const rows = complaints.map(({ teamId, assigneeId, ...complaint }): CustomerComplaintRow => {
    const restricted = !inComplaintScope(actor, { teamId, assigneeId });
    return {
      ...complaint,
      restricted,
      subject: restricted ? null : complaint.subject,
      assignee: restricted ? null : complaint.assignee,
    };
  });
  return {
    customer: presentCustomer(customer, actor),
    value: { ...computeValueScore(parseValueFactors(valueFactors), weights), stored: row.valueScore },
    complaints: { open: rows.filter((c) => open.has(c.status)), past: rows.filter((c) => !open.has(c.status)) },
    surveys: surveys.map(({ complaint, response, ...survey }) => {
      const restricted = !inComplaintScope(actor, complaint);
      return {
        ...survey,
        restricted,
        complaint: { reference: complaint.reference },
        response: response && restricted ? { ...response, comment: null } : response,
      };
    }),
    compensations: compensations.map(({ complaint, ...row }) => {
      const restricted = !inComplaintScope(actor, complaint);
      return {
        ...row,
        restricted,
        reason: restricted ? null : row.reason,
        amount: row.amount.toFixed(2),
        complaint: { reference: complaint.reference },
      };
    }),
    tasks: {
      open: openTasks.map((task) => presentTask(actor, task)),
      done: doneTasks.map((task) => presentTask(actor, task)),
    },
  };
}

export type ContactTimelineItem = {
  id: number;
  kind: EventKind;
  /** Null for contacts on another team's complaint (restricted): who and when are shown, never what was said. */
  body: string | null;
  restricted: boolean;
  at: Date;
  actorName: string | null;
  actorType: string;
  complaint: { reference: string; subject: string | null };
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
      complaint: { select: { reference: true, subject: true, ...scopeFields } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * TIMELINE_PAGE_SIZE,
    take: TIMELINE_PAGE_SIZE + 1,
  });
  return {
    items: rows.slice(0, TIMELINE_PAGE_SIZE).map((row) => {
      const restricted = !inComplaintScope(actor, row.complaint);
      return {
        id: row.id,
        kind: row.kind,
        body: restricted ? null : row.body,
        restricted,
        at: row.createdAt,
        actorName: row.actor?.name ?? null,
        actorType: row.actorType,
        complaint: { reference: row.complaint.reference, subject: restricted ? null : row.complaint.subject },
      };
    }),
    page,
    hasMore: rows.length > TIMELINE_PAGE_SIZE,
  };
}
