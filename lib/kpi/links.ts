// Links from dashboard figures to the complaint queue with the same filters (drill-down) and to exports.
import type { DrillCohort } from "@/lib/kpi/catalog";
import { DIMENSIONS, filterParams, type DashboardFilters, type Period } from "@/lib/kpi/filters";

export type DrillOverrides = Partial<
  Record<
    | "team"
    | "category"
    | "channel"
    | "tier"
    | "severity"
    | "rootCause"
    | "level"
    | "assignee"
    | "dow"
    | "hour"
    | "responsibleDepartment",
    number
  >
> & {
  responsibleParty?: string;
  fromDay?: string;
  toDay?: string;
};

/** The complaint queue showing exactly the complaints behind a dashboard figure. */
export function drillHref(
  filters: DashboardFilters,
  period: Pick<Period, "fromDay" | "toDay">,
  cohort: DrillCohort,
  overrides: DrillOverrides = {},
): string {
  const search = new URLSearchParams();
  search.set("kpi", cohort);
  if (cohort !== "backlog") search.set("from", overrides.fromDay ?? period.fromDay);
  search.set("to", overrides.toDay ?? period.toDay);
  for (const key of DIMENSIONS) {
    const value = overrides[key] !== undefined ? String(overrides[key]) : filters[key]?.join(",");
    if (value) search.set(key, value);
  }
  if (overrides.rootCause !== undefined) search.set("rootCause", String(overrides.rootCause));
  if (overrides.responsibleDepartment !== undefined)
    search.set("responsibleDepartment", String(overrides.responsibleDepartment));
  if (overrides.responsibleParty !== undefined) search.set("responsibleParty", overrides.responsibleParty);
  if (overrides.level !== undefined) search.set("level", String(overrides.level));
  if (overrides.assignee !== undefined) search.set("assignee", String(overrides.assignee));
  // heatmap cell: local weekday (0 = Sunday) and hour of creation
  if (overrides.dow !== undefined) search.set("dow", String(overrides.dow));
  if (overrides.hour !== undefined) search.set("hour", String(overrides.hour));
  search.set("sort", "newest");
  return `/complaints?${search.toString()}`;
}

export const EXPORT_TABLES = ["kpis", "flow", "categories", "rootCauses", "teams", "agents", "surveyModes"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export function exportHref(
  filters: DashboardFilters,
  table: ExportTable,
  format: "csv" | "xlsx",
  view: "manager" | "team" = "manager",
): string {
  const search = new URLSearchParams({ ...filterParams(filters), table, format, view });
  return `/api/dashboard/export?${search.toString()}`;
}
