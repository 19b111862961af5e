// Contingency plan use cases (应急预案, issue 17 item 8): create and revise a plan (each edit a new revision, version
// checked), propose the plan of an incident's type when it is declared, adopt another one, and tick its checklist
// on the incident. All writes check incident.manage and carry their timeline event and audit row in one transaction.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, fieldErrors, type Result } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentLevel } from "@/lib/generated/prisma/enums";
import { recordIncidentEvent } from "@/lib/incidents/service";
import {
  adoptPlanSchema,
  planCheckSchema,
  planSchema,
  revisePlanSchema,
  type PlanStep,
} from "@/lib/incidents/plan-schema";
import { nextReviewFor } from "@/lib/incidents/plan-review";

const FORBIDDEN = "Only supervisors and managers can change contingency plans.";

type PlanFields = ReturnType<typeof planSchema.parse>;

async function ownerProblem(ownerId: number) {
  const owner = await db.user.findFirst({
    where: { id: ownerId, active: true, role: { in: ["supervisor", "manager", "admin"] } },
    select: { id: true },
  });
  return owner
    ? null
    : fail("invalid", "The owner must be an active supervisor, manager or administrator.", {
        fields: { ownerId: ["unknown"] },
      });
}

function planData(input: PlanFields, revisedAt: Date) {
  return {
    type: input.type,
    level: input.level,
    titleZh: input.titleZh,
    titleEn: input.titleEn,
    ownerId: input.ownerId,
    revisedAt,
    nextReviewAt: nextReviewFor(revisedAt, input.nextReviewAt),
    steps: input.steps,
    contacts: input.contacts,
    scriptZh: input.scriptZh,
    scriptEn: input.scriptEn,
    compensationRules: input.compensationRules,
    active: input.active,
  };
}

function snapshot(data: ReturnType<typeof planData>, changeNote: string | null): Prisma.InputJsonValue {
  return {
    ...data,
    revisedAt: data.revisedAt.toISOString(),
    nextReviewAt: data.nextReviewAt.toISOString(),
    changeNote,
  };
}

export async function createPlan(actor: Actor, rawInput: unknown, now = new Date()): Promise<Result<{ id: number }>> {
  if (!can(actor, "incident.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = planSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const problem = await ownerProblem(parsed.data.ownerId);
  if (problem) return problem;
  const data = planData(parsed.data, now);
  return db.$transaction(async (tx) => {
    const plan = await tx.contingencyPlan.create({ data: { ...data, createdAt: now }, select: { id: true } });
    await tx.planRevision.create({
      data: { planId: plan.id, revision: 1, snapshot: snapshot(data, null), changedById: actor.userId, createdAt: now },
    });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "plan.create",
      entityType: "contingency_plan",
      entityId: String(plan.id),
      changes: { type: data.type, level: data.level, titleZh: data.titleZh, titleEn: data.titleEn },
    });
    return { ok: true as const, id: plan.id };
  });
}

export async function revisePlan(
  actor: Actor,
  id: number,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ revision: number }>> {
  if (!can(actor, "incident.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = revisePlanSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const problem = await ownerProblem(parsed.data.ownerId);
  if (problem) return problem;
  const data = planData(parsed.data, now);
  return db.$transaction(async (tx) => {
    const before = await tx.contingencyPlan.findUnique({
      where: { id },
      select: { revision: true, titleZh: true, titleEn: true, ownerId: true, nextReviewAt: true, active: true },
    });
    if (!before) return fail("not_found", "No such plan.");
    const claimed = await tx.contingencyPlan.updateMany({
      where: { id, revision: parsed.data.revision },
      data: { ...data, revision: { increment: 1 } },
    });
    if (claimed.count === 0)
      return fail("conflict", "Someone else revised this plan; reload to see their revision.", {
        details: { revision: before.revision },
      });
    const revision = parsed.data.revision + 1;
    await tx.planRevision.create({
      data: {
        planId: id,
        revision,
        snapshot: snapshot(data, parsed.data.changeNote),
        changedById: actor.userId,
        createdAt: now,
      },
    });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "plan.revise",
      entityType: "contingency_plan",
      entityId: String(id),
      changes: {
        revision: { from: parsed.data.revision, to: revision },
        ownerId: { from: before.ownerId, to: data.ownerId },
        nextReviewAt: { from: before.nextReviewAt.toISOString(), to: data.nextReviewAt.toISOString() },
        active: { from: before.active, to: data.active },
        changeNote: parsed.data.changeNote,
      },
    });
    return { ok: true as const, revision };
  });
}

/** The active plan for an incident type and level: one written for that level first, then one for any level. */
export async function planFor(client: Tx | typeof db, type: string, level: IncidentLevel) {
  const plans = await client.contingencyPlan.findMany({
    where: { type, active: true, OR: [{ level }, { level: null }] },
    orderBy: [{ revisedAt: "desc" }, { id: "asc" }],
    select: { id: true, level: true, revision: true },
  });
  return plans.find((plan) => plan.level === level) ?? plans[0] ?? null;
}

