// The incident review (复盘, issue 17 item 7): a summary of the timeline, what went well and badly, the figures as
// they stood, and improvement actions created through the CAPA module (lib/improvements) and linked back to the
// incident. An incident closes only once it has a review (changeIncidentStatus checks for it).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, type Result } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fieldErrors } from "@/lib/complaints/validation";
import { improvementInputSchema } from "@/lib/improvements/schema";
import { insertImprovement } from "@/lib/improvements/service";
import { recordIncidentEvent } from "@/lib/incidents/service";
import { incidentFigures } from "@/lib/incidents/queries";
import { incidentCompensationTotals } from "@/lib/incidents/compensation";
import { totalsByCurrency } from "@/lib/incidents/compensation-rules";

const FORBIDDEN = "Only supervisors and managers on duty can manage incidents.";
const text = (max: number) => z.string().trim().max(max, "too_long");

export const reviewActionSchema = improvementInputSchema.pick({
  title: true,
  description: true,
  kind: true,
  ownerId: true,
  dueOn: true,
});

export const incidentReviewSchema = z.object({
  /** 0 for the first review; then the review's version. */
  version: z.number().int().min(0).max(2_147_483_647),
  summary: text(8000).min(1, "required"),
  wentWell: text(4000).min(1, "required"),
  wentBadly: text(4000).min(1, "required"),
  /** New improvement actions to create with this save (earlier ones stay linked). */
  actions: z.array(reviewActionSchema).max(20, "too_many").default([]),
});
export type IncidentReviewInput = z.input<typeof incidentReviewSchema>;

/** The figures kept with the review: what the incident looked like when it was reviewed. */
export async function reviewFigures(incidentId: number, now = new Date()) {
  const incident = await db.incident.findUniqueOrThrow({
    where: { id: incidentId },
    select: { startedAt: true, recoveredAt: true, createdAt: true, firstReportAt: true },
  });
  const [figures, compensation, reportsLate, updates] = await Promise.all([
    incidentFigures(incidentId, incident.startedAt, incident.recoveredAt ?? now),
    incidentCompensationTotals(incidentId),
    db.incidentEvent.count({ where: { incidentId, kind: "report_overdue" } }),
    db.incidentRun.count({ where: { incidentId, kind: "notify", status: "done" } }),
  ]);
  const minutes = (from: Date, to: Date | null) => (to ? Math.round((to.getTime() - from.getTime()) / 60_000) : null);
  return {
    linked: figures.linked,
    open: figures.open,
    resolved: figures.resolved,
    breached: figures.breached,
    firstReportMinutes: minutes(incident.createdAt, incident.firstReportAt),
    recoveryMinutes: minutes(incident.startedAt, incident.recoveredAt),
    missedReports: reportsLate,
    customerUpdates: updates,
    // Live compensation (proposed, approved, issued) per currency.
    compensation: totalsByCurrency(compensation),
  };
}
export type ReviewFigures = Awaited<ReturnType<typeof reviewFigures>>;

/** Writes or revises the review, creating the new improvement actions in the same transaction. */
export async function saveIncidentReview(
  actor: Actor,
  incidentId: number,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ version: number; actionIds: number[] }>> {
  if (!can(actor, "incident.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = incidentReviewSchema.safeParse(raw);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  // Improvement actions are the CAPA module's: only those who manage them create them (managers).
  if (input.actions.length > 0 && !can(actor, "improvement.manage"))
    return fail("forbidden", "Only managers create improvement actions.", { fields: { actions: ["manager_only"] } });
  const incident = await db.incident.findUnique({ where: { id: incidentId }, select: { status: true } });
  if (!incident) return fail("not_found", "No such incident.");
  if (incident.status === "active")
    return fail("unprocessable", "Review an incident once it has recovered.", { fields: { _: ["still_active"] } });
  const figures = await reviewFigures(incidentId, now);
  return db
    .$transaction(async (tx) => {
      const before = await tx.incidentReview.findUnique({
        where: { incidentId },
        select: { summary: true, wentWell: true, wentBadly: true, version: true },
      });
      const data = {
        summary: input.summary,
        wentWell: input.wentWell,
        wentBadly: input.wentBadly,
        figures: figures as unknown as Prisma.InputJsonValue,
        authorId: actor.userId,
      };
      if (!before) {
        if (input.version !== 0)
          return fail("conflict", "Someone else changed the review; reload to see their change.");
        const created = await tx.incidentReview.createManyAndReturn({
          data: [{ incidentId, ...data, createdAt: now }],
          skipDuplicates: true,
          select: { id: true },
        });
        if (created.length === 0) return fail("conflict", "Someone else wrote the review meanwhile; reload to see it.");
      } else {
        const claimed = await tx.incidentReview.updateMany({
          where: { incidentId, version: input.version },
          data: { ...data, version: { increment: 1 } },
        });
        if (claimed.count === 0)
          return fail("conflict", "Someone else changed the review; reload to see their change.", {
            details: { version: before.version },
          });
      }
      const actionIds: number[] = [];
      for (const [index, action] of input.actions.entries()) {
        const created = await insertImprovement(
          tx,
          actor,
          { ...action, status: "open", rootCauseId: null, complaintReferences: [] },
          { incidentId },
        );
        if (!created.ok) {
          // Roll the whole save back: a review with half its actions is not what the user saved.
          throw new ReviewActionError(index, created.fields ?? {});
        }
        actionIds.push(created.id);
      }
      const changes = {
        summary: { from: before?.summary ?? null, to: input.summary },
        wentWell: { from: before?.wentWell ?? null, to: input.wentWell },
        wentBadly: { from: before?.wentBadly ?? null, to: input.wentBadly },
        actionIds,
      };
      await recordIncidentEvent(
        tx,
        incidentId,
        actor.userId,
        before ? "review_revised" : "reviewed",
        null,
        { actions: actionIds.length },
        now,
      );
      await writeAudit(tx, {
        actorType: actor.kind,
        actorId: actor.userId,
        action: before ? "incident.review_update" : "incident.review",
        entityType: "incident",
        entityId: String(incidentId),
        changes,
      });
      return { ok: true as const, version: input.version + 1, actionIds };
    })
    .catch((error: unknown) => {
      if (!(error instanceof ReviewActionError)) throw error;
      const fields = Object.fromEntries(
        Object.entries(error.fields).map(([key, codes]) => [`actions.${error.index}.${key}`, codes]),
      );
      return fail("invalid", "An improvement action is invalid.", { fields });
    });
}

class ReviewActionError extends Error {
  constructor(
    readonly index: number,
    readonly fields: Record<string, string[]>,
  ) {
    super("review action invalid");
  }
}

export async function loadIncidentReview(incidentId: number) {
  const [review, actions] = await Promise.all([
    db.incidentReview.findUnique({
      where: { incidentId },
      select: {
        summary: true,
        wentWell: true,
        wentBadly: true,
        figures: true,
        version: true,
        createdAt: true,
        updatedAt: true,
        author: { select: { name: true } },
      },
    }),
    db.improvementAction.findMany({
      where: { incidentId },
      orderBy: { id: "asc" },
      select: { id: true, title: true, kind: true, status: true, dueAt: true, owner: { select: { name: true } } },
    }),
  ]);
  return { review, actions };
}
