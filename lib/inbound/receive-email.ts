// Use case: an e-mail arrives through the gateway webhook. A message naming one of the sender's complaints is
// appended to it (reopening it if resolved); anything else becomes a new complaint on the e-mail channel.
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { sortInboundAttachments, storeInboundAttachments } from "@/lib/inbound/attachments";
import { addCustomerMessage } from "@/lib/complaints/add-message";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { fail, type Result } from "@/lib/errors";
import { requestMailFlush } from "@/lib/mail/flush";
import { channelIdOfKind, leastSevereSeverityId } from "@/lib/public/reference-data";
import { hitRateLimit } from "@/lib/security/rate-limit";
import {
  complaintDescription,
  complaintSubject,
  guessLocale,
  messageBody,
  parseSender,
  referencesIn,
  type Sender,
} from "@/lib/inbound/parse";
import type { InboundEmail } from "@/lib/inbound/schema";

export type InboundOutcome = { action: "appended" | "created" | "duplicate"; reference: string };

/**
 * Gateways retry for hours or a few days at most; looking back 30 days keeps the check on the (kind, createdAt) index.
 */
const DEDUPE_LOOKBACK_MS = 30 * 24 * 3600 * 1000;
/** While one delivery of a message is being processed, a parallel delivery of the same message is told to retry. */
const IN_FLIGHT_SECONDS = 300;

export async function receiveInboundEmail(mail: InboundEmail, now = new Date()): Promise<Result<InboundOutcome>> {
  const sender = parseSender(mail.from);
  if (!sender)
    return fail("invalid", "The sender address is not a valid e-mail address.", {
      fields: { from: ["invalid_email"] },
    });

  if (mail.messageId) {
    const seen = await alreadyReceived(mail.messageId, now);
    if (seen) return { ok: true, action: "duplicate", reference: seen };
    const claim = await hitRateLimit(`inbound-email:message:${digest(mail.messageId)}`, 1, IN_FLIGHT_SECONDS, now);
    if (!claim.allowed)
      return fail("conflict", "This message is being processed; retry later.", {
        details: { retryAfterSeconds: claim.retryAfterSeconds },
      });
  }

  const locale = guessLocale(mail.subject, mail.text);
  const files = sortInboundAttachments(mail.attachments);
  const listed = mail.attachments
    .slice(0, 20)
    .map(({ filename, contentType, size }) => ({ filename, contentType, size }));
  const trace = {
    source: "email",
    messageId: mail.messageId ?? null,
    attachmentCount: mail.attachments.length,
    attachments: listed,
  };
  const mentioned = referencesIn(mail.subject, mail.text);
  const target = await complaintToAppendTo(mentioned, sender);
  if (target) {
    const appended = await addCustomerMessage(
      target.id,
      { body: messageBody(mail.text, mail.subject, locale) },
      "email",
      now,
    );
    if (!appended.ok) return appended;
    await recordOnEvent(target.id, appended.eventId, trace, files);
    return { ok: true, action: "appended", reference: target.reference };
  }

  const [channelId, severityId] = await Promise.all([channelIdOfKind("email"), leastSevereSeverityId()]);
  if (!channelId || !severityId)
    return fail("unavailable", "The e-mail channel or the severity grades are not configured.");
  const subject = complaintSubject(mail.subject, locale);
  const created = await createComplaint(
    { kind: "email" },
    {
      customer: { name: sender.name, email: sender.email, locale },
      channelId,
      severityId,
      type: "complaint",
      subject,
      description: complaintDescription(mail.text, subject, locale),
    },
    now,
  );
  if (!created.ok) return created;
  const createdEvent = await db.complaintEvent.findFirst({
    where: { complaintId: created.complaint.id, kind: "created" },
    select: { id: true },
  });
  if (createdEvent)
    await recordOnEvent(created.complaint.id, createdEvent.id, { ...trace, mentionedReferences: mentioned }, files);
  await requestMailFlush();
  return { ok: true, action: "created", reference: created.complaint.reference };
}

const digest = (value: string) => createHash("sha256").update(value).digest("hex");

/** The reference of the complaint this message was already filed under, if the same Message-ID came before. */
async function alreadyReceived(messageId: string, now: Date): Promise<string | null> {
  const event = await db.complaintEvent.findFirst({
    where: {
      kind: { in: ["created", "customer_message"] },
      createdAt: { gte: new Date(now.getTime() - DEDUPE_LOOKBACK_MS) },
      data: { path: ["messageId"], equals: messageId },
    },
    orderBy: { id: "asc" },
    select: { complaint: { select: { reference: true } } },
  });
  return event?.complaint.reference ?? null;
}

/**
 * The first mentioned complaint that belongs to the sender (a merged duplicate forwards to the complaint it was
 * merged into). A reference alone is not enough: references are sequential and easy to guess, and a stranger must
 * not be able to add messages to, or reopen, someone else's complaint. Mail from another address opens a new
 * complaint, which staff can merge.
 */
async function complaintToAppendTo(
  references: string[],
  sender: Sender,
): Promise<{ id: number; reference: string } | null> {
  if (references.length === 0) return null;
  const found = await db.complaint.findMany({
    where: { reference: { in: references } },
    select: {
      id: true,
      reference: true,
      customer: { select: { email: true } },
      duplicateOf: { select: { id: true, reference: true } },
    },
  });
  for (const reference of references) {
    const complaint = found.find((candidate) => candidate.reference === reference);
    if (complaint && complaint.customer.email?.toLowerCase() === sender.email) {
      return complaint.duplicateOf ?? { id: complaint.id, reference: complaint.reference };
    }
  }
  return null;
}

/**
 * Adds the Message-ID and attachment list to the event the service wrote, and keeps the accepted files, in one
 * transaction right after the service's (the shared services take no extra event data); the in-flight claim above
 * covers the gap.
 */
async function recordOnEvent(
  complaintId: number,
  eventId: number,
  extra: Record<string, unknown>,
  files: ReturnType<typeof sortInboundAttachments>,
) {
  await db.$transaction(async (tx) => {
    const { stored, skipped } = await storeInboundAttachments(tx, complaintId, eventId, files.keep);
    const data = {
      ...extra,
      storedAttachments: stored,
      skippedAttachments: [...files.skipped, ...skipped].slice(0, 20),
    };
    await tx.$executeRaw`UPDATE complaint_events SET data = COALESCE(data, '{}'::jsonb) || ${JSON.stringify(data)}::jsonb WHERE id = ${eventId}`;
  });
}
