// Reads of the quality pages: the inspector queue and the agent's own results, one inspection with its scorecard
// version, scores, calibration spread and timeline excerpts, scorecards and plans. Every read goes through the
// quality scope (lib/quality/scope.ts): a case outside it is simply not found.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import type { InspectionStatus } from "@/lib/generated/prisma/enums";
import { calibrationSpread } from "@/lib/quality/scoring";
import { criteriaOf } from "@/lib/quality/scorecards";
import { inspects, qualityScope, scopeWhere } from "@/lib/quality/scope";

export const INSPECTION_TABS = ["queue", "appeals", "calibration", "done", "mine"] as const;
export type InspectionTab = (typeof INSPECTION_TABS)[number];

const TAB_WHERE: Record<InspectionTab, object> = {
  queue: { status: "pending" },
  appeals: { status: "appealed" },
  calibration: { calibration: true },
  done: { status: { in: ["scored", "final"] } },
  mine: {},
};

export async function listInspections(actor: Actor, options: { tab: InspectionTab; month?: string }) {
  const scope = await qualityScope(actor);
  const own = options.tab === "mine" || !can(actor, "quality.inspect");
  const rows = await db.inspection.findMany({
    where: {
      ...(own
        ? { agentId: actor.userId, status: { not: "pending" as InspectionStatus } }
        : { ...scopeWhere(scope, actor.userId), agentId: { not: actor.userId }, ...TAB_WHERE[options.tab] }),
      ...(options.month ? { month: options.month } : {}),
    },
    orderBy: [{ month: "desc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      month: true,
      reason: true,
      status: true,
      total: true,
      calibration: true,
      agentId: true,
      appealedAt: true,
      scoredAt: true,
      complaint: { select: { reference: true, subject: true } },
      _count: { select: { scores: true } },
    },
  });
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.agentId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((user) => [user.id, user.name]));
  return rows.map((row) => ({ ...row, agentName: names.get(row.agentId) ?? "—" }));
}

export async function inspectionCounts(actor: Actor): Promise<Record<"queue" | "appeals", number>> {
  if (!can(actor, "quality.inspect")) return { queue: 0, appeals: 0 };
  const where = { ...scopeWhere(await qualityScope(actor), actor.userId), agentId: { not: actor.userId } };
  const [queue, appeals] = await Promise.all([
    db.inspection.count({ where: { ...where, status: "pending" } }),
    db.inspection.count({ where: { ...where, status: "appealed" } }),
  ]);
  return { queue, appeals };
}

/** Timeline lines shown beside the scorecard: the conversation and the decisions, oldest first. */
const EXCERPT_KINDS = [
  "created",
  "reply",
  "customer_message",
  "call",
  "note",
  "status_changed",
  "escalated",
  "compensation_proposed",
] as const;

export async function getInspection(actor: Actor, inspectionId: number) {
  const scope = await qualityScope(actor);
  const inspection = await db.inspection.findFirst({
    where: { id: inspectionId, ...scopeWhere(scope, actor.userId) },
    select: {
      id: true,
      month: true,
      reason: true,
      status: true,
      total: true,
      calibration: true,
      version: true,
      agentId: true,
      teamId: true,
      inspectorId: true,
      scoredAt: true,
      appealReason: true,
      appealedAt: true,
      appealDecision: true,
      appealComment: true,
      appealDecidedAt: true,
      appealDecidedById: true,
      scorecardVersion: {
        select: { number: true, criteria: true, scorecard: { select: { nameZh: true, nameEn: true } } },
      },
      complaint: {
        select: {
          id: true,
          reference: true,
          subject: true,
          description: true,
          status: true,
          createdAt: true,
          resolvedAt: true,
          resolutionSummary: true,
        },
      },
      scores: {
        select: { id: true, kind: true, inspectorId: true, points: true, total: true, comment: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!inspection) return null;
  const isAgent = inspection.agentId === actor.userId;
  const inspector = can(actor, "quality.inspect") && inspects(scope, actor.userId, inspection);
  // The agent sees their result once scored; a pending case is the inspectors' only.
  if (isAgent && !inspector && inspection.status === "pending") return null;
  const userIds = [
    inspection.agentId,
    inspection.inspectorId,
    inspection.appealDecidedById,
    ...inspection.scores.map((score) => score.inspectorId),
  ].filter((id): id is number => id !== null);
  const [users, events] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    db.complaintEvent.findMany({
      where: { complaintId: inspection.complaint.id, kind: { in: [...EXCERPT_KINDS] } },
      orderBy: { createdAt: "asc" },
      take: 40,
      select: {
        id: true,
        kind: true,
        visibility: true,
        body: true,
        createdAt: true,
        actorType: true,
        actor: { select: { name: true } },
      },
    }),
  ]);
  const names = new Map(users.map((user) => [user.id, user.name]));
  const comparable = inspection.scores.filter((score) => score.kind !== "appeal");
  const spread = comparable.length > 1 ? calibrationSpread(comparable.map((score) => score.total)) : null;
  const hasScored = (kind: string) =>
    inspection.scores.some((score) => score.inspectorId === actor.userId && score.kind === kind);
  return {
    ...inspection,
    criteria: criteriaOf(inspection.scorecardVersion.criteria),
    agentName: names.get(inspection.agentId) ?? "—",
    inspectorName: inspection.inspectorId ? (names.get(inspection.inspectorId) ?? "—") : null,
    deciderName: inspection.appealDecidedById ? (names.get(inspection.appealDecidedById) ?? "—") : null,
    scores: inspection.scores.map((score) => ({
      ...score,
      inspectorName: names.get(score.inspectorId) ?? "—",
      points: pointsOf(score.points),
    })),
    events: events.map((event) => ({ ...event, body: event.body ? event.body.slice(0, 600) : null })),
    spread,
    can: {
      score: inspector && inspection.status === "pending",
      calibrate:
        inspector &&
        inspection.calibration &&
        inspection.status !== "pending" &&
        !hasScored("calibration") &&
        inspection.inspectorId !== actor.userId,
      toggleCalibration: inspector,
      appeal: isAgent && inspection.status === "scored" && !inspection.appealedAt,
      decide: inspector && inspection.status === "appealed" && inspection.inspectorId !== actor.userId,
    },
  };
}
export type InspectionDetail = NonNullable<Awaited<ReturnType<typeof getInspection>>>;

export function pointsOf(json: unknown): { code: string; points: number; comment: string }[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((item) => {
    if (!item || typeof item !== "object") return [];
    const row = item as Record<string, unknown>;
    return typeof row.code === "string" && typeof row.points === "number"
      ? [{ code: row.code, points: row.points, comment: typeof row.comment === "string" ? row.comment : "" }]
      : [];
  });
}

export async function listScorecards() {
  const cards = await db.scorecard.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      nameZh: true,
      nameEn: true,
      active: true,
      currentNumber: true,
      version: true,
      versions: { orderBy: { number: "desc" }, select: { number: true, criteria: true, createdAt: true } },
    },
  });
  return cards.map((card) => ({
    ...card,
    versions: card.versions.map((version) => ({ ...version, criteria: criteriaOf(version.criteria) })),
  }));
}

export async function listPlans() {
  return db.samplingPlan.findMany({
    orderBy: [{ teamId: { sort: "asc", nulls: "first" } }],
    select: { id: true, teamId: true, perAgent: true, scorecardId: true, active: true },
  });
}

export async function activeTeams() {
  return db.team.findMany({
    where: { active: true },
    orderBy: { id: "asc" },
    select: { id: true, nameZh: true, nameEn: true },
  });
}
