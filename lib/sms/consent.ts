// An agent records that a customer no longer wants SMS (or wants them again): the consent change with its source,
// the audit row, and the cancellation of pending non-mandatory SMS, in one transaction.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import { customerScope } from "@/lib/customers/scope";
import { idSchema } from "@/lib/validation";

const input = z.object({ customerId: idSchema, optedOut: z.boolean() });

export async function setSmsOptOut(
  actor: Actor,
  customerId: unknown,
  optedOut: unknown,
  now = new Date(),
): Promise<Result<{ smsOptedOutAt: Date | null }>> {
  if (!can(actor, "customer.update")) return fail("forbidden", "You may not change a customer's consent.");
  const parsed = input.safeParse({ customerId, optedOut });
  if (!parsed.success) return fail("invalid", "Invalid request.", { fields: { optedOut: ["invalid"] } });
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({
      where: { AND: [{ id: parsed.data.customerId }, customerScope(actor)] },
      select: { id: true, smsOptedOutAt: true, anonymizedAt: true, mergedIntoId: true },
    });
    if (!customer) return fail("not_found", "Customer not found.");
    if (customer.anonymizedAt || customer.mergedIntoId)
      return fail("unprocessable", "The customer record is no longer active.");
    // Idempotent: asking for the state the customer is already in changes nothing and records nothing.
    if ((customer.smsOptedOutAt !== null) === parsed.data.optedOut)
      return { ok: true as const, smsOptedOutAt: customer.smsOptedOutAt };
    const smsOptedOutAt = parsed.data.optedOut ? now : null;
    await tx.customer.update({
      where: { id: customer.id },
      data: { smsOptedOutAt, version: { increment: 1 } },
      select: { id: true },
    });
    await tx.customerConsentEvent.create({
      data: {
        customerId: customer.id,
        channel: "sms",
        granted: !parsed.data.optedOut,
        source: "agent",
        actorId: actor.userId,
        createdAt: now,
      },
    });
    if (parsed.data.optedOut) {
      await tx.outboundSms.updateMany({
        where: { customerId: customer.id, status: "pending", mandatory: false },
        data: { status: "failed", lastError: "opted_out" },
      });
    }
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: parsed.data.optedOut ? "customer.sms_opt_out" : "customer.sms_opt_in",
      entityType: "customer",
      entityId: String(customer.id),
      changes: { source: "agent" },
    });
    return { ok: true as const, smsOptedOutAt };
  });
}
