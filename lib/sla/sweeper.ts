// The SLA sweeper: records warnings and breaches of due clocks exactly once, however many job workers run it at the
// same time. Each batch claims clocks (and their complaints) with FOR UPDATE SKIP LOCKED in one transaction, so two
// workers never hold the same clock, a worker never waits for a row someone else holds (no deadlocks with users'
// transactions, which lock complaint then clock), and a worker that dies mid-batch loses its whole batch to the
// rollback, for the next run to pick up. A finished complaint (resolved, closed, rejected, duplicate) is never
// warned about or escalated, whatever clock it still has. Run by the "sla.sweep" job (lib/jobs/worker.ts) every minute.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db";
import type { SlaClockKind } from "@/lib/generated/prisma/enums";
import { changeLevels, lockComplaints, type LevelChange } from "@/lib/escalations/service";
import { MAX_LEVEL, ownerDirectory } from "@/lib/escalations/owners";
import { notifyMany } from "@/lib/notifications/service";

export type SweepOptions = {
  now?: Date;
  /** Most clocks to process in this run; the job re-queues itself when there may be more. */
  limit?: number;
  batchSize?: number;
  /** The client to run on (tests race two separate clients); defaults to the app's one. */
  client?: Db;
  /**
   * Called inside the batch transaction for each processed clock, before the commit; a throw rolls the whole batch back
   * (tests).
   */
  onClockProcessed?: (info: { clockId: number; processed: number }) => void | Promise<void>;
};

export type SweepResult = {
  claimed: number;
  warned: number;
  breached: number;
  escalated: number;
  batches: number;
  hasMore: boolean;
};

type ClaimedClock = {
  id: number;
  complaintId: number;
  kind: SlaClockKind;
  startedAt: Date;
  dueAt: Date;
  warnAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  policyId: number | null;
};

const DEFAULT_LIMIT = 5_000;
const DEFAULT_BATCH = 100;
// A batch escalates up to DEFAULT_BATCH complaints: give it more than Prisma's 5 s default on a busy machine.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 120_000 } as const;

export async function processDueClocks(options: SweepOptions = {}): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? DEFAULT_LIMIT;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const client = options.client ?? db;
  const result: SweepResult = { claimed: 0, warned: 0, breached: 0, escalated: 0, batches: 0, hasMore: false };
  while (result.claimed < limit) {
    const size = Math.min(batchSize, limit - result.claimed);
    const batch = await client.$transaction(
      (tx) => sweepBatch(tx, now, size, result.claimed, options.onClockProcessed),
      TRANSACTION_OPTIONS,
    );
    if (batch.claimed === 0) return result;
    result.claimed += batch.claimed;
    result.warned += batch.warned;
    result.breached += batch.breached;
    result.escalated += batch.escalated;
    result.batches += 1;
  }
  result.hasMore = true;
  return result;
}

/** Claims up to `size` due clocks whose clock and complaint rows nobody else holds, skipping the rest for now. */
async function claimDueClocks(tx: Tx, now: Date, size: number): Promise<ClaimedClock[]> {
  return tx.$queryRaw<ClaimedClock[]>`
    SELECT c.id, c."complaintId", c.kind, c."startedAt", c."dueAt", c."warnAt", c."warnedAt", c."breachedAt", c."policyId"
    FROM sla_clocks c
    JOIN complaints p ON p.id = c."complaintId"
    WHERE c."fulfilledAt" IS NULL AND c."cancelledAt" IS NULL AND c."pausedAt" IS NULL
      AND p.status NOT IN ('resolved', 'closed', 'rejected', 'duplicate')
      AND ((c."dueAt" <= ${now} AND c."breachedAt" IS NULL) OR (c."warnAt" <= ${now} AND c."warnedAt" IS NULL))
    ORDER BY c."dueAt", c.id
    LIMIT ${size}
    FOR UPDATE OF c, p SKIP LOCKED`;
}

type BatchResult = Omit<SweepResult, "batches" | "hasMore">;

