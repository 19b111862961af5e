import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClipboardList, Download, FileSpreadsheet } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { RunMonth } from "@/components/quality/appraisal-actions";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { INDICATORS, MONTH_PATTERN, previousMonth } from "@/lib/quality/appraisal";
import { appraisalMonths, listAppraisals, type AppraisalRow } from "@/lib/quality/appraisal-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quality");
  return { title: t("appraisalsTitle") };
}

// Monthly appraisals: per team, agents ranked by total with their normalised scores; export as CSV/XLSX.
export default async function AppraisalsPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const user = await requireUser();
  if (!can(user, "quality.own") && !can(user, "quality.inspect")) forbidden();
  const params = await searchParams;
  const months = await appraisalMonths(user.actor);
  const month =
    typeof params.month === "string" && MONTH_PATTERN.test(params.month)
      ? params.month
      : (months[0] ?? previousMonth(new Date()));
  const [t, locale, rows] = await Promise.all([
    getTranslations("quality"),
    getLocale(),
    listAppraisals(user.actor, month),
  ]);
  const zh = locale !== "en";
  const teams = new Map<number, { name: string; rows: AppraisalRow[] }>();
  for (const row of rows) {
    const entry = teams.get(row.teamId) ?? {
      name: row.team ? (zh ? row.team.nameZh : row.team.nameEn) : "—",
      rows: [],
    };
    entry.rows.push(row);
    teams.set(row.teamId, entry);
  }
  const exporter = can(user, "quality.inspect");

  return (
    <>
      <PageHeader
        title={t("appraisalsTitle")}
        description={exporter ? t("appraisalsSubtitle") : t("appraisalsSubtitleAgent")}
        actions={
          exporter && rows.length ? (
            <div className="flex gap-2">
              <a
                href={`/api/quality/appraisals/export?month=${month}&format=csv`}
                className={buttonClasses("secondary", "sm")}
                data-testid="appraisal-export-csv"
              >
                <Download aria-hidden />
                CSV
              </a>
              <a
                href={`/api/quality/appraisals/export?month=${month}&format=xlsx`}
                className={buttonClasses("secondary", "sm")}
                data-testid="appraisal-export-xlsx"
              >
                <FileSpreadsheet aria-hidden />
                XLSX
              </a>
            </div>
          ) : null
        }
      />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <form method="get" className="flex items-end gap-2">
          <Select
            name="month"
            defaultValue={month}
            aria-label={t("form.month")}
            className="w-40"
            data-testid="appraisal-month"
          >
            {[...new Set([month, ...months])].map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </Select>
          <button type="submit" className={buttonClasses("secondary", "sm")}>
            {t("show")}
          </button>
        </form>
        {can(user, "quality.manage") ? <RunMonth kind="appraise" defaultMonth={month} /> : null}
      </div>
      {teams.size === 0 ? (
        <EmptyState icon={ClipboardList} title={t("noAppraisals")} description={t("noAppraisalsHint")} />
      ) : null}
      {[...teams.entries()].map(([teamId, team]) => (
        <Card key={teamId} className="mb-4 overflow-x-auto p-0" data-testid="appraisal-team">
          <h2 className="px-4 pt-4 text-base font-semibold text-slate-900">{team.name}</h2>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.rank")}</TableHead>
                <TableHead>{t("columns.agent")}</TableHead>
                {INDICATORS.map((indicator) => (
                  <TableHead key={indicator} className="text-right">
                    {t(`form.indicators.${indicator}`)}
                  </TableHead>
                ))}
                <TableHead className="text-right">{t("columns.total")}</TableHead>
                <TableHead>{t("columns.acknowledged")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {team.rows.map((row) => (
                <TableRow key={row.id} data-testid="appraisal-row">
                  <TableCell className="tabular-nums">
                    {row.rank} / {row.teamSize}
                  </TableCell>
                  <TableCell>
                    <Link
                      href={`/quality/appraisals/${row.id}`}
                      className="focus-ring font-medium text-brand-700 underline"
                    >
                      {row.agentName}
                    </Link>
                  </TableCell>
                  {INDICATORS.map((indicator) => (
                    <TableCell key={indicator} className="text-right tabular-nums">
                      {row.scores[indicator] ?? "—"}
                    </TableCell>
                  ))}
                  <TableCell className="text-right font-semibold tabular-nums">{row.total}</TableCell>
                  <TableCell>
                    {row.acknowledgedAt ? (
                      <Badge tone="success">{t("acknowledged")}</Badge>
                    ) : (
                      <Badge tone="warning">{t("awaitingAcknowledgement")}</Badge>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      ))}
      <p className="text-[13px] text-slate-500">{t("scoresNote")}</p>
    </>
  );
}
