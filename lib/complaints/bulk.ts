// Bulk actions of the queues (assign / change status of many complaints at once) and the staff list they offer.
//
// Each complaint is its own unit of work: we loop over the existing use cases (assignComplaint,
// transitionComplaint), one transaction per complaint, and report a result per item. One giant transaction would let
// a single illegal transition or a concurrent edit roll back everything the supervisor asked for; per-item results
// tell them exactly which complaints were changed and why the others were not.
//
// The queue does not show versions, so a bulk action applies to each complaint's *current* version (read just before
// the change). Optimistic locking still guards the race between that read and the write (a per-item "conflict"),
// and every per-item rule (transition table, required fields, assignee in team, scope) is checked by the services.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { fail, type ErrorCode, type FieldErrors, type Result } from "@/lib/errors";
import { assignComplaint } from "@/lib/complaints/assign-complaint";
import { transitionComplaint } from "@/lib/complaints/transition-complaint";
import { complaintScope } from "@/lib/complaints/scope";
import { REFERENCE_PATTERN } from "@/lib/complaints/reference";
import { STATUSES } from "@/lib/complaints/schema";
import { idSchema } from "@/lib/validation";

/** At most one queue page plus margin: bulk actions are for a screenful, not the whole database. */
export const BULK_MAX_ITEMS = 100;

const references = z
  .array(z.string().trim().regex(REFERENCE_PATTERN, "invalid_reference"))
  .min(1, "required")
  .max(BULK_MAX_ITEMS, "too_many")
  .transform((list) => [...new Set(list)]);

export const bulkAssignSchema = z.object({
  references,
  assigneeId: idSchema.nullable(),
  note: z.string().trim().max(2_000).optional(),
});

export const bulkTransitionSchema = z.object({
  references,
  // "duplicate" needs a different original per complaint, so it stays a per-complaint action.
  to: z.enum(STATUSES).refine((status) => status !== "duplicate" && status !== "new", "not_allowed_in_bulk"),
  reason: z.string().trim().max(2_000).optional(),
  rootCauseId: idSchema.optional(),
  resolutionSummary: z.string().trim().max(5_000).optional(),
});

export type BulkAssignInput = z.infer<typeof bulkAssignSchema>;
export type BulkTransitionInput = z.infer<typeof bulkTransitionSchema>;

export type BulkItemResult =
  | { reference: string; ok: true }
  | { reference: string; ok: false; error: ErrorCode; message: string; fields?: FieldErrors };

export type BulkOutcome = { results: BulkItemResult[]; done: number; failed: number };

async function currentVersion(actor: Actor, reference: string): Promise<number | null> {
  const row = await db.complaint.findFirst({
    where: { reference, ...complaintScope(actor) },
    select: { version: true },
  });
  return row?.version ?? null;
}

async function eachComplaint(
  actor: Actor,
  refs: string[],
  change: (reference: string, version: number) => Promise<Result<object>>,
): Promise<BulkOutcome> {
  const results: BulkItemResult[] = [];
  // Sequential on purpose: parallel transactions on one connection pool would starve other requests.
  for (const reference of refs) {
    const version = await currentVersion(actor, reference);
    if (version === null) {
      results.push({ reference, ok: false, error: "not_found", message: "No such complaint." });
      continue;
    }
    const result = await change(reference, version);
    results.push(
      result.ok
        ? { reference, ok: true }
        : { reference, ok: false, error: result.error, message: result.message, fields: result.fields },
    );
  }
  const done = results.filter((item) => item.ok).length;
  return { results, done, failed: results.length - done };
}

/** Assigns (or unassigns, assigneeId null) every listed complaint. Needs complaint.bulk and complaint.assign. */
export async function bulkAssign(actor: Actor, input: BulkAssignInput): Promise<Result<BulkOutcome>> {
  if (!can(actor, "complaint.bulk") || !can(actor, "complaint.assign"))
    return fail("forbidden", "Only supervisors can assign complaints in bulk.");
  const { references: refs, assigneeId, note } = input;
  const outcome = await eachComplaint(actor, refs, (reference, version) =>
    assignComplaint(actor, reference, { version, assigneeId, note }),
  );
  return { ok: true, ...outcome };
}

/** Moves every listed complaint to one status. Needs complaint.bulk (and whatever the transition itself needs). */
export async function bulkTransition(actor: Actor, input: BulkTransitionInput): Promise<Result<BulkOutcome>> {
  if (!can(actor, "complaint.bulk")) return fail("forbidden", "Only supervisors can change complaints in bulk.");
  const { references: refs, ...change } = input;
  const outcome = await eachComplaint(actor, refs, (reference, version) =>
    transitionComplaint(actor, reference, { version, ...change }),
  );
  return { ok: true, ...outcome };
}

export type StaffOption = { id: number; name: string; teamIds: number[] };

/**
 * Staff who can own complaints, for the assignee filter and "Assign to…": everyone for actors who see all
 * complaints, otherwise the members of the actor's own teams.
 */
export async function listAssignableStaff(actor: Actor): Promise<StaffOption[]> {
  if (!can(actor, "complaint.read")) return [];
  const teamFilter = can(actor, "complaint.read_all")
    ? {}
    : { memberships: { some: { teamId: { in: actor.teamIds } } } };
  const rows = await db.user.findMany({
    where: { active: true, role: { in: ["agent", "supervisor", "manager"] }, ...teamFilter },
    orderBy: { name: "asc" },
    select: { id: true, name: true, memberships: { select: { teamId: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    teamIds: row.memberships.map((membership) => membership.teamId),
  }));
}
