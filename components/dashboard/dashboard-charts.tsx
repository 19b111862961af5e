import { getTranslations } from "next-intl/server";
import { ChartCard } from "@/components/dashboard/chart-card";
import { FlowChart, ParetoChart, SimpleBarChart, SlaTeamChart, SurveyTrendChart } from "@/components/dashboard/charts";
import { DataTable } from "@/components/dashboard/data-table";
import { formatKpi } from "@/components/dashboard/format";
import { Heatmap } from "@/components/dashboard/heatmap";
import type { KpiKey } from "@/lib/kpi/catalog";
import type { ManagerDashboard } from "@/lib/kpi/dashboard";
import type { DashboardFilters } from "@/lib/kpi/filters";
import { drillHref } from "@/lib/kpi/links";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";

type DashboardChartsProps = {
  data: ManagerDashboard;
  filters: DashboardFilters;
  locale: AppLocale;
  canExport: boolean;
};

function pareto(rows: { id: number; nameZh: string; nameEn: string; count: number }[], locale: AppLocale) {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  let running = 0;
  return rows.slice(0, 12).map((row) => {
    running += row.count;
    return {
      id: row.id,
      label: localizedName(locale, row),
      count: row.count,
      cumulative: total ? Math.round((running / total) * 1000) / 10 : 0,
    };
  });
}

