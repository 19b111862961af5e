// Monthly appraisals (pg-boss job quality.appraise, and "recompute" for managers): per team, each agent's KPI figures
// for the month from the KPI facts (lib/kpi/team.ts agentTable: first response, SLA %, CSAT, reopen %, volume; FCR
// beside it) and their QA average, normalised and weighted with the team's weights (lib/quality/appraisal.ts).
// Supervisors comment; the agent acknowledges. Recomputing keeps comments; a changed total asks for a new
// acknowledgement.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, fieldErrors, type Result } from "@/lib/errors";
import { getBoss, jobData, QUEUES } from "@/lib/jobs/boss";
import { agentTable } from "@/lib/kpi/team";
import { share } from "@/lib/kpi/definitions";
import { notify } from "@/lib/notifications/service";
import {
  appraiseTeam,
  DEFAULT_WEIGHTS,
  INDICATORS,
  monthRange,
  previousMonth,
  type Figures,
  type Weights,
} from "@/lib/quality/appraisal";
import { appraisalCommentSchema, runMonthSchema, versionOnlySchema, weightsSchema } from "@/lib/quality/schema";
import { qualityScope, scopeWhere } from "@/lib/quality/scope";
import { zonedDay } from "@/lib/time/zone";

const invalid = (fields: Record<string, string[]>) =>
  fail("invalid", "Some fields are missing or invalid.", { fields });

export function weightsOf(json: unknown): Weights {
  const source = (json && typeof json === "object" ? json : {}) as Record<string, unknown>;
  return Object.fromEntries(
    INDICATORS.map((indicator) => [
      indicator,
      typeof source[indicator] === "number" ? source[indicator] : DEFAULT_WEIGHTS[indicator],
    ]),
  ) as Weights;
}

export async function teamWeights(teamId: number): Promise<{ weights: Weights; version: number }> {
  const row = await db.appraisalWeights.findUnique({ where: { teamId }, select: { weights: true, version: true } });
  return row ? { weights: weightsOf(row.weights), version: row.version } : { weights: DEFAULT_WEIGHTS, version: 0 };
}

/** The month's figures of every agent of a team who handled something or was inspected. */
export async function teamFigures(teamId: number, month: string): Promise<{ agentId: number; figures: Figures }[]> {
  const { from, to } = monthRange(month);
  const lastDay = zonedDay(new Date(to.getTime() - 1)); // the month's last business-time-zone day
  const kpi = await agentTable(
    { kind: "teams", teamIds: [teamId] },
    {
      preset: "custom",
      from: `${month}-01`,
      to: lastDay,
      team: undefined,
      category: undefined,
      channel: undefined,
      tier: undefined,
      severity: undefined,
    },
    to,
  );
  const [fcr, qa, members] = await Promise.all([
    db.$queryRaw<{ userId: number; fcr: number; base: number }[]>`
      SELECT f."assigneeId" AS "userId", count(*) FILTER (WHERE f.fcr)::int AS fcr, count(*)::int AS base
      FROM kpi_complaint_facts f
      WHERE f."teamId" = ${teamId} AND f."assigneeId" IS NOT NULL AND f."firstResolvedAt" >= ${from} AND f."firstResolvedAt" < ${to}
      GROUP BY 1`,
    db.inspection.groupBy({
      by: ["agentId"],
      where: { teamId, month, status: { in: ["scored", "appealed", "final"] }, total: { not: null } },
      _avg: { total: true },
    }),
    db.teamMembership.findMany({ where: { teamId, user: { active: true, role: "agent" } }, select: { userId: true } }),
  ]);
  const agents = new Set(members.map((member) => member.userId));
  const byAgent = new Map(kpi.map((row) => [row.userId, row]));
  const fcrBy = new Map(fcr.map((row) => [row.userId, share(row.fcr, row.base)]));
  const qaBy = new Map(qa.map((row) => [row.agentId, row._avg.total]));
  const round1 = (value: number | null | undefined) =>
    value === null || value === undefined ? null : Math.round(value * 10) / 10;
  // KPI shares are 0–1; appraisal figures are percentages.
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined ? null : round1(value * 100);
  return [...agents]
    .filter((agentId) => byAgent.has(agentId) || qaBy.has(agentId))
    .sort((a, b) => a - b)
    .map((agentId) => {
      const row = byAgent.get(agentId);
      return {
        agentId,
        figures: {
          frt: round1(row?.frtMedian),
          sla: percent(row?.sla),
          fcr: percent(fcrBy.get(agentId)),
          csat: row && row.csatN > 0 ? percent(row.csat) : null,
          reopen: percent(row?.reopenRate),
          volume: row?.handled ?? 0,
          qa: round1(qaBy.get(agentId)),
        },
      };
    });
}

