// Duplicate detection: same normalised phone or e-mail, or a similar name (pg_trgm similarity). Used on the customer
// page ("possible duplicates") and in the supervisors' review list (/customers/duplicates).
import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { presentCustomer } from "@/lib/customers/mask";
import { findPossibleDuplicates, type PossibleDuplicate } from "@/lib/customers/queries";
import { activeCustomer, customerScope } from "@/lib/customers/scope";

/**
 * Phone digits as they identify a line: separators dropped, an international prefix "00" or "+" and the Chinese
 * country code 86 removed from 13-digit numbers, so "+86 138-1234-5678", "008613812345678" and "13812345678" agree.
 */
export function normalisePhone(value: string | null | undefined): string | null {
  if (!value) return null;
  let digits = value.replace(/\D/g, "");
  if (digits.startsWith("00")) digits = digits.slice(2);
  if (digits.length === 13 && digits.startsWith("86")) digits = digits.slice(2);
  return digits.length >= 5 ? digits : null;
}

export function normaliseEmail(value: string | null | undefined): string | null {
  const email = value?.trim().toLowerCase();
  return email && email.includes("@") ? email : null;
}

/** Full-width forms folded (NFKC), case and spacing ignored: "ＷＡＮＧ  Li" and "wang li" compare equal. */
export function normaliseName(value: string | null | undefined): string | null {
  const name = value?.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  return name ? name : null;
}

/** Possible duplicates of one existing customer, itself excluded. */
export async function findDuplicatesOfCustomer(actor: Actor, customerId: number): Promise<PossibleDuplicate[]> {
  if (!can(actor, "customer.read")) return [];
  const customer = await db.customer.findFirst({
    where: { AND: [{ id: customerId }, customerScope(actor), activeCustomer] },
    select: { name: true, phone: true, email: true, membershipNumber: true },
  });
  if (!customer) return [];
  const candidates = await findPossibleDuplicates(actor, customer);
  return candidates.filter((candidate) => candidate.id !== customerId);
}

export type DuplicatePair = {
  reasons: ("phone" | "email" | "similar_name")[];
  similarity: number | null;
  a: PairSide;
  b: PairSide;
};
type PairSide = {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  complaintCount: number;
  createdAt: Date;
};

const PAIR_LIMIT = 100;
/** Names must be this similar for a pair to be listed on name alone (stricter than the intake hint). */
export const PAIR_NAME_THRESHOLD = 0.6;

/**
 * Pairs of active customers that look like one person, strongest first: same phone digits (after normalisation as
 * above, done in SQL), same e-mail, or names with trigram similarity ≥ 0.6. Bounded to 100 pairs; both sides must be
 * in the actor's scope.
 */
export async function listDuplicatePairs(actor: Actor): Promise<DuplicatePair[]> {
  if (!can(actor, "customer.merge")) return [];
  const rows = await db.$queryRaw<
    { a: number; b: number; phone: boolean; email: boolean; similarity: number | null }[]
  >`
    WITH active AS (
      SELECT id, name, lower(email) AS email,
        CASE WHEN d LIKE '00%' THEN substr(d, 3) ELSE d END AS raw_digits
      FROM (SELECT id, name, email, regexp_replace(coalesce(phone, ''), '\\D', '', 'g') AS d FROM customers
            WHERE "mergedIntoId" IS NULL AND "anonymizedAt" IS NULL) c
    ), norm AS (
      SELECT id, name, email,
        CASE WHEN length(raw_digits) = 13 AND raw_digits LIKE '86%' THEN substr(raw_digits, 3) ELSE raw_digits END AS digits
      FROM active
    ), pairs AS (
      SELECT x.id AS a, y.id AS b, true AS phone, false AS email, NULL::float8 AS similarity
        FROM norm x JOIN norm y ON x.digits = y.digits AND x.id < y.id WHERE length(x.digits) >= 5
      UNION ALL
      SELECT x.id, y.id, false, true, NULL FROM norm x JOIN norm y ON x.email = y.email AND x.id < y.id
      UNION ALL
      SELECT x.id, y.id, false, false, similarity(x.name, y.name)::float8
        FROM norm x JOIN customers y ON y.name % x.name AND x.id < y.id
        WHERE y."mergedIntoId" IS NULL AND y."anonymizedAt" IS NULL AND similarity(x.name, y.name) >= ${PAIR_NAME_THRESHOLD}
    )
    SELECT a, b, bool_or(phone) AS phone, bool_or(email) AS email, max(similarity) AS similarity
    FROM pairs GROUP BY a, b
    ORDER BY (bool_or(phone) OR bool_or(email)) DESC, max(similarity) DESC NULLS LAST, b DESC
    LIMIT ${PAIR_LIMIT * 3}`;
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.flatMap((row) => [row.a, row.b]))];
  const customers = await db.customer.findMany({
    where: { AND: [{ id: { in: ids } }, customerScope(actor), activeCustomer] },
    select: {
      id: true,
      name: true,
      phone: true,
      email: true,
      createdAt: true,
      _count: { select: { complaints: true } },
    },
  });
  const byId = new Map(
    customers.map(({ _count, ...row }) => [
      row.id,
      { ...presentCustomer(row, actor), complaintCount: _count.complaints },
    ]),
  );
  const pairs: DuplicatePair[] = [];
  for (const row of rows) {
    const a = byId.get(row.a);
    const b = byId.get(row.b);
    if (!a || !b) continue;
    const reasons: DuplicatePair["reasons"] = [];
    if (row.phone) reasons.push("phone");
    if (row.email) reasons.push("email");
    if (row.similarity !== null && row.similarity >= PAIR_NAME_THRESHOLD) reasons.push("similar_name");
    pairs.push({ reasons, similarity: row.similarity, a, b });
    if (pairs.length >= PAIR_LIMIT) break;
  }
  return pairs;
}
