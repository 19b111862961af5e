// Reads about customers: intake search, duplicate detection and the customer panel of the complaint workspace.
import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { inComplaintScope } from "@/lib/complaints/scope";
import { OPEN_STATUSES } from "@/lib/complaints/transitions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";
import {
  contactMatch,
  idsByWholePhone,
  logContactLookup,
  mayMatchContactFragments,
} from "@/lib/customers/contact-search";
import { presentCustomer } from "@/lib/customers/mask";
import { activeCustomer, customerProfileSelect, customerScope } from "@/lib/customers/scope";

const SEARCH_LIMIT_MAX = 50;
const CANDIDATE_LIMIT = 200;
/** pg_trgm similarity above which a name counts as a weak duplicate. */
export const SIMILAR_NAME_THRESHOLD = 0.4;

const tierSelect = { select: { code: true, nameZh: true, nameEn: true } } as const;
const OPEN_STATUS_FILTER: ComplaintStatus[] = [...OPEN_STATUSES];
const openComplaintCount = {
  _count: { select: { complaints: { where: { status: { in: OPEN_STATUS_FILTER } } } } },
} satisfies Prisma.CustomerSelect;

export type CustomerTierLabel = { code: string; nameZh: string; nameEn: string };

export type CustomerSearchHit = {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  membershipNumber: string | null;
  tier: CustomerTierLabel | null;
  tags: string[];
  openComplaintCount: number;
};

const searchHitSelect = {
  id: true,
  name: true,
  phone: true,
  email: true,
  membershipNumber: true,
  tier: tierSelect,
  tags: true,
  ...openComplaintCount,
} satisfies Prisma.CustomerSelect;

type SearchHitRow = Prisma.CustomerGetPayload<{ select: typeof searchHitSelect }>;

function toSearchHit(row: SearchHitRow, actor: Actor): CustomerSearchHit {
  const { _count, ...customer } = row;
  return { ...presentCustomer(customer, actor), openComplaintCount: _count.complaints };
}

export function phoneDigits(value: string): string {
  return value.replace(/\D/g, "");
}

/**
 * Intake search by name fragment (Chinese or Latin, ILIKE on the trigram-indexed name) or membership number, and by
 * contact data as lib/customers/contact-search.ts allows: phone digits or e-mail fragments for `pii.view` holders,
 * the whole number or address otherwise (each such hit logged with `context`). Merged and anonymised customers are
 * left out; contact data comes back masked unless the actor holds `pii.view`.
 */
