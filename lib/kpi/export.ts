// Dashboard tables as rows for CSV/XLSX export: the same loaders, scope and filters as the pages (report.export).
import { z } from "zod";
import { fieldErrors, type FieldErrors } from "@/lib/errors";
import { can, type Actor } from "@/lib/auth/permissions";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { KPI_SPECS } from "@/lib/kpi/catalog";
import { loadManagerDashboard, type Tile } from "@/lib/kpi/dashboard";
import { dashboardFilterSchema, type DashboardFilters } from "@/lib/kpi/filters";
import { EXPORT_TABLES } from "@/lib/kpi/links";
import { loadTeamDashboard } from "@/lib/kpi/team";
import type { SheetCell } from "@/lib/exports/xlsx";

const exportRequestSchema = z.object({
  table: z.enum(EXPORT_TABLES),
  format: z.enum(["csv", "xlsx"]),
  view: z.enum(["manager", "team"]).default("manager"),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export type ExportLabels = (key: string) => string;
type ExportTableData = { name: string; header: string[]; rows: SheetCell[][] };
export type ExportResult = { ok: true; table: ExportTableData } | { ok: false; error: "forbidden" | "invalid" };

const round = (value: number | null, digits = 2) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
/** Shares are exported as percentages (0–100), durations in minutes. */
const percent = (value: number | null) => round(value === null ? null : value * 100, 1);

/** The export's query string: table/format/view and the page's filters, with field errors keyed by parameter. */
export function parseExportRequest(
  raw: Record<string, string>,
): { ok: true; request: ExportRequest; filters: DashboardFilters } | { ok: false; fields: FieldErrors } {
  const request = exportRequestSchema.safeParse(raw);
  const filters = dashboardFilterSchema.safeParse(raw);
  if (request.success && filters.success) return { ok: true, request: request.data, filters: filters.data };
  return {
    ok: false,
    fields: {
      ...(request.success ? {} : fieldErrors(request.error)),
      ...(filters.success ? {} : fieldErrors(filters.error)),
    },
  };
}

export async function buildExport(
  actor: Actor,
  request: ExportRequest,
  filters: DashboardFilters,
  locale: AppLocale,
  label: ExportLabels,
  now = new Date(),
): Promise<ExportResult> {
  if (!can(actor, "report.export")) return { ok: false, error: "forbidden" };
  const name = (row: { nameZh: string; nameEn: string }) => localizedName(locale, row);
  if (request.view === "team" || request.table === "agents") {
    const data = await loadTeamDashboard(actor, filters, now);
    if (!data) return { ok: false, error: "forbidden" };
    const suffix = `${data.period.fromDay}_${data.period.toDay}`;
    if (request.table !== "agents" && request.table !== "kpis") return { ok: false, error: "invalid" };
    if (request.table === "agents") {
      return {
        ok: true,
        table: {
          name: `agents_${suffix}`,
          header: [
            "agents.name",
            "agents.handled",
            "agents.frtMinutes",
            "agents.resolutionMinutes",
            "agents.slaPercent",
            "agents.csatPercent",
            "agents.reopenPercent",
          ].map(label),
          rows: data.agents.map((agent) => [
            agent.name,
            agent.handled,
            round(agent.frtMedian),
            round(agent.resolutionMedian),
            percent(agent.sla),
            percent(agent.csat),
            percent(agent.reopenRate),
          ]),
        },
      };
    }
    return { ok: true, table: kpiTable(data.tiles, `kpis_${suffix}`, label) };
  }
  const data = await loadManagerDashboard(actor, filters, now);
  if (!data) return { ok: false, error: "forbidden" };
  const suffix = `${data.period.fromDay}_${data.period.toDay}`;
  switch (request.table) {
    case "kpis":
      return { ok: true, table: kpiTable(data.tiles, `kpis_${suffix}`, label) };
    case "flow":
      return {
        ok: true,
        table: {
          name: `flow_${suffix}`,
          header: ["day", "inflow", "outflow"].map((key) => label(`flow.${key}`)),
          rows: data.charts.flow.map((row) => [row.day, row.inflow, row.outflow]),
        },
      };
    case "categories":
      return {
        ok: true,
        table: {
          name: `categories_${suffix}`,
          header: [label("categories.name"), label("count")],
          rows: data.charts.categories.map((row) => [name(row), row.count]),
        },
      };
    case "rootCauses":
      return {
        ok: true,
        table: {
          name: `root_causes_${suffix}`,
          header: [label("rootCauses.name"), label("count")],
          rows: data.charts.rootCauses.map((row) => [name(row), row.count]),
        },
      };
    case "surveyModes":
      return {
        ok: true,
        table: {
          name: `survey_modes_${suffix}`,
          header: ["split.mode", "split.responses", "split.responseRate", "split.csat", "split.nps", "split.ces"].map(
            (key) => label(`surveyModes.${key}`),
          ),
          rows: data.surveyModes.map((row) => [
            label(row.mode === "total" ? "surveyModes.split.total" : `surveyModes.modes.${row.mode}`),
            row.responses,
            percent(row.responseRate),
            percent(row.csat),
            round(row.nps, 1),
            round(row.ces),
          ]),
        },
      };
    case "teams":
      return {
        ok: true,
        table: {
          name: `sla_by_team_${suffix}`,
          header: [
            "teams.name",
            "teams.responsePercent",
            "teams.responseBase",
            "teams.resolutionPercent",
            "teams.resolutionBase",
          ].map(label),
          rows: data.charts.slaByTeam.map((row) => [
            name(row),
            percent(row.response),
            row.responseDecided,
            percent(row.resolution),
            row.resolutionDecided,
          ]),
        },
      };
  }
}

function kpiTable(tiles: Tile[], name: string, label: ExportLabels): ExportTableData {
  const value = (key: keyof typeof KPI_SPECS, raw: number | null) =>
    KPI_SPECS[key].unit === "share" ? percent(raw) : round(raw);
  return {
    name,
    header: [
      "kpis.kpi",
      "kpis.unit",
      "kpis.value",
      "kpis.previous",
      "kpis.target",
      "kpis.p90",
      "kpis.mean",
      "kpis.calendarMedian",
    ].map(label),
    rows: tiles.map((tile) => {
      const detail = (key: string) => round(tile.details.find((d) => d.label === key)?.value ?? null);
      return [
        label(`kpiNames.${tile.key}`),
        label(`units.${KPI_SPECS[tile.key].unit}`),
        value(tile.key, tile.value),
        value(tile.key, tile.previous),
        value(tile.key, tile.target),
        detail("p90"),
        detail("mean"),
        detail("calendarMedian"),
      ];
    }),
  };
}
