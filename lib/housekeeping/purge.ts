// Bounded tables: rows that only grow and whose use has passed are deleted by the hourly `housekeeping.purge` job
// (lib/jobs/worker.ts). What is kept on purpose: audit_logs and pii_access_logs are the trail (who changed or saw
// what) and customer_consent_events the record of SMS consent PIPL asks for, so none is purged here; complaint data
// and customers' PII follow the retention setting (lib/customers/retention.ts); the KPI tables are bounded by the
// complaints. Deletes run in batches by ctid, so a
// first run on a long-lived database never holds one huge transaction.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long each kind of row is kept after it stops being useful (docs/decisions.md 2026-12-07). */
export const RETENTION_DAYS = {
  // Fixed windows last at most an hour (lib/security/rate-limit.ts callers); a day leaves a wide margin.
  rateLimitBuckets: 1,
  // Sign-in attempts are a network log: six months, as China's Cybersecurity Law (art. 21) asks of network logs.
  loginAttempts: 180,
  // Invitation / reset links are dead once expired (72 h) or used; kept a month for support questions.
  passwordTokens: 30,
  // Read notifications after 90 days; unread ones after a year (the timeline keeps the history itself).
  readNotifications: 90,
  notifications: 365,
  // Sent or failed e-mails hold addresses and text (PII) and serve only the admin mail page: 90 days.
  outboundEmails: 90,
  // The webhook delivery log (sent or failed; pending ones stay until delivered or given up): 30 days.
  webhookDeliveries: 30,
  // Sent or failed SMS hold numbers and text, like the e-mail outbox (the timeline keeps the replies): 90 days.
  outboundSms: 90,
  // Customers' SMS that were not an opt-out (the opt-out itself is in customer_consent_events, which is kept): a year.
  inboundSms: 365,
} as const;

export const PURGE_BATCH = 5_000;
/** Per table per run; a larger backlog continues in the next run (or a follow-up job, see the worker). */
export const PURGE_MAX_PER_RUN = 100_000;

export type PurgeResult = Record<keyof typeof PURGE_TARGETS, number> & { hasMore: boolean };

const before = (now: Date, days: number) =>
  Prisma.sql`(${new Date(now.getTime() - days * DAY_MS).toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** Table name and the condition of a row that may go. Table names are constants here, never input. */
const PURGE_TARGETS = {
  rateLimitBuckets: (now: Date) => ({
    table: "rate_limit_buckets",
    where: Prisma.sql`"windowStart" < ${before(now, RETENTION_DAYS.rateLimitBuckets)}`,
  }),
  loginAttempts: (now: Date) => ({
    table: "login_attempts",
    where: Prisma.sql`"createdAt" < ${before(now, RETENTION_DAYS.loginAttempts)}`,
  }),
  passwordTokens: (now: Date) => ({
    table: "password_tokens",
    where: Prisma.sql`"expiresAt" < ${before(now, RETENTION_DAYS.passwordTokens)}`,
  }),
  notifications: (now: Date) => ({
    table: "notifications",
    where: Prisma.sql`("createdAt" < ${before(now, RETENTION_DAYS.notifications)} OR ("readAt" IS NOT NULL AND "createdAt" < ${before(now, RETENTION_DAYS.readNotifications)}))`,
  }),
  outboundEmails: (now: Date) => ({
    table: "outbound_emails",
    where: Prisma.sql`status IN ('sent', 'failed') AND "createdAt" < ${before(now, RETENTION_DAYS.outboundEmails)}`,
  }),
  webhookDeliveries: (now: Date) => ({
    table: "webhook_deliveries",
    where: Prisma.sql`status IN ('sent', 'failed') AND "createdAt" < ${before(now, RETENTION_DAYS.webhookDeliveries)}`,
  }),
  outboundSms: (now: Date) => ({
    table: "outbound_sms",
    where: Prisma.sql`status IN ('sent', 'failed') AND "createdAt" < ${before(now, RETENTION_DAYS.outboundSms)}`,
  }),
  inboundSms: (now: Date) => ({
    table: "inbound_sms",
    where: Prisma.sql`"receivedAt" < ${before(now, RETENTION_DAYS.inboundSms)}`,
  }),
} as const;

async function purgeTable(table: string, where: Prisma.Sql): Promise<{ deleted: number; hasMore: boolean }> {
  const name = Prisma.raw(`"${table}"`);
  let deleted = 0;
  while (deleted < PURGE_MAX_PER_RUN) {
    const count = await db.$executeRaw`
      DELETE FROM ${name} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${name} WHERE ${where} LIMIT ${PURGE_BATCH}))`;
    deleted += count;
    if (count < PURGE_BATCH) return { deleted, hasMore: false };
  }
  return { deleted, hasMore: true };
}

/** Deletes every row past its retention in each bounded table; returns how many went per table. */
export async function purgeExpiredRows(now = new Date()): Promise<PurgeResult> {
  const result = { hasMore: false } as PurgeResult;
  for (const [key, target] of Object.entries(PURGE_TARGETS) as [
    keyof typeof PURGE_TARGETS,
    (now: Date) => { table: string; where: Prisma.Sql },
  ][]) {
    const { table, where } = target(now);
    const outcome = await purgeTable(table, where);
    result[key] = outcome.deleted;
    result.hasMore ||= outcome.hasMore;
  }
  return result;
}
