// Satisfaction split by survey mode (web link, SMS link, phone 回访): a small table under the KPI tiles.
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/dashboard/data-table";
import { ExportLinks } from "@/components/dashboard/export-links";
import { formatKpi } from "@/components/dashboard/format";
import type { DashboardFilters } from "@/lib/kpi/filters";
import type { SurveyModeFigures } from "@/lib/kpi/survey-modes";

type Props = { rows: SurveyModeFigures[]; filters: DashboardFilters; locale: string; canExport: boolean };

export async function SurveyModeTable({ rows, filters, locale, canExport }: Props) {
  const t = await getTranslations("phoneSurvey");
  const total = rows.find((row) => row.mode === "total");
  const empty = !total || (total.responses === 0 && total.responseRate === null);
  const dash = (value: string | null) => value ?? "—";
  return (
    <Card aria-labelledby="survey-modes-title" data-testid="survey-modes" className="mt-6">
      <CardHeader>
        <div>
          <CardTitle id="survey-modes-title">{t("split.title")}</CardTitle>
          <CardDescription>{t("split.description")}</CardDescription>
        </div>
        {canExport && !empty ? <ExportLinks table="surveyModes" filters={filters} label={t("split.title")} /> : null}
      </CardHeader>
      <CardContent className="overflow-x-auto">
        {empty ? (
          <p className="py-6 text-center text-sm text-slate-500">{t("split.empty")}</p>
        ) : (
          <DataTable
            caption={t("split.title")}
            columns={[
              t("split.mode"),
              t("split.responses"),
              t("split.responseRate"),
              t("split.csat"),
              t("split.nps"),
              t("split.ces"),
            ]}
            rows={rows.map((row) => ({
              key: row.mode,
              cells: [
                row.mode === "total" ? t("split.total") : t(`modes.${row.mode}`),
                dash(formatKpi("count", row.responses, locale)),
                dash(formatKpi("share", row.responseRate, locale)),
                dash(formatKpi("share", row.csat, locale)),
                dash(formatKpi("points", row.nps, locale)),
                dash(formatKpi("score", row.ces, locale)),
              ],
            }))}
          />
        )}
      </CardContent>
    </Card>
  );
}
