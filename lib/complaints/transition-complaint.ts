// Use case: move a complaint through its lifecycle (SPEC §3), validated on the server, with its SLA side effects.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { enqueueWebhookEvent } from "@/lib/webhooks/events";
import { fail, type Failure, type Result } from "@/lib/errors";
import type { ComplaintStatus, ResponsibleParty } from "@/lib/generated/prisma/enums";
import { PARTIES_WITH_DEPARTMENT } from "@/lib/departments/parties";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkTransition } from "@/lib/complaints/transitions";
import { transitionSchema } from "@/lib/complaints/schema";
import { fieldErrors } from "@/lib/complaints/validation";
import {
  claimVersion,
  isFailure,
  keyWhere,
  loadForChange,
  type ComplaintForChange,
  type ComplaintKey,
} from "@/lib/complaints/load";
import { complaintScope } from "@/lib/complaints/scope";
import { resolveEscalations } from "@/lib/escalations/service";
import { queueResultNotice } from "@/lib/complaints/notify-customer";
import { scheduleSurveyOnResolve, type SurveySkip } from "@/lib/surveys/service";
import { cancelClocks, fulfilClocks, pauseClocks, restartResolutionClock, resumeClocks } from "@/lib/sla/clocks";

export type TransitionResult = Result<{
  complaint: { id: number; reference: string; status: ComplaintStatus; version: number };
}>;

export async function transitionComplaint(
  actor: Actor,
  key: ComplaintKey,
  rawInput: unknown,
  now = new Date(),
): Promise<TransitionResult> {
  if (!can(actor, "complaint.transition")) return fail("forbidden", "You may not change the status of complaints.");
  const parsed = transitionSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  if (input.to === "reopened" && !can(actor, "complaint.reopen")) {
    return fail("forbidden", "Only a supervisor can reopen a complaint; a customer reply reopens it automatically.");
  }

  return db.$transaction(async (tx) => {
    const complaint = await loadForChange(tx, actor, key);
    if (isFailure(complaint)) return complaint;

    let duplicateOfId: number | null = null;
    if (input.to === "duplicate" && input.duplicateOfReference) {
      const original = await tx.complaint.findFirst({
        where: { ...keyWhere(input.duplicateOfReference), ...complaintScope(actor) },
        select: { id: true },
      });
      if (!original || original.id === complaint.id) {
        return fail("invalid", "The original complaint was not found.", {
          fields: { duplicateOfReference: ["unknown"] },
        });
      }
      duplicateOfId = original.id;
    }
    if (
      input.rootCauseId &&
      !(await tx.rootCause.findFirst({ where: { id: input.rootCauseId, active: true }, select: { id: true } }))
    ) {
      return fail("invalid", "Unknown root cause.", { fields: { rootCauseId: ["unknown"] } });
    }

    // Accountability (issue 18 item 6): a department or supplier named as responsible must exist; an external cause
    // names none.
    let responsible: AppliedInput["responsible"];
    if (input.to === "resolved" && input.responsibleParty) {
      const departmentId = PARTIES_WITH_DEPARTMENT.includes(input.responsibleParty)
        ? (input.responsibleDepartmentId ?? null)
        : null;
      if (input.responsibleParty === "department" && departmentId === null)
        return fail("invalid", "Name the responsible department.", {
          fields: { responsibleDepartmentId: ["required"] },
        });
      if (
        departmentId !== null &&
        !(await tx.department.findUnique({ where: { id: departmentId }, select: { id: true } }))
      ) {
        return fail("invalid", "Unknown department.", { fields: { responsibleDepartmentId: ["unknown"] } });
      }
      responsible = { party: input.responsibleParty, departmentId };
    }
    if (input.to === "resolved" && input.withoutSurvey && !input.surveySkipReason) {
      return fail("invalid", "Say why this complaint is resolved without a survey.", {
        fields: { surveySkipReason: ["required"] },
      });
    }
    const check = checkTransition({
      from: complaint.status,
      to: input.to,
      rootCauseId: input.rootCauseId,
      resolutionSummary: input.resolutionSummary,
      duplicateOfId,
      reason: input.reason,
    });
    if (!check.ok) {
      if (check.error === "illegal_transition") {
        return fail("unprocessable", `A complaint cannot go from ${complaint.status} to ${input.to}.`, {
          details: { from: complaint.status, to: input.to },
        });
      }
      return fail("invalid", "Some fields are required for this status.", {
        fields: Object.fromEntries(check.fields.map((field) => [field, ["required"]])),
      });
    }

    const claimed = await claimVersion(tx, complaint.id, input.version);
    if (claimed !== true) return claimed;
    const surveySkip =
      input.to === "resolved" && input.withoutSurvey && input.surveySkipReason
        ? { actorId: actor.userId, reason: input.surveySkipReason }
        : undefined;
    const applied = await applyTransition(
      tx,
      actor,
      complaint,
      { ...input, duplicateOfId, surveySkip, responsible },
      now,
    );
    if (isFailure(applied)) return applied;
    // The resolution summary is shown to the customer; what is only for colleagues goes on the timeline as a note.
    if (input.to === "resolved" && input.internalNote) {
      await tx.complaintEvent.create({
        data: {
          complaintId: complaint.id,
          kind: "note",
          visibility: "internal",
          actorType: actor.kind,
          actorId: actor.userId,
          body: input.internalNote,
          createdAt: now,
          data: { with: "resolution" },
        },
      });
    }
    return {
      ok: true as const,
      complaint: { id: complaint.id, reference: complaint.reference, status: input.to, version: input.version + 1 },
    };
  });
}

