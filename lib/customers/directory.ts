// The customer list (/customers): search by name, phone, e-mail or membership number, filters by tier and tag,
// offset pages of bounded size. Access is the customer scope; contact data is masked without `pii.view`, and without
// it only a whole phone number or e-mail address matches (logged), never a fragment.
import { z } from "zod";
import { can, type Actor } from "@/lib/auth/permissions";
// Reads that may lag: the read replica when one is configured (lib/db-replica.ts), else the primary.
import { readDb as db } from "@/lib/db-replica";
import type { Prisma } from "@/lib/generated/prisma/client";
import { OPEN_STATUSES } from "@/lib/complaints/transitions";
import { presentCustomer } from "@/lib/customers/mask";
import { contactMatch, logContactLookup } from "@/lib/customers/contact-search";
import { activeCustomer, customerScope } from "@/lib/customers/scope";
import { coercedIdSchema } from "@/lib/validation";

export const CUSTOMER_PAGE_SIZE = 25;
const MAX_PAGE = 400; // offset pages stay cheap; narrow the search instead of paging further

export const customerListFilterSchema = z.object({
  q: z.string().trim().max(120).optional().catch(undefined),
  tier: coercedIdSchema.optional().catch(undefined),
  tag: z.string().trim().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).optional().catch(undefined),
});
export type CustomerListFilter = z.infer<typeof customerListFilterSchema>;

export type CustomerListRow = {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  membershipNumber: string | null;
  tier: { id: number; code: string; nameZh: string; nameEn: string } | null;
  tags: string[];
  valueScore: number;
  openComplaintCount: number;
  complaintCount: number;
  updatedAt: Date;
};

export type CustomerListPage = {
  rows: CustomerListRow[];
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
};

const rowSelect = {
  id: true,
  name: true,
  phone: true,
  email: true,
  membershipNumber: true,
  tier: { select: { id: true, code: true, nameZh: true, nameEn: true } },
  tags: true,
  valueScore: true,
  updatedAt: true,
  _count: { select: { complaints: true } },
} satisfies Prisma.CustomerSelect;

export async function listCustomers(actor: Actor, filter: CustomerListFilter): Promise<CustomerListPage> {
  const page = filter.page ?? 1;
  if (!can(actor, "customer.read")) return { rows: [], page, pageSize: CUSTOMER_PAGE_SIZE, total: 0, pageCount: 0 };
  const q = filter.q || undefined;
  // Name fragment and membership number for everyone; contact data by fragment only with `pii.view`
  // (contact-search.ts).
  const contact = q ? await contactMatch(actor, q) : null;
  const search: Prisma.CustomerWhereInput = q
    ? {
        OR: [
          { name: { contains: q, mode: "insensitive" } },
          { membershipNumber: { equals: q, mode: "insensitive" } },
          ...(contact?.where ?? []),
        ],
      }
    : {};
  const where: Prisma.CustomerWhereInput = {
    AND: [
      customerScope(actor),
      activeCustomer,
      search,
      filter.tier ? { tierId: filter.tier } : {},
      filter.tag ? { tags: { has: filter.tag } } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.customer.count({ where }),
    db.customer.findMany({
      where,
      select: rowSelect,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * CUSTOMER_PAGE_SIZE,
      take: CUSTOMER_PAGE_SIZE,
    }),
  ]);
  const open = rows.length
    ? await db.complaint.groupBy({
        by: ["customerId"],
        where: { customerId: { in: rows.map((row) => row.id) }, status: { in: [...OPEN_STATUSES] } },
        _count: { _all: true },
      })
    : [];
  const openById = new Map(open.map((group) => [group.customerId, group._count._all]));
  if (contact)
    await logContactLookup(
      actor,
      contact,
      rows.map((row) => row.id),
      "search:customers",
    );
  return {
    rows: rows.map(({ _count, ...row }) => ({
      ...presentCustomer(row, actor),
      complaintCount: _count.complaints,
      openComplaintCount: openById.get(row.id) ?? 0,
    })),
    page,
    pageSize: CUSTOMER_PAGE_SIZE,
    total,
    pageCount: Math.min(MAX_PAGE, Math.ceil(total / CUSTOMER_PAGE_SIZE)),
  };
}

/** Tags in use, for the tag filter (most used first). */
export async function listCustomerTags(): Promise<string[]> {
  const rows = await db.$queryRaw<{ tag: string }[]>`
    SELECT tag FROM (SELECT unnest(tags) AS tag FROM customers WHERE "mergedIntoId" IS NULL AND "anonymizedAt" IS NULL) t
    GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 50`;
  return rows.map((row) => row.tag);
}

export async function listCustomerTiers() {
  return db.customerTier.findMany({
    select: { id: true, code: true, nameZh: true, nameEn: true },
    orderBy: { rank: "asc" },
  });
}