async function sweepBatch(
  tx: Tx,
  now: Date,
  size: number,
  processedBefore: number,
  onClockProcessed: SweepOptions["onClockProcessed"],
): Promise<BatchResult> {
  const claimed = await claimDueClocks(tx, now, size);
  const result: BatchResult = { claimed: claimed.length, warned: 0, breached: 0, escalated: 0 };
  if (claimed.length === 0) return result;

  // The rows are locked by this transaction, so the IS NULL conditions hold; they stay as the second guard of "once".
  const toWarn = claimed
    .filter((clock) => clock.warnAt !== null && clock.warnAt <= now && clock.warnedAt === null)
    .map((clock) => clock.id);
  const toBreach = claimed.filter((clock) => clock.dueAt <= now && clock.breachedAt === null).map((clock) => clock.id);
  const warned = new Set(
    (
      await tx.slaClock.updateManyAndReturn({
        where: { id: { in: toWarn }, warnedAt: null },
        data: { warnedAt: now },
        select: { id: true },
      })
    ).map((row) => row.id),
  );
  const previousBreaches = await breachCycles(tx, toBreach);
  const breached = new Set(
    (
      await tx.slaClock.updateManyAndReturn({
        where: { id: { in: toBreach }, breachedAt: null },
        data: { breachedAt: now },
        select: { id: true },
      })
    ).map((row) => row.id),
  );
  const event = (clock: ClaimedClock, kind: "warned" | "breached") => ({
    complaintId: clock.complaintId,
    clockId: clock.id,
    clockKind: clock.kind,
    kind,
    policyId: clock.policyId,
    dueAt: clock.dueAt,
    createdAt: now,
    data:
      kind === "warned"
        ? { warnAt: clock.warnAt?.toISOString() ?? null }
        : { lateMinutes: Math.max(0, Math.round((now.getTime() - clock.dueAt.getTime()) / 60_000)) },
  });
  await tx.slaEvent.createMany({
    data: [
      ...claimed.filter((clock) => warned.has(clock.id)).map((clock) => event(clock, "warned")),
      ...claimed.filter((clock) => breached.has(clock.id)).map((clock) => event(clock, "breached")),
    ],
  });
  const breachedComplaints = [
    ...new Set(claimed.filter((clock) => breached.has(clock.id)).map((clock) => clock.complaintId)),
  ];
  if (breachedComplaints.length)
    await tx.complaint.updateMany({ where: { id: { in: breachedComplaints } }, data: { slaBreached: true } });
  result.warned = warned.size;
  result.breached = breached.size;

  await notifyWarnings(
    tx,
    claimed.filter((clock) => warned.has(clock.id) && !breached.has(clock.id)),
    now,
  );
  result.escalated = await escalateBreaches(
    tx,
    claimed.filter((clock) => breached.has(clock.id)),
    previousBreaches,
    now,
  );

  if (onClockProcessed) {
    let processed = processedBefore;
    for (const clock of claimed) await onClockProcessed({ clockId: clock.id, processed: ++processed });
  }
  return result;
}

/**
 * One level per breached clock, in bulk. The complaints are already locked by the claim. Two clocks of one complaint
 * breaching together escalate it twice, one after the other (round 1: each complaint's first clock, round 2: …).
 */
async function escalateBreaches(
  tx: Tx,
  clocks: readonly ClaimedClock[],
  previousBreaches: Map<number, number>,
  now: Date,
): Promise<number> {
  if (clocks.length === 0) return 0;
  const complaints = new Map(
    (await lockComplaints(tx, [...new Set(clocks.map((clock) => clock.complaintId))])).map((row) => [row.id, row]),
  );
  const rounds: ClaimedClock[][] = [];
  const seen = new Map<number, number>();
  for (const clock of clocks) {
    const round = seen.get(clock.complaintId) ?? 0;
    seen.set(clock.complaintId, round + 1);
    (rounds[round] ??= []).push(clock);
  }
  const owners = ownerDirectory(tx);
  let escalated = 0;
  for (const round of rounds) {
    const changes = round.flatMap((clock): LevelChange[] => {
      const complaint = complaints.get(clock.complaintId);
      if (!complaint || complaint.level >= MAX_LEVEL) return []; // the breach is recorded; there is no level above L4
      const cycle = (previousBreaches.get(clock.id) ?? 0) + 1;
      return [
        {
          complaint,
          toLevel: complaint.level + 1,
          reason: "sla_breach",
          actor: null,
          // "breach:<clockId>"; a clock restarted by a reopen can breach again, as "breach:<clockId>:2" and so on.
          dedupeKey: cycle === 1 ? `breach:${clock.id}` : `breach:${clock.id}:${cycle}`,
          detail: { clockId: clock.id, clockKind: clock.kind, dueAt: clock.dueAt.toISOString() },
        },
      ];
    });
    const outcomes = await changeLevels(tx, changes, { now, owners });
    escalated += outcomes.filter((outcome) => outcome.escalated).length;
  }
  return escalated;
}

/** The assignee (else the team's supervisor) hears that a clock reached its warning threshold. */
async function notifyWarnings(tx: Tx, clocks: readonly ClaimedClock[], now: Date) {
  if (clocks.length === 0) return;
  const complaints = await tx.complaint.findMany({
    where: { id: { in: [...new Set(clocks.map((clock) => clock.complaintId))] } },
    select: { id: true, reference: true, subject: true, assigneeId: true, team: { select: { supervisorId: true } } },
  });
  const byId = new Map(complaints.map((row) => [row.id, row]));
  await notifyMany(
    tx,
    clocks.flatMap((clock) => {
      const complaint = byId.get(clock.complaintId);
      const userId = complaint?.assigneeId ?? complaint?.team?.supervisorId ?? null;
      if (!complaint || userId === null) return [];
      return [
        {
          userId,
          kind: "sla.warning" as const,
          complaintId: complaint.id,
          dedupeKey: `warn:${clock.id}:${clock.startedAt.getTime()}`,
          now,
          params: {
            reference: complaint.reference,
            subject: complaint.subject,
            clockKind: clock.kind,
            dueAt: clock.dueAt.toISOString(),
          },
        },
      ];
    }),
  );
}

/** How many times each clock breached before (a reopened complaint restarts its resolution clock). */
async function breachCycles(tx: Tx, clockIds: number[]): Promise<Map<number, number>> {
  if (clockIds.length === 0) return new Map();
  const rows = await tx.slaEvent.groupBy({
    by: ["clockId"],
    where: { clockId: { in: clockIds }, kind: "breached" },
    _count: { _all: true },
  });
  return new Map(rows.flatMap((row) => (row.clockId === null ? [] : [[row.clockId, row._count._all] as const])));
}
