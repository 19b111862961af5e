// Extra reads for the complaint workspace: who a complaint can be assigned to, and who must approve compensation.
import "server-only";
import { db } from "@/lib/db";
import { enabledCompensationKinds } from "@/lib/compensation/config";
import type { Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { approvalLimitFor, lowestApproverFor, type ApprovalLimitRule } from "@/lib/compensation/limits";

/** Active staff of the team who can own complaints (assignComplaint accepts exactly these). */
export async function listAssignableMembers(
  teamId: number | null,
): Promise<{ id: number; name: string; role: Role }[]> {
  if (teamId === null) return [];
  return db.user.findMany({
    where: { active: true, role: { in: ["agent", "supervisor", "manager"] }, memberships: { some: { teamId } } },
    select: { id: true, name: true, role: true },
    orderBy: [{ role: "asc" }, { name: "asc" }],
  });
}

export type CompensationApprovalHints = {
  /** The actor's own limit: proposals above it wait for an approver. */
  ownLimit: ApprovalLimitRule & { enabledKinds: string[] };
  /** For each compensation still awaiting approval, the least senior role that can approve it (null: nobody can). */
  approverRoleById: Record<number, Role | null>;
};

export async function compensationApprovalHints(
  actor: Actor,
  proposals: readonly { id: number; status: string; amount: string; currency: string }[],
): Promise<CompensationApprovalHints> {
  const [limit, enabledKinds] = await Promise.all([approvalLimitFor(db, actor.role), enabledCompensationKinds(db)]);
  // The kinds the propose form offers travel with the limit it already receives.
  const ownLimit = { ...limit, enabledKinds };
  const waiting = proposals.filter((proposal) => proposal.status === "proposed");
  const approvers = await Promise.all(
    waiting.map((proposal) => lowestApproverFor(db, proposal.amount, proposal.currency)),
  );
  return {
    ownLimit,
    approverRoleById: Object.fromEntries(
      waiting.map((proposal, index) => [proposal.id, approvers[index]?.role ?? null]),
    ),
  };
}
