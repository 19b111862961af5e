// Messages to the customer about their complaint, in the customer's language, queued in the caller's transaction
// (sent by the mail job after commit). Today every message goes by e-mail; a further channel (SMS, by the customer's
// preferred contact channel) is chosen here, in one place per message, so callers never pick a channel themselves.
import type { Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/mail/outbox";
import { renderAcknowledgement, renderReply, renderResultNotice } from "@/lib/mail/templates";
import { localizedName } from "@/lib/i18n/locales";
import { readServiceContact } from "@/lib/public/service-contact";
import { fromDbLocale } from "@/lib/i18n/locales";
import type { Locale } from "@/lib/generated/prisma/enums";
import { trackingTokenFor } from "@/lib/complaints/reference";

type Recipient = { name: string; email: string | null; locale: Locale };
type About = { complaintId: number; reference: string; subject: string; customer: Recipient };

export async function queueAcknowledgement(tx: Tx, args: About) {
  if (!args.customer.email) return false;
  const mail = renderAcknowledgement(fromDbLocale(args.customer.locale), {
    reference: args.reference,
    subject: args.subject,
    trackingToken: trackingTokenFor(args.reference).token,
    customerName: args.customer.name,
  });
  await enqueueEmail(tx, { to: args.customer.email, ...mail, kind: "acknowledgement", complaintId: args.complaintId });
  return true;
}

export async function queueReply(tx: Tx, args: About & { body: string; agentName: string }) {
  if (!args.customer.email) return false;
  const mail = renderReply(fromDbLocale(args.customer.locale), {
    reference: args.reference,
    subject: args.subject,
    trackingToken: trackingTokenFor(args.reference).token,
    customerName: args.customer.name,
    body: args.body,
    agentName: args.agentName,
  });
  await enqueueEmail(tx, { to: args.customer.email, ...mail, kind: "reply", complaintId: args.complaintId });
  return true;
}

/** The team's name as the customer reads it; a complaint without a team speaks for the service centre as a whole. */
const SERVICE_CENTRE = { nameZh: "客户服务中心", nameEn: "our customer service team" } as const;

export type ResultNoticeOutcome = { channel: "email" } | { channel: null; reason: "no_contact" | "no_summary" };

/**
 * The result notice on resolution (SPEC §4: the result reaches the customer): the customer-facing resolution summary,
 * the team and the hotline to contact, and the tracking link. Called by applyTransition in the resolving transaction,
 * so a rolled-back resolution sends nothing; a reopen and a second resolution send a new notice with the new summary.
 */
export async function queueResultNotice(tx: Tx, complaintId: number): Promise<ResultNoticeOutcome> {
  const complaint = await tx.complaint.findUniqueOrThrow({
    where: { id: complaintId },
    select: {
      reference: true,
      subject: true,
      resolutionSummary: true,
      customer: { select: { name: true, email: true, locale: true } },
      team: { select: { nameZh: true, nameEn: true } },
    },
  });
  const summary = complaint.resolutionSummary?.trim();
  if (!summary) return { channel: null, reason: "no_summary" };
  if (!complaint.customer.email) return { channel: null, reason: "no_contact" };
  const locale = fromDbLocale(complaint.customer.locale);
  const contact = await readServiceContact(tx);
  const mail = renderResultNotice(locale, {
    reference: complaint.reference,
    subject: complaint.subject,
    trackingToken: trackingTokenFor(complaint.reference).token,
    customerName: complaint.customer.name,
    resolutionSummary: summary,
    teamName: localizedName(locale, complaint.team ?? SERVICE_CENTRE),
    hotline: contact.hotline,
  });
  await enqueueEmail(tx, { to: complaint.customer.email, ...mail, kind: "result_notice", complaintId });
  return { channel: "email" };
}
