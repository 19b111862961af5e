// Compensation in bulk for an incident (lib/incidents/compensation.ts): proposals written many at a time, and one
// approval of a set whose total the approver's limit covers. Same rows, timeline events and audit rows as the
// one-at-a-time use cases in service.ts; the same limits (limits.ts). Runs inside the caller's transaction.
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import type { CompensationKind } from "@/lib/generated/prisma/enums";
import {
  approvalLimitFor,
  lowestApproverFor,
  needsApproval,
  toCents,
  type ApprovalLimitRule,
} from "@/lib/compensation/limits";

/** A complaint holding compensation in one of these statuses is compensated: it gets no second proposal. */
export const LIVE_COMPENSATION_STATUSES = ["proposed", "approved", "issued"] as const;

export type BulkProposal = {
  complaintId: number;
  kind: CompensationKind;
  amount: string;
  currency: string;
  reason: string;
};

/**
 * Writes proposals (status proposed: they wait for the one-step approval of their total) for complaints of the
 * incident. The unique (incidentId, complaintId) makes a rerun or an overlapping batch create nothing twice.
 * Returns the complaint ids that got a proposal now.
 */
export async function proposeInBulk(
  tx: Tx,
  proposerId: number,
  incidentId: number,
  proposals: readonly BulkProposal[],
  now: Date,
): Promise<Set<number>> {
  if (proposals.length === 0) return new Set();
  const created = await tx.compensation.createManyAndReturn({
    data: proposals.map((row) => ({
      ...row,
      incidentId,
      proposedById: proposerId,
      status: "proposed" as const,
      createdAt: now,
    })),
    skipDuplicates: true,
    select: { id: true, complaintId: true, kind: true, amount: true, currency: true },
  });
  if (created.length === 0) return new Set();
  const data = (row: (typeof created)[number]) => ({
    compensationId: row.id,
    kind: row.kind,
    amount: row.amount.toFixed(2),
    currency: row.currency.trim(),
    incidentId,
    needsApproval: true,
  });
  await tx.complaintEvent.createMany({
    data: created.map((row) => ({
      complaintId: row.complaintId,
      kind: "compensation_proposed" as const,
      actorType: "user" as const,
      actorId: proposerId,
      createdAt: now,
      data: data(row),
    })),
  });
  await tx.auditLog.createMany({
    data: created.map((row) => ({
      actorType: "user" as const,
      actorId: proposerId,
      action: "compensation.propose",
      entityType: "compensation",
      entityId: String(row.id),
      createdAt: now,
      changes: {
        complaintId: row.complaintId,
        amount: row.amount.toFixed(2),
        currency: row.currency.trim(),
        status: "proposed",
        incidentId,
      },
    })),
  });
  return new Set(created.map((row) => row.complaintId));
}

type Pending = { id: number; amount: string; currency: string };

/** Sums per currency in cents. */
function sums(rows: readonly Pending[]): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const row of rows) out.set(row.currency, (out.get(row.currency) ?? 0n) + toCents(row.amount));
  return out;
}

const asAmount = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;

/** True when the limit covers every currency's total of the rows. */
export function limitCovers(rows: readonly Pending[], limit: ApprovalLimitRule): boolean {
  return [...sums(rows)].every(([currency, cents]) => !needsApproval(asAmount(cents), currency, limit));
}

/** The longest prefix (in id order) whose per-currency totals the limit covers: the approver's share of a split. */
export function shareWithinLimit(rows: readonly Pending[], limit: ApprovalLimitRule): Pending[] {
  const taken: Pending[] = [];
  for (const row of rows) {
    if (!limitCovers([...taken, row], limit)) break;
    taken.push(row);
  }
  return taken;
}

/** For the message when a total is above the approver's limit: the least senior role that covers it (or null). */
export async function roleCoveringTotal(tx: Tx, rows: readonly Pending[]) {
  let highest: ApprovalLimitRule | null = null;
  for (const [currency, cents] of sums(rows)) {
    const rule = await lowestApproverFor(tx, asAmount(cents), currency);
    if (!rule) return null;
    if (!highest || toCents(rule.amount) > toCents(highest.amount)) highest = rule;
  }
  return highest;
}

/**
 * Approves the given proposed compensations in one statement, with one timeline event per complaint and one audit
 * row per compensation. Returns how many it approved; fewer than asked means someone decided some meanwhile.
 */
export async function approveInBulk(
  tx: Tx,
  actor: Actor,
  rows: readonly Pending[],
  now: Date,
  note: string | null,
): Promise<number> {
  if (rows.length === 0) return 0;
  const ids = rows.map((row) => row.id);
  const approved = await tx.compensation.updateManyAndReturn({
    where: { id: { in: ids }, status: "proposed" },
    data: {
      status: "approved",
      approverId: actor.userId,
      decidedAt: now,
      decisionNote: note,
      version: { increment: 1 },
    },
    select: { id: true, complaintId: true, kind: true, amount: true, currency: true, incidentId: true },
  });
  await tx.complaintEvent.createMany({
    data: approved.map((row) => ({
      complaintId: row.complaintId,
      kind: "compensation_approved" as const,
      actorType: actor.kind,
      actorId: actor.userId,
      createdAt: now,
      data: {
        compensationId: row.id,
        kind: row.kind,
        amount: row.amount.toFixed(2),
        currency: row.currency.trim(),
        incidentId: row.incidentId,
        bulk: true,
      },
    })),
  });
  await tx.auditLog.createMany({
    data: approved.map((row) => ({
      actorType: actor.kind,
      actorId: actor.userId,
      action: "compensation.approve",
      entityType: "compensation",
      entityId: String(row.id),
      createdAt: now,
      changes: {
        complaintId: row.complaintId,
        amount: row.amount.toFixed(2),
        currency: row.currency.trim(),
        status: { from: "proposed", to: "approved" },
        incidentId: row.incidentId,
        bulk: true,
      },
    })),
  });
  return approved.length;
}

export { approvalLimitFor };
