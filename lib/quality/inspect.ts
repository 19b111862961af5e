// Inspection use cases: score a sampled case (the result), calibration scores by further inspectors, the agent's one
// appeal, and the second inspector's decision. Scope and the four-eyes rules are checked here; every change is audited
// and the person who now has to act gets a bell notification, in the same transaction.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { fail, fieldErrors, type Failure, type Result } from "@/lib/errors";
import { notify, notifyMany } from "@/lib/notifications/service";
import { scoreInspection as computeScore } from "@/lib/quality/scoring";
import { criteriaOf } from "@/lib/quality/scorecards";
import { appealSchema, decideAppealSchema, scoreInspectionSchema, versionOnlySchema } from "@/lib/quality/schema";
import { inspects, qualityScope, scopeWhere } from "@/lib/quality/scope";

const invalid = (fields: Record<string, string[]>) =>
  fail("invalid", "Some fields are missing or invalid.", { fields });
const conflict = () => fail("conflict", "Someone else changed this inspection in the meantime. Reload to see it.");

type Points = { code: string; points: number; comment: string }[];

type Loaded =
  | { failure: Failure }
  | {
      inspection: {
        id: number;
        agentId: number;
        teamId: number | null;
        status: string;
        version: number;
        inspectorId: number | null;
        calibration: boolean;
        total: number | null;
        complaintId: number;
        scorecardVersion: { criteria: Prisma.JsonValue };
      };
    };

async function loadForInspector(actor: Actor, inspectionId: number): Promise<Loaded> {
  if (!can(actor, "quality.inspect")) return { failure: fail("forbidden", "You may not inspect.") };
  const scope = await qualityScope(actor);
  const inspection = await db.inspection.findFirst({
    where: { id: inspectionId, ...scopeWhere(scope, actor.userId) },
    select: {
      id: true,
      agentId: true,
      teamId: true,
      status: true,
      version: true,
      inspectorId: true,
      calibration: true,
      total: true,
      complaintId: true,
      scorecardVersion: { select: { criteria: true } },
    },
  });
  if (!inspection) return { failure: fail("not_found", "This inspection does not exist.") };
  if (!inspects(scope, actor.userId, inspection))
    return { failure: fail("forbidden", "You may not inspect your own work.") };
  return { inspection };
}

/** Scores points against the inspection's own scorecard version; field errors name the criterion ("points.<code>"). */
function scoreOf(criteriaJson: unknown, points: Points): { total: number } | Failure {
  const result = computeScore(
    criteriaOf(criteriaJson),
    points.map(({ code, points: value }) => ({ code, points: value })),
  );
  if (result.ok) return { total: result.total };
  return invalid(
    Object.fromEntries((result.codes.length ? result.codes : ["_"]).map((code) => [`points.${code}`, [result.error]])),
  );
}

/** Inspectors of the agent's team who may decide an appeal: not the first inspector, not the agent. */
async function appealReviewers(tx: Tx, teamId: number | null, exclude: number[]): Promise<number[]> {
  const users = await tx.user.findMany({
    where: {
      active: true,
      id: { notIn: exclude },
      OR: [
        { role: "manager" },
        ...(teamId
          ? [
              {
                role: "supervisor" as const,
                OR: [{ memberships: { some: { teamId } } }, { supervisedTeams: { some: { id: teamId } } }],
              },
            ]
          : []),
      ],
    },
    select: { id: true, role: true },
  });
  const supervisors = users.filter((user) => user.role === "supervisor").map((user) => user.id);
  return supervisors.length ? supervisors : users.map((user) => user.id);
}

export async function scoreInspectionCase(
  actor: Actor,
  inspectionId: number,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ total: number }>> {
  const parsed = scoreInspectionSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const input = parsed.data;
  const loaded = await loadForInspector(actor, inspectionId);
  if ("failure" in loaded) return loaded.failure;
  const { inspection } = loaded;
  const scored = scoreOf(inspection.scorecardVersion.criteria, input.points);
  if ("ok" in scored) return scored;
  if (input.kind === "primary" && inspection.status !== "pending")
    return fail("unprocessable", "This case has been scored already.");
  if (input.kind === "calibration" && !inspection.calibration)
    return fail("unprocessable", "This case is not open for calibration.");
  try {
    return await db.$transaction(async (tx) => {
      if (input.kind === "primary") {
        const claimed = await tx.inspection.updateMany({
          where: { id: inspectionId, version: input.version, status: "pending" },
          data: {
            status: "scored",
            inspectorId: actor.userId,
            total: scored.total,
            scoredAt: now,
            version: { increment: 1 },
          },
        });
        if (claimed.count === 0) return conflict();
        await notify(tx, {
          userId: inspection.agentId,
          kind: "quality.result",
          params: { inspectionId, total: scored.total },
          dedupeKey: `quality-result:${inspectionId}`,
          now,
        });
      }
      await tx.inspectionScore.create({
        data: {
          inspectionId,
          inspectorId: actor.userId,
          kind: input.kind,
          points: input.points,
          total: scored.total,
          comment: input.comment || null,
          createdAt: now,
        },
      });
      await writeAudit(tx, {
        actorType: "user",
        actorId: actor.userId,
        action: `quality.score_${input.kind}`,
        entityType: "inspection",
        entityId: String(inspectionId),
        changes: { total: scored.total, points: input.points },
      });
      return { ok: true as const, total: scored.total };
    });
  } catch (error) {
    // One calibration score per inspector and case (unique key): a second one is a conflict, not a 500.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return fail("conflict", "You have scored this case already.");
    throw error;
  }
}

