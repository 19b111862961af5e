// E-mails are written to the outbox inside the transaction of the change that causes them, and sent by a job
// (lib/jobs) with retries, so a request never waits for SMTP and a rolled-back change sends nothing.
import type { Tx } from "@/lib/db";

export type OutboundEmailInput = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind: "acknowledgement" | "reply" | "result_notice" | "survey" | "survey_reminder" | "notification" | "notification_digest" | "invite" | "password_reset";
  complaintId?: number;
};

export async function enqueueEmail(tx: Tx, email: OutboundEmailInput) {
  return tx.outboundEmail.create({
    data: { to: email.to, subject: email.subject, text: email.text, html: email.html ?? null, kind: email.kind, complaintId: email.complaintId ?? null },
    select: { id: true },
  });
}
