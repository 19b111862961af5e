// The agent queues (SPEC §3/§6): named queues, URL filters, "SLA due first" by default, keyset pagination.
// Reads that may lag: the read replica when one is configured (lib/db-replica.ts), else the primary.
import { readDb as db } from "@/lib/db-replica";
import type { Actor } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import { complaintScope, complaintScopeSql } from "@/lib/complaints/scope";
import { DONE_STATUSES, OPEN_STATUSES } from "@/lib/complaints/transitions";
import type { QueueFilter } from "@/lib/complaints/schema";
import { drillWhere } from "@/lib/complaints/kpi-drill";
import { loadKpiSettings } from "@/lib/kpi/settings";
import { REFERENCE_PATTERN } from "@/lib/complaints/reference";
import { BUSINESS_TIME_ZONE, endOfZonedDay, startOfZonedDay } from "@/lib/time/zone";
import { textMatch, textWhereByLike, type TextMatch } from "@/lib/complaints/search";

/** "Recently closed": finished (resolved, closed, rejected, merged) within this many days. */
const RECENTLY_CLOSED_DAYS = 30;

export type QueueRow = Awaited<ReturnType<typeof listQueue>>["rows"][number];

const rowSelect = {
  id: true,
  reference: true,
  subject: true,
  status: true,
  priority: true,
  escalationLevel: true,
  nextDueAt: true,
  nextWarnAt: true,
  slaBreached: true,
  createdAt: true,
  customer: { select: { name: true, tier: { select: { code: true, nameZh: true, nameEn: true, rank: true } } } },
  severity: { select: { code: true, nameZh: true, nameEn: true, color: true, rank: true } },
  category: { select: { nameZh: true, nameEn: true } },
  channel: { select: { nameZh: true, nameEn: true } },
  assignee: { select: { id: true, name: true } },
  team: { select: { nameZh: true, nameEn: true } },
} as const;

function queueWhere(actor: Actor, queue: QueueFilter["queue"]): Prisma.ComplaintWhereInput {
  const open = { status: { in: [...OPEN_STATUSES] } };
  switch (queue) {
    case "mine":
      return { ...open, assigneeId: actor.userId };
    case "team":
      return { ...open, teamId: { in: actor.teamIds } };
    case "unassigned":
      return { ...open, assigneeId: null };
    case "escalated":
      return { ...open, escalationLevel: { gte: 2 } };
    case "closed": {
      // Resolved complaints have no closedAt until they close: they count from their resolution.
      const since = new Date(Date.now() - RECENTLY_CLOSED_DAYS * 86_400_000);
      return { status: { in: [...DONE_STATUSES] }, OR: [{ closedAt: { gte: since } }, { resolvedAt: { gte: since } }] };
    }
    case "all":
      return {};
  }
}

function slaWhere(states: NonNullable<QueueFilter["sla"]>, now: Date): Prisma.ComplaintWhereInput {
  const parts: Prisma.ComplaintWhereInput[] = states.map((state) => {
    switch (state) {
      case "breached":
        return { OR: [{ slaBreached: true }, { nextDueAt: { lt: now } }] };
      case "warning":
        return { nextDueAt: { gte: now }, nextWarnAt: { lte: now }, slaBreached: false };
      case "paused":
        return { status: "pending_customer" };
      case "ok":
        return { nextDueAt: { gte: now }, slaBreached: false, OR: [{ nextWarnAt: null }, { nextWarnAt: { gt: now } }] };
    }
  });
  return { OR: parts };
}

/**
 * A queue within the reader's scope. "Mine" (assigned to me) and "Team" (my teams) lie inside the scope of anyone who
 * may read complaints, so the scope's OR is left out there: it would turn a LIMITed index scan into a bitmap of the
 * whole team backlog.
 */
function scopedQueueWhere(actor: Actor, queue: QueueFilter["queue"]): Prisma.ComplaintWhereInput {
  if ((queue === "mine" || queue === "team") && can(actor, "complaint.read")) return queueWhere(actor, queue);
  return { AND: [complaintScope(actor), queueWhere(actor, queue)] };
}

/**
 * The complaint a search text names exactly by its reference ("cmp-2026-000408" too), when the reader may see it;
 * the queue page then opens it instead of listing one row.
 */
export async function complaintNamedBy(actor: Actor, q: string | undefined): Promise<string | null> {
  const reference = q?.trim().toUpperCase();
  if (!reference || !REFERENCE_PATTERN.test(reference)) return null;
  const found = await db.complaint.findFirst({
    where: { AND: [{ reference }, complaintScope(actor)] },
    select: { reference: true },
  });
  return found?.reference ?? null;
}

/** A text search outside a KPI drill-down looks at every complaint in the reader's scope, not only the tab's. */
export function searchesEverything(filter: Pick<QueueFilter, "q" | "kpi">): boolean {
  return Boolean(filter.q) && !filter.kpi;
}

/**
 * The queue's conditions. `text` is the search text's match from the bigram indexes (lib/complaints/search.ts,
 * `textMatch`); without it a search text is matched by ILIKE alone (same results, no index for rare terms).
 */
