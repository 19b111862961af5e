// Open and past complaints of the customer; each links to its workspace. Other teams' complaints show as metadata only.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/complaints/status-badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CustomerComplaintRow, CustomerProfile } from "@/lib/customers/profile";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";

export async function ComplaintsCard({
  complaints,
  locale,
}: {
  complaints: CustomerProfile["complaints"];
  locale: AppLocale;
}) {
  const t = await getTranslations("customers.complaints");
  const format = await getFormatter();
  const section = (caption: string, rows: CustomerComplaintRow[], empty: string, testId: string) => (
    <div data-testid={testId}>
      <h3 className="border-b border-slate-100 bg-slate-50/60 px-5 py-2 text-[13px] font-semibold text-slate-700">
        {caption}
      </h3>
      {rows.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">{empty}</p>
      ) : (
        <Table>
          <TableCaption>{caption}</TableCaption>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("reference")}</TableHead>
              <TableHead>{t("subject")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              <TableHead>{t("assignee")}</TableHead>
              <TableHead>{t("created")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell className="text-[13px] whitespace-nowrap tabular-nums">
                  {row.restricted ? (
                    <span className="font-medium text-slate-700">{row.reference}</span>
                  ) : (
                    <Link
                      href={`/complaints/${row.reference}`}
                      className="font-medium text-brand-700 hover:underline focus-visible:underline"
                    >
                      {row.reference}
                    </Link>
                  )}
                </TableCell>
                <TableCell className="max-w-[20rem]">
                  {row.subject === null ? (
                    <p className="text-[13px] text-slate-500 italic" data-testid="complaint-restricted">
                      {t("restricted")}
                    </p>
                  ) : (
                    <p className="truncate text-slate-900" title={row.subject}>
                      {row.subject}
                    </p>
                  )}
                  {row.category ? (
                    <p className="truncate text-xs text-slate-500">{localizedName(locale, row.category)}</p>
                  ) : null}
                </TableCell>
                <TableCell>
                  <StatusBadge status={row.status} />
                </TableCell>
                <TableCell className="text-[13px] whitespace-nowrap">{row.assignee?.name ?? "—"}</TableCell>
                <TableCell className="text-[13px] whitespace-nowrap text-slate-500">
                  {format.dateTime(row.createdAt, { dateStyle: "medium" })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      {section(
        t("open", { count: complaints.open.length }),
        complaints.open,
        t("emptyOpen"),
        "customer-open-complaints",
      )}
      {section(
        t("past", { count: complaints.past.length }),
        complaints.past,
        t("emptyPast"),
        "customer-past-complaints",
      )}
      {complaints.open.length + complaints.past.length >= 100 ? (
        <p className="px-5 py-2 text-xs text-slate-500">{t("limited")}</p>
      ) : null}
    </Card>
  );
}
