// Revealing masked PII (SPEC §9): contact data is masked by default everywhere; a holder of `pii.view` reveals one
// field of one customer at a time, and every reveal — and every clear value an API token reads — is logged.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { customerScope } from "@/lib/customers/scope";
import { idSchema } from "@/lib/validation";

export const PII_FIELDS = ["phone", "email", "idNumber"] as const;
export type PiiField = (typeof PII_FIELDS)[number];

export const revealPiiSchema = z.object({
  customerId: idSchema,
  field: z.enum(PII_FIELDS),
  /** Where the user is, e.g. "complaint:CMP-2026-000123"; shown in the access log. */
  context: z.string().trim().max(200).optional(),
});
export type RevealPiiInput = z.infer<typeof revealPiiSchema>;

/** Returns the clear value of one field and records who saw it, where and when. */
export async function revealPii(
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ value: string | null }>> {
  if (!can(actor, "pii.view")) return fail("forbidden", "You may not see unmasked personal data.");
  const parsed = revealPiiSchema.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", "Invalid reveal request.", { fields: fieldErrors(parsed.error) });
  const { customerId, field, context } = parsed.data;
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({
      where: { AND: [{ id: customerId }, customerScope(actor)] },
      select: { phone: true, email: true, idNumber: true },
    });
    if (!customer) return fail("not_found", "No such customer.");
    const value = customer[field];
    // Nothing to reveal, nothing seen: an empty field is not logged.
    if (value !== null) {
      await tx.piiAccessLog.create({
        data: { userId: actor.userId, customerId, field, context: context || null, createdAt: now },
      });
    }
    return { ok: true as const, value };
  });
}

type ApiCustomer = { id: number; phone: string | null; email: string | null; idNumber?: string | null };

/**
 * API reads: a token whose scope includes `pii.view` receives clear values (see presentCustomer), and each clear
 * field it receives is logged against the token's creator with the request as context.
 */
export async function logApiPiiRead(
  actor: Actor,
  customers: readonly ApiCustomer[],
  context: string,
  now = new Date(),
): Promise<void> {
  if (actor.kind !== "api_token" || !can(actor, "pii.view")) return;
  const rows = customers.flatMap((customer) =>
    PII_FIELDS.filter((field) => customer[field] != null).map((field) => ({
      userId: actor.userId,
      customerId: customer.id,
      field,
      context: context.slice(0, 200),
      createdAt: now,
    })),
  );
  if (rows.length > 0) await db.piiAccessLog.createMany({ data: rows });
}
