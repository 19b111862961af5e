// The `kpi.refresh` job: recomputes the KPI fact rows of complaints changed since the last run (keyset over
// complaints."updatedAt", id). Safe with several instances: one run at a time per database (advisory lock), and every
// write is a delete + insert of whole rows, so running a batch twice gives the same table.
import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";
import { toCalendarSpec, type CalendarSpec } from "@/lib/sla/calendar-schema";
import { computeFact, spansOf, type FactInput } from "@/lib/kpi/facts";
import type { StatusChange } from "@/lib/kpi/definitions";
import { addDays, reportDay } from "@/lib/kpi/filters";
import { daysOfFact, rebuildAllRollups, rebuildRollupDays } from "@/lib/kpi/rollup";

const STATE_KEY = "complaint_facts";
const ROLLUP_KEY = "daily_rollups";
const SURVEY_KEY = "survey_responses";
/** Arbitrary constant naming the advisory lock of this job. */
const LOCK_KEY = 7_318_204;
/** Once caught up, each run re-reads this much history: a transaction that committed late is still picked up. */
const OVERLAP_MS = 2 * 60_000;
export const KPI_REFRESH_BATCH = 2_000;

export type RefreshResult = { rows: number; hasMore: boolean; skipped: boolean };

const STATUSES = new Set<string>([
  "new",
  "acknowledged",
  "in_progress",
  "pending_customer",
  "resolved",
  "closed",
  "reopened",
  "rejected",
  "duplicate",
]);

function statusChangesOf(events: readonly { kind: string; createdAt: Date; data: Prisma.JsonValue }[]): StatusChange[] {
  const changes: StatusChange[] = [];
  for (const event of events) {
    if (event.kind === "created") changes.push({ at: event.createdAt, to: "new" });
    else if (event.kind === "merged") changes.push({ at: event.createdAt, to: "duplicate" });
    else if (event.data && typeof event.data === "object" && !Array.isArray(event.data)) {
      const to = event.data.to;
      if (typeof to === "string" && STATUSES.has(to)) changes.push({ at: event.createdAt, to: to as ComplaintStatus });
    }
  }
  return changes;
}

async function loadCalendars(client: Tx): Promise<Map<number, CalendarSpec>> {
  const rows = await client.businessCalendar.findMany({
    select: {
      id: true,
      timeZone: true,
      is24x7: true,
      workingHours: true,
      holidays: { select: { date: true, kind: true } },
    },
  });
  const calendars = new Map<number, CalendarSpec>();
  for (const row of rows) calendars.set(row.id, toCalendarSpec(row));
  return calendars;
}

function groupByComplaint<T extends { complaintId: number }>(rows: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.complaintId);
    if (group) group.push(row);
    else groups.set(row.complaintId, [row]);
  }
  return groups;
}

/** Fact inputs of the given complaints, read in a handful of set-based queries. */
async function loadInputs(client: Tx, ids: number[], calendars: Map<number, CalendarSpec>): Promise<FactInput[]> {
  const [complaints, events, clocks, escalations] = await Promise.all([
    client.complaint.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        createdAt: true,
        status: true,
        teamId: true,
        categoryId: true,
        channelId: true,
        severityId: true,
        assigneeId: true,
        rootCauseId: true,
        firstResponseAt: true,
        resolvedAt: true,
        closedAt: true,
        escalationLevel: true,
        reopenCount: true,
        customerReplyCount: true,
        customer: { select: { tierId: true } },
        slaPolicy: { select: { calendarId: true } },
      },
    }),
    client.complaintEvent.findMany({
      where: { complaintId: { in: ids }, kind: { in: ["created", "status_changed", "merged"] } },
      select: { complaintId: true, kind: true, createdAt: true, data: true },
      orderBy: [{ complaintId: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    }),
    client.slaClock.findMany({
      where: { complaintId: { in: ids }, kind: { in: ["first_response", "resolution"] } },
      select: { complaintId: true, kind: true, dueAt: true, fulfilledAt: true, breachedAt: true, calendarId: true },
    }),
    client.escalation.groupBy({ by: ["complaintId"], where: { complaintId: { in: ids } }, _max: { level: true } }),
  ]);
  const eventsBy = groupByComplaint(events);
  const clocksBy = groupByComplaint(clocks);
  const maxLevel = new Map(escalations.map((row) => [row.complaintId, row._max.level ?? 1]));
  return complaints.map(({ customer, slaPolicy, ...complaint }) => {
    const ownClocks = clocksBy.get(complaint.id) ?? [];
    const calendarId = slaPolicy?.calendarId ?? ownClocks[0]?.calendarId ?? null;
    return {
      ...complaint,
      tierId: customer.tierId,
      maxEscalatedLevel: maxLevel.get(complaint.id) ?? 1,
      statusChanges: statusChangesOf(eventsBy.get(complaint.id) ?? []),
      clocks: ownClocks,
      calendar: calendarId === null ? null : (calendars.get(calendarId) ?? null),
    };
  });
}

