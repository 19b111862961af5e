// The escalation service: raises (or lowers) a complaint's escalation level inside the caller's transaction, with
// the Escalation row, timeline event, audit row and the new owner's notification. Used by the SLA sweeper (breach),
// complaint creation (severity, VIP, regulator, repeat complaint), agents (manual) and the supervisors' actions.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorType, EscalationOutcome, EscalationReason } from "@/lib/generated/prisma/enums";
import { notifyMany } from "@/lib/notifications/service";
import { enqueueWebhookEvent } from "@/lib/webhooks/events";
import { MAX_LEVEL, ownerDirectory, type OwnerDirectory } from "@/lib/escalations/owners";

/** Outcomes of an escalation that is still waiting for its owner; every other outcome closes it. */
export const ACTIVE_OUTCOMES = ["open", "acknowledged"] as const satisfies readonly EscalationOutcome[];

export type EscalateInput = {
  complaintId: number;
  reason: EscalationReason;
  note?: string | null;
  /** null for the system (SLA sweeper, creation rules). */
  actor: Actor | null;
  /** Makes the escalation happen at most once, e.g. "breach:<clockId>" or "create:<complaintId>". */
  dedupeKey?: string | null;
  now?: Date;
  /** Extra detail for the timeline event (e.g. which clock breached). */
  detail?: Prisma.InputJsonObject;
  /** Shared owner lookups when escalating many complaints in one transaction. */
  owners?: OwnerDirectory;
  /** The named department the escalation is addressed to (manual escalation); else the level's department. */
  departmentId?: number | null;
};

export type EscalateOutcome =
  | {
      escalated: true;
      escalationId: number | null;
      fromLevel: number;
      level: number;
      ownerId: number | null;
      departmentId: number | null;
    }
  | { escalated: false; why: "duplicate" | "max_level" | "not_found" };

/**
 * The complaint row, locked for the rest of the transaction so concurrent escalations of it happen one after the other.
 */
export type LockedComplaint = {
  id: number;
  reference: string;
  subject: string;
  level: number;
  teamId: number | null;
  assigneeId: number | null;
  supervisorId: number | null;
  l3DepartmentId: number | null;
  l4DepartmentId: number | null;
};

/** Locks the complaints (in id order, so two callers never deadlock) and reads what escalating them needs. */
export async function lockComplaints(tx: Tx, complaintIds: readonly number[]): Promise<LockedComplaint[]> {
  if (complaintIds.length === 0) return [];
  return tx.$queryRaw<LockedComplaint[]>`
    SELECT p.id, p.reference, p.subject, p."escalationLevel" AS level, p."teamId", p."assigneeId", s.id AS "supervisorId",
           t."l3DepartmentId", t."l4DepartmentId"
    FROM complaints p
    LEFT JOIN teams t ON t.id = p."teamId"
    LEFT JOIN users s ON s.id = t."supervisorId" AND s.active
    WHERE p.id = ANY(${[...complaintIds]}::int[])
    ORDER BY p.id
    FOR UPDATE OF p`;
}

export async function lockComplaint(tx: Tx, complaintId: number): Promise<LockedComplaint | null> {
  return (await lockComplaints(tx, [complaintId]))[0] ?? null;
}

/** Raises the complaint one level (bounded at L4) and hands it to the owner of that level. */
export async function escalate(tx: Tx, input: EscalateInput): Promise<EscalateOutcome> {
  const complaint = await lockComplaint(tx, input.complaintId);
  if (!complaint) return { escalated: false, why: "not_found" };
  if (complaint.level >= MAX_LEVEL) return { escalated: false, why: "max_level" };
  return changeLevel(tx, complaint, { ...input, toLevel: complaint.level + 1 });
}

export type ChangeLevelInput = Omit<EscalateInput, "complaintId"> & {
  toLevel: number;
  /** Outcome written on the complaint's other active escalations, which the new level supersedes. */
  supersededAs?: EscalationOutcome;
};

