// Accountability KPIs (issue 18 item 6, docs/kpi.md): complaints resolved in the period by responsible department or
// external party (Pareto), and per department the answers given in the period: on-time rate, mean answer time,
// answers returned by the agent.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { dashboardFilterSchema, resolvePeriod, type DashboardFilters, type Period } from "@/lib/kpi/filters";
import { drillHref } from "@/lib/kpi/links";
import type { ResponsibleParty } from "@/lib/generated/prisma/enums";

export type ParetoRow = {
  key: string;
  departmentId: number | null;
  party: ResponsibleParty;
  nameZh: string | null;
  nameEn: string | null;
  complaints: number;
  cumulativeShare: number;
};
export type DepartmentAnswerRow = {
  departmentId: number;
  nameZh: string;
  nameEn: string;
  answers: number;
  onTimeRate: number | null;
  meanAnswerMinutes: number | null;
  returned: number;
};

/** Pure: rows sorted by count (ties by key), each with its cumulative share of the total. */
export function paretoOf(rows: readonly Omit<ParetoRow, "cumulativeShare">[]): ParetoRow[] {
  const total = rows.reduce((sum, row) => sum + row.complaints, 0);
  let running = 0;
  return [...rows]
    .sort((a, b) => b.complaints - a.complaints || a.key.localeCompare(b.key))
    .map((row) => {
      running += row.complaints;
      return { ...row, cumulativeShare: total === 0 ? 0 : running / total };
    });
}

export async function loadAccountability(
  actor: Actor,
  filters: Pick<DashboardFilters, "preset" | "from" | "to">,
  now = new Date(),
) {
  if (!can(actor, "dashboard.view")) return null;
  const period = resolvePeriod(filters, now);
  const [grouped, departments, answers] = await Promise.all([
    db.complaint.groupBy({
      by: ["responsibleDepartmentId", "responsibleParty"],
      // The "resolved" cohort of the drill-down (lib/complaints/kpi-drill.ts), so a bar's count is its list's length.
      where: {
        status: { in: ["resolved", "closed"] },
        resolvedAt: { gte: period.from, lt: period.to },
        responsibleParty: { not: null },
      },
      _count: { _all: true },
    }),
    db.department.findMany({ select: { id: true, nameZh: true, nameEn: true } }),
    db.$queryRaw<
      { departmentId: number; answers: number; onTime: number; meanMinutes: number | null; returned: number }[]
    >`
      SELECT r."departmentId", count(*)::int AS answers, count(*) FILTER (WHERE a."onTime")::int AS "onTime",
             avg(a."answerMinutes")::float8 AS "meanMinutes", count(*) FILTER (WHERE a.decision = 'returned')::int AS returned
      FROM investigation_answers a JOIN investigation_requests r ON r.id = a."requestId"
      WHERE a."createdAt" >= ${period.from} AND a."createdAt" < ${period.to}
      GROUP BY r."departmentId"`,
  ]);
  const names = new Map(departments.map((row) => [row.id, row]));
  // One bar per department (whether named as a department or as a supplier), else one per external party.
  const bars = new Map<string, Omit<ParetoRow, "cumulativeShare">>();
  for (const row of grouped) {
    if (row.responsibleParty === null) continue;
    const department = row.responsibleDepartmentId === null ? null : (names.get(row.responsibleDepartmentId) ?? null);
    const key = department ? `d${department.id}` : `p-${row.responsibleParty}`;
    const bar = bars.get(key) ?? {
      key,
      departmentId: department?.id ?? null,
      party: row.responsibleParty,
      nameZh: department?.nameZh ?? null,
      nameEn: department?.nameEn ?? null,
      complaints: 0,
    };
    bar.complaints += row._count._all;
    bars.set(key, bar);
  }
  const pareto = paretoOf([...bars.values()]);
  const answerRows: DepartmentAnswerRow[] = answers
    .flatMap((row) => {
      const department = names.get(row.departmentId);
      if (!department) return [];
      return [
        {
          departmentId: row.departmentId,
          nameZh: department.nameZh,
          nameEn: department.nameEn,
          answers: row.answers,
          onTimeRate: row.answers ? row.onTime / row.answers : null,
          meanAnswerMinutes: row.meanMinutes,
          returned: row.returned,
        },
      ];
    })
    .sort((a, b) => b.answers - a.answers);
  return { period, pareto, answers: answerRows };
}

/**
 * The complaint list behind one Pareto bar: resolved in the period (the dashboard's other filters do not narrow it).
 */
export function paretoHref(
  period: Pick<Period, "fromDay" | "toDay">,
  row: Pick<ParetoRow, "departmentId" | "party">,
): string {
  return drillHref(dashboardFilterSchema.parse({}), period, "resolved", paretoDrill(row));
}

/**
 * Complaint-list filter of one Pareto bar: its department, else its external party (departments named as suppliers
 * too).
 */
export function paretoDrill(
  row: Pick<ParetoRow, "departmentId" | "party">,
): { responsibleDepartment: number } | { responsibleParty: string } {
  return row.departmentId !== null ? { responsibleDepartment: row.departmentId } : { responsibleParty: row.party };
}
