// Complaint text search on an index, whatever the term (issue 20, target 3). Every complaint carries the character
// pairs of its reference + subject ("searchTitle") and of its description ("searchBody") as tsvectors with GIN indexes
// (migration 20261207190500_complaint_search_bigrams). A search first asks those indexes for the complaints holding
// every pair of the text and re-checks them with ILIKE (exactly a substring search, Chinese and Latin alike); when a
// field matches few complaints the queue reads them by id, when it matches many (a common word) the queue keeps the
// ILIKE condition, which its index-order scans satisfy within the first few rows.
import { readDb as db } from "@/lib/db-replica";
import { Prisma } from "@/lib/generated/prisma/client";

/** Above this many matches in one field, the field is searched by ILIKE in the queue's own index order instead. */
export const SEARCH_CANDIDATE_CAP = 500;

/**
 * The index is asked for at most this many pairs of the text, the rarest ones: a pair every reference holds ("cm",
 * "20") filters nothing and costs a scan of a posting list as long as the table. The ILIKE re-check keeps the result
 * exact whichever pairs are asked for.
 */
const PAIRS_PER_LOOKUP = 3;
/** A field whose rarest pair is in more than this share of rows is searched by ILIKE (the text is likely common). */
const MAX_PAIR_SHARE = 0.1;
/** How long the pairs' frequencies (PostgreSQL's statistics of the two columns) are reused. */
const FREQUENCIES_TTL_MS = 10 * 60_000;

type PairShares = { shares: Map<string, number>; floor: number };
let frequencies: { at: number; title: PairShares; body: PairShares } | null = null;

/**
 * How often each common pair occurs, from pg_stats (ANALYZE's most common elements of the tsvector columns): a pair
 * not listed is rarer than every listed one. Read once per ten minutes per process.
 */
async function pairShares(): Promise<{ title: PairShares; body: PairShares }> {
  if (frequencies && Date.now() - frequencies.at < FREQUENCIES_TTL_MS) return frequencies;
  const rows = await db.$queryRaw<{ column: string; elems: string[] | null; freqs: number[] | null }[]>`
    SELECT attname::text AS column, most_common_elems::text::text[] AS elems, most_common_elem_freqs::real[] AS freqs
    FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'complaints' AND attname IN ('searchTitle', 'searchBody')`;
  const read = (column: string): PairShares => {
    const row = rows.find((r) => r.column === column);
    const elems = row?.elems ?? [];
    const shares = new Map(elems.map((elem, index) => [elem, Number(row?.freqs?.[index] ?? 0)]));
    return { shares, floor: shares.size ? Math.min(...shares.values()) : 0 };
  };
  frequencies = { at: Date.now(), title: read("searchTitle"), body: read("searchBody") };
  return frequencies;
}

