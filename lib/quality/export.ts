// A month's appraisals as rows for CSV/XLSX (same scope as the page; the column titles come from the caller's locale).
import type { Actor } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import type { SheetCell } from "@/lib/exports/xlsx";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { INDICATORS } from "@/lib/quality/appraisal";
import { listAppraisals } from "@/lib/quality/appraisal-queries";

export async function appraisalExport(
  actor: Actor,
  month: string,
  locale: AppLocale,
  label: (key: string) => string,
): Promise<{ header: string[]; rows: SheetCell[][] } | null> {
  if (!can(actor, "quality.inspect")) return null;
  const rows = await listAppraisals(actor, month);
  const header = [
    label("team"),
    label("agent"),
    label("rank"),
    label("total"),
    ...INDICATORS.map((indicator) => `${label(`indicators.${indicator}`)} (${label("figure")})`),
    ...INDICATORS.map((indicator) => `${label(`indicators.${indicator}`)} (${label("score")})`),
    label("comment"),
    label("acknowledged"),
  ];
  return {
    header,
    rows: rows.map((row) => [
      row.team ? localizedName(locale, row.team) : "—",
      row.agentName,
      `${row.rank}/${row.teamSize}`,
      row.total,
      ...INDICATORS.map((indicator) => row.figures[indicator]),
      ...INDICATORS.map((indicator) => row.scores[indicator]),
      row.supervisorComment ?? "",
      row.acknowledgedAt ? row.acknowledgedAt.toISOString().slice(0, 10) : "",
    ]),
  };
}
