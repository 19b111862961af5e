// One batch of a customer update run: each linked complaint's customer gets the update in their language through
// their written channel (chooseWrittenChannel: e-mail or SMS) via the existing outboxes, and the complaint's timeline
// shows the message. Runs inside the batch transaction of lib/incidents/runs.ts.
import "server-only";
import type { Tx } from "@/lib/db";
import { chooseWrittenChannel, contactChannelSelect } from "@/lib/customers/contact-channel";
import { enqueueSmsBatch } from "@/lib/sms/outbox";
import { enqueueEmails, type OutboundEmailInput } from "@/lib/mail/outbox";
import { readSmsSettings } from "@/lib/sms/settings";
import type { IncidentUpdateInput } from "@/lib/incidents/schema";
import { renderUpdate } from "@/lib/incidents/render";

type Run = { id: number; incidentId: number; actorId: number };

export async function notifyBatch(tx: Tx, run: Run, update: IncidentUpdateInput, ids: number[], now: Date) {
  const sent = await tx.incidentNotice.findMany({
    where: { runId: run.id, complaintId: { in: ids } },
    select: { complaintId: true },
  });
  const skip = new Set(sent.map((row) => row.complaintId));
  const incident = await tx.incident.findUniqueOrThrow({
    where: { id: run.incidentId },
    select: { title: true, expectedRecoveryAt: true },
  });
  const complaints = await tx.complaint.findMany({
    where: { id: { in: ids.filter((id) => !skip.has(id)) } },
    select: {
      id: true,
      reference: true,
      flightNumber: true,
      customer: { select: { ...contactChannelSelect, name: true, locale: true } },
    },
  });
  const settings = await readSmsSettings(tx);
  const emails: OutboundEmailInput[] = [];
  const events: {
    complaintId: number;
    kind: "reply";
    visibility: "customer";
    actorType: "user";
    actorId: number;
    body: string;
    data: object;
    createdAt: Date;
  }[] = [];
  const notices: { runId: number; complaintId: number; channel: string | null; createdAt: Date }[] = [];
  const failures: { complaintId: number; reason: string }[] = [];
  const rendered = complaints.map((complaint) => {
    const customer = complaint.customer;
    const locale = customer.locale === "en" ? "en" : "zh-CN";
    const message = renderUpdate(update, locale, {
      name: customer.name,
      reference: complaint.reference,
      flight: complaint.flightNumber,
      incident: incident.title,
      recoveryAt: incident.expectedRecoveryAt,
    });
    return { complaint, customer, message, channel: chooseWrittenChannel(customer) };
  });
  // SMS first, in one statement: a number the SMS rules refuse falls back to e-mail when the customer has one.
  const bySms = rendered.filter((item) => item.channel === "sms");
  const smsOutcome = await enqueueSmsBatch(
    tx,
    bySms.map((item) => ({
      customer: item.customer,
      body: item.message.body,
      kind: "incident_update" as const,
      complaintId: item.complaint.id,
    })),
    now,
    settings,
  );
  bySms.forEach((item, index) => {
    if (smsOutcome[index] !== true) item.channel = item.customer.email ? "email" : null;
  });
  for (const item of rendered) {
    const { complaint, customer, message } = item;
    let channel = item.channel;
    if (channel === "email" && customer.email)
      emails.push({
        to: customer.email,
        subject: message.subject,
        text: message.body,
        kind: "incident_update",
        complaintId: complaint.id,
      });
    else if (channel === "email") channel = null;
    notices.push({ runId: run.id, complaintId: complaint.id, channel, createdAt: now });
    if (channel === null) {
      failures.push({ complaintId: complaint.id, reason: "no_contact" });
      continue;
    }
    events.push({
      complaintId: complaint.id,
      kind: "reply",
      visibility: "customer",
      actorType: "user",
      actorId: run.actorId,
      body: message.body,
      data: { incidentId: run.incidentId, runId: run.id, channel },
      createdAt: now,
    });
  }
  await enqueueEmails(tx, emails, now);
  if (events.length) await tx.complaintEvent.createMany({ data: events });
  if (notices.length) await tx.incidentNotice.createMany({ data: notices, skipDuplicates: true });
  return { succeeded: events.length + skip.size, failures };
}
