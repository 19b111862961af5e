// Use cases on customers: creation at intake (inside the complaint's transaction) and profile edits.
import "server-only";
import { diffFields, writeAudit } from "@/lib/audit/log";
import { OPEN_STATUSES } from "@/lib/complaints/transitions";
import { recomputeSlaClocks } from "@/lib/sla/recompute";
import { can, type Actor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { fail, type Result } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toDbLocale } from "@/lib/i18n/locales";
import { presentCustomer } from "@/lib/customers/mask";
import { IDENTITY_FIELDS, type NewCustomerInput, type UpdateCustomerInput } from "@/lib/customers/schema";
import { customerProfileSelect, customerScope } from "@/lib/customers/scope";
import { isMobileNumber } from "@/lib/sms/segments";

const customerRecordSelect = {
  ...customerProfileSelect,
  tierId: true,
  consentContact: true,
  consentSurvey: true,
  consentMarketing: true,
  preferredChannel: true,
  timeZone: true,
  smsOptedOutAt: true,
  updatedAt: true,
} satisfies Prisma.CustomerSelect;

export type CustomerRecord = Prisma.CustomerGetPayload<{ select: typeof customerRecordSelect }>;

async function tierExists(client: Tx, tierId: number | null | undefined) {
  if (tierId == null) return true;
  return (await client.customerTier.count({ where: { id: tierId } })) > 0;
}

/**
 * Creates a customer as part of the caller's transaction (complaint intake). Requires `complaint.create`: customers
 * come into being when a complaint is logged. The e-mail is stored lower-case so duplicates compare equal.
 * Returns the record unmasked: the caller stores its id; present it with presentCustomer before showing it.
 */
export async function createCustomer(
  tx: Tx,
  actor: Actor,
  input: NewCustomerInput,
): Promise<Result<{ customer: CustomerRecord }>> {
  if (!can(actor, "complaint.create")) return fail("forbidden", "You may not register customers.");
  if (!(await tierExists(tx, input.tierId)))
    return fail("invalid", "Unknown customer tier.", { fields: { tierId: ["not_found"] } });
  const customer = await tx.customer.create({
    data: {
      name: input.name,
      phone: input.phone ?? null,
      email: input.email ? input.email.toLowerCase() : null,
      membershipNumber: input.membershipNumber ?? null,
      locale: toDbLocale(input.locale),
      tierId: input.tierId ?? null,
      preferredChannel: input.preferredChannel ?? null,
    },
    select: customerRecordSelect,
  });
  // Choosing SMS at intake is the customer's consent to SMS: recorded with its source.
  if (input.preferredChannel === "sms") {
    await tx.customerConsentEvent.create({
      data: { customerId: customer.id, channel: "sms", granted: true, source: "intake", actorId: actor.userId },
    });
  }
  await writeAudit(tx, {
    actorType: actor.kind,
    actorId: actor.userId,
    action: "customer.create",
    entityType: "customer",
    entityId: String(customer.id),
    changes: {
      name: customer.name,
      phone: customer.phone,
      email: customer.email,
      membershipNumber: customer.membershipNumber,
      locale: customer.locale,
      tierId: customer.tierId,
      preferredChannel: customer.preferredChannel,
    },
  });
  return { ok: true, customer };
}

type CustomerChanges = Omit<UpdateCustomerInput, "version">;

function toData(changes: CustomerChanges): Prisma.CustomerUncheckedUpdateManyInput {
  const { locale, ...rest } = changes;
  return { ...rest, ...(locale ? { locale: toDbLocale(locale) } : {}) };
}

function toJson(value: unknown): Prisma.InputJsonValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  return String(value);
}

/** Before/after of the fields this edit really changes, for the audit log. */
function auditChanges(before: CustomerRecord, data: Prisma.CustomerUncheckedUpdateManyInput): Prisma.InputJsonObject {
  const after = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
  const diff = diffFields<Record<string, unknown>>(before, after);
  return Object.fromEntries(
    Object.entries(diff).map(([field, change]) => [field, { from: toJson(change.from), to: toJson(change.to) }]),
  );
}

