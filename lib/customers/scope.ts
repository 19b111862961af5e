// Access lives in the query: which customers an actor may see, as a Prisma where-fragment for every read and write.
import { can, type Actor } from "@/lib/auth/permissions";
import { complaintScope } from "@/lib/complaints/scope";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Actors with `complaint.read_all` see every customer. Everyone else sees a customer when at least one of the
 * customer's complaints is within their complaint scope (their teams, or assigned to them), or when the customer has
 * no complaint at all yet: a customer is created at intake before any team owns a complaint of theirs, and the
 * intake form must be able to find and reuse such a record instead of creating a duplicate. Customers whose
 * complaints all belong to other teams stay invisible (SPEC §1: agents see their own teams' customers).
 */
export function customerScope(actor: Actor): Prisma.CustomerWhereInput {
  if (can(actor, "complaint.read_all")) return {};
  return { OR: [{ complaints: { some: complaintScope(actor) } }, { complaints: { none: {} } }] };
}

/** Merged-away and anonymised customers are history only: not offered in search, dedupe or edits. */
export const activeCustomer = { mergedIntoId: null, anonymizedAt: null } satisfies Prisma.CustomerWhereInput;

/** The profile fields every customer view starts from (PII included: pass the result through presentCustomer). */
export const customerProfileSelect = {
  id: true,
  name: true,
  phone: true,
  email: true,
  idNumber: true,
  locale: true,
  membershipNumber: true,
  company: true,
  tags: true,
  specialNeeds: true,
  mergedIntoId: true,
  anonymizedAt: true,
  version: true,
} satisfies Prisma.CustomerSelect;
