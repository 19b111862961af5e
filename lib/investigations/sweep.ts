// Reminders and breaches of department requests, run by the SLA sweep job (lib/jobs/worker.ts) right after the
// complaint clocks. "Exactly once" is the conditional update: `warnedAt`/`breachedAt IS NULL` is re-checked under
// the row lock, so of two workers racing only one gets each row back and notifies; a returned request starts a new
// round with both stamps cleared, and the round is part of every dedupe key.
import "server-only";
import { db, type Db } from "@/lib/db";
import { notifyMany, type NotifyInput } from "@/lib/notifications/service";

export type InvestigationSweepResult = { reminded: number; breached: number };

const BATCH = 1_000;

export async function processDueInvestigations(
  options: { now?: Date; client?: Db } = {},
): Promise<InvestigationSweepResult> {
  const now = options.now ?? new Date();
  const client = options.client ?? db;
  return client.$transaction(async (tx) => {
    const select = {
      id: true,
      round: true,
      dueAt: true,
      complaintId: true,
      requestedById: true,
      complaint: { select: { reference: true, subject: true } },
      department: { select: { nameZh: true, nameEn: true, headId: true, liaisons: { select: { userId: true } } } },
    } as const;
    // One UPDATE … RETURNING each: the IS NULL condition is re-checked on the locked row, so a racing sweep that
    // waited for it gets nothing back (a read-then-update would hand both the same rows).
    const remindedIds = await tx.$queryRaw<{ id: number }[]>`
      UPDATE investigation_requests r SET "warnedAt" = ${now}
      FROM complaints c
      WHERE c.id = r."complaintId" AND c.status NOT IN ('resolved', 'closed', 'rejected', 'duplicate')
        AND r.id IN (SELECT id FROM investigation_requests WHERE status = 'open' AND "warnedAt" IS NULL AND "warnAt" <= ${now} AND "dueAt" > ${now} ORDER BY "warnAt" LIMIT ${BATCH})
        AND r.status = 'open' AND r."warnedAt" IS NULL
      RETURNING r.id`;
    const breachedIds = await tx.$queryRaw<{ id: number }[]>`
      UPDATE investigation_requests r SET "breachedAt" = ${now}
      FROM complaints c
      WHERE c.id = r."complaintId" AND c.status NOT IN ('resolved', 'closed', 'rejected', 'duplicate')
        AND r.id IN (SELECT id FROM investigation_requests WHERE status = 'open' AND "breachedAt" IS NULL AND "dueAt" <= ${now} ORDER BY "dueAt" LIMIT ${BATCH})
        AND r.status = 'open' AND r."breachedAt" IS NULL
      RETURNING r.id`;
    const load = (rows: { id: number }[]) =>
      rows.length
        ? tx.investigationRequest.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select })
        : Promise.resolve([]);
    const [reminded, breached] = await Promise.all([load(remindedIds), load(breachedIds)]);
    const params = (row: (typeof reminded)[number]) => ({
      reference: row.complaint.reference,
      subject: row.complaint.subject,
      requestId: row.id,
      round: row.round,
      dueAt: row.dueAt.toISOString(),
      department: row.department.nameZh,
      departmentEn: row.department.nameEn,
    });
    const notes: NotifyInput[] = [
      ...reminded.flatMap((row) =>
        row.department.liaisons.map((liaison): NotifyInput => ({
          userId: liaison.userId,
          kind: "investigation.reminder",
          complaintId: null,
          now,
          params: params(row),
          dedupeKey: `investigation.reminder:${row.id}:${row.round}:${liaison.userId}`,
        })),
      ),
      // At breach the department head hears of it (escalation), and so does the agent who asked.
      ...breached.flatMap((row) =>
        [row.department.headId, row.requestedById]
          .filter((id): id is number => id !== null)
          .map((userId): NotifyInput => ({
            userId,
            kind: "investigation.overdue",
            now,
            params: params(row),
            dedupeKey: `investigation.overdue:${row.id}:${row.round}:${userId}`,
            // The head may not see the complaint; only the requester's notification links to it.
            complaintId: userId === row.requestedById ? row.complaintId : null,
          })),
      ),
    ];
    await notifyMany(tx, notes);
    await tx.complaintEvent.createMany({
      data: breached.map((row) => ({
        complaintId: row.complaintId,
        kind: "investigation_overdue" as const,
        actorType: "system" as const,
        createdAt: now,
        data: {
          requestId: row.id,
          round: row.round,
          department: { nameZh: row.department.nameZh, nameEn: row.department.nameEn },
          dueAt: row.dueAt.toISOString(),
          headId: row.department.headId,
        },
      })),
    });
    return { reminded: reminded.length, breached: breached.length };
  });
}