export async function changeLevel(
  tx: Tx,
  complaint: LockedComplaint,
  input: ChangeLevelInput,
): Promise<EscalateOutcome> {
  const [outcome] = await changeLevels(tx, [{ ...input, complaint }], { now: input.now, owners: input.owners });
  return outcome ?? { escalated: false, why: "not_found" };
}

export type LevelChange = ChangeLevelInput & { complaint: LockedComplaint };

/**
 * Moves locked complaints (each at most once per call) to their `toLevel`, with a constant number of statements
 * however many there are, so the sweeper can escalate a batch of breaches at once. At L2 and above a new Escalation
 * row names the owner of that level (also when lowering the level: the lower level's owner takes the complaint back);
 * L1 has no row. The complaint's other active escalations are closed, so each complaint has at most one active
 * escalation: the current level's. A change whose dedupeKey was already used is skipped ("duplicate").
 */
export async function changeLevels(
  tx: Tx,
  changes: readonly LevelChange[],
  options: { now?: Date; owners?: OwnerDirectory } = {},
): Promise<EscalateOutcome[]> {
  const now = options.now ?? new Date();
  const owners = options.owners ?? ownerDirectory(tx);
  const planned = await Promise.all(
    changes.map(async (change) => {
      const level = Math.min(Math.max(change.toLevel, 1), MAX_LEVEL);
      const { ownerId, departmentId } =
        level >= 2
          ? await owners.targetFor(level, change.complaint, change.departmentId ?? null)
          : { ownerId: null, departmentId: null };
      return {
        ...change,
        fromLevel: change.complaint.level,
        level,
        ownerId,
        departmentId,
        actorId: change.actor?.userId ?? null,
      };
    }),
  );
  // The named departments, for the timeline (bilingual, as the investigation events record them).
  const departmentIds = [
    ...new Set(planned.flatMap((change) => (change.departmentId === null ? [] : [change.departmentId]))),
  ];
  const departmentNames = new Map(
    departmentIds.length
      ? (
          await tx.department.findMany({
            where: { id: { in: departmentIds } },
            select: { id: true, nameZh: true, nameEn: true },
          })
        ).map((row) => [row.id, { nameZh: row.nameZh, nameEn: row.nameEn }])
      : [],
  );
  // ON CONFLICT DO NOTHING on the unique dedupeKey: a second attempt records nothing and aborts nothing.
  const withRow = planned.filter((change) => change.level >= 2);
  const created = withRow.length
    ? await tx.escalation.createManyAndReturn({
        data: withRow.map((change) => ({
          complaintId: change.complaint.id,
          fromLevel: change.fromLevel,
          level: change.level,
          reason: change.reason,
          note: change.note ?? null,
          dedupeKey: change.dedupeKey ?? null,
          createdById: change.actorId,
          ownerId: change.ownerId,
          departmentId: change.departmentId,
          createdAt: now,
        })),
        skipDuplicates: true,
        select: { id: true, complaintId: true },
      })
    : [];
  const rowOf = new Map(created.map((row) => [row.complaintId, row.id]));
  const applied = planned.filter((change) => change.level < 2 || rowOf.has(change.complaint.id));
  if (applied.length === 0) return planned.map(() => ({ escalated: false, why: "duplicate" }));

  for (const supersededAs of new Set(applied.map((change) => change.supersededAs ?? "escalated_further"))) {
    const ids = applied
      .filter((change) => (change.supersededAs ?? "escalated_further") === supersededAs)
      .map((change) => change.complaint.id);
    await tx.escalation.updateMany({
      where: {
        complaintId: { in: ids },
        outcome: { in: [...ACTIVE_OUTCOMES] },
        id: { notIn: created.map((row) => row.id) },
      },
      data: { outcome: supersededAs, closedAt: now },
    });
  }
  for (const level of new Set(applied.map((change) => change.level))) {
    const ids = applied.filter((change) => change.level === level).map((change) => change.complaint.id);
    await tx.complaint.updateMany({ where: { id: { in: ids } }, data: { escalationLevel: level } });
  }
  const actorTypeOf = (actor: Actor | null): ActorType =>
    actor ? (actor.kind === "api_token" ? "api_token" : "user") : "system";
  const rows = applied.map((change) => ({
    ...change,
    escalationId: rowOf.get(change.complaint.id) ?? null,
    raised: change.level > change.fromLevel,
    actorType: actorTypeOf(change.actor),
  }));
  await tx.complaintEvent.createMany({
    data: rows.map((row) => ({
      complaintId: row.complaint.id,
      kind: row.raised ? ("escalated" as const) : ("de_escalated" as const),
      actorType: row.actorType,
      actorId: row.actorId,
      body: row.note ?? null,
      createdAt: now,
      data: {
        ...row.detail,
        fromLevel: row.fromLevel,
        level: row.level,
        reason: row.reason,
        escalationId: row.escalationId,
        ownerId: row.ownerId,
        departmentId: row.departmentId,
        ...(row.departmentId !== null && departmentNames.has(row.departmentId)
          ? { department: departmentNames.get(row.departmentId) }
          : {}),
      },
    })),
  });
  // Same row shape as lib/audit/log.ts writeAudit, in one statement.
  await tx.auditLog.createMany({
    data: rows.map((row) => ({
      actorType: row.actorType,
      actorId: row.actorId,
      action: row.raised ? "complaint.escalate" : "complaint.de_escalate",
      entityType: "complaint",
      entityId: String(row.complaint.id),
      changes: {
        escalationLevel: { from: row.fromLevel, to: row.level },
        reason: row.reason,
        escalationId: row.escalationId,
        ownerId: row.ownerId,
        departmentId: row.departmentId,
        dedupeKey: row.dedupeKey ?? null,
      },
    })),
  });
  await notifyMany(
    tx,
    rows.flatMap((row) =>
      row.ownerId !== null && row.escalationId !== null && row.ownerId !== row.actorId
        ? [
            {
              userId: row.ownerId,
              kind: "escalation.assigned" as const,
              complaintId: row.complaint.id,
              dedupeKey: `escalation:${row.escalationId}`,
              now,
              params: {
                reference: row.complaint.reference,
                subject: row.complaint.subject,
                fromLevel: row.fromLevel,
                level: row.level,
                reason: row.reason,
                escalationId: row.escalationId,
              },
            },
          ]
        : [],
    ),
  );
  for (const row of rows.filter((change) => change.raised)) {
    await enqueueWebhookEvent(
      tx,
      "complaint.escalated",
      { complaintId: row.complaint.id, change: { fromLevel: row.fromLevel, level: row.level, reason: row.reason } },
      now,
    );
  }
  for (const row of rows) row.complaint.level = row.level;
  const outcomeOf = new Map(rows.map((row) => [row.complaint.id, row]));
  return planned.map((change): EscalateOutcome => {
    const row = outcomeOf.get(change.complaint.id);
    return row
      ? {
          escalated: true,
          escalationId: row.escalationId,
          fromLevel: row.fromLevel,
          level: row.level,
          ownerId: row.ownerId,
          departmentId: row.departmentId,
        }
      : { escalated: false, why: "duplicate" };
  });
}

/**
 * For the lead to call when a complaint is resolved/closed/rejected/merged: its active escalations end with outcome
 * "resolved" (the level itself stays, as a record of how far the complaint went).
 */
export async function resolveEscalations(tx: Tx, complaintId: number, now: Date): Promise<number> {
  const result = await tx.escalation.updateMany({
    where: { complaintId, outcome: { in: [...ACTIVE_OUTCOMES] } },
    data: { outcome: "resolved", closedAt: now },
  });
  return result.count;
}