/** The tsquery of the rarest pairs (AND), or null when even the rarest is common: then ILIKE serves the field. */
function lookupQuery(pairs: string[], stats: PairShares): string | null {
  const ranked = pairs
    .map((pair) => ({ pair, share: stats.shares.get(pair) ?? stats.floor }))
    .sort((a, b) => a.share - b.share);
  const chosen = ranked.filter((entry) => entry.share <= MAX_PAIR_SHARE).slice(0, PAIRS_PER_LOOKUP);
  if (chosen.length === 0) return null;
  return chosen.map(({ pair }) => `'${pair.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(" & ");
}

/** The matches of one field: the ids (all of them, exact) or null when there are more than the cap. */
type FieldMatches = number[] | null;

export type TextMatch = {
  /** Reference or subject contains the text: ranked first when sorted by relevance. */
  title: Prisma.ComplaintWhereInput;
  /** Description or the customer's name contains the text (and the title does not: the second relevance tier). */
  rest: Prisma.ComplaintWhereInput;
  /** Any field contains the text. */
  any: Prisma.ComplaintWhereInput;
};

/** LIKE pattern for "contains", with the pattern characters of the text itself escaped. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Prisma's `contains` passes the text into LIKE as is: escape its pattern characters, so "100%" means "100%". */
function contains(q: string) {
  return { contains: q.replace(/[\\%_]/g, (c) => `\\${c}`), mode: "insensitive" as const };
}

/** The substring conditions alone (what the search means), for texts without character pairs and for large sets. */
export function textWhereByLike(q: string): TextMatch {
  const title: Prisma.ComplaintWhereInput = { OR: [{ reference: contains(q) }, { subject: contains(q) }] };
  const rest: Prisma.ComplaintWhereInput = { OR: [{ description: contains(q) }, { customer: { name: contains(q) } }] };
  return { title, rest: { AND: [{ NOT: title }, rest] }, any: { OR: [title, rest] } };
}

/**
 * The complaints whose reference, subject, description or customer name contain `q`, found through the bigram
 * indexes (and the customers' name index), as Prisma conditions to combine with the queue's scope and filters.
 * Unscoped on purpose: the ids only narrow; the caller's where clause applies the reader's scope.
 */
export async function textMatch(q: string): Promise<TextMatch> {
  const pattern = containsPattern(q);
  const limit = SEARCH_CANDIDATE_CAP + 1;
  // The pairs as PostgreSQL computes them for the columns (its lower() and whitespace rules, not JavaScript's).
  const [{ pairs } = { pairs: [] as string[] }] = await db.$queryRaw<{ pairs: string[] }[]>`
    SELECT ARRAY(SELECT lexeme FROM unnest(skyline_bigrams(${q}))) AS pairs`;
  const stats = await pairShares();
  const titleQuery = lookupQuery(pairs, stats.title);
  const bodyQuery = lookupQuery(pairs, stats.body);
  const none = Promise.resolve([{ ids: [] as number[] }]);
  const tooMany = Promise.resolve([{ ids: null }]);
  const [title, body, customer] = await Promise.all([
    titleQuery
      ? db.$queryRaw<{ ids: number[] }[]>`
          SELECT ARRAY(
            SELECT c.id FROM complaints c
            WHERE c."searchTitle" @@ ${titleQuery}::tsquery AND (c.reference ILIKE ${pattern} OR c.subject ILIKE ${pattern})
            LIMIT ${limit}) AS ids`
      : tooMany,
    bodyQuery
      ? db.$queryRaw<{ ids: number[] }[]>`
          SELECT ARRAY(
            SELECT c.id FROM complaints c WHERE c."searchBody" @@ ${bodyQuery}::tsquery AND c.description ILIKE ${pattern}
            LIMIT ${limit}) AS ids`
      : tooMany,
    // The customers of that name (customers_name_bigram_idx, an expression index on skyline_bigrams(name)): their
    // complaints are then read through complaints' customerId index. Names are short: all their pairs.
    pairs.length
      ? db.$queryRaw<{ ids: number[] }[]>`
          SELECT ARRAY(
            SELECT cu.id FROM customers cu WHERE skyline_bigrams(cu.name) @@ skyline_bigram_query(${q}) AND cu.name ILIKE ${pattern}
            LIMIT ${limit}) AS ids`
      : none,
  ]);
  const row = {
    short: pairs.length === 0,
    title: title[0]?.ids ?? null,
    body: body[0]?.ids ?? null,
    customer: customer[0]?.ids ?? [],
  };
  if (row.short) return textWhereByLike(q); // one character: no pair to look up
  const capped = (ids: number[] | null): FieldMatches =>
    ids === null || ids.length > SEARCH_CANDIDATE_CAP ? null : ids;
  const titleIds = capped(row.title);
  const bodyIds = capped(row.body);
  const customerIds = capped(row.customer); // customer ids, not complaint ids
  const byLike = textWhereByLike(q);

  const titleWhere: Prisma.ComplaintWhereInput = titleIds ? { id: { in: titleIds } } : byLike.title;
  const notTitle: Prisma.ComplaintWhereInput = titleIds ? { id: { notIn: titleIds } } : { NOT: byLike.title };
  const bodyWhere: Prisma.ComplaintWhereInput = bodyIds ? { id: { in: bodyIds } } : { description: contains(q) };
  const customerWhere: Prisma.ComplaintWhereInput = customerIds
    ? { customerId: { in: customerIds } }
    : { customer: { name: contains(q) } };
  // Empty id lists are left out (Prisma would write them as "1=0" into the OR, which only blurs the plan's estimates).
  const or = (parts: { where: Prisma.ComplaintWhereInput; ids: number[] | null }[]): Prisma.ComplaintWhereInput => {
    const kept = parts.filter((part) => part.ids === null || part.ids.length > 0).map((part) => part.where);
    if (kept.length === 0) return { id: { in: [] } };
    return kept.length === 1 ? kept[0]! : { OR: kept };
  };
  const titlePart = { where: titleWhere, ids: titleIds };
  const bodyPart = { where: bodyWhere, ids: bodyIds };
  const customerPart = { where: customerWhere, ids: customerIds };
  const rest: Prisma.ComplaintWhereInput = { AND: [notTitle, or([bodyPart, customerPart])] };
  const any = or([titlePart, bodyPart, customerPart]);
  return { title: titleWhere, rest, any };
}
