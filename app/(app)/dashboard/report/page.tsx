import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/dashboard/data-table";
import { formatChange, formatKpi } from "@/components/dashboard/format";
import { Freshness } from "@/components/dashboard/freshness";
import { PrintButton } from "@/components/dashboard/print-button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { isAppLocale, localizedName } from "@/lib/i18n/locales";
import { KPI_SPECS } from "@/lib/kpi/catalog";
import { loadManagerDashboard } from "@/lib/kpi/dashboard";
import { reportDay, type RawParams } from "@/lib/kpi/filters";
import { drillHref } from "@/lib/kpi/links";
import { dashboardFilterSchema } from "@/lib/kpi/filters";
import { loadAccountability, paretoHref } from "@/lib/kpi/accountability";
import { AccountabilityCard } from "@/components/departments/accountability-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard.report");
  return { title: t("title") };
}

/** The month in the URL (YYYY-MM), or the last complete month. */
function monthOf(raw: RawParams, now: Date): string {
  const value = typeof raw.month === "string" ? raw.month : "";
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return value;
  const [year, month] = reportDay(now).split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
}

// Monthly report: one month against the previous one, as tables that print cleanly (print stylesheet in globals.css).
export default async function MonthlyReportPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const user = await requireUser();
  if (!can(user, "dashboard.view") && !can(user, "dashboard.team")) forbidden();
  const now = new Date();
  const month = monthOf(await searchParams, now);
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
  const filters = dashboardFilterSchema.parse({ preset: "custom", from: `${month}-01`, to: lastDay });
  const rawLocale = await getLocale();
  const locale = isAppLocale(rawLocale) ? rawLocale : "zh-CN";
  const [t, tk, format, data, accountability] = await Promise.all([
    getTranslations("dashboard.report"),
    getTranslations("dashboard"),
    getFormatter(),
    loadManagerDashboard(user.actor, filters, now),
    loadAccountability(user.actor, filters, now),
  ]);
  if (!data) forbidden();
  const monthLabel = format.dateTime(new Date(Date.UTC(year, monthNumber - 1, 15)), {
    year: "numeric",
    month: "long",
    timeZone: "UTC",
  });
  const value = (key: keyof typeof KPI_SPECS, raw: number | null) => formatKpi(KPI_SPECS[key].unit, raw, locale) ?? "—";
  const name = (row: { nameZh: string; nameEn: string }) => localizedName(locale, row);

  return (
    <div data-print-report>
      <PageHeader
        title={`${t("title")} · ${monthLabel}`}
        description={t("description")}
        meta={<Freshness dataAsOf={data.dataAsOf} />}
        actions={<PrintButton label={t("print")} />}
      />
      <form method="get" className="mb-6 flex items-end gap-2 print:hidden" data-print-hide>
        <div className="flex flex-col gap-1">
          <Label htmlFor="report-month">{t("month")}</Label>
          <Input
            id="report-month"
            name="month"
            type="month"
            defaultValue={month}
            max={reportDay(now).slice(0, 7)}
            className="h-9"
          />
        </div>
        <Button type="submit" variant="secondary" size="sm">
          {t("show")}
        </Button>
      </form>
      <p className="mb-4 hidden text-xs text-slate-500 print:block">
        {t("generated", { time: format.dateTime(now, { dateStyle: "medium", timeStyle: "short" }) })}
      </p>
      <div className="grid gap-4">
        <Card aria-labelledby="report-summary" data-testid="report-summary">
          <CardHeader>
            <CardTitle id="report-summary">{t("summary")}</CardTitle>
          </CardHeader>
          <CardContent>
            <DataTable
              caption={t("summary")}
              columns={[tk("me.figure"), t("thisMonth"), t("previousMonth"), t("change"), t("target")]}
              rows={data.tiles.map((tile) => ({
                key: tile.key,
                cells: [
                  tk(`kpis.${tile.key}`),
                  {
                    text: value(tile.key, tile.value),
                    href: drillHref(filters, data.period, KPI_SPECS[tile.key].drill),
                  },
                  value(tile.key, tile.previous),
                  tile.change === null ? "—" : formatChange(tile.change, locale),
                  tile.target === null ? "—" : value(tile.key, tile.target),
                ],
              }))}
            />
          </CardContent>
        </Card>
        <div className="grid gap-4 md:grid-cols-2 print:grid-cols-2">
          <Card aria-labelledby="report-categories">
            <CardHeader>
              <CardTitle id="report-categories">{t("topCategories")}</CardTitle>
            </CardHeader>
            <CardContent>
              {data.charts.categories.length ? (
                <DataTable
                  caption={t("topCategories")}
                  columns={[tk("charts.categories.name"), tk("charts.complaints")]}
                  rows={data.charts.categories
                    .slice(0, 10)
                    .map((row) => ({ key: String(row.id), cells: [name(row), String(row.count)] }))}
                />
              ) : (
                <p className="text-sm text-slate-500">{tk("charts.empty")}</p>
              )}
            </CardContent>
          </Card>
          <Card aria-labelledby="report-root-causes">
            <CardHeader>
              <CardTitle id="report-root-causes">{t("topRootCauses")}</CardTitle>
            </CardHeader>
            <CardContent>
              {data.charts.rootCauses.length ? (
                <DataTable
                  caption={t("topRootCauses")}
                  columns={[tk("charts.rootCauses.name"), tk("charts.complaints")]}
                  rows={data.charts.rootCauses
                    .slice(0, 10)
                    .map((row) => ({ key: String(row.id), cells: [name(row), String(row.count)] }))}
                />
              ) : (
                <p className="text-sm text-slate-500">{tk("charts.empty")}</p>
              )}
            </CardContent>
          </Card>
          <Card aria-labelledby="report-sla">
            <CardHeader>
              <CardTitle id="report-sla">{tk("charts.sla.title")}</CardTitle>
            </CardHeader>
            <CardContent>
              {data.charts.slaByTeam.length ? (
                <DataTable
                  caption={tk("charts.sla.title")}
                  columns={[tk("charts.sla.team"), tk("charts.sla.response"), tk("charts.sla.resolution")]}
                  rows={data.charts.slaByTeam.map((row) => ({
                    key: String(row.teamId),
                    cells: [
                      name(row),
                      formatKpi("share", row.response, locale) ?? "—",
                      formatKpi("share", row.resolution, locale) ?? "—",
                    ],
                  }))}
                />
              ) : (
                <p className="text-sm text-slate-500">{tk("charts.empty")}</p>
              )}
            </CardContent>
          </Card>
          <Card aria-labelledby="report-compensation">
            <CardHeader>
              <CardTitle id="report-compensation">{t("compensationByKind")}</CardTitle>
            </CardHeader>
            <CardContent>
              {data.compensationByKind.length ? (
                <DataTable
                  caption={t("compensationByKind")}
                  columns={[t("kind"), t("amount")]}
                  rows={data.compensationByKind.map((row) => ({
                    key: row.kind,
                    cells: [tk(`compensationKinds.${row.kind as "refund"}`), formatKpi("cny", row.cny, locale) ?? "—"],
                  }))}
                />
              ) : (
                <p className="text-sm text-slate-500">{tk("charts.empty")}</p>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
      {/* Accountability (issue 18 item 6): Pareto by responsible department and departments' answers in the month. */}
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
    </div>
  );
}
