import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClipboardCheck } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { INSPECTION_STATUSES, REASON_TONE, SAMPLE_REASONS, STATUS_TONE, known } from "@/components/quality/labels";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { MONTH_PATTERN } from "@/lib/quality/appraisal";
import { INSPECTION_TABS, inspectionCounts, listInspections, type InspectionTab } from "@/lib/quality/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quality");
  return { title: t("title") };
}

// Quality inspection: the inspector's queue, appeals to decide, calibration cases and done ones; everyone's own
// results.
export default async function QualityPage({
  searchParams,
}: {
  searchParams: Promise<{ tab?: string; month?: string }>;
}) {
  const user = await requireUser();
  if (!can(user, "quality.own") && !can(user, "quality.inspect")) forbidden();
  const params = await searchParams;
  const inspector = can(user, "quality.inspect");
  const tabs: readonly InspectionTab[] = inspector ? INSPECTION_TABS : ["mine"];
  const tab = tabs.find((candidate) => candidate === params.tab) ?? tabs[0]!;
  const month = typeof params.month === "string" && MONTH_PATTERN.test(params.month) ? params.month : undefined;
  const [t, rows, counts] = await Promise.all([
    getTranslations("quality"),
    listInspections(user.actor, { tab, month }),
    inspectionCounts(user.actor),
  ]);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={inspector ? t("subtitleInspector") : t("subtitleAgent")}
        actions={
          <div className="flex gap-2 text-sm">
            <Link href="/quality/appraisals" className="focus-ring text-brand-700 underline">
              {t("appraisalsLink")}
            </Link>
            {can(user, "quality.manage") ? (
              <Link href="/quality/settings" className="focus-ring text-brand-700 underline">
                {t("settingsLink")}
              </Link>
            ) : null}
          </div>
        }
      />
      <nav aria-label={t("tabsLabel")} className="mb-4 flex flex-wrap gap-1 border-b border-slate-200">
        {tabs.map((value) => (
          <Link
            key={value}
            href={`/quality?tab=${value}${month ? `&month=${month}` : ""}`}
            aria-current={value === tab ? "page" : undefined}
            className={cn(
              "focus-ring -mb-px border-b-2 px-3 py-2 text-sm",
              value === tab
                ? "border-brand-600 font-medium text-brand-700"
                : "border-transparent text-slate-600 hover:text-slate-900",
            )}
            data-testid={`quality-tab-${value}`}
          >
            {t(`tabs.${value}`)}
            {value === "queue" && counts.queue ? (
              <Badge tone="warning" className="ml-1.5">
                {counts.queue}
              </Badge>
            ) : null}
            {value === "appeals" && counts.appeals ? (
              <Badge tone="violet" className="ml-1.5">
                {counts.appeals}
              </Badge>
            ) : null}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState icon={ClipboardCheck} title={t("empty")} description={t(`emptyHint.${tab}`)} />
      ) : (
        <Table data-testid="inspection-list">
          <TableHeader>
            <TableRow>
              <TableHead>{t("columns.complaint")}</TableHead>
              <TableHead>{t("columns.agent")}</TableHead>
              <TableHead>{t("columns.month")}</TableHead>
              <TableHead>{t("columns.reason")}</TableHead>
              <TableHead>{t("columns.status")}</TableHead>
              <TableHead className="text-right">{t("columns.total")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} data-testid="inspection-row">
                <TableCell>
                  <Link
                    href={`/quality/inspections/${row.id}`}
                    className="focus-ring font-medium text-brand-700 underline"
                  >
                    {row.complaint.reference}
                  </Link>
                  <div className="max-w-md truncate text-[13px] text-slate-500">{row.complaint.subject}</div>
                </TableCell>
                <TableCell>{row.agentName}</TableCell>
                <TableCell className="tabular-nums">{row.month}</TableCell>
                <TableCell>
                  <Badge tone={REASON_TONE[row.reason] ?? "neutral"}>
                    {t(`reasons.${known(SAMPLE_REASONS, row.reason)}`)}
                  </Badge>
                </TableCell>
                <TableCell>
                  <Badge tone={STATUS_TONE[row.status] ?? "neutral"}>
                    {t(`statuses.${known(INSPECTION_STATUSES, row.status)}`)}
                  </Badge>
                  {row.calibration ? (
                    <Badge tone="brand" className="ml-1">
                      {t("calibrationBadge", { count: row._count.scores })}
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">{row.total ?? "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