/**
 * Called in the declaration's transaction: the incident follows its type's plan from the start (the checklist is
 * empty).
 */
export async function proposePlanOnDeclare(
  tx: Tx,
  incident: { id: number; type: string; level: IncidentLevel },
  actorId: number | null,
  now: Date,
) {
  const plan = await planFor(tx, incident.type, incident.level);
  if (!plan) return null;
  await tx.incidentPlan.create({
    data: { incidentId: incident.id, planId: plan.id, revision: plan.revision, createdAt: now },
  });
  await recordIncidentEvent(
    tx,
    incident.id,
    actorId,
    "plan_adopted",
    null,
    { planId: plan.id, revision: plan.revision, proposed: true },
    now,
  );
  return plan.id;
}

/** Follow another plan (or one at all, when none matched at declaration): the checklist starts again. */
export async function adoptPlan(
  actor: Actor,
  incidentId: number,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ planId: number }>> {
  if (!can(actor, "incident.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = adoptPlanSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const [incident, plan] = await Promise.all([
    db.incident.findUnique({ where: { id: incidentId }, select: { id: true } }),
    db.contingencyPlan.findFirst({
      where: { id: parsed.data.planId, active: true },
      select: { id: true, revision: true },
    }),
  ]);
  if (!incident) return fail("not_found", "No such incident.");
  if (!plan) return fail("invalid", "Unknown plan.", { fields: { planId: ["unknown"] } });
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT id FROM incidents WHERE id = ${incidentId} FOR UPDATE`;
    const before = await tx.incidentPlan.findUnique({
      where: { incidentId },
      select: { planId: true, revision: true },
    });
    if (before) await tx.incidentPlan.delete({ where: { incidentId } });
    await tx.incidentPlan.create({ data: { incidentId, planId: plan.id, revision: plan.revision, createdAt: now } });
    await recordIncidentEvent(
      tx,
      incidentId,
      actor.userId,
      "plan_adopted",
      null,
      { planId: plan.id, revision: plan.revision, replaced: before?.planId ?? null },
      now,
    );
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "incident.plan_adopt",
      entityType: "incident",
      entityId: String(incidentId),
      changes: { planId: { from: before?.planId ?? null, to: plan.id }, revision: plan.revision },
    });
    return { ok: true as const, planId: plan.id };
  });
}

/** The steps of the revision an incident follows (a later revision of the plan does not move its ticks). */
export async function adoptedSteps(client: Tx | typeof db, planId: number, revision: number): Promise<PlanStep[]> {
  const row = await client.planRevision.findUnique({
    where: { planId_revision: { planId, revision } },
    select: { snapshot: true },
  });
  const steps = (row?.snapshot as { steps?: PlanStep[] } | null)?.steps;
  return Array.isArray(steps) ? steps : [];
}

/** Ticks (or unticks) one checklist step of the incident's plan; audited and on the incident's timeline. */
export async function checkPlanStep(
  actor: Actor,
  incidentId: number,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ checked: boolean }>> {
  if (!can(actor, "incident.manage")) return fail("forbidden", FORBIDDEN);
  const parsed = planCheckSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const { step, checked } = parsed.data;
  return db.$transaction(async (tx) => {
    const adopted = await tx.incidentPlan.findUnique({
      where: { incidentId },
      select: { planId: true, revision: true },
    });
    if (!adopted) return fail("not_found", "This incident follows no plan.");
    const steps = await adoptedSteps(tx, adopted.planId, adopted.revision);
    const label = steps[step];
    if (!label) return fail("invalid", "No such step.", { fields: { step: ["unknown"] } });
    // Idempotent: ticking a ticked step (two people at once) changes nothing and records nothing.
    const changed = checked
      ? (await tx.$executeRaw`INSERT INTO incident_plan_checks ("incidentId", step, "checkedById", "checkedAt") VALUES (${incidentId}, ${step}, ${actor.userId}, ${now}) ON CONFLICT DO NOTHING`) >
        0
      : (await tx.incidentPlanCheck.deleteMany({ where: { incidentId, step } })).count > 0;
    if (changed) {
      await recordIncidentEvent(
        tx,
        incidentId,
        actor.userId,
        checked ? "plan_step_checked" : "plan_step_unchecked",
        null,
        { planId: adopted.planId, step, zh: label.zh, en: label.en },
        now,
      );
      await writeAudit(tx, {
        actorType: actor.kind,
        actorId: actor.userId,
        action: checked ? "incident.plan_check" : "incident.plan_uncheck",
        entityType: "incident",
        entityId: String(incidentId),
        changes: { planId: adopted.planId, step },
      });
    }
    return { ok: true as const, checked };
  });
}