export type AppraisalSummary = { month: string; teams: number; agents: number };

export async function computeAppraisals(
  month = previousMonth(new Date()),
  now = new Date(),
): Promise<AppraisalSummary> {
  const teams = await db.team.findMany({ where: { active: true }, select: { id: true }, orderBy: { id: "asc" } });
  const summary: AppraisalSummary = { month, teams: 0, agents: 0 };
  for (const team of teams) {
    const agents = await teamFigures(team.id, month);
    if (agents.length === 0) continue;
    const { weights } = await teamWeights(team.id);
    const rows = appraiseTeam(agents, weights);
    await db.$transaction(async (tx) => {
      for (const row of rows) {
        const existing = await tx.appraisal.findUnique({
          where: { agentId_teamId_month: { agentId: row.agentId, teamId: team.id, month } },
          select: { id: true, total: true, acknowledgedAt: true },
        });
        const data = {
          figures: row.figures,
          scores: row.scores,
          weights,
          total: row.total,
          rank: row.rank,
          teamSize: rows.length,
          computedAt: now,
        };
        const changed = !existing || existing.total !== row.total;
        const saved = existing
          ? await tx.appraisal.update({
              where: { id: existing.id },
              data: { ...data, ...(changed ? { acknowledgedAt: null } : {}), version: { increment: 1 } },
              select: { id: true },
            })
          : await tx.appraisal.create({
              data: { ...data, agentId: row.agentId, teamId: team.id, month },
              select: { id: true },
            });
        if (changed)
          await notify(tx, {
            userId: row.agentId,
            kind: "quality.appraisal",
            params: { appraisalId: saved.id, month, total: row.total },
            dedupeKey: `quality-appraisal:${saved.id}:${row.total}`,
            now,
          });
      }
      await writeAudit(tx, {
        actorType: "system",
        action: "quality.appraise",
        entityType: "team",
        entityId: String(team.id),
        changes: { month, agents: rows.length, weights },
      });
    });
    summary.teams += 1;
    summary.agents += rows.length;
  }
  return summary;
}

export async function requestAppraisals(actor: Actor, raw: unknown): Promise<Result<{ queued: true; month: string }>> {
  if (!can(actor, "quality.manage")) return fail("forbidden", "You may not compute appraisals.");
  const parsed = runMonthSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const boss = await getBoss();
  await boss.send(
    QUEUES.qualityAppraise.name,
    { month: parsed.data.month, ...jobData() },
    { singletonKey: `${QUEUES.qualityAppraise.name}:${parsed.data.month}` },
  );
  await writeAudit(db, {
    actorType: "user",
    actorId: actor.userId,
    action: "quality.appraise_request",
    entityType: "appraisal",
    entityId: null,
    changes: { month: parsed.data.month },
  });
  return { ok: true, queued: true, month: parsed.data.month };
}

