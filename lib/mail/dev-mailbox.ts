// Reads the development mail catcher's table (scripts/lib/mail-catcher.ts). The table lives outside Prisma's schema,
// hence raw SQL; it does not exist where the catcher never ran (production with a real SMTP server).
import "server-only";
import { db } from "@/lib/db";

export const DEV_MAILBOX_PAGE_SIZE = 25;

export type CaughtMessageSummary = { id: number; to: string; subject: string; kind: string | null; receivedAt: Date };
export type CaughtMessage = CaughtMessageSummary & {
  messageId: string | null;
  from: string;
  text: string | null;
  html: string | null;
};

export type DevMailboxPage =
  | { catcherAvailable: false }
  | { catcherAvailable: true; messages: CaughtMessageSummary[]; total: number; page: number; pageCount: number };

async function mailboxExists(): Promise<boolean> {
  // Checked up front instead of catching "relation does not exist", which would also abort a surrounding transaction.
  const rows = await db.$queryRaw<
    Array<{ exists: boolean }>
  >`SELECT to_regclass('devmail.dev_mailbox') IS NOT NULL AS "exists"`;
  return rows[0]?.exists === true;
}

/** One page of caught messages, newest first; `page` is 1-based and clamped to the last page. */
export async function listCaughtMessages(requestedPage: number): Promise<DevMailboxPage> {
  if (!(await mailboxExists())) return { catcherAvailable: false };
  const counted = await db.$queryRaw<Array<{ total: bigint }>>`SELECT count(*) AS total FROM devmail.dev_mailbox`;
  const total = Number(counted[0]?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / DEV_MAILBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(requestedPage) || 1), pageCount);
  const offset = (page - 1) * DEV_MAILBOX_PAGE_SIZE;
  const rows = await db.$queryRaw<
    Array<{ id: bigint; to: string; subject: string; kind: string | null; receivedAt: Date }>
  >`
    SELECT id, "to", subject, kind, received_at AS "receivedAt"
    FROM devmail.dev_mailbox
    ORDER BY received_at DESC, id DESC
    LIMIT ${DEV_MAILBOX_PAGE_SIZE} OFFSET ${offset}`;
  return {
    catcherAvailable: true,
    messages: rows.map((row) => ({ ...row, id: Number(row.id) })),
    total,
    page,
    pageCount,
  };
}

/** One caught message with its bodies, or null (also when the catcher never ran). */
export async function getCaughtMessage(id: number): Promise<CaughtMessage | null> {
  if (!Number.isSafeInteger(id) || id < 1 || !(await mailboxExists())) return null;
  const rows = await db.$queryRaw<
    Array<{
      id: bigint;
      messageId: string | null;
      from: string;
      to: string;
      subject: string;
      text: string | null;
      html: string | null;
      kind: string | null;
      receivedAt: Date;
    }>
  >`
    SELECT id, message_id AS "messageId", "from", "to", subject, text, html, kind, received_at AS "receivedAt"
    FROM devmail.dev_mailbox
    WHERE id = ${id}`;
  const row = rows[0];
  return row ? { ...row, id: Number(row.id) } : null;
}
