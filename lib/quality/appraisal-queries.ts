// Reads of the appraisal pages and exports: a month's appraisals by team (scoped like inspections), one appraisal
// with the agent's 6-month trend, and flat rows for CSV/XLSX.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { INDICATORS, lastMonths, type Figures, type Scores } from "@/lib/quality/appraisal";
import { weightsOf } from "@/lib/quality/appraise";
import { qualityScope, scopeWhere } from "@/lib/quality/scope";

const numbers = (json: unknown): Record<string, number | null> => {
  const source = (json && typeof json === "object" ? json : {}) as Record<string, unknown>;
  return Object.fromEntries(
    INDICATORS.map((indicator) => [indicator, typeof source[indicator] === "number" ? source[indicator] : null]),
  );
};
export const figuresOf = (json: unknown) => numbers(json) as Figures;
export const scoresOf = (json: unknown) => numbers(json) as Scores;

const SELECT = {
  id: true,
  agentId: true,
  teamId: true,
  month: true,
  figures: true,
  scores: true,
  weights: true,
  total: true,
  rank: true,
  teamSize: true,
  supervisorComment: true,
  commentedAt: true,
  commentedById: true,
  acknowledgedAt: true,
  version: true,
  computedAt: true,
} as const;

async function namesOf(userIds: number[], teamIds: number[]) {
  const [users, teams] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    db.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, nameZh: true, nameEn: true } }),
  ]);
  return {
    users: new Map(users.map((user) => [user.id, user.name])),
    teams: new Map(teams.map((team) => [team.id, team])),
  };
}

/** Months that have appraisals within the actor's scope, newest first. */
export async function appraisalMonths(actor: Actor): Promise<string[]> {
  const rows = await db.appraisal.findMany({
    where: scopeWhere(await qualityScope(actor), actor.userId),
    distinct: ["month"],
    select: { month: true },
    orderBy: { month: "desc" },
    take: 24,
  });
  return rows.map((row) => row.month);
}

export async function listAppraisals(actor: Actor, month: string) {
  const scope = await qualityScope(actor);
  const own = !can(actor, "quality.inspect");
  const rows = await db.appraisal.findMany({
    where: { month, ...(own ? { agentId: actor.userId } : scopeWhere(scope, actor.userId)) },
    orderBy: [{ teamId: "asc" }, { rank: "asc" }],
    select: SELECT,
  });
  const { users, teams } = await namesOf(
    [...new Set(rows.map((row) => row.agentId))],
    [...new Set(rows.map((row) => row.teamId))],
  );
  return rows.map((row) => ({
    ...row,
    figures: figuresOf(row.figures),
    scores: scoresOf(row.scores),
    agentName: users.get(row.agentId) ?? "—",
    team: teams.get(row.teamId) ?? null,
  }));
}
export type AppraisalRow = Awaited<ReturnType<typeof listAppraisals>>[number];

export async function getAppraisal(actor: Actor, appraisalId: number) {
  const scope = await qualityScope(actor);
  const row = await db.appraisal.findFirst({
    where: { id: appraisalId, ...scopeWhere(scope, actor.userId) },
    select: SELECT,
  });
  if (!row) return null;
  const months = lastMonths(row.month, 6);
  const trend = await db.appraisal.findMany({
    where: { agentId: row.agentId, teamId: row.teamId, month: { in: months } },
    select: { month: true, total: true, rank: true, teamSize: true },
  });
  const byMonth = new Map(trend.map((point) => [point.month, point]));
  const { users, teams } = await namesOf([row.agentId, row.commentedById ?? 0], [row.teamId]);
  const isAgent = row.agentId === actor.userId;
  return {
    ...row,
    figures: figuresOf(row.figures),
    scores: scoresOf(row.scores),
    weights: weightsOf(row.weights),
    agentName: users.get(row.agentId) ?? "—",
    commentedByName: row.commentedById ? (users.get(row.commentedById) ?? "—") : null,
    team: teams.get(row.teamId) ?? null,
    trend: months.map((month) => ({
      month,
      total: byMonth.get(month)?.total ?? null,
      rank: byMonth.get(month)?.rank ?? null,
      teamSize: byMonth.get(month)?.teamSize ?? null,
    })),
    can: { comment: can(actor, "quality.inspect") && !isAgent, acknowledge: isAgent && !row.acknowledgedAt },
  };
}
export type AppraisalDetail = NonNullable<Awaited<ReturnType<typeof getAppraisal>>>;
