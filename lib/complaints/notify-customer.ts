// E-mails to the customer about their complaint, in the customer's language, queued in the caller's transaction
// (sent by the mail job after commit).
import type { Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/mail/outbox";
import { renderAcknowledgement, renderReply } from "@/lib/mail/templates";
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