export async function searchCustomers(
  actor: Actor,
  q: string,
  options: { limit?: number; context?: string } = {},
): Promise<CustomerSearchHit[]> {
  const query = q.trim();
  if (!can(actor, "customer.read") || query.length === 0) return [];
  const limit = Math.min(Math.max(options.limit ?? 20, 1), SEARCH_LIMIT_MAX);
  const contact = await contactMatch(actor, query);
  const matches: Prisma.CustomerWhereInput[] = [
    { name: { contains: query, mode: "insensitive" } },
    { membershipNumber: { equals: query, mode: "insensitive" } },
    ...contact.where,
  ];

  const rows = await db.customer.findMany({
    where: { AND: [customerScope(actor), activeCustomer, { OR: matches }] },
    select: searchHitSelect,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  await logContactLookup(
    actor,
    contact,
    rows.map((row) => row.id),
    options.context ?? "search:customers",
  );
  return rows.map((row) => toSearchHit(row, actor));
}

export type DuplicateReason = "phone" | "email" | "membership_number" | "similar_name";

export type PossibleDuplicate = CustomerSearchHit & {
  strength: "strong" | "weak";
  reasons: DuplicateReason[];
  /** pg_trgm similarity of the names, 0–1; null when the name was not compared as similar. */
  nameSimilarity: number | null;
};

export type DuplicateProbe = {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  membershipNumber?: string | null;
};

/**
 * Existing customers the intake form should offer instead of creating a new one. Same phone digits (also when one
 * side carries a country code the other lacks), same e-mail or same membership number are strong matches; a name
 * with trigram similarity above 0.4 is weak. Ranked strong first, by number of reasons, then by name similarity.
 * Only customers within the actor's scope are considered.
 */
export async function findPossibleDuplicates(
  actor: Actor,
  probe: DuplicateProbe,
  options: { logContext?: string; limit?: number } = {},
): Promise<PossibleDuplicate[]> {
  if (!can(actor, "customer.read")) return [];
  const reasonsById = new Map<number, Set<DuplicateReason>>();
  const similarityById = new Map<number, number>();
  const add = (id: number, reason: DuplicateReason) =>
    reasonsById.set(id, (reasonsById.get(id) ?? new Set()).add(reason));

  const digits = probe.phone ? phoneDigits(probe.phone) : "";
  if (digits.length >= 5 && !mayMatchContactFragments(actor)) {
    // Without `pii.view` only the whole number counts (contact-search.ts): a suffix would be a fragment oracle.
    (await idsByWholePhone(probe.phone ?? "")).forEach((id) => add(id, "phone"));
  } else if (digits.length >= 5) {
    const rows = await db.$queryRaw<{ id: number }[]>`
      SELECT id FROM (
        SELECT id, regexp_replace(phone, '\\D', '', 'g') AS digits FROM customers
        WHERE "mergedIntoId" IS NULL AND "anonymizedAt" IS NULL AND phone IS NOT NULL
      ) c
      WHERE c.digits = ${digits}
         OR (length(${digits}) >= 7 AND c.digits LIKE '%' || ${digits})
         OR (length(c.digits) >= 7 AND ${digits} LIKE '%' || c.digits)
      LIMIT ${CANDIDATE_LIMIT}`;
    rows.forEach((row) => add(row.id, "phone"));
  }
  const email = probe.email?.trim();
  const membershipNumber = probe.membershipNumber?.trim();
  if (email || membershipNumber) {
    const rows = await db.customer.findMany({
      where: {
        ...activeCustomer,
        OR: [
          ...(email ? [{ email: { equals: email, mode: "insensitive" as const } }] : []),
          ...(membershipNumber
            ? [{ membershipNumber: { equals: membershipNumber, mode: "insensitive" as const } }]
            : []),
        ],
      },
      select: { id: true, email: true, membershipNumber: true },
      take: CANDIDATE_LIMIT,
    });
    for (const row of rows) {
      if (email && row.email?.toLowerCase() === email.toLowerCase()) add(row.id, "email");
      if (membershipNumber && row.membershipNumber?.toLowerCase() === membershipNumber.toLowerCase())
        add(row.id, "membership_number");
    }
  }
  const name = probe.name?.trim();
  if (name) {
    // `%` lets the trigram index find candidates (threshold 0.3); the stricter cut-off is applied on top.
    const rows = await db.$queryRaw<{ id: number; score: number }[]>`
      SELECT id, similarity(name, ${name})::float8 AS score FROM customers
      WHERE name % ${name} AND similarity(name, ${name}) > ${SIMILAR_NAME_THRESHOLD}
        AND "mergedIntoId" IS NULL AND "anonymizedAt" IS NULL
      ORDER BY score DESC LIMIT ${CANDIDATE_LIMIT}`;
    for (const row of rows) {
      add(row.id, "similar_name");
      similarityById.set(row.id, row.score);
    }
  }
  if (reasonsById.size === 0) return [];

  const customers = await db.customer.findMany({
    where: { AND: [customerScope(actor), activeCustomer, { id: { in: [...reasonsById.keys()] } }] },
    select: searchHitSelect,
  });
  const ranked = customers
    .map((row): PossibleDuplicate => {
      const reasons = [...(reasonsById.get(row.id) ?? [])];
      const strong = reasons.some((reason) => reason !== "similar_name");
      return {
        ...toSearchHit(row, actor),
        strength: strong ? "strong" : "weak",
        reasons,
        nameSimilarity: similarityById.get(row.id) ?? null,
      };
    })
    .sort(
      (a, b) =>
        Number(b.strength === "strong") - Number(a.strength === "strong") ||
        b.reasons.length - a.reasons.length ||
        (b.nameSimilarity ?? 0) - (a.nameSimilarity ?? 0) ||
        a.id - b.id,
    )
    .slice(0, options.limit ?? 20);
  if (options.logContext && !mayMatchContactFragments(actor)) {
    // Typed-in contact data that matched a customer is a lookup by contact data: logged like the search box's.
    for (const field of ["phone", "email"] as const) {
      const ids = ranked.filter((hit) => hit.reasons.includes(field)).map((hit) => hit.id);
      await logContactLookup(actor, { where: [], exact: { field, ids: new Set(ids) } }, ids, options.logContext);
    }
  }
  return ranked;
}

export type CustomerPanel = {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  idNumber: string | null;
  locale: "zh_CN" | "en";
  membershipNumber: string | null;
  company: string | null;
  tier: CustomerTierLabel | null;
  tags: string[];
  specialNeeds: string | null;
  valueScore: number;
  version: number;
  mergedIntoId: number | null;
  anonymizedAt: Date | null;
  openComplaintCount: number;
  /** Complaints of other teams are metadata only: `restricted`, subject null (see CustomerComplaintRow). */
  recentComplaints: {
    id: number;
    reference: string;
    restricted: boolean;
    subject: string | null;
    status: ComplaintStatus;
    createdAt: Date;
  }[];
  lastCsat: { score: number; answeredAt: Date; complaintId: number } | null;
};

const RECENT_COMPLAINTS = 10;

/**
 * The customer beside a complaint in the workspace: profile (masked without `pii.view`), tier, tags, special needs,
 * value score, the last 10 complaints (all teams: it is the customer's history; other teams' as metadata only, and
 * opening one still goes through the complaint scope), open count and the latest CSAT answer. Null when the customer is
 * outside the actor's scope.
 */
export async function getCustomerPanel(actor: Actor, customerId: number): Promise<CustomerPanel | null> {
  if (!can(actor, "customer.read")) return null;
  const row = await db.customer.findFirst({
    where: { AND: [{ id: customerId }, customerScope(actor)] },
    select: {
      ...customerProfileSelect,
      tier: tierSelect,
      valueScore: true,
      ...openComplaintCount,
      complaints: {
        select: {
          id: true,
          reference: true,
          subject: true,
          status: true,
          createdAt: true,
          teamId: true,
          assigneeId: true,
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: RECENT_COMPLAINTS,
      },
    },
  });
  if (!row) return null;
  const lastAnswer = await db.surveyResponse.findFirst({
    where: { complaint: { customerId }, csat: { not: null } },
    select: { csat: true, createdAt: true, complaintId: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const { _count, complaints, ...profile } = row;
  return {
    ...presentCustomer(profile, actor),
    openComplaintCount: _count.complaints,
    recentComplaints: complaints.map(({ teamId, assigneeId, ...complaint }) => {
      const restricted = !inComplaintScope(actor, { teamId, assigneeId });
      return { ...complaint, restricted, subject: restricted ? null : complaint.subject };
    }),
    lastCsat:
      lastAnswer?.csat == null
        ? null
        : { score: lastAnswer.csat, answeredAt: lastAnswer.createdAt, complaintId: lastAnswer.complaintId },
  };
}