/**
 * Recomputes the facts of these complaints (deleted complaints lose theirs through the foreign key) and the daily
 * rollups of every day their old or new dates fall on.
 */
export async function refreshFactsFor(
  client: Tx,
  ids: number[],
  calendars: Map<number, CalendarSpec>,
  now: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const inputs = await loadInputs(client, ids, calendars);
  const rows = inputs.map((input) => ({ ...computeFact(input), refreshedAt: now }));
  const spans = inputs.flatMap((input) => spansOf(input).map((span) => ({ complaintId: input.id, ...span })));
  const [old, oldSpans, responses, surveys] = await Promise.all([
    client.kpiComplaintFact.findMany({
      where: { complaintId: { in: ids } },
      select: { createdAt: true, resolvedAt: true, doneAt: true, firstResolvedAt: true },
    }),
    client.kpiDoneSpan.findMany({ where: { complaintId: { in: ids } }, select: { doneAt: true, reopenedAt: true } }),
    client.surveyResponse.findMany({ where: { complaintId: { in: ids } }, select: { createdAt: true } }),
    client.survey.findMany({ where: { complaintId: { in: ids }, sentAt: { not: null } }, select: { sentAt: true } }),
  ]);
  await client.kpiComplaintFact.deleteMany({ where: { complaintId: { in: ids } } });
  await client.kpiComplaintFact.createMany({ data: rows });
  await client.kpiDoneSpan.createMany({ data: spans });
  // A complaint's dimensions also place its survey answers and sends in the rollups.
  const surveyDays = [
    ...responses.map((row) => reportDay(row.createdAt)),
    ...surveys.map((row) => reportDay(row.sentAt!)),
  ];
  const spanDays = [...oldSpans, ...spans]
    .flatMap((span) => [span.doneAt, ...(span.reopenedAt ? [span.reopenedAt] : [])])
    .map(reportDay);
  await rebuildRollupDays(client, [...[...old, ...rows].flatMap(daysOfFact), ...spanDays, ...surveyDays]);
  return rows.length;
}

/**
 * Survey answers given or changed since the last run (their answer day and their survey's send day), plus today and
 * yesterday, when surveys are sent without touching any complaint.
 */
async function refreshSurveyDays(tx: Tx, now: Date): Promise<void> {
  const state = await tx.kpiRefreshState.findUnique({ where: { key: SURVEY_KEY } });
  const since = state ? new Date(state.cursorAt.getTime() - OVERLAP_MS) : new Date(0);
  const changed = await tx.surveyResponse.findMany({
    where: { updatedAt: { gte: since } },
    select: { createdAt: true, survey: { select: { sentAt: true } } },
  });
  const days = [reportDay(now), addDays(reportDay(now), -1)];
  for (const row of changed) {
    days.push(reportDay(row.createdAt));
    if (row.survey.sentAt) days.push(reportDay(row.survey.sentAt));
  }
  await rebuildRollupDays(tx, days);
  await tx.kpiRefreshState.upsert({
    where: { key: SURVEY_KEY },
    create: {
      key: SURVEY_KEY,
      cursorAt: now,
      caughtUp: true,
      dataAsOf: now,
      lastRunAt: now,
      lastRunRows: changed.length,
    },
    update: { cursorAt: now, dataAsOf: now, lastRunAt: now, lastRunRows: changed.length },
  });
}

/** Whether the daily rollups have been built (the dashboards read the facts until then). */
export async function rollupsReady(client: Db | Tx): Promise<boolean> {
  return (await client.kpiRefreshState.findUnique({ where: { key: ROLLUP_KEY }, select: { key: true } })) !== null;
}

