// Drills of a contingency plan (演练, issue 17 item 9): the date, scenario, participants, the minutes each step took
// against the plan's target, findings, and follow-up actions opened in the CAPA module (improvement actions, owned by
// the plan's owner, due in 90 days) and linked to the drill. One transaction with the audit row.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, fieldErrors, type Result } from "@/lib/errors";
import { drillSchema, type PlanStep } from "@/lib/incidents/plan-schema";
import { adoptedSteps } from "@/lib/incidents/plans";

const FOLLOW_UP_DAYS = 90;

export async function recordDrill(
  actor: Actor,
  planId: number,
  rawInput: unknown,
  now = new Date(),
): Promise<Result<{ id: number; actionIds: number[] }>> {
  if (!can(actor, "incident.manage")) return fail("forbidden", "Only supervisors and managers can record drills.");
  const parsed = drillSchema.safeParse(rawInput);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const input = parsed.data;
  if (input.heldAt.getTime() > now.getTime() + 86_400_000)
    return fail("invalid", "A drill is recorded after it was held.", { fields: { heldAt: ["in_future"] } });
  if (input.followUps.length > 0 && !can(actor, "improvement.manage"))
    return fail("forbidden", "Opening improvement actions needs the improvement permission.", {
      fields: { followUps: ["forbidden"] },
    });
  const plan = await db.contingencyPlan.findUnique({
    where: { id: planId },
    select: { id: true, revision: true, ownerId: true, titleZh: true, titleEn: true },
  });
  if (!plan) return fail("not_found", "No such plan.");
  const steps: PlanStep[] = await adoptedSteps(db, plan.id, plan.revision);
  const unknown = input.timings.findIndex((timing) => !steps[timing.step]);
  if (unknown >= 0)
    return fail("invalid", "A timing names a step the plan does not have.", {
      fields: { [`timings.${unknown}.step`]: ["unknown"] },
    });
  const timings = input.timings.map((timing) => ({
    step: timing.step,
    targetMinutes: steps[timing.step]?.targetMinutes ?? null,
    achievedMinutes: timing.achievedMinutes,
  }));
  return db.$transaction(async (tx) => {
    const drill = await tx.planDrill.create({
      data: {
        planId,
        planRevision: plan.revision,
        heldAt: input.heldAt,
        scenario: input.scenario,
        participants: input.participants,
        timings,
        findings: input.findings,
        createdById: actor.userId,
        createdAt: now,
      },
      select: { id: true },
    });
    const actionIds: number[] = [];
    for (const title of input.followUps) {
      const action = await tx.improvementAction.create({
        data: {
          title,
          description: `演练跟进 / Drill follow-up: ${plan.titleZh} / ${plan.titleEn}`,
          kind: "preventive",
          ownerId: plan.ownerId,
          dueAt: new Date(now.getTime() + FOLLOW_UP_DAYS * 86_400_000),
        },
        select: { id: true },
      });
      actionIds.push(action.id);
      await writeAudit(tx, {
        actorType: actor.kind,
        actorId: actor.userId,
        action: "improvement.create",
        entityType: "improvement_action",
        entityId: String(action.id),
        changes: { title, kind: "preventive", drillId: drill.id },
      });
    }
    if (actionIds.length > 0)
      await tx.planDrillAction.createMany({ data: actionIds.map((actionId) => ({ drillId: drill.id, actionId })) });
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "plan.drill",
      entityType: "contingency_plan",
      entityId: String(planId),
      changes: {
        drillId: drill.id,
        heldAt: input.heldAt.toISOString().slice(0, 10),
        participants: input.participants.length,
        timings,
        actionIds,
      },
    });
    return { ok: true as const, id: drill.id, actionIds };
  });
}
