// Use case: an agent escalates a complaint one level by hand, with a required note saying why, optionally addressed
// to a named department (legal, finance, operations, CRM …) whose escalation owner takes it.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { claimVersion, isFailure, loadForChange, type ComplaintKey } from "@/lib/complaints/load";
import { MAX_LEVEL } from "@/lib/escalations/owners";
import { requestEscalationSchema } from "@/lib/escalations/schema";
import { changeLevel, lockComplaint } from "@/lib/escalations/service";

export type EscalationChange = Result<{
  version: number;
  level: number;
  escalationId: number | null;
  ownerId: number | null;
  departmentId: number | null;
}>;

export async function requestEscalation(
  actor: Actor,
  complaintKey: ComplaintKey,
  rawInput: unknown,
  now = new Date(),
): Promise<EscalationChange> {
  if (!can(actor, "complaint.update")) return fail("forbidden", "You may not escalate complaints.");
  const parsed = requestEscalationSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;

  return db.$transaction(async (tx) => {
    const complaint = await loadForChange(tx, actor, complaintKey);
    if (isFailure(complaint)) return complaint;
    if (["resolved", "closed", "rejected", "duplicate"].includes(complaint.status)) {
      return fail("unprocessable", "A finished complaint cannot be escalated.", {
        details: { status: complaint.status },
      });
    }
    if (input.departmentId !== null) {
      const department = await tx.department.findFirst({
        where: { id: input.departmentId, active: true },
        select: { id: true },
      });
      if (!department)
        return fail("invalid", "Choose an active department.", { fields: { departmentId: ["not_found"] } });
    }
    const locked = await lockComplaint(tx, complaint.id);
    if (!locked) return fail("not_found", "No such complaint.");
    if (locked.level >= MAX_LEVEL)
      return fail("unprocessable", "The complaint is already at the highest escalation level.", {
        details: { level: locked.level },
      });
    const claimed = await claimVersion(tx, complaint.id, input.version);
    if (claimed !== true) return claimed;
    const outcome = await changeLevel(tx, locked, {
      toLevel: locked.level + 1,
      reason: input.reason,
      note: input.note,
      departmentId: input.departmentId,
      actor,
      now,
    });
    // Without a dedupeKey there is no duplicate; if it ever happened, throwing rolls back the version claimed above.
    if (!outcome.escalated) throw new Error(`escalation of complaint ${complaint.id} not applied: ${outcome.why}`);
    return {
      ok: true as const,
      version: input.version + 1,
      level: outcome.level,
      escalationId: outcome.escalationId,
      ownerId: outcome.ownerId,
      departmentId: outcome.departmentId,
    };
  });
}