export function filterWhere(
  actor: Actor,
  filter: QueueFilter,
  now = new Date(),
  reopenWindowDays?: number,
  text?: TextMatch,
  { withText = true }: { withText?: boolean } = {},
): Prisma.ComplaintWhereInput {
  const from = filter.from ? startOfZonedDay(filter.from, BUSINESS_TIME_ZONE) : undefined;
  const to = filter.to ? endOfZonedDay(filter.to, BUSINESS_TIME_ZONE) : undefined;
  const and: Prisma.ComplaintWhereInput[] = [
    filter.kpi
      ? {
          AND: [
            complaintScope(actor),
            drillWhere(
              filter.kpi,
              { from, to, now },
              { level: filter.level, weekday: filter.dow, hour: filter.hour, reopenWindowDays },
            ),
          ],
        }
      : // A search covers every status the reader may see, whatever the tab: a complaint resolved a minute ago must
        // still be found by its reference or its customer's name (searchesEverything).
        searchesEverything(filter)
        ? complaintScope(actor)
        : scopedQueueWhere(actor, filter.queue),
  ];
  if (filter.status) and.push({ status: { in: filter.status } });
  if (filter.severity) and.push({ severityId: { in: filter.severity } });
  if (filter.priority) and.push({ priority: { in: filter.priority } });
  if (filter.category)
    and.push({ OR: [{ categoryId: { in: filter.category } }, { subcategoryId: { in: filter.category } }] });
  if (filter.channel) and.push({ channelId: { in: filter.channel } });
  if (filter.team) and.push({ teamId: { in: filter.team } });
  if (filter.assignee) and.push({ assigneeId: { in: filter.assignee } });
  if (filter.tier) and.push({ customer: { tierId: { in: filter.tier } } });
  if (filter.sla) and.push(slaWhere(filter.sla, now));
  if (filter.rootCause) and.push({ rootCauseId: { in: filter.rootCause } });
  if (filter.responsibleDepartment) and.push({ responsibleDepartmentId: { in: filter.responsibleDepartment } });
  if (filter.responsibleParty) and.push({ responsibleParty: { in: filter.responsibleParty } });
  if (!filter.kpi && from) and.push({ createdAt: { gte: from } });
  if (!filter.kpi && to) and.push({ createdAt: { lt: to } });
  // Reference, subject, description or the customer's name contains the text (Chinese and Latin alike).
  if (filter.q && withText) and.push((text ?? textWhereByLike(filter.q)).any);
  return { AND: and };
}

type Cursor = { v: string | null; id: number };

function encodeCursor(cursor: Cursor) {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (typeof value === "object" && value !== null && "id" in value && "v" in value) {
      const { id, v } = value as { id: unknown; v: unknown };
      if (typeof id === "number" && (v === null || typeof v === "string")) return { id, v };
    }
    return null;
  } catch {
    return null; // a tampered cursor restarts from the first page
  }
}

/** Keyset condition "after this row" for the sort, with NULL due times last. */
function afterCursor(sort: QueueFilter["sort"], cursor: Cursor): Prisma.ComplaintWhereInput {
  if (sort === "newest" || sort === "relevance")
    return {
      OR: [
        { createdAt: { lt: new Date(cursor.v ?? 0) } },
        { createdAt: new Date(cursor.v ?? 0), id: { lt: cursor.id } },
      ],
    };
  if (sort === "oldest")
    return {
      OR: [
        { createdAt: { gt: new Date(cursor.v ?? 0) } },
        { createdAt: new Date(cursor.v ?? 0), id: { gt: cursor.id } },
      ],
    };
  if (cursor.v === null) return { nextDueAt: null, id: { gt: cursor.id } };
  const due = new Date(cursor.v);
  return { OR: [{ nextDueAt: { gt: due } }, { nextDueAt: due, id: { gt: cursor.id } }, { nextDueAt: null }] };
}

function orderFor(sort: QueueFilter["sort"]): Prisma.ComplaintOrderByWithRelationInput[] {
  if (sort === "newest" || sort === "relevance") return [{ createdAt: "desc" }, { id: "desc" }];
  if (sort === "oldest") return [{ createdAt: "asc" }, { id: "asc" }];
  return [{ nextDueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }];
}

export async function listQueue(actor: Actor, filter: QueueFilter, now = new Date()) {
  const sort = filter.sort;
  const cursor = decodeCursor(filter.cursor);
  // The reopen-rate window is a setting: read only when drilling into that cohort.
  const reopenWindowDays =
    filter.kpi === "reopened" ? (await loadKpiSettings(db)).definitions.reopenWindowDays : undefined;
  const text = filter.q ? await textMatch(filter.q) : undefined;
  // Sorted by relevance, each tier adds its own part of the text condition (repeating the whole one would make the
  // planner multiply their selectivities and misjudge the LIMITed scan).
  if (sort === "relevance" && text)
    return listByRelevance(
      filterWhere(actor, filter, now, reopenWindowDays, text, { withText: false }),
      text,
      cursor,
      filter.limit,
    );
  const where = filterWhere(actor, filter, now, reopenWindowDays, text);
  const rows = await db.complaint.findMany({
    where: cursor ? { AND: [where, afterCursor(sort, cursor)] } : where,
    orderBy: orderFor(sort),
    take: filter.limit + 1,
    select: rowSelect,
  });
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > filter.limit && last
      ? encodeCursor({
          id: last.id,
          v: sort === "due" ? (last.nextDueAt?.toISOString() ?? null) : last.createdAt.toISOString(),
        })
      : null;
  return { rows: page, nextCursor };
}

