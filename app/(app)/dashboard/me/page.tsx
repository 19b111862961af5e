import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { formatKpi } from "@/components/dashboard/format";
import { Freshness } from "@/components/dashboard/freshness";
import { PeriodLine } from "@/components/dashboard/period-line";
import { TileGrid } from "@/components/dashboard/tile-grid";
import { DataTable } from "@/components/dashboard/data-table";
import { requirePermission } from "@/lib/auth/session";
import { isAppLocale } from "@/lib/i18n/locales";
import { KPI_SPECS } from "@/lib/kpi/catalog";
import { filterParams, parseDashboardParams, type RawParams } from "@/lib/kpi/filters";
import { loadAgentDashboard } from "@/lib/kpi/team";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("meTitle") };
}

// Agent view: own figures (complaints assigned to me) as tiles, and a me-vs-my-teams table.
export default async function MyPerformancePage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const user = await requirePermission("complaint.read");
  const { filters } = parseDashboardParams(await searchParams);
  const rawLocale = await getLocale();
  const locale = isAppLocale(rawLocale) ? rawLocale : "zh-CN";
  const [t, data] = await Promise.all([getTranslations("dashboard"), loadAgentDashboard(user.actor, filters)]);
  if (!data) return null;
  const team = new Map(data.team.map((tile) => [tile.key, tile]));
  return (
    <>
      <PageHeader title={t("meTitle")} description={t("meDescription")} meta={<Freshness dataAsOf={data.dataAsOf} />} />
      <FilterBar
        params={filterParams({
          ...filters,
          team: undefined,
          category: undefined,
          channel: undefined,
          tier: undefined,
          severity: undefined,
        })}
        options={{}}
        period={data.period}
      />
      <div className="mb-3">
        <PeriodLine period={data.period} />
      </div>
      <TileGrid tiles={data.mine} filters={filters} period={data.period} locale={locale} assignee={user.id} />
      <Card data-testid="me-vs-team">
        <CardContent className="overflow-x-auto">
          {data.hasTeam ? (
            <DataTable
              caption={t("meTitle")}
              columns={[t("me.figure"), t("me.mine"), t("me.team")]}
              rows={data.mine.map((tile) => ({
                key: tile.key,
                cells: [
                  t(`kpis.${tile.key}`),
                  formatKpi(KPI_SPECS[tile.key].unit, tile.value, locale) ?? "—",
                  formatKpi(KPI_SPECS[tile.key].unit, team.get(tile.key)?.value ?? null, locale) ?? "—",
                ],
              }))}
            />
          ) : (
            <p className="py-6 text-center text-sm text-slate-500">{t("me.noTeam")}</p>
          )}
        </CardContent>
      </Card>
    </>
  );
}
