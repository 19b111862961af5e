// Reads of the improvement pages: the list, one action with its linked complaints, the form's choices, and the
// before/after numbers of complaints with the action's root cause.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { complaintScope } from "@/lib/complaints/scope";
import type { ImprovementStatusValue } from "@/lib/improvements/schema";

export const IMPROVEMENT_PAGE_SIZE = 50;

export async function listImprovements(status: ImprovementStatusValue | null, page: number) {
  const where = status ? { status } : {};
  const [rows, total] = await Promise.all([
    db.improvementAction.findMany({
      where,
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { id: "desc" }],
      skip: (page - 1) * IMPROVEMENT_PAGE_SIZE,
      take: IMPROVEMENT_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        kind: true,
        status: true,
        dueAt: true,
        createdAt: true,
        rootCause: { select: { code: true, nameZh: true, nameEn: true } },
        owner: { select: { name: true } },
        _count: { select: { complaints: true } },
      },
    }),
    db.improvementAction.count({ where }),
  ]);
  return { rows, total };
}

export async function getImprovement(actor: Actor, id: number) {
  const action = await db.improvementAction.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      description: true,
      kind: true,
      status: true,
      rootCauseId: true,
      ownerId: true,
      dueAt: true,
      completedAt: true,
      version: true,
      createdAt: true,
      rootCause: { select: { code: true, nameZh: true, nameEn: true } },
      owner: { select: { name: true } },
    },
  });
  if (!action) return null;
  // Linked complaints the actor may not see are counted but not listed.
  const links = await db.improvementActionComplaint.findMany({
    where: { actionId: id },
    select: { complaintId: true },
  });
  const complaints = await db.complaint.findMany({
    where: { id: { in: links.map((link) => link.complaintId) }, ...complaintScope(actor) },
    orderBy: { createdAt: "desc" },
    select: { id: true, reference: true, subject: true, status: true, createdAt: true, rootCauseId: true },
  });
  return { ...action, complaints, hiddenComplaints: links.length - complaints.length };
}

export async function improvementFormChoices() {
  const [rootCauses, owners] = await Promise.all([
    db.rootCause.findMany({
      where: { active: true },
      orderBy: { code: "asc" },
      select: { id: true, code: true, nameZh: true, nameEn: true },
    }),
    db.user.findMany({
      where: { active: true, role: { in: ["supervisor", "manager"] } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, role: true },
    }),
  ]);
  return { rootCauses, owners };
}

export type BeforeAfter = {
  anchor: string;
  anchorKind: "completed" | "created";
  weeks: number;
  /** week -N … -1 before the anchor, 0 … N-1 after it; `count` is null for weeks that have not ended yet. */
  series: { week: number; count: number | null }[];
  before: { total: number; perWeek: number };
  after: { total: number; perWeek: number | null; weeksElapsed: number };
  /** Relative change of the weekly average, e.g. -0.5 for half as many; null when it cannot be computed. */
  change: number | null;
};

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Complaints with the root cause per week, N weeks before and after the anchor: the completion time of a done
 * action, else its creation (the start). Weeks are counted from the anchor instant, by complaint createdAt.
 */
export async function beforeAfter(
  rootCauseId: number,
  anchor: Date,
  anchorKind: BeforeAfter["anchorKind"],
  weeks = 8,
  now = new Date(),
): Promise<BeforeAfter> {
  const from = new Date(anchor.getTime() - weeks * WEEK_MS);
  const to = new Date(anchor.getTime() + weeks * WEEK_MS);
  const rows = await db.$queryRaw<{ week: number; count: bigint }[]>`
    SELECT floor(extract(epoch FROM ("createdAt" - ${anchor.toISOString()}::timestamptz AT TIME ZONE 'UTC')) / 604800)::int AS week, count(*) AS count
    FROM complaints
    WHERE "rootCauseId" = ${rootCauseId}
      AND "createdAt" >= (${from.toISOString()}::timestamptz AT TIME ZONE 'UTC')
      AND "createdAt" < (${to.toISOString()}::timestamptz AT TIME ZONE 'UTC')
    GROUP BY 1`;
  const counts = new Map(rows.map((row) => [row.week, Number(row.count)]));
  const weeksElapsed = Math.max(0, Math.min(weeks, Math.floor((now.getTime() - anchor.getTime()) / WEEK_MS)));
  const series = Array.from({ length: weeks * 2 }, (_, index) => {
    const week = index - weeks;
    return { week, count: week >= weeksElapsed ? null : (counts.get(week) ?? 0) };
  });
  const beforeTotal = series.filter((point) => point.week < 0).reduce((sum, point) => sum + (point.count ?? 0), 0);
  const afterTotal = series.filter((point) => point.week >= 0).reduce((sum, point) => sum + (point.count ?? 0), 0);
  const beforePerWeek = beforeTotal / weeks;
  const afterPerWeek = weeksElapsed > 0 ? afterTotal / weeksElapsed : null;
  return {
    anchor: anchor.toISOString(),
    anchorKind,
    weeks,
    series,
    before: { total: beforeTotal, perWeek: beforePerWeek },
    after: { total: afterTotal, perWeek: afterPerWeek, weeksElapsed },
    change: afterPerWeek === null || beforePerWeek === 0 ? null : (afterPerWeek - beforePerWeek) / beforePerWeek,
  };
}