/** Opens (or closes) a case for calibration: further inspectors score it and the spread is shown. */
export async function setCalibration(
  actor: Actor,
  inspectionId: number,
  raw: unknown,
  open: boolean,
): Promise<Result<{ calibration: boolean }>> {
  const parsed = versionOnlySchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const loaded = await loadForInspector(actor, inspectionId);
  if ("failure" in loaded) return loaded.failure;
  return db.$transaction(async (tx) => {
    const claimed = await tx.inspection.updateMany({
      where: { id: inspectionId, version: parsed.data.version },
      data: { calibration: open, version: { increment: 1 } },
    });
    if (claimed.count === 0) return conflict();
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: "quality.calibration",
      entityType: "inspection",
      entityId: String(inspectionId),
      changes: { calibration: { from: loaded.inspection.calibration, to: open } },
    });
    return { ok: true as const, calibration: open };
  });
}

/** The agent appeals their result once, with a reason; the team's other inspectors hear of it. */
export async function appealInspection(
  actor: Actor,
  inspectionId: number,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ status: "appealed" }>> {
  if (!can(actor, "quality.own")) return fail("forbidden", "You may not appeal.");
  const parsed = appealSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const inspection = await db.inspection.findFirst({
    where: { id: inspectionId, agentId: actor.userId },
    select: { status: true, appealedAt: true, teamId: true, inspectorId: true },
  });
  if (!inspection) return fail("not_found", "This inspection does not exist.");
  if (inspection.appealedAt) return fail("unprocessable", "A result can be appealed only once.");
  if (inspection.status !== "scored") return fail("unprocessable", "Only a scored result can be appealed.");
  return db.$transaction(async (tx) => {
    const claimed = await tx.inspection.updateMany({
      where: { id: inspectionId, version: parsed.data.version, status: "scored", appealedAt: null },
      data: { status: "appealed", appealReason: parsed.data.reason, appealedAt: now, version: { increment: 1 } },
    });
    if (claimed.count === 0) return conflict();
    const reviewers = await appealReviewers(tx, inspection.teamId, [actor.userId, inspection.inspectorId ?? 0]);
    await notifyMany(
      tx,
      reviewers.map((userId) => ({
        userId,
        kind: "quality.appeal" as const,
        params: { inspectionId },
        dedupeKey: `quality-appeal:${inspectionId}:${userId}`,
        now,
      })),
    );
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: "quality.appeal",
      entityType: "inspection",
      entityId: String(inspectionId),
      changes: { reason: parsed.data.reason },
    });
    return { ok: true as const, status: "appealed" as const };
  });
}

/** A second inspector (never the first, never the agent) upholds the appeal with a new score, or rejects it. */
export async function decideAppeal(
  actor: Actor,
  inspectionId: number,
  raw: unknown,
  now = new Date(),
): Promise<Result<{ total: number }>> {
  const parsed = decideAppealSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const input = parsed.data;
  const loaded = await loadForInspector(actor, inspectionId);
  if ("failure" in loaded) return loaded.failure;
  const { inspection } = loaded;
  if (inspection.status !== "appealed") return fail("unprocessable", "There is no open appeal on this case.");
  if (inspection.inspectorId === actor.userId) return fail("forbidden", "A second inspector decides the appeal.");
  let total = inspection.total ?? 0;
  if (input.decision === "upheld") {
    if (!input.points) return invalid({ points: ["required"] });
    const scored = scoreOf(inspection.scorecardVersion.criteria, input.points);
    if ("ok" in scored) return scored;
    total = scored.total;
  }
  return db.$transaction(async (tx) => {
    const claimed = await tx.inspection.updateMany({
      where: { id: inspectionId, version: input.version, status: "appealed" },
      data: {
        status: "final",
        total,
        appealDecision: input.decision,
        appealComment: input.comment,
        appealDecidedById: actor.userId,
        appealDecidedAt: now,
        version: { increment: 1 },
      },
    });
    if (claimed.count === 0) return conflict();
    if (input.decision === "upheld" && input.points) {
      await tx.inspectionScore.create({
        data: {
          inspectionId,
          inspectorId: actor.userId,
          kind: "appeal",
          points: input.points,
          total,
          comment: input.comment,
          createdAt: now,
        },
      });
    }
    await notify(tx, {
      userId: inspection.agentId,
      kind: "quality.appeal_decided",
      params: { inspectionId, decision: input.decision, total },
      dedupeKey: `quality-appeal-decided:${inspectionId}`,
      now,
    });
    await writeAudit(tx, {
      actorType: "user",
      actorId: actor.userId,
      action: "quality.appeal_decide",
      entityType: "inspection",
      entityId: String(inspectionId),
      changes: { decision: input.decision, total: { from: inspection.total, to: total }, comment: input.comment },
    });
    return { ok: true as const, total };
  });
}
