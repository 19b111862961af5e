// Anonymisation of one customer (SPEC §9): used by the retention job and by erasure on request. The customer row and
// its complaints stay (statistics, SLA figures, survey scores and compensation totals are unchanged); what identifies
// the person is removed: contact data, identity numbers, free text written by or about them, attachments, and the
// addresses and texts of e-mails sent to them. The PII access log is kept, pseudonymised by the customer's id.
import "server-only";
import type { Tx } from "@/lib/db";

export const ANONYMISED_NAME = "Anonymised customer";
export const ANONYMISED_TEXT = "[anonymised]";

export type AnonymiseCounts = { complaints: number; events: number; attachments: number; emails: number };

/** Caller holds the customer's row lock (or accepts the idempotent update): running it twice changes nothing more. */
export async function anonymiseCustomerData(tx: Tx, customerId: number, now: Date): Promise<AnonymiseCounts> {
  await tx.customer.update({
    where: { id: customerId },
    data: {
      name: ANONYMISED_NAME,
      phone: null,
      email: null,
      idNumber: null,
      membershipNumber: null,
      company: null,
      specialNeeds: null,
      tags: [],
      valueFactors: {},
      consentContact: false,
      consentSurvey: false,
      consentMarketing: false,
      anonymizedAt: now,
      version: { increment: 1 },
    },
  });
  const complaintIds = (await tx.complaint.findMany({ where: { customerId }, select: { id: true } })).map(
    (row) => row.id,
  );
  const complaints = await tx.complaint.updateMany({
    where: { id: { in: complaintIds } },
    data: { description: ANONYMISED_TEXT, bookingReference: null },
  });
  const events = await tx.complaintEvent.updateMany({
    where: { complaintId: { in: complaintIds }, body: { not: null } },
    data: { body: null },
  });
  const attachments = await tx.attachment.deleteMany({ where: { complaintId: { in: complaintIds } } });
  const emails = await tx.outboundEmail.updateMany({
    where: { complaintId: { in: complaintIds } },
    data: { to: "anonymised@invalid", text: ANONYMISED_TEXT, html: null },
  });
  // SMS sent to or received from them: number and text (kind, segments and delivery status stay for statistics).
  await tx.outboundSms.updateMany({
    where: { OR: [{ customerId }, { complaintId: { in: complaintIds } }] },
    data: { to: "", text: ANONYMISED_TEXT },
  });
  await tx.inboundSms.updateMany({ where: { customerId }, data: { from: "", text: ANONYMISED_TEXT } });
  await tx.customer.update({ where: { id: customerId }, data: { timeZone: null }, select: { id: true } });
  await tx.surveyResponse.updateMany({
    where: { complaintId: { in: complaintIds }, comment: { not: null } },
    data: { comment: null },
  });
  await tx.customerChangeRequest.updateMany({ where: { customerId }, data: { changes: {}, reason: ANONYMISED_TEXT } });
  // The PII access log stays: its rows name the (now anonymised) customer only by id, so who looked at whose data
  // remains traceable without keeping the data itself.
  return { complaints: complaints.count, events: events.count, attachments: attachments.count, emails: emails.count };
}
