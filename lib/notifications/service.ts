// In-app notifications for staff (notification centre with unread count). Written inside the transaction of the
// change that causes them; e-mailed later in per-user digests (lib/notifications/digest.ts).
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Message keys of the notifications this app writes; the UI and the e-mail copy translate them. */
export const NOTIFICATION_KINDS = [
  "escalation.assigned",
  "sla.warning",
  "complaint.assigned",
  // A compensation proposal above the proposer's limit waits for this approver (lib/compensation/notify.ts).
  "compensation.awaiting_approval",
  // The proposer learns the approver's decision (params.decision: "approved" | "rejected").
  "compensation.decided",
  // A customer answered the survey with a low score (lib/surveys/answer-survey.ts); the supervisor follows up.
  "survey.low_score",
  // Department investigation (lib/investigations): a liaison gets a new or returned request and a reminder at 75 %;
  // at breach the department head and the requester hear it is overdue; the requester hears of each answer.
  "investigation.requested",
  "investigation.returned",
  "investigation.reminder",
  "investigation.overdue",
  "investigation.answered",
  // The agent withdrew the request (with a reason); its liaisons stop working on it.
  "investigation.cancelled",
  // Weekly, to each department head: open and overdue requests of the department (lib/investigations/weekly-digest.ts).
  "investigation.weekly_digest",
  // A knowledge article's review date has passed; its owner reviews it (lib/knowledge/reviews.ts, daily).
  "knowledge.review_overdue",
  // Quality (lib/quality): the agent's inspection result, an appeal waiting for a second inspector, the decision on
  // it, and a monthly appraisal waiting for the agent's acknowledgement.
  "quality.result",
  "quality.appeal",
  "quality.appeal_decided",
  "quality.appraisal",
  // An active incident's first report or status update is overdue; its owner reports (lib/incidents/clock-sweep.ts).
  "incident.report_overdue",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotifyInput = {
  userId: number;
  kind: NotificationKind;
  params: Prisma.InputJsonObject;
  complaintId?: number | null;
  /** Same key twice → one notification (e.g. "escalation:<id>"), even when two workers race. */
  dedupeKey?: string | null;
  now?: Date;
};

/**
 * Writes one notification. ON CONFLICT DO NOTHING on the unique dedupeKey (createManyAndReturn + skipDuplicates), so a
 * duplicate neither errors nor aborts the caller's transaction. Returns the new id, or null for a duplicate.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<{ id: number } | null> {
  const [created] = await notifyMany(tx, [input]);
  return created ?? null;
}

/** Many notifications in one statement (a sweep escalating a hundred complaints); duplicates are skipped. */
export async function notifyMany(tx: Tx, inputs: readonly NotifyInput[]): Promise<{ id: number }[]> {
  if (inputs.length === 0) return [];
  return tx.notification.createManyAndReturn({
    data: inputs.map((input) => ({
      userId: input.userId,
      kind: input.kind,
      params: input.params,
      complaintId: input.complaintId ?? null,
      dedupeKey: input.dedupeKey ?? null,
      ...(input.now ? { createdAt: input.now } : {}),
    })),
    skipDuplicates: true,
    select: { id: true },
  });
}

export type NotificationRow = {
  id: number;
  kind: string;
  params: Prisma.JsonValue;
  complaint: { id: number; reference: string; subject: string } | null;
  readAt: Date | null;
  createdAt: Date;
};

const PAGE_SIZE = 30;

/**
 * The user's notifications, newest first by the time they happened (createdAt: a sweep or an import may write an
 * older event after a newer one, so ids are not in time order), with keyset pagination on (createdAt, id); the cursor
 * is the last id of the previous page.
 */
export async function listNotifications(
  userId: number,
  options: { unreadOnly?: boolean; cursor?: number | null; limit?: number } = {},
): Promise<{ rows: NotificationRow[]; nextCursor: number | null }> {
  const limit = Math.min(Math.max(options.limit ?? PAGE_SIZE, 1), 100);
  const after = options.cursor
    ? await db.notification.findFirst({ where: { id: options.cursor, userId }, select: { id: true, createdAt: true } })
    : null;
  const rows = await db.notification.findMany({
    where: {
      userId,
      ...(options.unreadOnly ? { readAt: null } : {}),
      ...(after
        ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      kind: true,
      params: true,
      readAt: true,
      createdAt: true,
      complaint: { select: { id: true, reference: true, subject: true } },
    },
  });
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/** Unread badge of the notification centre; served by the (userId, readAt, createdAt) index. */
export async function unreadCount(userId: number): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks the given notifications (only the user's own) or all of them as read; returns how many changed. */
export async function markRead(userId: number, ids: readonly number[] | "all", now = new Date()): Promise<number> {
  if (ids !== "all" && ids.length === 0) return 0;
  const result = await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: [...ids] } }) },
    data: { readAt: now },
  });
  return result.count;
}
