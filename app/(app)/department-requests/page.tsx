import type { Metadata } from "next";
import Link from "next/link";
import { Inbox } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { RequestStatusBadge } from "@/components/departments/request-status-badge";
import { requirePermission } from "@/lib/auth/session";
import { listDepartmentInbox } from "@/lib/investigations/queries";
import { DEFAULT_LOCALE, isAppLocale, localizedName } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("departments.inbox");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ tab?: string | string[] }> };

// The department inbox of a liaison: only requests routed to their departments, waiting ones due first.
export default async function DepartmentRequestsPage({ searchParams }: Props) {
  const user = await requirePermission("investigation.answer");
  const { tab } = await searchParams;
  const status = tab === "done" ? "done" : "waiting";
  const raw = await getLocale();
  const locale = isAppLocale(raw) ? raw : DEFAULT_LOCALE;
  const [t, format, rows] = await Promise.all([
    getTranslations("departments"),
    getFormatter(),
    listDepartmentInbox(user.actor, status),
  ]);
  const now = new Date();
  return (
    <div data-testid="department-inbox-page">
      <PageHeader title={t("inbox.title")} description={t("inbox.description")} />
      <nav className="mb-4 flex gap-2" aria-label={t("inbox.title")}>
        {(["waiting", "done"] as const).map((key) => (
          <Link
            key={key}
            href={key === "waiting" ? "/department-requests" : "/department-requests?tab=done"}
            aria-current={status === key ? "page" : undefined}
            className={`focus-ring rounded-md px-3 py-1.5 text-sm font-medium ${status === key ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"}`}
          >
            {t(`inbox.tabs.${key}`)}
          </Link>
        ))}
      </nav>
      <Card>
        {rows.length === 0 ? (
          <EmptyState icon={Inbox} title={t(`inbox.empty.${status}`)} />
        ) : (
          <Table data-testid="department-inbox">
            <TableCaption>{t("inbox.title")}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("inbox.columns.complaint")}</TableHead>
                <TableHead>{t("inbox.columns.department")}</TableHead>
                <TableHead>{t("inbox.columns.urgency")}</TableHead>
                <TableHead>{t("inbox.columns.due")}</TableHead>
                <TableHead>{t("inbox.columns.status")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id} data-testid={`department-request-${row.id}`}>
                  <TableCell>
                    <Link
                      href={`/department-requests/${row.id}`}
                      className="focus-ring font-medium text-brand-700 hover:underline"
                    >
                      {row.complaint.reference}
                    </Link>
                    <p className="text-[13px] text-slate-500">{row.complaint.subject}</p>
                  </TableCell>
                  <TableCell>{localizedName(locale, row.department)}</TableCell>
                  <TableCell>{t(`urgency.${row.urgency}`)}</TableCell>
                  <TableCell className="text-sm">
                    <time
                      dateTime={row.dueAt.toISOString()}
                      title={format.dateTime(row.dueAt, { dateStyle: "medium", timeStyle: "short" })}
                    >
                      {format.relativeTime(row.dueAt, now)}
                    </time>
                    {row.breachedAt && row.status === "open" ? (
                      <Badge tone="danger" className="ml-2">
                        {t("overdue")}
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <RequestStatusBadge status={row.status} round={row.round} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
