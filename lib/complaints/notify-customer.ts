// Messages to the customer about their complaint, in the customer's language, queued in the caller's transaction
// (sent by the mail or SMS job after commit). The channel comes from chooseWrittenChannel (preferred channel, then
// what the customer has).
import "server-only";
import type { Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/mail/outbox";
import { renderAcknowledgement, renderReply, renderResultNotice } from "@/lib/mail/templates";
import { localizedName } from "@/lib/i18n/locales";
import { readServiceContact } from "@/lib/public/service-contact";
import { fromDbLocale } from "@/lib/i18n/locales";
import type { Locale } from "@/lib/generated/prisma/enums";
import { trackingTokenFor } from "@/lib/complaints/reference";
import { chooseWrittenChannel, contactChannelSelect, type WrittenChannel } from "@/lib/customers/contact-channel";
import { enqueueSms, type SmsKind } from "@/lib/sms/outbox";
import { shortTrackingLinkFor } from "@/lib/public/short-links";
import { smsCopy } from "@/lib/sms/templates";

type Recipient = { id?: number; name: string; email: string | null; locale: Locale };
type About = { complaintId: number; reference: string; subject: string; customer: Recipient };

/** E-mail, SMS or nothing for this customer now. Without an id (older callers) only e-mail is considered. */
async function writtenChannelFor(tx: Tx, customer: Recipient): Promise<WrittenChannel | null> {
  if (customer.id === undefined) return customer.email ? "email" : null;
  const contact = await tx.customer.findUnique({ where: { id: customer.id }, select: contactChannelSelect });
  return contact ? chooseWrittenChannel(contact) : null;
}

/** Queues an SMS about the complaint whose text needs the short tracking link. */
async function queueComplaintSms(tx: Tx, args: About, kind: SmsKind, text: (url: string) => string) {
  if (args.customer.id === undefined) return false;
  const customer = await tx.customer.findUniqueOrThrow({
    where: { id: args.customer.id },
    select: contactChannelSelect,
  });
  const url = await shortTrackingLinkFor(tx, { id: args.complaintId, reference: args.reference });
  const queued = await enqueueSms(tx, { customer, body: text(url), kind, complaintId: args.complaintId });
  return queued.queued;
}

export async function queueAcknowledgement(tx: Tx, args: About) {
  const channel = await writtenChannelFor(tx, args.customer);
  if (channel === "sms") {
    const copy = smsCopy(fromDbLocale(args.customer.locale));
    return queueComplaintSms(tx, args, "acknowledgement", (url) => copy.acknowledgement(args.reference, url));
  }
  if (!args.customer.email) return false;
  const mail = await renderAcknowledgement(fromDbLocale(args.customer.locale), {
    reference: args.reference,
    subject: args.subject,
    trackingToken: trackingTokenFor(args.reference).token,
    customerName: args.customer.name,
  });
  await enqueueEmail(tx, { to: args.customer.email, ...mail, kind: "acknowledgement", complaintId: args.complaintId });
  return true;
}

export async function queueReply(tx: Tx, args: About & { body: string; agentName: string }) {
  const channel = await writtenChannelFor(tx, args.customer);
  if (channel === "sms") {
    // Short form with a link to the full text on the tracking page.
    const copy = smsCopy(fromDbLocale(args.customer.locale));
    return queueComplaintSms(tx, args, "reply", (url) => copy.reply(args.reference, args.body, url));
  }
  if (!args.customer.email) return false;
  const mail = await renderReply(fromDbLocale(args.customer.locale), {
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

export type ResultNoticeOutcome = { channel: WrittenChannel } | { channel: null; reason: "no_contact" | "no_summary" };

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
      customer: { select: { id: true, name: true, email: true, locale: true } },
      team: { select: { nameZh: true, nameEn: true } },
    },
  });
  const summary = complaint.resolutionSummary?.trim();
  if (!summary) return { channel: null, reason: "no_summary" };
  // By the customer's written channel (chooseWrittenChannel): SMS customers get the short notice with the link.
  const channel = await writtenChannelFor(tx, complaint.customer);
  if (channel === "sms") {
    return (await queueResultSms(tx, complaintId)) ? { channel: "sms" } : { channel: null, reason: "no_contact" };
  }
  if (channel !== "email" || !complaint.customer.email) return { channel: null, reason: "no_contact" };
  const locale = fromDbLocale(complaint.customer.locale);
  const contact = await readServiceContact(tx);
  const mail = await renderResultNotice(locale, {
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

/**
 * The result notice by SMS for customers whose written channel is SMS (written feedback of the result, handbook 002
 * §1.3.3). Called by queueResultNotice; returns false for customers not on SMS.
 */
async function queueResultSms(tx: Tx, complaintId: number) {
  const complaint = await tx.complaint.findUnique({
    where: { id: complaintId },
    select: {
      reference: true,
      subject: true,
      resolutionSummary: true,
      customer: { select: { id: true, name: true, email: true, locale: true } },
    },
  });
  if (!complaint) return false;
  const args: About = {
    complaintId,
    reference: complaint.reference,
    subject: complaint.subject,
    customer: complaint.customer,
  };
  if ((await writtenChannelFor(tx, args.customer)) !== "sms") return false;
  const copy = smsCopy(fromDbLocale(args.customer.locale));
  // As the e-mail: the summary (its start; the link leads to the whole) and the hotline to call, never an agent's name.
  const { hotline } = await readServiceContact(tx);
  return queueComplaintSms(tx, args, "result", (url) =>
    copy.result(args.reference, complaint.resolutionSummary?.trim() ?? "", hotline, url),
  );
}
