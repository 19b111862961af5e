// What the SMS provider tells us: delivery receipts update the outbox row; a customer's reply 退订/TD opts the
// customer out of SMS (consent recorded), anything else is kept in inbound_sms for the record.
import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/log";
import type { IncomingSms } from "@/lib/sms/provider";
import { logger } from "@/lib/observability/log";

/** Replies that withdraw consent, as Chinese operators require them to be honoured ("回复TD退订"). */
const OPT_OUT_WORDS = new Set(["退订", "TD", "T", "N", "STOP", "UNSUBSCRIBE", "取消", "退订短信"]);

export function isOptOutReply(text: string): boolean {
  const word = text
    .trim()
    .replace(/[。.!！\s]+$/u, "")
    .toUpperCase();
  return OPT_OUT_WORDS.has(word);
}

/** Receipt statuses that mean the message will not arrive. */
const FAILED_RECEIPTS = new Set(["UNDELIV", "EXPIRED", "DELETED", "REJECTD", "UNKNOWN"]);

/**
 * Applies a delivery receipt to the message that carried the id (one per segment). A failed segment's status sticks:
 * a later "delivered" receipt of another segment does not hide it. Returns whether a message matched.
 */
export async function applyDeliveryReceipt(messageId: string, status: string, at: Date): Promise<boolean> {
  const failed = FAILED_RECEIPTS.has(status);
  const count = await db.$executeRaw`
    UPDATE outbound_sms
    SET "receiptStatus" = CASE WHEN "receiptStatus" IS NOT NULL AND "receiptStatus" <> 'DELIVRD' THEN "receiptStatus" ELSE ${status} END,
        "deliveredAt" = CASE WHEN ${failed} THEN "deliveredAt" ELSE ${at} END
    WHERE "providerMessageIds" @> ARRAY[${messageId}]::text[]`;
  return count > 0;
}

/** The last 11 digits of a number: how a mainland mobile number appears with or without +86. */
function phoneKey(phone: string) {
  return phone.replace(/\D/g, "").slice(-11);
}

/**
 * A message from a customer. An opt-out reply sets smsOptedOutAt on every active customer with that number, records
 * the withdrawal, and cancels their pending SMS except legally required notices, all in one transaction.
 */
export async function receiveCustomerSms(
  from: string,
  text: string,
  source: "sms_reply" | "gateway_callback",
  at: Date,
) {
  const optOut = isOptOutReply(text);
  const key = phoneKey(from);
  return db.$transaction(async (tx) => {
    const customers =
      key.length >= 5
        ? await tx.$queryRaw<Array<{ id: number; smsOptedOutAt: Date | null }>>`
          SELECT id, "smsOptedOutAt" FROM customers
          WHERE "phoneKey" = ${key} AND "mergedIntoId" IS NULL AND "anonymizedAt" IS NULL`
        : [];
    await tx.inboundSms.create({
      data: {
        from,
        text: text.slice(0, 2000),
        customerId: customers[0]?.id ?? null,
        optOut: optOut && customers.length > 0,
        receivedAt: at,
      },
    });
    if (!optOut) return { optOut: false, customers: customers.map((customer) => customer.id) };
    for (const customer of customers) {
      if (customer.smsOptedOutAt) continue;
      await tx.customer.update({
        where: { id: customer.id },
        data: { smsOptedOutAt: at, version: { increment: 1 } },
        select: { id: true },
      });
      await tx.customerConsentEvent.create({
        data: { customerId: customer.id, channel: "sms", granted: false, source, createdAt: at },
      });
      await writeAudit(tx, {
        actorType: "customer",
        actorId: null,
        action: "customer.sms_opt_out",
        entityType: "customer",
        entityId: String(customer.id),
        changes: { source },
      });
      await tx.outboundSms.updateMany({
        where: { customerId: customer.id, status: "pending", mandatory: false },
        data: { status: "failed", lastError: "opted_out" },
      });
    }
    return { optOut: true, customers: customers.map((customer) => customer.id) };
  });
}

/**
 * A receipt can overtake the sender's commit: the SMSC answers submit_sm, delivers and reports before the flush job's
 * transaction has stored the message id. An unmatched receipt is tried again a few times within seconds (a race, not a
 * business deadline: nothing waits on it); one still unmatched after that is logged and dropped.
 */
const RECEIPT_RETRY_MS = [100, 200, 400, 800, 1_600, 3_200];

async function applyReceiptWhenKnown(messageId: string, status: string, at: Date): Promise<boolean> {
  if (await applyDeliveryReceipt(messageId, status, at)) return true;
  for (const delay of RECEIPT_RETRY_MS) {
    await sleep(delay);
    if (await applyDeliveryReceipt(messageId, status, at)) return true;
  }
  logger.warn("[sms] delivery receipt for an unknown message id", { messageId, status });
  return false;
}

/**
 * `waitForSender`: the standing SMPP receiver session (lib/sms/receiver.ts) may see a receipt before the sending
 * instance has committed the message id; the sender's own session and a gateway's callback are matched once.
 */
export async function handleIncomingSms(
  incoming: IncomingSms,
  source: "sms_reply" | "gateway_callback" = "sms_reply",
  options: { waitForSender?: boolean } = {},
) {
  if (incoming.kind === "receipt") {
    const apply = options.waitForSender ? applyReceiptWhenKnown : applyDeliveryReceipt;
    return { receipt: await apply(incoming.messageId, incoming.status, incoming.at) };
  }
  return receiveCustomerSms(incoming.from, incoming.text, source, incoming.at);
}