/**
 * Edits a customer's profile with optimistic locking: `version` must be the one the form was loaded with, or the
 * result is a conflict carrying the current values (masked as the actor sees them). Customers outside the actor's
 * scope are not found. Name and ID number are identity data: without `customer.change_review` they go through a
 * change request instead (forbidden here). Phone and e-mail cannot both end up empty.
 */
export async function updateCustomer(
  actor: Actor,
  id: number,
  input: UpdateCustomerInput,
): Promise<Result<{ customer: CustomerRecord }>> {
  if (!can(actor, "customer.update")) return fail("forbidden", "You may not edit customers.");
  const { version, ...changes } = input;
  const identityChanges = IDENTITY_FIELDS.filter((field) => changes[field] !== undefined);
  if (identityChanges.length > 0 && !can(actor, "customer.change_review")) {
    return fail("forbidden", "Changes to name or ID number go through a change request.", {
      fields: Object.fromEntries(identityChanges.map((field) => [field, ["change_request_required"]])),
    });
  }
  const scope = { AND: [{ id }, customerScope(actor)] } satisfies Prisma.CustomerWhereInput;

  return db.$transaction(async (tx): Promise<Result<{ customer: CustomerRecord }>> => {
    const before = await tx.customer.findFirst({ where: scope, select: customerRecordSelect });
    if (!before) return fail("not_found", "Customer not found.");
    if (before.mergedIntoId !== null || before.anonymizedAt !== null) {
      return fail(
        "unprocessable",
        before.anonymizedAt ? "The customer has been anonymised." : "The customer was merged into another record.",
      );
    }
    if (before.version !== version) return conflict(before, actor);

    const data = toData(changes);
    const phone = data.phone === undefined ? before.phone : data.phone;
    const email = data.email === undefined ? before.email : data.email;
    if (!phone && !email)
      return fail("invalid", "A phone number or an e-mail address is required.", {
        fields: { phone: ["contact_required"] },
      });
    const channelProblem = preferredChannelProblem(
      data.preferredChannel === undefined ? before.preferredChannel : data.preferredChannel,
      phone,
      email,
    );
    if (channelProblem)
      return fail("invalid", "The preferred contact channel cannot reach this customer.", {
        fields: { preferredChannel: [channelProblem] },
      });
    if (!(await tierExists(tx, changes.tierId)))
      return fail("invalid", "Unknown customer tier.", { fields: { tierId: ["not_found"] } });

    const { count } = await tx.customer.updateMany({
      where: { AND: [scope, { version }] },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) {
      // Someone saved between our read and our write.
      const current = await tx.customer.findFirst({ where: scope, select: customerRecordSelect });
      return current ? conflict(current, actor) : fail("not_found", "Customer not found.");
    }
    const customer = await tx.customer.findUniqueOrThrow({ where: { id }, select: customerRecordSelect });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "customer.update",
      entityType: "customer",
      entityId: String(id),
      changes: auditChanges(before, data),
    });
    // A new tier can mean another SLA policy for the customer's open complaints (SPEC §4): recompute and explain.
    if (data.tierId !== undefined && data.tierId !== before.tierId) {
      const open = await tx.complaint.findMany({
        where: { customerId: id, status: { in: [...OPEN_STATUSES] } },
        select: { id: true },
      });
      for (const complaint of open)
        await recomputeSlaClocks(tx, complaint.id, new Date(), actor.userId, "tier_changed");
    }
    return { ok: true, customer };
  });
}

/** Why the preferred channel cannot be used with this phone/e-mail, or null (SMS needs a mobile number). */
function preferredChannelProblem(
  channel: unknown,
  phone: unknown,
  email: unknown,
): "sms_not_possible" | "email_required" | "phone_required" | null {
  if (channel === "sms" && (typeof phone !== "string" || !isMobileNumber(phone))) return "sms_not_possible";
  if (channel === "email" && !email) return "email_required";
  if (channel === "phone" && !phone) return "phone_required";
  return null;
}

function conflict(current: CustomerRecord, actor: Actor) {
  return fail("conflict", "The customer was changed by someone else; review the current values and try again.", {
    details: { current: presentCustomer(current, actor) },
  });
}