type AppliedInput = {
  to: ComplaintStatus;
  reason?: string;
  rootCauseId?: number;
  resolutionSummary?: string;
  duplicateOfId: number | null;
  surveySkip?: SurveySkip;
  /** Resolving: the responsible party chosen in the dialog (else what an accepted department answer recorded stays). */
  responsible?: { party: ResponsibleParty; departmentId: number | null };
};

/**
 * Writes the new status with its timestamps, SLA effects, timeline event and audit row. Shared with customer replies.
 */
export async function applyTransition(
  tx: Tx,
  actor: Actor | null,
  complaint: ComplaintForChange,
  input: AppliedInput,
  now: Date,
): Promise<true | Failure> {
  const actorId = actor?.userId ?? null;
  const data: Prisma.ComplaintUpdateInput = { status: input.to };
  let pendingSurvey = false;
  switch (input.to) {
    case "acknowledged":
      data.acknowledgedAt = now;
      await fulfilClocks(tx, complaint.id, ["acknowledge"], now, actorId);
      break;
    case "pending_customer":
      await pauseClocks(tx, complaint.id, now, actorId);
      break;
    case "resolved":
      data.resolvedAt = now;
      data.rootCause = { connect: { id: input.rootCauseId } };
      data.resolutionSummary = input.resolutionSummary;
      if (input.responsible) {
        data.responsibleParty = input.responsible.party;
        data.responsibleDepartment =
          input.responsible.departmentId === null
            ? { disconnect: true }
            : { connect: { id: input.responsible.departmentId } };
      }
      await fulfilClocks(
        tx,
        complaint.id,
        ["acknowledge", "first_response", "resolution", "investigation", "next_update"],
        now,
        actorId,
      );
      // The written reply and the regulator's answer are met only by that reply / answer; resolution stops them.
      await cancelClocks(tx, complaint.id, now, actorId, "resolved", ["written_reply", "regulator"]);
      pendingSurvey = true;
      break;
    case "closed":
      data.closedAt = now;
      await cancelClocks(tx, complaint.id, now, actorId, "closed");
      break;
    case "reopened":
      data.reopenCount = { increment: 1 };
      data.resolvedAt = null;
      data.closedAt = null;
      await restartResolutionClock(tx, complaint.id, now, actorId);
      break;
    case "rejected":
      data.closedAt = now;
      await cancelClocks(tx, complaint.id, now, actorId, "rejected");
      break;
    case "duplicate":
      data.closedAt = now;
      if (input.duplicateOfId) data.duplicateOf = { connect: { id: input.duplicateOfId } };
      await cancelClocks(tx, complaint.id, now, actorId, "duplicate");
      break;
    default:
      break;
  }
  if (complaint.status === "pending_customer" && input.to !== "pending_customer")
    await resumeClocks(tx, complaint.id, now, actorId);
  // A finished complaint leaves the escalation inbox; its level stays as a record.
  if (input.to === "resolved" || input.to === "closed" || input.to === "rejected" || input.to === "duplicate")
    await resolveEscalations(tx, complaint.id, now);

  await tx.complaint.update({ where: { id: complaint.id }, data });
  // The customer is told the outcome (summary, whom to contact) as soon as it is resolved.
  if (input.to === "resolved") await queueResultNotice(tx, complaint.id);
  await tx.complaintEvent.create({
    data: {
      complaintId: complaint.id,
      kind: input.to === "duplicate" ? "merged" : "status_changed",
      actorType: actor?.kind ?? "customer",
      actorId,
      body: input.reason ?? input.resolutionSummary ?? null,
      createdAt: now,
      data: {
        from: complaint.status,
        to: input.to,
        rootCauseId: input.rootCauseId ?? null,
        duplicateOfId: input.duplicateOfId,
        ...(input.responsible
          ? { responsibleParty: input.responsible.party, responsibleDepartmentId: input.responsible.departmentId }
          : {}),
      },
    },
  });
  await enqueueWebhookEvent(
    tx,
    input.to === "resolved" ? "complaint.resolved" : "complaint.updated",
    { complaintId: complaint.id, change: { status: { from: complaint.status, to: input.to } } },
    now,
  );
  // SPEC §5: resolving sends the satisfaction survey (subject to eligibility: consent, e-mail, the 7-day rule …),
  // after the status event so the timeline reads "resolved", then "survey sent" (or why none was sent).
  if (pendingSurvey) await scheduleSurveyOnResolve(tx, { complaintId: complaint.id, now, skip: input.surveySkip });
  await writeAudit(tx, {
    actorType: actor?.kind ?? "customer",
    actorId,
    action: "complaint.transition",
    entityType: "complaint",
    entityId: String(complaint.id),
    changes: {
      status: { from: complaint.status, to: input.to },
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.responsible
        ? { responsibleParty: input.responsible.party, responsibleDepartmentId: input.responsible.departmentId }
        : {}),
    },
  });
  return true;
}
