// Accountability on the manager dashboard: the Pareto of resolved complaints by responsible department or external
// party, and how each department answers its investigation requests.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AppLocale } from "@/lib/i18n/locales";
import type { DepartmentAnswerRow, ParetoRow } from "@/lib/kpi/accountability";

/**
 * `paretoHrefs`: per Pareto bar key, the complaint list behind its count (drill-down); without it the counts are plain.
 */
export async function AccountabilityCard({
  pareto,
  answers,
  locale,
  paretoHrefs = {},
}: {
  pareto: ParetoRow[];
  answers: DepartmentAnswerRow[];
  locale: AppLocale;
  paretoHrefs?: Record<string, string>;
}) {
  const [t, tParty, format] = await Promise.all([
    getTranslations("departmentKpi"),
    getTranslations("departments.party"),
    getFormatter(),
  ]);
  const max = Math.max(1, ...pareto.map((row) => row.complaints));
  const nameOf = (row: { nameZh: string | null; nameEn: string | null }) => (locale === "en" ? row.nameEn : row.nameZh);
  const percent = (value: number | null) =>
    value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 0 });
  return (
    <Card className="mt-6" data-testid="accountability-card">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <p className="text-sm text-slate-500">{t("description")}</p>
      </CardHeader>
      <CardContent className="grid gap-6 2xl:grid-cols-2">
        <section>
          <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("paretoTitle")}</h3>
          {pareto.length === 0 ? (
            <p className="text-sm text-slate-500">{t("none")}</p>
          ) : (
            <ol className="flex flex-col gap-1.5" data-testid="department-pareto">
              {pareto.map((row) => (
                <li key={row.key} className="grid grid-cols-[9rem_1fr_3rem_3.5rem] items-center gap-2 text-sm">
                  <span className="truncate" title={nameOf(row) ?? tParty(row.party)}>
                    {nameOf(row) ?? `${tParty(row.party)}`}
                  </span>
                  <span className="h-3 rounded bg-slate-100">
                    <span
                      className="block h-3 rounded bg-brand-600"
                      style={{ width: `${(row.complaints / max) * 100}%` }}
                    />
                  </span>
                  {paretoHrefs[row.key] ? (
                    <Link
                      href={paretoHrefs[row.key]!}
                      className="text-right text-brand-700 tabular-nums underline-offset-2 hover:underline"
                      data-testid={`pareto-drill-${row.key}`}
                    >
                      {format.number(row.complaints)}
                    </Link>
                  ) : (
                    <span className="text-right tabular-nums">{format.number(row.complaints)}</span>
                  )}
                  <span className="text-right text-xs text-slate-500 tabular-nums">{percent(row.cumulativeShare)}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section>
          {answers.length === 0 ? (
            <p className="text-sm text-slate-500">{t("none")}</p>
          ) : (
            <Table data-testid="department-answers">
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>{t("department")}</TableHead>
                  <TableHead className="text-right">{t("answers")}</TableHead>
                  <TableHead className="text-right">{t("onTimeRate")}</TableHead>
                  <TableHead className="text-right">{t("avgAnswer")}</TableHead>
                  <TableHead className="text-right">{t("returned")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {answers.map((row) => (
                  <TableRow key={row.departmentId}>
                    <TableCell>{nameOf(row)}</TableCell>
                    <TableCell className="text-right tabular-nums">{format.number(row.answers)}</TableCell>
                    <TableCell className="text-right tabular-nums">{percent(row.onTimeRate)}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {row.meanAnswerMinutes === null
                        ? "—"
                        : t("hours", {
                            hours: format.number(row.meanAnswerMinutes / 60, { maximumFractionDigits: 1 }),
                          })}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{format.number(row.returned)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      </CardContent>
    </Card>
  );
}
