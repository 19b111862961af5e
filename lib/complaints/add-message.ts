// Use cases: staff reply to the customer (e-mailed), internal note, logged call; and a message from the customer
// (tracking page or inbound e-mail), which resumes a paused complaint or reopens a resolved one.
import { z } from "zod";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { claimVersion, isFailure, loadForChange, type ComplaintKey } from "@/lib/complaints/load";
import { applyTransition } from "@/lib/complaints/transition-complaint";
import { queueReply } from "@/lib/complaints/notify-customer";
import { fulfilClocks } from "@/lib/sla/clocks";

export const staffMessageSchema = z.object({
  kind: z.enum(["reply", "note", "call"]),
  body: z.string().trim().min(1, "required").max(10_000),
  version: z.number().int().positive().max(2_147_483_647),
});

export type StaffMessageInput = z.infer<typeof staffMessageSchema>;

/** Customer-facing contact (a reply or a logged call) counts as the first response and for FCR. */
export async function addStaffMessage(actor: Actor, key: ComplaintKey, rawInput: unknown, now = new Date()): Promise<Result<{ eventId: number; version: number }>> {
  const parsed = staffMessageSchema.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", "The message is empty or too long.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  if (input.kind !== "note" && !can(actor, "complaint.reply")) return fail("forbidden", "You may not reply to customers.");
  if (input.kind === "note" && !can(actor, "complaint.update")) return fail("forbidden", "You may not add notes.");

  return db.$transaction(async (tx) => {
    const complaint = await loadForChange(tx, actor, key);
    if (isFailure(complaint)) return complaint;
    if (input.kind !== "note" && (complaint.status === "closed" || complaint.status === "duplicate" || complaint.status === "rejected")) {
      return fail("unprocessable", "This complaint is closed; reopen it before replying.");
    }
    const claimed = await claimVersion(tx, complaint.id, input.version);
    if (claimed !== true) return claimed;

    const customerFacing = input.kind !== "note";
    const event = await tx.complaintEvent.create({
      data: { complaintId: complaint.id, kind: input.kind, visibility: customerFacing ? "customer" : "internal", actorType: actor.kind, actorId: actor.userId, body: input.body, createdAt: now },
      select: { id: true },
    });
    if (customerFacing) {
      await tx.complaint.update({
        where: { id: complaint.id },
        data: { customerReplyCount: { increment: 1 }, ...(complaint.firstResponseAt ? {} : { firstResponseAt: now }) },
      });
      await fulfilClocks(tx, complaint.id, ["acknowledge", "first_response", "next_update"], now, actor.userId);
    }
    if (input.kind === "reply") {
      const [about, agent] = await Promise.all([
        tx.complaint.findUniqueOrThrow({ where: { id: complaint.id }, select: { subject: true, customer: { select: { id: true, name: true, email: true, locale: true } } } }),
        tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } }),
      ]);
      await queueReply(tx, { complaintId: complaint.id, reference: complaint.reference, subject: about.subject, customer: about.customer, body: input.body, agentName: agent.name });
    }
    await writeAudit(tx, { actorType: actor.kind, actorId: actor.userId, action: `complaint.${input.kind}`, entityType: "complaint", entityId: String(complaint.id), changes: { eventId: event.id } });
    return { ok: true as const, eventId: event.id, version: input.version + 1 };
  });
}

export const customerMessageSchema = z.object({
  body: z.string().trim().min(1, "required").max(10_000),
});

/** A message from the customer: pending → in progress (clocks resume); resolved/closed → reopened. */
export async function addCustomerMessage(complaintId: number, rawInput: unknown, source: "tracking_page" | "email", now = new Date()): Promise<Result<{ eventId: number; reopened: boolean }>> {
  const parsed = customerMessageSchema.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", "The message is empty or too long.", { fields: fieldErrors(parsed.error) });

  return db.$transaction(async (tx) => {
    const complaint = await loadForChange(tx, null, complaintId);
    if (isFailure(complaint)) return complaint;
    if (complaint.status === "duplicate") return fail("unprocessable", "This complaint was merged into another one.");
    const event = await tx.complaintEvent.create({
      data: { complaintId: complaint.id, kind: "customer_message", visibility: "customer", actorType: "customer", body: parsed.data.body, createdAt: now, data: { source } },
      select: { id: true },
    });
    let reopened = false;
    const next = complaint.status === "pending_customer" ? "in_progress" : complaint.status === "resolved" || complaint.status === "closed" ? "reopened" : null;
    if (next) {
      await tx.complaint.update({ where: { id: complaint.id }, data: { version: { increment: 1 } } });
      const applied = await applyTransition(tx, null, complaint, { to: next, reason: source === "email" ? "customer replied by e-mail" : "customer replied", duplicateOfId: null }, now);
      if (isFailure(applied)) return applied;
      reopened = next === "reopened";
    }
    return { ok: true as const, eventId: event.id, reopened };
  });
}
