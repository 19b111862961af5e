// E-mails are written to the outbox inside the transaction of the change that causes them, and sent by a job
// (lib/jobs) with retries, so a request never waits for SMTP and a rolled-back change sends nothing.
import "server-only";
import type { Tx } from "@/lib/db";

export type OutboundEmailInput = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind:
    | "acknowledgement"
    | "reply"
    | "result_notice"
    | "survey"
    | "survey_reminder"
    | "notification"
    | "notification_digest"
    | "invite"
    | "password_reset"
    | "incident_update";
  complaintId?: number;
};

export async function enqueueEmail(tx: Tx, email: OutboundEmailInput) {
  return tx.outboundEmail.create({
    data: {
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html ?? null,
      kind: email.kind,
      complaintId: email.complaintId ?? null,
    },
    select: { id: true },
  });
}

/** Many e-mails in one statement (an incident update to thousands of customers), in the caller's transaction. */
export async function enqueueEmails(tx: Tx, emails: readonly OutboundEmailInput[], now = new Date()) {
  if (emails.length === 0) return 0;
  const created = await tx.outboundEmail.createMany({
    data: emails.map((email) => ({
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html ?? null,
      kind: email.kind,
      complaintId: email.complaintId ?? null,
      createdAt: now,
    })),
  });
  return created.count;
}
