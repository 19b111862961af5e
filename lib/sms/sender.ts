// Delivers the SMS outbox (lib/sms/outbox.ts), like lib/mail/sender.ts does e-mail: each message is claimed in its own
// transaction with FOR UPDATE SKIP LOCKED and handed to the provider while the row lock is held, so several instances
// (and a scheduled and an on-demand flush) never send one message twice; the status is written in that transaction.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { handleIncomingSms } from "@/lib/sms/incoming";
import { configuredSmsProvider } from "@/lib/sms/configured";
import { failureKindOf, type IncomingSms, type SmsProvider } from "@/lib/sms/provider";
import { logger } from "@/lib/observability/log";

export const SMS_MAX_ATTEMPTS = 5;
/** Minutes after notBefore from which attempt n (0-based) may run: back-off of 1, 4, 25 and 90 minutes. */
export const SMS_ATTEMPT_OFFSETS_MINUTES = [0, 1, 5, 30, 120] as const;
const ERROR_MAX_LENGTH = 1000;
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 } as const;

export type SendPendingSmsResult = {
  sent: number;
  retrying: number;
  failed: number;
  skipped: "sms_not_configured" | null;
};

type ClaimedSms = { id: number; to: string; text: string; attempts: number; mandatory: boolean; optedOut: boolean };
type Outcome = "sent" | "retrying" | "failed" | "none" | "connection_failed";

let warnedNotConfigured = false;

/** Messages claimed per transaction, and submitted at once on the connection (an SMPP window). */
const CLAIM_BATCH = 50;
const WINDOW = 10;

/** Sends up to `limit` due SMS. Without SMS_URL (and no injected provider) they stay pending. */
export async function sendPendingSms(
  options: { limit?: number; provider?: SmsProvider; now?: Date } = {},
): Promise<SendPendingSmsResult> {
  const result: SendPendingSmsResult = { sent: 0, retrying: 0, failed: 0, skipped: null };
  const provider = options.provider ?? configuredSmsProvider();
  if (!provider) {
    if (!warnedNotConfigured) {
      warnedNotConfigured = true;
      logger.warn("[sms] SMS_URL is not set: outgoing SMS stay pending in the outbox until it is configured");
    }
    return { ...result, skipped: "sms_not_configured" };
  }
  // Receipts and replies arriving on this connection are applied after the sends, when their rows are committed.
  const arrived: IncomingSms[] = [];
  provider.onIncoming((incoming) => arrived.push(incoming));
  const limit = options.limit ?? 100;
  try {
    let handled = 0;
    while (handled < limit) {
      const batch = await db.$transaction(
        (tx) => sendBatch(tx, provider, options.now ?? new Date(), Math.min(CLAIM_BATCH, limit - handled)),
        TRANSACTION_OPTIONS,
      );
      const { claimed, connectionFailed, ...counts } = batch;
      result.sent += counts.sent;
      result.retrying += counts.retrying;
      result.failed += counts.failed;
      handled += claimed;
      if (claimed === 0 || connectionFailed) break;
    }
  } finally {
    if (!options.provider) await provider.close();
  }
  for (const incoming of arrived.splice(0)) await handleIncomingSms(incoming);
  return result;
}

async function claimDue(tx: Tx, now: Date, size: number): Promise<ClaimedSms[]> {
  const offsets = [...SMS_ATTEMPT_OFFSETS_MINUTES];
  return tx.$queryRaw<ClaimedSms[]>`
    SELECT s.id, s."to", s.text, s.attempts, s.mandatory, (c."smsOptedOutAt" IS NOT NULL) AS "optedOut"
    FROM outbound_sms s
    LEFT JOIN customers c ON c.id = s."customerId"
    WHERE s.status = 'pending'
      AND s.attempts < ${SMS_MAX_ATTEMPTS}
      AND s."notBefore" + make_interval(mins => (${offsets}::int[])[s.attempts + 1])
          <= (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
    ORDER BY s."notBefore", s.id
    LIMIT ${size}
    FOR UPDATE OF s SKIP LOCKED`;
}

type BatchOutcome = { claimed: number; sent: number; retrying: number; failed: number; connectionFailed: boolean };

/**
 * Claims up to `size` due messages (row locks held until commit, so no other run can take them) and submits them,
 * WINDOW at a time. Once the provider is unreachable, the rest of the batch is left untouched (no attempt spent).
 */
async function sendBatch(tx: Tx, provider: SmsProvider, now: Date, size: number): Promise<BatchOutcome> {
  const claimed = await claimDue(tx, now, size);
  const outcome: BatchOutcome = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0, connectionFailed: false };
  for (let start = 0; start < claimed.length && !outcome.connectionFailed; start += WINDOW) {
    const window = claimed.slice(start, start + WINDOW);
    // Submissions overlap on the connection; the row updates run one after another on the transaction's connection.
    const attempts = await Promise.all(window.map((sms) => attempt(provider, sms)));
    for (const [index, sms] of window.entries()) {
      const result = await record(tx, sms, attempts[index] ?? { error: new Error("not attempted") });
      if (result === "connection_failed") {
        outcome.connectionFailed = true;
        outcome.retrying++;
      } else if (result !== "none") outcome[result]++;
    }
  }
  return outcome;
}

type Attempt = { skipped: true } | { providerMessageIds: string[] } | { error: unknown };

async function attempt(provider: SmsProvider, sms: ClaimedSms): Promise<Attempt> {
  // The customer opted out after this message was queued.
  if (sms.optedOut && !sms.mandatory) return { skipped: true };
  try {
    return await provider.send({ id: sms.id, to: sms.to, text: sms.text });
  } catch (error) {
    return { error };
  }
}

async function record(tx: Tx, sms: ClaimedSms, result: Attempt): Promise<Outcome> {
  if ("skipped" in result) {
    await tx.outboundSms.update({
      where: { id: sms.id },
      data: { status: "failed", lastError: "opted_out" },
      select: { id: true },
    });
    return "failed";
  }
  if ("error" in result) {
    const attempts = sms.attempts + 1;
    const kind = failureKindOf(result.error);
    const status = kind === "permanent" || attempts >= SMS_MAX_ATTEMPTS ? "failed" : "pending";
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    logger.warn("[sms] delivery failed", { outboundSmsId: sms.id, attempts, status, kind, error: message });
    await tx.outboundSms.update({
      where: { id: sms.id },
      data: { attempts, status, lastError: message.slice(0, ERROR_MAX_LENGTH) },
      select: { id: true },
    });
    if (status === "failed") return "failed";
    return kind === "connection" ? "connection_failed" : "retrying";
  }
  await tx.outboundSms.update({
    where: { id: sms.id },
    data: {
      status: "sent",
      sentAt: new Date(),
      attempts: sms.attempts + 1,
      lastError: null,
      providerMessageIds: result.providerMessageIds,
    },
    select: { id: true },
  });
  return "sent";
}
