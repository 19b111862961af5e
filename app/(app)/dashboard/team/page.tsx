import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/dashboard/data-table";
import { ExportLinks } from "@/components/dashboard/export-links";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { dashboardFilterOptions } from "@/components/dashboard/filter-options";
import { formatKpi } from "@/components/dashboard/format";
import { Freshness } from "@/components/dashboard/freshness";
import { PeriodLine } from "@/components/dashboard/period-line";
import { TileGrid } from "@/components/dashboard/tile-grid";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { isAppLocale } from "@/lib/i18n/locales";
import { filterParams, parseDashboardParams, type RawParams } from "@/lib/kpi/filters";
import { loadTeamDashboard } from "@/lib/kpi/team";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("teamTitle") };
}

// Supervisor view (dashboard.team): their teams' tiles and one row per agent.
export default async function TeamDashboardPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const user = await requirePermission("dashboard.team");
  const { filters } = parseDashboardParams(await searchParams);
  const rawLocale = await getLocale();
  const locale = isAppLocale(rawLocale) ? rawLocale : "zh-CN";
  const data = await loadTeamDashboard(user.actor, filters);
  const [t, options] = await Promise.all([
    getTranslations("dashboard"),
    dashboardFilterOptions(locale, data?.scope.kind === "teams" ? data.scope.teamIds : undefined),
  ]);
  if (!data) return null;
  const duration = (value: number | null) => formatKpi("minutes", value, locale) ?? "—";
  const percent = (value: number | null) => formatKpi("share", value, locale) ?? "—";
  return (
    <>
      <PageHeader
        title={t("teamTitle")}
        description={t("teamDescription")}
        meta={<Freshness dataAsOf={data.dataAsOf} />}
      />
      <FilterBar params={filterParams(filters)} options={options} period={data.period} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <PeriodLine period={data.period} />
        <span className="text-xs text-slate-500">{data.scope.kind === "all" ? t("scopeAll") : t("scopeTeams")}</span>
      </div>
      <TileGrid tiles={data.tiles} filters={filters} period={data.period} locale={locale} />
      <Card aria-labelledby="agents-title" data-testid="agents-table">
        <CardHeader>
          <div>
            <CardTitle id="agents-title">{t("agents.title")}</CardTitle>
            <CardDescription>{t("agents.description")}</CardDescription>
          </div>
          {can(user, "report.export") && data.agents.length ? (
            <ExportLinks table="agents" filters={filters} view="team" label={t("agents.title")} />
          ) : null}
        </CardHeader>
        <CardContent className="overflow-x-auto">
          {data.agents.length ? (
            <DataTable
              caption={t("agents.title")}
              columns={[
                t("agents.name"),
                t("agents.handled"),
                t("agents.frt"),
                t("agents.resolution"),
                t("agents.sla"),
                t("agents.csat"),
                t("agents.reopen"),
              ]}
              rows={data.agents.map((agent) => ({
                key: String(agent.userId),
                cells: [
                  agent.name,
                  String(agent.handled),
                  duration(agent.frtMedian),
                  duration(agent.resolutionMedian),
                  percent(agent.sla),
                  percent(agent.csat),
                  percent(agent.reopenRate),
                ],
              }))}
            />
          ) : (
            <p className="py-8 text-center text-sm text-slate-500">{t("agents.empty")}</p>
          )}
        </CardContent>
      </Card>
    </>
  );
}
