// Reads about compensation: a complaint's compensation list and the approver's inbox.
import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { complaintScope } from "@/lib/complaints/scope";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ComplaintStatus, CompensationKind, CompensationStatus } from "@/lib/generated/prisma/enums";
import { approvalLimitFor, needsApproval } from "@/lib/compensation/limits";

export type CompensationView = {
  id: number;
  complaintId: number;
  kind: CompensationKind;
  /** Decimal as text with two decimals, e.g. "800.00": exact, and safe in JSON. */
  amount: string;
  currency: string;
  reason: string;
  status: CompensationStatus;
  proposedBy: { id: number; name: string };
  approver: { id: number; name: string } | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  issuedAt: Date | null;
  version: number;
  createdAt: Date;
};

export const compensationViewSelect = {
  id: true,
  complaintId: true,
  kind: true,
  amount: true,
  currency: true,
  reason: true,
  status: true,
  proposedBy: { select: { id: true, name: true } },
  approver: { select: { id: true, name: true } },
  decisionNote: true,
  decidedAt: true,
  issuedAt: true,
  version: true,
  createdAt: true,
} satisfies Prisma.CompensationSelect;

export type CompensationRow = Prisma.CompensationGetPayload<{ select: typeof compensationViewSelect }>;

export function toCompensationView(row: CompensationRow): CompensationView {
  return { ...row, amount: row.amount.toFixed(2), currency: row.currency.trim() };
}

/** Compensation of one complaint, oldest first; null when the complaint is outside the actor's scope. */
export async function listCompensations(actor: Actor, complaintId: number): Promise<CompensationView[] | null> {
  const complaint = await db.complaint.findFirst({
    where: { AND: [{ id: complaintId }, complaintScope(actor)] },
    select: { compensations: { select: compensationViewSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  return complaint ? complaint.compensations.map(toCompensationView) : null;
}

export type PendingApproval = CompensationView & {
  complaint: { id: number; reference: string; subject: string; status: ComplaintStatus };
};

/**
 * Proposals the approver inbox looks at: the most a page shows, so the read stays bounded however large the backlog.
 */
const PENDING_SCAN_LIMIT = 500;

/**
 * The approver's inbox: proposals within the actor's complaint scope that the actor may decide, i.e. covered by the
 * actor's limit (miles/points at the configured rate, like decideCompensation) and not proposed by the actor.
 * Oldest first.
 */
export async function listPendingApprovals(
  actor: Actor,
  options: { limit?: number; complaintId?: number } = {},
): Promise<PendingApproval[]> {
  if (!can(actor, "compensation.approve")) return [];
  const limit = await approvalLimitFor(db, actor.role);
  const rows = await db.compensation.findMany({
    where: {
      status: "proposed",
      proposedById: { not: actor.userId },
      ...(options.complaintId !== undefined ? { complaintId: options.complaintId } : {}),
      complaint: complaintScope(actor),
    },
    select: {
      ...compensationViewSelect,
      complaint: { select: { id: true, reference: true, subject: true, status: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: PENDING_SCAN_LIMIT,
  });
  return rows
    .map(({ complaint, ...row }) => ({ ...toCompensationView(row), complaint }))
    .filter((row) => !needsApproval(row.amount, row.currency, limit))
    .slice(0, Math.min(Math.max(options.limit ?? 100, 1), PENDING_SCAN_LIMIT));
}

/** How many proposals wait for the actor's decision (home page tile and the approvals inbox title). */
export async function countPendingApprovals(actor: Actor): Promise<number> {
  return (await listPendingApprovals(actor, { limit: PENDING_SCAN_LIMIT })).length;
}
