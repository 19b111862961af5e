// Customer list for the REST API (keyset-paginated by id, newest first). lib/customers offers a capped intake search
// only, without pagination; this adds the paged list the API needs, with the same scope, masking and filters.
import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { contactMatch, logContactLookup, type ContactMatch } from "@/lib/customers/contact-search";
import { presentCustomer } from "@/lib/customers/mask";
import { activeCustomer, customerProfileSelect, customerScope } from "@/lib/customers/scope";
import type { CustomerListQuery } from "@/lib/api/schemas";

const listSelect = {
  ...customerProfileSelect,
  tierId: true,
  tier: { select: { code: true, nameZh: true, nameEn: true } },
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.CustomerSelect;

/**
 * Name containing `q` (trigram-indexed) or the exact membership number, plus contact data as contact-search.ts allows.
 */
async function matching(actor: Actor, q: string): Promise<{ where: Prisma.CustomerWhereInput; contact: ContactMatch }> {
  const contact = await contactMatch(actor, q);
  return {
    where: {
      OR: [
        { name: { contains: q, mode: "insensitive" } },
        { membershipNumber: { equals: q, mode: "insensitive" } },
        ...contact.where,
      ],
    },
    contact,
  };
}

/** The cursor is the last id of the previous page: opaque to clients, stable under inserts. */
function decodeCursor(cursor: string | undefined): number | null {
  if (!cursor) return null;
  const id = Number(Buffer.from(cursor, "base64url").toString("utf8"));
  return Number.isInteger(id) && id > 0 ? id : null;
}

export async function listCustomersPage(actor: Actor, query: CustomerListQuery) {
  if (!can(actor, "customer.read")) return { rows: [], nextCursor: null };
  const after = decodeCursor(query.cursor);
  const search = query.q ? await matching(actor, query.q) : null;
  const where: Prisma.CustomerWhereInput = {
    AND: [
      customerScope(actor),
      activeCustomer,
      ...(search ? [search.where] : []),
      ...(after ? [{ id: { lt: after } }] : []),
    ],
  };
  const rows = await db.customer.findMany({
    where,
    orderBy: { id: "desc" },
    take: query.limit + 1,
    select: listSelect,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > query.limit && last ? Buffer.from(String(last.id)).toString("base64url") : null;
  if (search)
    await logContactLookup(
      actor,
      search.contact,
      page.map((row) => row.id),
      "api:GET /api/v1/customers?q",
    );
  return { rows: page.map((row) => presentCustomer(row, actor)), nextCursor };
}
