// The monthly sampling run (pg-boss job quality.sample, and "run now" for managers): for each active plan, the
// complaints its team's agents handled (resolved) in the month; every low-CSAT, escalated or reopened one plus N random
// others per agent (lib/quality/sampling.ts). The unique complaintId of inspections makes "never twice" hold even
// when two runs race: the loser's rows are skipped.
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, fieldErrors, type Result } from "@/lib/errors";
import { getBoss, jobData, QUEUES } from "@/lib/jobs/boss";
import { monthRange, previousMonth } from "@/lib/quality/appraisal";
import { planSample, type HandledComplaint } from "@/lib/quality/sampling";
import { runMonthSchema } from "@/lib/quality/schema";

export type SamplingSummary = { month: string; plans: number; sampled: number; byReason: Record<string, number> };

function seedOf(month: string, planId: number): number {
  return createHash("sha256").update(`${month}:${planId}`).digest().readUInt32BE(0);
}

async function handledIn(
  month: string,
  teamFilter: Prisma.Sql,
): Promise<(HandledComplaint & { teamId: number | null })[]> {
  const { from, to } = monthRange(month);
  const rows = await db.$queryRaw<
    { id: number; agentId: number; teamId: number | null; csat: number | null; escalated: boolean; reopened: boolean }[]
  >`
    SELECT c.id, c."assigneeId" AS "agentId", c."teamId",
      (SELECT min(r.csat) FROM survey_responses r WHERE r."complaintId" = c.id)::int AS csat,
      (c."escalationLevel" > 1) AS escalated, (c."reopenCount" > 0) AS reopened
    FROM complaints c
    WHERE c."assigneeId" IS NOT NULL AND c."duplicateOfId" IS NULL AND c."resolvedAt" >= ${from} AND c."resolvedAt" < ${to} AND ${teamFilter}`;
  return rows;
}

/** Samples `month` for every active plan; safe to run twice (already sampled complaints are never drawn again). */
export async function runSampling(month = previousMonth(new Date()), now = new Date()): Promise<SamplingSummary> {
  const plans = await db.samplingPlan.findMany({
    where: { active: true },
    select: {
      id: true,
      teamId: true,
      perAgent: true,
      scorecard: { select: { id: true, currentNumber: true, active: true } },
    },
    orderBy: { id: "asc" },
  });
  const teamPlans = plans.filter((plan) => plan.teamId !== null).map((plan) => plan.teamId!);
  const summary: SamplingSummary = { month, plans: 0, sampled: 0, byReason: {} };
  for (const plan of plans) {
    if (!plan.scorecard.active) continue;
    const scorecardVersion = await db.scorecardVersion.findUniqueOrThrow({
      where: { scorecardId_number: { scorecardId: plan.scorecard.id, number: plan.scorecard.currentNumber } },
      select: { id: true },
    });
    // A team's own plan covers its team; the default plan (no team) covers every other complaint.
    const teamFilter =
      plan.teamId !== null
        ? Prisma.sql`c."teamId" = ${plan.teamId}`
        : teamPlans.length
          ? Prisma.sql`(c."teamId" IS NULL OR NOT (c."teamId" = ANY(${teamPlans}::int[])))`
          : Prisma.sql`TRUE`;
    const handled = await handledIn(month, teamFilter);
    const already = await db.inspection.findMany({
      where: { complaintId: { in: handled.map((row) => row.id) } },
      select: { complaintId: true },
    });
    const drawn = planSample(handled, {
      perAgent: plan.perAgent,
      alreadySampled: new Set(already.map((row) => row.complaintId)),
      seed: seedOf(month, plan.id),
    });
    // N random per agent and month in total: a second run of the month only tops up what the first left short.
    const earlier = await db.inspection.groupBy({
      by: ["agentId"],
      where: { month, reason: "random", agentId: { in: [...new Set(handled.map((row) => row.agentId))] } },
      _count: { _all: true },
    });
    const quota = new Map(earlier.map((row) => [row.agentId, Math.max(0, plan.perAgent - row._count._all)]));
    const picked = drawn.filter((pick) => {
      if (pick.reason !== "random") return true;
      const left = quota.get(pick.agentId) ?? plan.perAgent;
      quota.set(pick.agentId, left - 1);
      return left > 0;
    });
    const teams = new Map(handled.map((row) => [row.id, row.teamId]));
    const created = await db.$transaction(async (tx) => {
      const rows = await tx.inspection.createManyAndReturn({
        data: picked.map((pick) => ({
          complaintId: pick.id,
          agentId: pick.agentId,
          teamId: teams.get(pick.id) ?? null,
          month,
          reason: pick.reason,
          scorecardVersionId: scorecardVersion.id,
          createdAt: now,
        })),
        skipDuplicates: true,
        select: { id: true, reason: true },
      });
      await writeAudit(tx, {
        actorType: "system",
        action: "quality.sample",
        entityType: "sampling_plan",
        entityId: String(plan.id),
        changes: { month, perAgent: plan.perAgent, handled: handled.length, sampled: rows.length },
      });
      return rows;
    });
    summary.plans += 1;
    summary.sampled += created.length;
    for (const row of created) summary.byReason[row.reason] = (summary.byReason[row.reason] ?? 0) + 1;
  }
  return summary;
}

/** A manager asks for a sampling run now (as a job: the web request does not wait for it). */
export async function requestSampling(actor: Actor, raw: unknown): Promise<Result<{ queued: true; month: string }>> {
  if (!can(actor, "quality.manage")) return fail("forbidden", "You may not run sampling.");
  const parsed = runMonthSchema.safeParse(raw);
  if (!parsed.success)
    return fail("invalid", "Some fields are missing or invalid.", { fields: fieldErrors(parsed.error) });
  const boss = await getBoss();
  await boss.send(
    QUEUES.qualitySample.name,
    { month: parsed.data.month, ...jobData() },
    { singletonKey: `${QUEUES.qualitySample.name}:${parsed.data.month}` },
  );
  await writeAudit(db, {
    actorType: "user",
    actorId: actor.userId,
    action: "quality.sample_request",
    entityType: "sampling_plan",
    entityId: null,
    changes: { month: parsed.data.month },
  });
  return { ok: true, queued: true, month: parsed.data.month };
}
