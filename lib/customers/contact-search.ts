// Customer search by contact data without a contact-data oracle (issue 14, docs/decisions.md "search rule"): only
// holders of `pii.view` match fragments of phone numbers and e-mail addresses; everyone else matches the whole
// number or address (as when a customer calls), and each such hit is written to the PII access log.
import "server-only";
import { z } from "zod";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

const MIN_FRAGMENT_DIGITS = 4;
/** Shorter digit strings are never taken for a whole phone number. */
const MIN_WHOLE_NUMBER_DIGITS = 6;
const CANDIDATE_LIMIT = 500;

export type ContactProbe = { field: "email"; email: string } | { field: "phone"; phone: string; digits: string };

/** What a search text could be as contact data: a whole e-mail address, a run of phone digits, or neither. */
export function contactProbe(q: string): ContactProbe | null {
  const text = q.trim();
  if (z.email().safeParse(text).success) return { field: "email", email: text.toLowerCase() };
  const digits = text.replace(/\D/g, "");
  if (/^[+\d\s().-]+$/.test(text) && digits.length >= MIN_FRAGMENT_DIGITS)
    return { field: "phone", phone: text, digits };
  return null;
}

/** Whether this actor may search contact data by fragments (otherwise only whole values match). */
export function mayMatchContactFragments(actor: Pick<Actor, "permissions">): boolean {
  return can(actor, "pii.view");
}

/** Ids of active customers whose phone digits contain `digits` anywhere (fragment search, `pii.view` only). */
async function idsByPhoneFragment(digits: string): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT id FROM customers
    WHERE "mergedIntoId" IS NULL AND "anonymizedAt" IS NULL AND phone IS NOT NULL
      AND regexp_replace(phone, '\\D', '', 'g') LIKE '%' || ${digits} || '%'
    LIMIT ${CANDIDATE_LIMIT}`;
  return rows.map((row) => row.id);
}

/** The keys a phone number is compared by when only whole numbers may match; `phoneKeysSql` mirrors it in SQL. */
export type PhoneKeys = { full: string; national: string };

const COUNTRY_CODE_AS_WRITTEN = /^(?:\+|00)\d{1,3}[\s().-]+/;

/**
 * `full`: the digits, an international prefix "00" and China's country code on a 13-digit number dropped (as
 * normalisePhone does); `national`: the digits after a country code written apart ("+44 20 …"), else `full`, with a
 * trunk "0" dropped. "+86 139 2468 1357", "008613924681357" and "13924681357" share `full`; "+44 20 7946 0000" and
 * "020 7946 0000" share `national`. A tail of a number shares neither.
 */
export function phoneKeys(phone: string): PhoneKeys {
  const text = phone.trim();
  let full = text.replace(/\D/g, "");
  if (full.startsWith("00")) full = full.slice(2);
  if (full.length === 13 && full.startsWith("86")) full = full.slice(2);
  const countryCode = COUNTRY_CODE_AS_WRITTEN.exec(text);
  const national = (countryCode ? text.slice(countryCode[0].length).replace(/\D/g, "") : full).replace(/^0+/, "");
  return { full, national };
}

/**
 * Ids of active customers whose phone is the whole number given (same `full` or same `national` key, see
 * phoneKeys): a fragment never equals a whole number, so no sequence of searches can rebuild one piece by piece.
 */
export async function idsByWholePhone(phone: string): Promise<number[]> {
  const keys = phoneKeys(phone);
  if (keys.full.length < MIN_WHOLE_NUMBER_DIGITS && keys.national.length < MIN_WHOLE_NUMBER_DIGITS) return [];
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT id FROM (
      SELECT id, full_digits,
        ltrim(CASE WHEN phone ~ '^(\\+|00)\\d{1,3}[\\s().-]+'
                   THEN regexp_replace(regexp_replace(phone, '^(\\+|00)\\d{1,3}[\\s().-]+', ''), '\\D', '', 'g')
                   ELSE full_digits END, '0') AS national
      FROM (
        SELECT id, phone, CASE WHEN length(d) = 13 AND d LIKE '86%' THEN substr(d, 3) ELSE d END AS full_digits
        FROM (SELECT id, phone, CASE WHEN d LIKE '00%' THEN substr(d, 3) ELSE d END AS d
              FROM (SELECT id, btrim(phone) AS phone, regexp_replace(phone, '\\D', '', 'g') AS d FROM customers
                    WHERE "mergedIntoId" IS NULL AND "anonymizedAt" IS NULL AND phone IS NOT NULL) p) q
      ) r
    ) c
    WHERE c.full_digits = ${keys.full.length >= MIN_WHOLE_NUMBER_DIGITS ? keys.full : null}
       OR c.national = ${keys.national.length >= MIN_WHOLE_NUMBER_DIGITS ? keys.national : null}
    LIMIT ${CANDIDATE_LIMIT}`;
  return rows.map((row) => row.id);
}

async function idsByWholeEmail(email: string): Promise<number[]> {
  const rows = await db.customer.findMany({
    where: { mergedIntoId: null, anonymizedAt: null, email: { equals: email, mode: "insensitive" } },
    select: { id: true },
    take: CANDIDATE_LIMIT,
  });
  return rows.map((row) => row.id);
}

/** The contact part of a search, and which customers it matched as a whole value (to be logged for the reader). */
export type ContactMatch = {
  where: Prisma.CustomerWhereInput[];
  /** Set when the reader lacks `pii.view` and matched a whole phone number or e-mail address. */
  exact: { field: ContactProbe["field"]; ids: ReadonlySet<number> } | null;
};

/**
 * The OR-branches a search text adds for contact data. `pii.view` holders: e-mail fragment (case-insensitive) and
 * phone digits anywhere (from 4 digits). Everyone else: the whole e-mail address or the whole phone number only.
 */
export async function contactMatch(actor: Pick<Actor, "permissions">, q: string): Promise<ContactMatch> {
  const probe = contactProbe(q);
  if (mayMatchContactFragments(actor)) {
    const where: Prisma.CustomerWhereInput[] = [{ email: { contains: q.trim(), mode: "insensitive" } }];
    if (probe?.field === "phone") where.push({ id: { in: await idsByPhoneFragment(probe.digits) } });
    return { where, exact: null };
  }
  if (!probe) return { where: [], exact: null };
  const ids = probe.field === "email" ? await idsByWholeEmail(probe.email) : await idsByWholePhone(probe.phone);
  if (ids.length === 0) return { where: [], exact: null };
  return { where: [{ id: { in: ids } }], exact: { field: probe.field, ids: new Set(ids) } };
}

/**
 * Writes one PII access-log row per customer the reader found by a whole phone number or e-mail address (readers
 * without `pii.view`): such a lookup confirms a contact value, so it is accounted for like a reveal. `context` says
 * where, e.g. "search:customers" or "api:GET /api/v1/customers".
 */
export async function logContactLookup(
  actor: Pick<Actor, "userId">,
  match: ContactMatch,
  shownIds: readonly number[],
  context: string,
  now = new Date(),
): Promise<void> {
  const exact = match.exact;
  if (!exact) return;
  const rows = shownIds
    .filter((id) => exact.ids.has(id))
    .map((customerId) => ({
      userId: actor.userId,
      customerId,
      field: exact.field,
      context: context.slice(0, 200),
      createdAt: now,
    }));
  if (rows.length > 0) await db.piiAccessLog.createMany({ data: rows });
}
