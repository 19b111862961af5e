import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AlertTriangle, FileText } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { DashboardCharts } from "@/components/dashboard/dashboard-charts";
import { ExportLinks } from "@/components/dashboard/export-links";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { dashboardFilterOptions } from "@/components/dashboard/filter-options";
import { Freshness } from "@/components/dashboard/freshness";
import { PeriodLine } from "@/components/dashboard/period-line";
import { TileGrid } from "@/components/dashboard/tile-grid";
import { SurveyModeTable } from "@/components/dashboard/survey-mode-table";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { isAppLocale } from "@/lib/i18n/locales";
import { loadManagerDashboard } from "@/lib/kpi/dashboard";
import { loadAccountability, paretoHref } from "@/lib/kpi/accountability";
import { AccountabilityCard } from "@/components/departments/accountability-card";
import { filterParams, parseDashboardParams, type RawParams } from "@/lib/kpi/filters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

// The manager dashboard (dashboard.view): KPI tiles and charts over all teams; supervisors and agents are sent to
// their own views. Filters live in the URL; every figure links to the complaints behind it.
export default async function DashboardPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const user = await requireUser();
  if (!can(user, "dashboard.view")) redirect(can(user, "dashboard.team") ? "/dashboard/team" : "/dashboard/me");
  const { filters, invalid } = parseDashboardParams(await searchParams);
  const rawLocale = await getLocale();
  const locale = isAppLocale(rawLocale) ? rawLocale : "zh-CN";
  const [t, data, options, accountability] = await Promise.all([
    getTranslations("dashboard"),
    loadManagerDashboard(user.actor, filters),
    dashboardFilterOptions(locale),
    loadAccountability(user.actor, filters),
  ]);
  if (!data) redirect("/dashboard/me");
  const canExport = can(user, "report.export");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={<Freshness dataAsOf={data.dataAsOf} />}
        actions={
          <Button asChild variant="secondary" size="sm">
            <Link href="/dashboard/report">
              <FileText aria-hidden />
              {t("monthlyReport")}
            </Link>
          </Button>
        }
      />
      {invalid ? (
        <p
          role="status"
          className="mb-4 flex items-center gap-2 rounded-lg border border-warning-100 bg-warning-50 px-4 py-3 text-sm text-warning-700"
        >
          <AlertTriangle aria-hidden className="size-4 shrink-0" />
          {t("invalidParams")}
        </p>
      ) : null}
      <FilterBar params={filterParams(filters)} options={options} period={data.period} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <PeriodLine period={data.period} />
        {canExport ? <ExportLinks table="kpis" filters={filters} label={t("tables.kpis")} /> : null}
      </div>
      <TileGrid tiles={data.tiles} filters={filters} period={data.period} locale={locale} />
      <SurveyModeTable rows={data.surveyModes} filters={filters} locale={locale} canExport={canExport} />
      <DashboardCharts data={data} filters={filters} locale={locale} canExport={canExport} />
      {accountability ? (
        <AccountabilityCard
          pareto={accountability.pareto}
          answers={accountability.answers}
          locale={locale}
          paretoHrefs={Object.fromEntries(
            accountability.pareto.map((row) => [row.key, paretoHref(accountability.period, row)]),
          )}
        />
      ) : null}
    </>
  );
}
