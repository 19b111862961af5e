// Access lives in the query: what complaints an actor may see, as a Prisma where-fragment used by every read and write.
import type { Actor } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";

export function complaintScope(actor: Actor): Prisma.ComplaintWhereInput {
  if (can(actor, "complaint.read_all")) return {};
  if (!can(actor, "complaint.read")) return { id: -1 }; // matches nothing
  // Agents and supervisors: their teams' complaints, and any complaint assigned to them personally.
  return { OR: [{ teamId: { in: actor.teamIds } }, { assigneeId: actor.userId }] };
}

/** complaintScope as SQL on `complaints` aliased `c` (the queue's one-statement tab counts); keep the two in step. */
export function complaintScopeSql(actor: Actor): Prisma.Sql {
  if (can(actor, "complaint.read_all")) return Prisma.sql`TRUE`;
  if (!can(actor, "complaint.read")) return Prisma.sql`FALSE`;
  return Prisma.sql`(c."teamId" = ANY(${actor.teamIds}::int[]) OR c."assigneeId" = ${actor.userId})`;
}

/**
 * complaintScope on a loaded row, for pages that list complaints of several scopes side by side (Customer 360, the
 * workspace's customer panel): rows outside the scope are shown as metadata only. Keep in step with complaintScope.
 */
export function inComplaintScope(
  actor: Actor,
  complaint: { teamId: number | null; assigneeId: number | null },
): boolean {
  if (can(actor, "complaint.read_all")) return true;
  if (!can(actor, "complaint.read")) return false;
  return (
    (complaint.teamId !== null && actor.teamIds.includes(complaint.teamId)) || complaint.assigneeId === actor.userId
  );
}
