// Delivers the outbox (lib/mail/outbox.ts). Each e-mail is claimed in its own transaction with FOR UPDATE SKIP LOCKED
// and sent while that row lock is held, so concurrent runs (several app instances, a scheduled and an on-demand
// flush) never pick the same e-mail, and the status is written in the same transaction that claimed it.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import {
  configuredMailTransport,
  isConnectionError,
  isPermanentSmtpError,
  type MailTransport,
} from "@/lib/mail/transport";
import { logger } from "@/lib/observability/log";

export const MAX_ATTEMPTS = 5;
/**
 * Minutes after creation from which attempt n (0-based) may run. Measured from createdAt because the schema has no
 * "next attempt" column; the growing gaps still give a back-off of 1, 4, 25 and 90 minutes between attempts.
 */
export const ATTEMPT_OFFSETS_MINUTES = [0, 1, 5, 30, 120] as const;
const ERROR_MAX_LENGTH = 1000;
// The SMTP exchange happens inside the claiming transaction; allow it more than Prisma's 5 s default.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 } as const;

export type SendPendingResult = {
  sent: number;
  retrying: number;
  failed: number;
  skipped: "smtp_not_configured" | null;
};

type ClaimedEmail = {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  kind: string;
  attempts: number;
  createdAt: Date;
};

type Outcome = "sent" | "retrying" | "failed" | "none" | "connection_failed";

let warnedNotConfigured = false;

/** Sends up to `limit` due e-mails. Without SMTP_URL (and no injected transport) e-mails stay pending. */
export async function sendPendingEmails(
  options: { limit?: number; transport?: MailTransport; now?: Date } = {},
): Promise<SendPendingResult> {
  const result: SendPendingResult = { sent: 0, retrying: 0, failed: 0, skipped: null };
  const transport = options.transport ?? configuredMailTransport();
  if (!transport) {
    if (!warnedNotConfigured) {
      warnedNotConfigured = true;
      logger.warn("[mail] SMTP_URL is not set: outgoing e-mails stay pending in the outbox until it is configured");
    }
    return { ...result, skipped: "smtp_not_configured" };
  }
  const limit = options.limit ?? 50;
  try {
    for (let index = 0; index < limit; index++) {
      const outcome = await db.$transaction(
        (tx) => sendNext(tx, transport, options.now ?? new Date()),
        TRANSACTION_OPTIONS,
      );
      if (outcome === "none") break;
      if (outcome === "connection_failed") {
        // The server is unreachable: stop here instead of spending an attempt of every other pending e-mail.
        result.retrying++;
        break;
      }
      result[outcome]++;
    }
  } finally {
    // An injected transport belongs to the caller.
    if (!options.transport) transport.close();
  }
  return result;
}

async function claimNext(tx: Tx, now: Date): Promise<ClaimedEmail | undefined> {
  const offsets = [...ATTEMPT_OFFSETS_MINUTES];
  // createdAt is a UTC timestamp without time zone (Prisma's convention), hence the AT TIME ZONE 'UTC'.
  const rows = await tx.$queryRaw<ClaimedEmail[]>`
    SELECT id, "to", subject, text, html, kind, attempts, "createdAt"
    FROM outbound_emails
    WHERE status = 'pending'
      AND attempts < ${MAX_ATTEMPTS}
      AND "createdAt" + make_interval(mins => (${offsets}::int[])[attempts + 1])
          <= (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
    ORDER BY "createdAt", id
    LIMIT 1
    FOR UPDATE SKIP LOCKED`;
  return rows[0];
}

async function sendNext(tx: Tx, transport: MailTransport, now: Date): Promise<Outcome> {
  const email = await claimNext(tx, now);
  if (!email) return "none";
  try {
    await transport.send({
      from: env().MAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: messageIdFor(email),
      headers: { "X-Skyline-Kind": email.kind, "X-Skyline-Outbox-Id": String(email.id) },
    });
  } catch (error) {
    const attempts = email.attempts + 1;
    const permanent = isPermanentSmtpError(error);
    const status = permanent || attempts >= MAX_ATTEMPTS ? "failed" : "pending";
    const message = error instanceof Error ? error.message : String(error);
    logger.warn("[mail] delivery failed", { outboundEmailId: email.id, attempts, status, permanent, error: message });
    await tx.outboundEmail.update({
      where: { id: email.id },
      data: { attempts, status, lastError: message.slice(0, ERROR_MAX_LENGTH) },
      select: { id: true },
    });
    if (status === "failed") return "failed";
    return isConnectionError(error) ? "connection_failed" : "retrying";
  }
  await tx.outboundEmail.update({
    where: { id: email.id },
    data: { status: "sent", sentAt: new Date(), attempts: email.attempts + 1, lastError: null },
    select: { id: true },
  });
  return "sent";
}

/**
 * A stable Message-ID per outbox row, so a receiver can recognise a duplicate if a commit is ever lost after sending.
 */
function messageIdFor(email: ClaimedEmail) {
  const domain = /@([^>\s]+)>?\s*$/.exec(env().MAIL_FROM)?.[1] ?? "skyline.local";
  return `<outbox-${email.id}.${email.createdAt.getTime()}@${domain}>`;
}