export async function DashboardCharts({ data, filters, locale, canExport }: DashboardChartsProps) {
  const t = await getTranslations("dashboard.charts");
  const { charts, period } = data;
  const drill = (cohort: Parameters<typeof drillHref>[2], overrides: Parameters<typeof drillHref>[3] = {}) =>
    drillHref(filters, period, cohort, overrides);
  const percent = (value: number | null) => formatKpi("share", value, locale) ?? "—";
  const targetOf = (key: KpiKey) => data.tiles.find((tile) => tile.key === key)?.target ?? null;
  const exportOf = (table: "flow" | "categories" | "rootCauses" | "teams") => ({ table, filters, canExport });

  const flowHrefs = {
    inflow: charts.flow.map((row) => drill("inflow", { fromDay: row.day, toDay: row.day })),
    outflow: charts.flow.map((row) => drill("resolved", { fromDay: row.day, toDay: row.day })),
  };
  const categories = pareto(charts.categories, locale);
  const rootCauses = pareto(charts.rootCauses, locale);
  const frtTotal = charts.frtDistribution.reduce((sum, count) => sum + count, 0);
  const frtRows = charts.frtDistribution.map((count, index) => ({
    label: t(`frt.buckets.${index as 0 | 1 | 2 | 3 | 4 | 5 | 6}`),
    value: count,
  }));
  const teams = charts.slaByTeam.map((row) => ({ ...row, label: localizedName(locale, row) }));
  const surveyHas = data.surveys.trend.some((row) => row.responses > 0);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard
        id="flow"
        title={t("flow.title")}
        description={t("flow.description")}
        empty={charts.flow.every((row) => row.inflow === 0 && row.outflow === 0)}
        exportTable={exportOf("flow")}
        chart={
          <FlowChart
            rows={charts.flow}
            hrefs={flowHrefs}
            labels={{ inflow: t("flow.inflow"), outflow: t("flow.outflow") }}
            ariaLabel={t("flow.title")}
          />
        }
        table={
          <DataTable
            caption={t("flow.title")}
            columns={[t("day"), t("flow.inflow"), t("flow.outflow")]}
            rows={charts.flow
              .filter((row) => row.inflow || row.outflow)
              .map((row, index) => ({
                key: row.day,
                cells: [
                  row.day,
                  { text: String(row.inflow), href: flowHrefs.inflow[index] },
                  { text: String(row.outflow), href: flowHrefs.outflow[index] },
                ],
              }))}
          />
        }
      />
      <ChartCard
        id="survey"
        title={t("survey.title")}
        description={t("survey.description")}
        empty={!surveyHas}
        chart={
          <SurveyTrendChart
            rows={data.surveys.trend}
            targets={{ csat: targetOf("csat"), nps: targetOf("nps") }}
            labels={{ csat: t("survey.csat"), nps: t("survey.nps") }}
            ariaLabel={t("survey.title")}
          />
        }
        table={
          <DataTable
            caption={t("survey.title")}
            columns={[t("day"), t("survey.csat"), t("survey.nps"), t("survey.responses")]}
            rows={data.surveys.trend
              .filter((row) => row.responses)
              .map((row) => ({
                key: row.day,
                cells: [row.day, percent(row.csat), formatKpi("points", row.nps, locale) ?? "—", String(row.responses)],
              }))}
          />
        }
      />
      <ChartCard
        id="frt"
        title={t("frt.title")}
        description={t("frt.description")}
        empty={frtTotal === 0}
        chart={
          <SimpleBarChart
            rows={frtRows}
            hrefs={frtRows.map(() => drill("responded"))}
            name={t("complaints")}
            ariaLabel={t("frt.title")}
          />
        }
        table={
          <DataTable
            caption={t("frt.title")}
            columns={[t("frt.bucket"), t("complaints"), t("share")]}
            rows={frtRows.map((row) => ({
              key: row.label,
              cells: [row.label, String(row.value), percent(frtTotal ? row.value / frtTotal : null)],
            }))}
          />
        }
      />
      <ChartCard
        id="sla"
        title={t("sla.title")}
        description={t("sla.description")}
        empty={teams.length === 0}
        exportTable={exportOf("teams")}
        chart={
          <SlaTeamChart
            rows={teams}
            hrefs={{
              response: teams.map((row) => drill("response_breached", { team: row.teamId })),
              resolution: teams.map((row) => drill("resolution_breached", { team: row.teamId })),
            }}
            target={targetOf("slaResponse")}
            labels={{ response: t("sla.response"), resolution: t("sla.resolution") }}
            ariaLabel={t("sla.title")}
          />
        }
        table={
          <DataTable
            caption={t("sla.title")}
            columns={[t("sla.team"), t("sla.response"), t("sla.resolution")]}
            rows={teams.map((row) => ({
              key: String(row.teamId),
              cells: [
                row.label,
                { text: percent(row.response), href: drill("response_breached", { team: row.teamId }) },
                { text: percent(row.resolution), href: drill("resolution_breached", { team: row.teamId }) },
              ],
            }))}
          />
        }
      />
      <ChartCard
        id="categories"
        title={t("categories.title")}
        description={t("categories.description")}
        empty={categories.length === 0}
        exportTable={exportOf("categories")}
        chart={
          <ParetoChart
            rows={categories}
            hrefs={categories.map((row) => drill("inflow", { category: row.id }))}
            labels={{ count: t("complaints"), cumulative: t("cumulative") }}
            ariaLabel={t("categories.title")}
          />
        }
        table={
          <DataTable
            caption={t("categories.title")}
            columns={[t("categories.name"), t("complaints"), t("cumulative")]}
            rows={categories.map((row) => ({
              key: String(row.id),
              cells: [
                row.label,
                { text: String(row.count), href: drill("inflow", { category: row.id }) },
                `${row.cumulative}%`,
              ],
            }))}
          />
        }
      />
      <ChartCard
        id="rootCauses"
        title={t("rootCauses.title")}
        description={t("rootCauses.description")}
        empty={rootCauses.length === 0}
        exportTable={exportOf("rootCauses")}
        chart={
          <ParetoChart
            rows={rootCauses}
            hrefs={rootCauses.map((row) => drill("resolved", { rootCause: row.id }))}
            labels={{ count: t("complaints"), cumulative: t("cumulative") }}
            ariaLabel={t("rootCauses.title")}
          />
        }
        table={
          <DataTable
            caption={t("rootCauses.title")}
            columns={[t("rootCauses.name"), t("complaints"), t("cumulative")]}
            rows={rootCauses.map((row) => ({
              key: String(row.id),
              cells: [
                row.label,
                { text: String(row.count), href: drill("resolved", { rootCause: row.id }) },
                `${row.cumulative}%`,
              ],
            }))}
          />
        }
      />
      <ChartCard
        id="heatmap"
        deferred={false}
        title={t("heatmap.title")}
        description={t("heatmap.description")}
        empty={charts.heatmap.length === 0}
        chart={<Heatmap cells={charts.heatmap} href={(weekday, hour) => drill("inflow", { dow: weekday, hour })} />}
        table={
          <DataTable
            caption={t("heatmap.title")}
            columns={[t("heatmap.weekday"), t("heatmap.hour"), t("complaints")]}
            rows={[...charts.heatmap]
              .sort((a, b) => b.count - a.count)
              .slice(0, 20)
              .map((cell) => ({
                key: `${cell.weekday}-${cell.hour}`,
                cells: [
                  t(`heatmap.weekdays.${String(cell.weekday) as "0"}`),
                  `${cell.hour}:00`,
                  { text: String(cell.count), href: drill("inflow", { dow: cell.weekday, hour: cell.hour }) },
                ],
              }))}
          />
        }
      />
      <ChartCard
        id="escalations"
        title={t("escalations.title")}
        description={t("escalations.description")}
        empty={charts.escalationLevels.length === 0}
        chart={
          <SimpleBarChart
            rows={charts.escalationLevels.map((row) => ({
              label: t("escalations.levelName", { level: row.level }),
              value: row.count,
            }))}
            hrefs={charts.escalationLevels.map((row) => drill("escalated", { level: row.level }))}
            name={t("complaints")}
            ariaLabel={t("escalations.title")}
            color="danger"
          />
        }
        table={
          <DataTable
            caption={t("escalations.title")}
            columns={[t("escalations.level"), t("complaints")]}
            rows={charts.escalationLevels.map((row) => ({
              key: String(row.level),
              cells: [
                t("escalations.levelName", { level: row.level }),
                { text: String(row.count), href: drill("escalated", { level: row.level }) },
              ],
            }))}
          />
        }
      />
    </div>
  );
}