export async function saveTeamWeights(actor: Actor, raw: unknown): Promise<Result<{ version: number }>> {
  if (!can(actor, "quality.manage")) return fail("forbidden", "You may not set appraisal weights.");
  const parsed = weightsSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { teamId, version, weights } = parsed.data;
  if (!(await db.team.count({ where: { id: teamId } }))) return invalid({ teamId: ["unknown"] });
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.appraisalWeights.findUnique({
        where: { teamId },
        select: { weights: true, version: true },
      });
      if ((before?.version ?? 0) !== version)
        return fail("conflict", "Someone else changed these weights in the meantime. Reload to see them.");
      const saved = before
        ? await tx.appraisalWeights.updateMany({
            where: { teamId, version },
            data: { weights, version: { increment: 1 }, updatedById: actor.userId },
          })
        : await tx.appraisalWeights.createMany({ data: [{ teamId, weights, updatedById: actor.userId }] });
      if (saved.count === 0)
        return fail("conflict", "Someone else changed these weights in the meantime. Reload to see them.");
      await writeAudit(tx, {
        actorType: "user",
        actorId: actor.userId,
        action: "quality.weights",
        entityType: "team",
        entityId: String(teamId),
        changes: { from: before ? weightsOf(before.weights) : DEFAULT_WEIGHTS, to: weights },
      });
      return { ok: true as const, version: version + 1 };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return fail("conflict", "Someone else changed these weights in the meantime. Reload to see them.");
    throw error;
  }
}

/** The supervisor's comment on an agent's month (an inspector of the agent's team, never on their own). */
export async function commentAppraisal(
  actor: Actor,
  appraisalId: number,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ version: number }>> {
  if (!can(actor, "quality.inspect")) return fail("forbidden", "You may not comment on appraisals.");
  const parsed = appraisalCommentSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const scope = await qualityScope(actor);
  const appraisal = await db.appraisal.findFirst({
    where: { id: appraisalId, ...scopeWhere(scope, actor.userId) },
    select: { agentId: true, supervisorComment: true },
  });
  if (!appraisal) return fail("not_found", "This appraisal does not exist.");
  if (appraisal.agentId === actor.userId) return fail("forbidden", "You may not comment on your own appraisal.");
  return db.$transaction(async (tx) => {
    const claimed = await tx.appraisal.updateMany({
      where: { id: appraisalId, version: parsed.data.version },
      data: {
        supervisorComment: parsed.data.comment,
        commentedById: actor.userId,
        commentedAt: now,
        version: { increment: 1 },
      },
    });
    if (claimed.count === 0)
      return fail("conflict", "Someone else changed this appraisal in the meantime. Reload to see it.");
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: "quality.appraisal_comment",
      entityType: "appraisal",
      entityId: String(appraisalId),
      changes: { comment: { from: appraisal.supervisorComment, to: parsed.data.comment } },
    });
    return { ok: true as const, version: parsed.data.version + 1 };
  });
}

/** The agent acknowledges their own appraisal (once per computed total). */
export async function acknowledgeAppraisal(
  actor: Actor,
  appraisalId: number,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ version: number }>> {
  if (!can(actor, "quality.own")) return fail("forbidden", "You may not acknowledge appraisals.");
  const parsed = versionOnlySchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const appraisal = await db.appraisal.findFirst({
    where: { id: appraisalId, agentId: actor.userId },
    select: { acknowledgedAt: true },
  });
  if (!appraisal) return fail("not_found", "This appraisal does not exist.");
  if (appraisal.acknowledgedAt) return fail("unprocessable", "Already acknowledged.");
  return db.$transaction(async (tx) => {
    const claimed = await tx.appraisal.updateMany({
      where: { id: appraisalId, version: parsed.data.version, acknowledgedAt: null },
      data: { acknowledgedAt: now, version: { increment: 1 } },
    });
    if (claimed.count === 0) return fail("conflict", "This appraisal changed in the meantime. Reload to see it.");
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: "quality.appraisal_acknowledge",
      entityType: "appraisal",
      entityId: String(appraisalId),
      changes: {},
    });
    return { ok: true as const, version: parsed.data.version + 1 };
  });
}