/**
 * Relevance tiers of a search: the text in the reference or subject first, then in the description or customer name.
 */
const RELEVANCE_TIERS = ["title", "rest"] as const;

/**
 * "Most relevant first": complaints whose reference or subject contains the text, newest first, then those where only
 * the description or the customer's name does, newest first. Each tier is one keyset read (the cursor carries the
 * tier), so a page costs at most two LIMITed queries however many complaints match.
 */
async function listByRelevance(
  where: Prisma.ComplaintWhereInput,
  text: TextMatch,
  cursor: Cursor | null,
  limit: number,
) {
  const [cursorTier, cursorTime] = cursor?.v?.split("|") ?? [];
  const startTier = Math.max(0, RELEVANCE_TIERS.indexOf(cursorTier as (typeof RELEVANCE_TIERS)[number]));
  const rows: (Awaited<ReturnType<typeof db.complaint.findMany<{ select: typeof rowSelect }>>>[number] & {
    tier: number;
  })[] = [];
  for (let tier = startTier; tier < RELEVANCE_TIERS.length && rows.length <= limit; tier += 1) {
    const after =
      cursor && tier === startTier && cursorTime ? afterCursor("newest", { v: cursorTime, id: cursor.id }) : undefined;
    const found = await db.complaint.findMany({
      where: { AND: [where, text[RELEVANCE_TIERS[tier]!], ...(after ? [after] : [])] },
      orderBy: orderFor("newest"),
      take: limit + 1 - rows.length,
      select: rowSelect,
    });
    rows.push(...found.map((row) => ({ ...row, tier })));
  }
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ id: last.id, v: `${RELEVANCE_TIERS[last.tier]}|${last.createdAt.toISOString()}` })
      : null;
  return { rows: page.map(({ tier: _tier, ...row }) => row), nextCursor };
}

/**
 * How many complaints the whole (unpaged) list holds: shown on a list drilled down from a dashboard figure, so the
 * reader can compare it with the figure (a drill-down is bounded by its period, so the count stays cheap).
 */
export async function countQueue(actor: Actor, filter: QueueFilter, now = new Date()): Promise<number> {
  const text = filter.q ? await textMatch(filter.q) : undefined;
  return db.complaint.count({ where: filterWhere(actor, filter, now, undefined, text) });
}

/**
 * Tab counts stop counting here: the tab shows "999+" (SPEC §6 needs the order of magnitude, not the exact backlog).
 */
export const QUEUE_COUNT_CAP = 999;

/**
 * Counts for the queue tabs, each capped at `cap` + 1 (a LIMITed sub-select: the work per tab is bounded however big
 * the team's backlog grows). A value above `cap` means "more than cap". One statement for all tabs: four Prisma counts
 * cost more in round trips than in SQL. The conditions are queueWhere's ("Mine" and "Team" lie inside the scope).
 */
export async function queueCounts(actor: Actor, cap = QUEUE_COUNT_CAP) {
  const queues = ["mine", "team", "unassigned", "escalated"] as const;
  const visible = queues.filter(
    (queue) => queue !== "unassigned" || can(actor, "complaint.assign") || actor.teamIds.length > 0,
  );
  const open = Prisma.sql`c.status = ANY(${[...OPEN_STATUSES]}::"ComplaintStatus"[])`;
  const scope = complaintScopeSql(actor);
  const mineOrTeam = can(actor, "complaint.read") ? Prisma.sql`TRUE` : Prisma.sql`FALSE`;
  const conditions: Record<(typeof queues)[number], Prisma.Sql> = {
    mine: Prisma.sql`${mineOrTeam} AND ${open} AND c."assigneeId" = ${actor.userId}`,
    team: Prisma.sql`${mineOrTeam} AND ${open} AND c."teamId" = ANY(${actor.teamIds}::int[])`,
    unassigned: Prisma.sql`${scope} AND ${open} AND c."assigneeId" IS NULL`,
    escalated: Prisma.sql`${scope} AND ${open} AND c."escalationLevel" >= 2`,
  };
  const limit = cap + 1;
  const columns = Prisma.join(
    visible.map(
      (queue) =>
        Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM complaints c WHERE ${conditions[queue]} LIMIT ${limit}) x) AS ${Prisma.raw(`"${queue}"`)}`,
    ),
    ", ",
  );
  const [row] = await db.$queryRaw<Record<string, number>[]>`SELECT ${columns}`;
  return Object.fromEntries(visible.map((queue) => [queue, row?.[queue] ?? 0])) as Partial<
    Record<(typeof queues)[number], number>
  >;
}