/** Records that the rollups hold every day as of `now` (survey changes are picked up from then on). */
export async function markRollupsBuilt(tx: Tx, now: Date, rows: number): Promise<void> {
  await tx.kpiRefreshState.upsert({
    where: { key: ROLLUP_KEY },
    create: { key: ROLLUP_KEY, cursorAt: now, caughtUp: true, dataAsOf: now, lastRunAt: now, lastRunRows: rows },
    update: { cursorAt: now, dataAsOf: now, lastRunAt: now, lastRunRows: rows },
  });
  await tx.kpiRefreshState.upsert({
    where: { key: SURVEY_KEY },
    create: { key: SURVEY_KEY, cursorAt: now, caughtUp: true, dataAsOf: now, lastRunAt: now, lastRunRows: 0 },
    update: { cursorAt: now, dataAsOf: now, lastRunAt: now },
  });
}

/**
 * The rollups are built in full once, after the upgrade that added them (afterwards every change reaches them through
 * its complaint: complaints are never deleted, facts change only with their complaint). At a million complaints that
 * takes minutes, so it has its own transaction and time limit, under the job's lock.
 */
async function buildRollups(client: Db, now: Date): Promise<void> {
  await client.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${LOCK_KEY}) AS locked`;
      if (!lock?.locked || (await rollupsReady(tx))) return;
      await markRollupsBuilt(tx, now, await rebuildAllRollups(tx));
    },
    { timeout: 30 * 60_000, maxWait: 10_000 },
  );
}

/**
 * One run of the job: the next batch of changed complaints. Returns hasMore when the batch was full (the worker then
 * asks for another run at once). A run that finds another one holding the lock does nothing (`skipped`).
 */
export async function refreshKpiFacts(
  client: Db,
  options: { now?: Date; limit?: number } = {},
): Promise<RefreshResult> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? KPI_REFRESH_BATCH;
  let buildNeeded = false;
  const result = await client.$transaction(
    async (tx): Promise<RefreshResult> => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${LOCK_KEY}) AS locked`;
      if (!lock?.locked) return { rows: 0, hasMore: false, skipped: true };
      const state = await tx.kpiRefreshState.findUnique({ where: { key: STATE_KEY } });
      const fromAt = state
        ? state.caughtUp
          ? new Date(state.cursorAt.getTime() - OVERLAP_MS)
          : state.cursorAt
        : new Date(0);
      const fromId = state && !state.caughtUp ? state.cursorId : 0;
      const changed = await tx.$queryRaw<{ id: number; updatedAt: Date }[]>`
        SELECT id, "updatedAt" FROM complaints
        WHERE ("updatedAt", id) > (${fromAt}, ${fromId})
        ORDER BY "updatedAt", id
        LIMIT ${limit}`;
      const calendars = changed.length ? await loadCalendars(tx) : new Map<number, CalendarSpec>();
      const rows = await refreshFactsFor(
        tx,
        changed.map((row) => row.id),
        calendars,
        now,
      );
      const hasMore = changed.length === limit;
      if (!hasMore) {
        if (await rollupsReady(tx)) await refreshSurveyDays(tx, now);
        else buildNeeded = true;
      }
      const last = changed[changed.length - 1];
      const cursor =
        hasMore && last
          ? { cursorAt: last.updatedAt, cursorId: last.id, caughtUp: false }
          : { cursorAt: now, cursorId: 0, caughtUp: true };
      const dataAsOf = hasMore ? (state?.dataAsOf ?? null) : now;
      await tx.kpiRefreshState.upsert({
        where: { key: STATE_KEY },
        create: { key: STATE_KEY, ...cursor, dataAsOf, lastRunAt: now, lastRunRows: rows },
        update: { ...cursor, dataAsOf, lastRunAt: now, lastRunRows: rows },
      });
      return { rows, hasMore, skipped: false };
    },
    // A batch whose complaints span many days rewrites those days at every rollup grain (24 since issue 20), which
    // took over 2 minutes on a loaded 2-core machine: the limit stays under the job's 10-minute expiry instead.
    { timeout: 8 * 60_000, maxWait: 10_000 },
  );
  if (buildNeeded) await buildRollups(client, now);
  return result;
}

/** Runs batches until caught up (seed, benchmarks, tests). */
export async function refreshAllKpiFacts(client: Db, options: { now?: Date; limit?: number } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await refreshKpiFacts(client, options);
    total += result.rows;
    if (!result.hasMore || result.skipped) return total;
  }
}

/** When the dashboards' data was last complete (null before the first run). */
export async function kpiDataAsOf(client: Db): Promise<Date | null> {
  const state = await client.kpiRefreshState.findUnique({ where: { key: STATE_KEY }, select: { dataAsOf: true } });
  return state?.dataAsOf ?? null;
}
