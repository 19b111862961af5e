// Scorecards: managers define weighted criteria; every change of the criteria is a new immutable version, and an
// inspection keeps the version it was sampled with. Sampling plans name a scorecard and N per agent.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, fieldErrors, type Result } from "@/lib/errors";
import {
  criteriaSchema,
  samplingPlanSchema,
  scorecardSchema,
  updateScorecardSchema,
  type CriterionDefinition,
} from "@/lib/quality/schema";

const invalid = (fields: Record<string, string[]>) =>
  fail("invalid", "Some fields are missing or invalid.", { fields });

/** Criteria stored as JSON, read back through the same schema (a hand-edited row cannot crash a page). */
export function criteriaOf(json: unknown): CriterionDefinition[] {
  const parsed = criteriaSchema.safeParse(json);
  return parsed.success ? parsed.data : [];
}

export async function createScorecard(actor: Actor, raw: unknown): Promise<Result<{ scorecardId: number }>> {
  if (!can(actor, "quality.manage")) return fail("forbidden", "You may not edit scorecards.");
  const parsed = scorecardSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const input = parsed.data;
  const scorecardId = await db.$transaction(async (tx) => {
    const card = await tx.scorecard.create({
      data: { code: `sc-${randomBytes(4).toString("hex")}`, nameZh: input.nameZh, nameEn: input.nameEn },
      select: { id: true },
    });
    await tx.scorecardVersion.create({
      data: { scorecardId: card.id, number: 1, criteria: input.criteria, createdById: actor.userId },
    });
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: "quality.scorecard_create",
      entityType: "scorecard",
      entityId: String(card.id),
      changes: { nameZh: input.nameZh, nameEn: input.nameEn, criteria: input.criteria },
    });
    return card.id;
  });
  return { ok: true, scorecardId };
}

/** Saves names and criteria; changed criteria become version n+1 (inspections already sampled keep theirs). */
export async function updateScorecard(
  actor: Actor,
  scorecardId: number,
  raw: unknown,
): Promise<Result<{ number: number; newVersion: boolean }>> {
  if (!can(actor, "quality.manage")) return fail("forbidden", "You may not edit scorecards.");
  const parsed = updateScorecardSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const card = await tx.scorecard.findUnique({
      where: { id: scorecardId },
      select: { currentNumber: true, nameZh: true, nameEn: true },
    });
    if (!card) return fail("not_found", "This scorecard does not exist.");
    const current = await tx.scorecardVersion.findUniqueOrThrow({
      where: { scorecardId_number: { scorecardId, number: card.currentNumber } },
      select: { criteria: true },
    });
    const newVersion = JSON.stringify(criteriaOf(current.criteria)) !== JSON.stringify(input.criteria);
    const number = newVersion ? card.currentNumber + 1 : card.currentNumber;
    const claimed = await tx.scorecard.updateMany({
      where: { id: scorecardId, version: input.version },
      data: { nameZh: input.nameZh, nameEn: input.nameEn, currentNumber: number, version: { increment: 1 } },
    });
    if (claimed.count === 0)
      return fail("conflict", "Someone else saved this scorecard in the meantime. Reload to see their changes.");
    if (newVersion)
      await tx.scorecardVersion.create({
        data: { scorecardId, number, criteria: input.criteria, createdById: actor.userId },
      });
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: "quality.scorecard_update",
      entityType: "scorecard",
      entityId: String(scorecardId),
      changes: {
        newVersion: newVersion ? number : null,
        nameZh: { from: card.nameZh, to: input.nameZh },
        nameEn: { from: card.nameEn, to: input.nameEn },
        ...(newVersion ? { criteria: input.criteria } : {}),
      },
    });
    return { ok: true as const, number, newVersion };
  });
}

/** One plan per team (null = the default for teams without their own); saving replaces it. */
export async function saveSamplingPlan(actor: Actor, raw: unknown): Promise<Result<{ planId: number }>> {
  if (!can(actor, "quality.manage")) return fail("forbidden", "You may not edit sampling plans.");
  const parsed = samplingPlanSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const input = parsed.data;
  if (!(await db.scorecard.count({ where: { id: input.scorecardId, active: true } })))
    return invalid({ scorecardId: ["unknown"] });
  if (input.teamId !== null && !(await db.team.count({ where: { id: input.teamId } })))
    return invalid({ teamId: ["unknown"] });
  const planId = await db.$transaction(async (tx) => {
    const existing = await tx.samplingPlan.findFirst({
      where: { teamId: input.teamId },
      select: { id: true, perAgent: true, scorecardId: true, active: true },
    });
    const plan = existing
      ? await tx.samplingPlan.update({
          where: { id: existing.id },
          data: {
            perAgent: input.perAgent,
            scorecardId: input.scorecardId,
            active: input.active,
            version: { increment: 1 },
          },
          select: { id: true },
        })
      : await tx.samplingPlan.create({ data: input, select: { id: true } });
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: "quality.plan_save",
      entityType: "sampling_plan",
      entityId: String(plan.id),
      changes: { before: existing ?? null, after: input },
    });
    return plan.id;
  });
  return { ok: true, planId };
}
