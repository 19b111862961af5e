import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { Lightbulb, Plus } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { IMPROVEMENT_PAGE_SIZE, listImprovements } from "@/lib/improvements/queries";
import { IMPROVEMENT_STATUSES, type ImprovementStatusValue } from "@/lib/improvements/schema";
import { canReadImprovements } from "@/lib/improvements/service";
import { cn } from "@/components/ui/cn";
import { IMPROVEMENT_STATUS_TONE } from "@/components/improvements/status-tone";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("improvements");
  return { title: t("title") };
}

export default async function ImprovementsPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; page?: string }>;
}) {
  const user = await requireUser();
  if (!canReadImprovements(user)) forbidden();
  const params = await searchParams;
  const status = (IMPROVEMENT_STATUSES as readonly string[]).includes(params.status ?? "")
    ? (params.status as ImprovementStatusValue)
    : null;
  // Capped: a page number in the billions would ask PostgreSQL for an OFFSET beyond its range.
  const page = Math.min(Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1), 100_000);
  const [t, format, locale, { rows, total }] = await Promise.all([
    getTranslations("improvements"),
    getFormatter(),
    getLocale(),
    listImprovements(status, page),
  ]);
  const now = new Date();
  const href = (next: { status?: string | null; page?: number }) => {
    const query = new URLSearchParams();
    const s = next.status === undefined ? status : next.status;
    if (s) query.set("status", s);
    if (next.page && next.page > 1) query.set("page", String(next.page));
    return `/improvements${query.size ? `?${query}` : ""}`;
  };

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={t("count", { count: total })}
        actions={
          can(user, "improvement.manage") ? (
            <Link href="/improvements/new" className={buttonClasses("primary")}>
              <Plus aria-hidden />
              {t("new")}
            </Link>
          ) : null
        }
      />
      <nav aria-label={t("filterLabel")} className="mb-3 flex flex-wrap gap-1">
        {[null, ...IMPROVEMENT_STATUSES].map((value) => (
          <Link
            key={value ?? "all"}
            href={href({ status: value, page: 1 })}
            aria-current={value === status ? "page" : undefined}
            className={cn(
              "focus-ring rounded-md px-3 py-1.5 text-sm",
              value === status ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100",
            )}
          >
            {value ? t(`statuses.${value}`) : t("all")}
          </Link>
        ))}
      </nav>
      <Card>
        {rows.length === 0 ? (
          <EmptyState icon={Lightbulb} title={t("empty.title")} description={t("empty.description")} />
        ) : (
          <Table data-testid="improvements-table">
            <TableCaption>{t("title")}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("fields.title")}</TableHead>
                <TableHead>{t("fields.kind")}</TableHead>
                <TableHead>{t("fields.status")}</TableHead>
                <TableHead>{t("fields.rootCause")}</TableHead>
                <TableHead>{t("fields.owner")}</TableHead>
                <TableHead>{t("fields.dueOn")}</TableHead>
                <TableHead className="text-right">{t("fields.complaints")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => {
                const overdue = row.dueAt && row.dueAt < now && (row.status === "open" || row.status === "in_progress");
                return (
                  <TableRow key={row.id}>
                    <TableCell className="font-medium">
                      <Link
                        href={`/improvements/${row.id}`}
                        className="focus-ring rounded text-brand-700 hover:underline"
                      >
                        {row.title}
                      </Link>
                    </TableCell>
                    <TableCell>{t(`kinds.${row.kind}`)}</TableCell>
                    <TableCell>
                      <Badge tone={IMPROVEMENT_STATUS_TONE[row.status]} dot>
                        {t(`statuses.${row.status}`)}
                      </Badge>
                    </TableCell>
                    <TableCell className="text-[13px]">
                      {row.rootCause ? (
                        <>
                          <span className="font-mono text-xs">{row.rootCause.code}</span>{" "}
                          {locale === "en" ? row.rootCause.nameEn : row.rootCause.nameZh}
                        </>
                      ) : (
                        "—"
                      )}
                    </TableCell>
                    <TableCell className="text-[13px]">{row.owner?.name ?? "—"}</TableCell>
                    <TableCell
                      className={cn("text-[13px] whitespace-nowrap", overdue && "font-medium text-danger-700")}
                    >
                      {row.dueAt ? format.dateTime(row.dueAt, { dateStyle: "medium", timeZone: "UTC" }) : "—"}
                      {overdue ? <span className="block text-xs">{t("overdue")}</span> : null}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{row._count.complaints}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {total > IMPROVEMENT_PAGE_SIZE ? (
          <div className="flex justify-end gap-2 border-t border-slate-100 p-3">
            {page > 1 ? (
              <Link href={href({ page: page - 1 })} className={buttonClasses("secondary", "sm")}>
                {t("previous")}
              </Link>
            ) : null}
            {page * IMPROVEMENT_PAGE_SIZE < total ? (
              <Link href={href({ page: page + 1 })} className={buttonClasses("secondary", "sm")}>
                {t("next")}
              </Link>
            ) : null}
          </div>
        ) : null}
      </Card>
    </>
  );
}
