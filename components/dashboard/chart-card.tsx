import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DeferredChart } from "@/components/dashboard/deferred-chart";
import { ExportLinks } from "@/components/dashboard/export-links";
import type { DashboardFilters } from "@/lib/kpi/filters";
import type { ExportTable } from "@/lib/kpi/links";

type ChartCardProps = {
  id: string;
  title: string;
  description?: string;
  empty: boolean;
  chart: ReactNode;
  /** accessible alternative: the same data as a table with drill-down links */
  table: ReactNode;
  exportTable?: { table: ExportTable; filters: DashboardFilters; view?: "manager" | "team"; canExport: boolean };
  className?: string;
  /** draw the chart only when it scrolls into view (charts below the fold of a page with many) */
  deferred?: boolean;
};

export async function ChartCard({
  id,
  title,
  description,
  empty,
  chart,
  table,
  exportTable,
  className,
  deferred = true,
}: ChartCardProps) {
  const t = await getTranslations("dashboard");
  return (
    <Card aria-labelledby={`${id}-title`} data-testid={`chart-${id}`} className={className}>
      <CardHeader>
        <div>
          <CardTitle id={`${id}-title`}>{title}</CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </div>
        {exportTable?.canExport && !empty ? (
          <ExportLinks table={exportTable.table} filters={exportTable.filters} view={exportTable.view} label={title} />
        ) : null}
      </CardHeader>
      <CardContent>
        {empty ? (
          <p className="py-10 text-center text-sm text-slate-500">{t("charts.empty")}</p>
        ) : (
          <>
            <div className="print:hidden">{deferred ? <DeferredChart>{chart}</DeferredChart> : chart}</div>
            <details className="mt-3 text-sm print:open">
              <summary className="focus-ring w-fit cursor-pointer rounded text-[13px] text-brand-700 print:hidden">
                {t("charts.showTable")}
              </summary>
              <div className="mt-2 max-h-80 overflow-auto">{table}</div>
            </details>
          </>
        )}
      </CardContent>
    </Card>
  );
}
