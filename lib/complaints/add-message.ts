// Use cases: staff reply to the customer (e-mailed), internal note, logged call (outcome, duration); and a message from
// the customer
// (tracking page or inbound e-mail), which resumes a paused complaint or reopens a resolved one.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { claimVersion, isFailure, loadForChange, type ComplaintKey } from "@/lib/complaints/load";
import { applyTransition } from "@/lib/complaints/transition-complaint";
import { queueReply } from "@/lib/complaints/notify-customer";
import { fulfilClocks, restartNextUpdateClock } from "@/lib/sla/clocks";
import { unfilledPlaceholders } from "@/lib/complaints/render-template";
import { CALL_OUTCOMES, isWrittenReply, reachedCustomer, type StaffContact } from "@/lib/complaints/customer-contact";
import { chooseWrittenChannel, contactChannelSelect } from "@/lib/customers/contact-channel";
import { idSchema } from "@/lib/validation";

export const staffMessageSchema = z.object({
  kind: z.enum(["reply", "note", "call"]),
  body: z.string().trim().min(1, "required").max(10_000),
  version: idSchema,
  /** A logged call: how it went and how long it took (required for calls). */
  call: z.object({ outcome: z.enum(CALL_OUTCOMES), durationMinutes: z.number().int().min(0).max(600) }).optional(),
  /** A note recording the answer sent to the regulator (meets the regulator clock). */
  regulatorAnswer: z.boolean().optional(),
});

export type StaffMessageInput = z.infer<typeof staffMessageSchema>;

/**
 * A reply or a logged call; only contact that reached the customer (lib/complaints/customer-contact.ts) counts as
 * the first response, restarts the next-update clock and counts for FCR. A reply with unfilled `{{…}}` placeholders
 * is refused.
 */
export async function addStaffMessage(
  actor: Actor,
  key: ComplaintKey,
  input: StaffMessageInput,
  now = new Date(),
): Promise<Result<{ eventId: number; version: number; reachedCustomer: boolean }>> {
  if (input.kind !== "note" && !can(actor, "complaint.reply"))
    return fail("forbidden", "You may not reply to customers.");
  if (input.kind === "note" && !can(actor, "complaint.update")) return fail("forbidden", "You may not add notes.");
  if (input.kind === "call" && !input.call)
    return fail("invalid", "Say how the call went and how long it took.", { fields: { "call.outcome": ["required"] } });
  const unfilled = input.kind === "reply" ? unfilledPlaceholders(input.body) : [];
  if (unfilled.length) {
    return fail("invalid", `Fill in the placeholders before sending: ${unfilled.join(", ")}.`, {
      fields: { body: ["unfilled_placeholders"] },
      details: { placeholders: unfilled },
    });
  }

  return db.$transaction(async (tx) => {
    const complaint = await loadForChange(tx, actor, key);
    if (isFailure(complaint)) return complaint;
    if (
      input.kind !== "note" &&
      (complaint.status === "closed" || complaint.status === "duplicate" || complaint.status === "rejected")
    ) {
      return fail("unprocessable", "This complaint is closed; reopen it before replying.");
    }
    const claimed = await claimVersion(tx, complaint.id, input.version);
    if (claimed !== true) return claimed;

    const about = await tx.complaint.findUniqueOrThrow({
      where: { id: complaint.id },
      select: { subject: true, customer: { select: { ...contactChannelSelect, name: true, locale: true } } },
    });
    const contact: StaffContact =
      input.kind === "reply"
        ? { kind: "reply", channel: chooseWrittenChannel(about.customer) }
        : input.kind === "call" && input.call
          ? { kind: "call", outcome: input.call.outcome }
          : { kind: "note" };
    const reached = reachedCustomer(contact);
    const regulatorAnswer = input.kind === "note" && input.regulatorAnswer === true;
    const data =
      contact.kind === "reply"
        ? { channel: contact.channel, reachedCustomer: reached }
        : contact.kind === "call" && input.call
          ? { outcome: input.call.outcome, durationMinutes: input.call.durationMinutes, reachedCustomer: reached }
          : regulatorAnswer
            ? { regulatorAnswer: true }
            : undefined;
    const event = await tx.complaintEvent.create({
      data: {
        complaintId: complaint.id,
        kind: input.kind,
        visibility: input.kind === "note" ? "internal" : "customer",
        actorType: actor.kind,
        actorId: actor.userId,
        body: input.body,
        createdAt: now,
        data,
      },
      select: { id: true },
    });
    if (reached) {
      await tx.complaint.update({
        where: { id: complaint.id },
        data: { customerReplyCount: { increment: 1 }, ...(complaint.firstResponseAt ? {} : { firstResponseAt: now }) },
      });
      await fulfilClocks(
        tx,
        complaint.id,
        ["acknowledge", "first_response", ...(isWrittenReply(contact) ? (["written_reply"] as const) : [])],
        now,
        actor.userId,
      );
      await restartNextUpdateClock(tx, complaint.id, now, actor.userId);
    }
    if (regulatorAnswer) await fulfilClocks(tx, complaint.id, ["regulator"], now, actor.userId);
    if (contact.kind === "reply" && contact.channel !== null) {
      const agent = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
      await queueReply(tx, {
        complaintId: complaint.id,
        reference: complaint.reference,
        subject: about.subject,
        customer: {
          id: about.customer.id,
          name: about.customer.name,
          email: about.customer.email,
          locale: about.customer.locale,
        },
        body: input.body,
        agentName: agent.name,
      });
    }
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: `complaint.${input.kind}`,
      entityType: "complaint",
      entityId: String(complaint.id),
      changes: { eventId: event.id, ...(data ?? {}) },
    });
    return { ok: true as const, eventId: event.id, version: input.version + 1, reachedCustomer: reached };
  });
}

export const customerMessageSchema = z.object({
  body: z.string().trim().min(1, "required").max(10_000),
});

/** A message from the customer: pending → in progress (clocks resume); resolved/closed → reopened. */
export async function addCustomerMessage(
  complaintId: number,
  rawInput: unknown,
  source: "tracking_page" | "email",
  now = new Date(),
): Promise<Result<{ eventId: number; reopened: boolean }>> {
  const parsed = customerMessageSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "The message is empty or too long.", { fields: fieldErrors(parsed.error) });

  return db.$transaction(async (tx) => {
    const complaint = await loadForChange(tx, null, complaintId);
    if (isFailure(complaint)) return complaint;
    if (complaint.status === "duplicate") return fail("unprocessable", "This complaint was merged into another one.");
    const event = await tx.complaintEvent.create({
      data: {
        complaintId: complaint.id,
        kind: "customer_message",
        visibility: "customer",
        actorType: "customer",
        body: parsed.data.body,
        createdAt: now,
        data: { source },
      },
      select: { id: true },
    });
    let reopened = false;
    const next =
      complaint.status === "pending_customer"
        ? "in_progress"
        : complaint.status === "resolved" || complaint.status === "closed"
          ? "reopened"
          : null;
    if (next) {
      await tx.complaint.update({ where: { id: complaint.id }, data: { version: { increment: 1 } } });
      const applied = await applyTransition(
        tx,
        null,
        complaint,
        {
          to: next,
          reason: source === "email" ? "customer replied by e-mail" : "customer replied",
          duplicateOfId: null,
        },
        now,
      );
      if (isFailure(applied)) return applied;
      reopened = next === "reopened";
    }
    return { ok: true as const, eventId: event.id, reopened };
  });
}
