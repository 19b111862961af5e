// Who hears about a compensation proposal: the approvers who can decide it (bell now, e-mail in the next per-user
// digest of the notifications.digest job) and, once decided, the proposer. Written in the proposal's transaction.
import "server-only";
import { can, permissionsOf } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { approverRulesFor } from "@/lib/compensation/limits";
import type { CompensationView } from "@/lib/compensation/queries";
import { notify, notifyMany } from "@/lib/notifications/service";

type About = { id: number; reference: string; subject: string; teamId: number | null };

function params(compensation: CompensationView, complaint: About, extra: Record<string, string | null> = {}) {
  return {
    reference: complaint.reference,
    subject: complaint.subject,
    amount: compensation.amount,
    currency: compensation.currency,
    compensationKind: compensation.kind,
    ...extra,
  };
}

/**
 * Active users of `role` who can see the complaint: everyone for roles reading all complaints, else its team's members.
 */
async function approversOfRole(tx: Tx, role: Role, complaint: About, exceptUserId: number): Promise<number[]> {
  const readsAll = can({ permissions: permissionsOf(role) }, "complaint.read_all");
  if (!readsAll && complaint.teamId === null) return [];
  const users = await tx.user.findMany({
    where: {
      role,
      active: true,
      id: { not: exceptUserId },
      ...(readsAll ? {} : { memberships: { some: { teamId: complaint.teamId ?? -1 } } }),
    },
    select: { id: true },
    orderBy: { id: "asc" },
    take: 50,
  });
  return users.map((user) => user.id);
}

/**
 * Notifies the approvers of a proposal above the proposer's limit: the least senior approving role whose limit covers
 * the amount and that has someone able to see the complaint (a team without a supervisor goes to the managers).
 * Returns the notified user ids.
 */
export async function notifyApprovers(
  tx: Tx,
  compensation: CompensationView,
  complaint: About,
  proposer: { id: number; name: string },
): Promise<number[]> {
  for (const rule of await approverRulesFor(tx, compensation.amount, compensation.currency)) {
    const userIds = await approversOfRole(tx, rule.role, complaint, proposer.id);
    if (userIds.length === 0) continue;
    await notifyMany(
      tx,
      userIds.map((userId) => ({
        userId,
        kind: "compensation.awaiting_approval" as const,
        params: params(compensation, complaint, { by: proposer.name }),
        complaintId: complaint.id,
        dedupeKey: `compensation:${compensation.id}:approve:${userId}`,
      })),
    );
    return userIds;
  }
  return [];
}

/** Tells the proposer that their proposal was approved or rejected (and by whom, with the approver's note). */
export async function notifyProposer(
  tx: Tx,
  compensation: CompensationView,
  complaint: About,
  proposerId: number,
  approverName: string,
) {
  if (compensation.status !== "approved" && compensation.status !== "rejected") return;
  await notify(tx, {
    userId: proposerId,
    kind: "compensation.decided",
    params: params(compensation, complaint, {
      decision: compensation.status,
      by: approverName,
      note: compensation.decisionNote,
    }),
    complaintId: complaint.id,
    dedupeKey: `compensation:${compensation.id}:decided`,
  });
}
