// The customer list table with its pager; rows link to the customer page.
import Link from "next/link";
import { Contact, SearchX } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { knownTag } from "@/lib/customers/tag-label";
import { tagName } from "@/components/customers/tag-name";
import { PiiValue } from "@/components/customers/pii-value";
import { customerListHref, type CustomerListParams } from "@/components/customers/list-params";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CustomerListPage } from "@/lib/customers/directory";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";

type Props = { result: CustomerListPage; params: CustomerListParams; locale: AppLocale; filtered: boolean };

export async function CustomerTable({ result, params, locale, filtered }: Props) {
  const [t, format, tTag] = await Promise.all([
    getTranslations("customers"),
    getFormatter(),
    getTranslations("customerTagNames"),
  ]);
  if (result.rows.length === 0) {
    return (
      <Card>
        {filtered ? (
          <EmptyState icon={SearchX} title={t("empty.noMatchTitle")} description={t("empty.noMatchDescription")} />
        ) : (
          <EmptyState icon={Contact} title={t("empty.title")} description={t("empty.description")} />
        )}
      </Card>
    );
  }
  const pageHref = (page: number) => customerListHref({ ...params, page: page > 1 ? String(page) : undefined });
  return (
    <Card>
      <Table data-testid="customer-table">
        <TableCaption>{t("title")}</TableCaption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>{t("columns.name")}</TableHead>
            <TableHead>{t("columns.phone")}</TableHead>
            <TableHead>{t("columns.email")}</TableHead>
            <TableHead>{t("columns.membership")}</TableHead>
            <TableHead>{t("columns.tier")}</TableHead>
            <TableHead>{t("columns.tags")}</TableHead>
            <TableHead className="text-right">{t("columns.value")}</TableHead>
            <TableHead>{t("columns.complaints")}</TableHead>
            <TableHead>{t("columns.updated")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell className="font-medium whitespace-nowrap text-slate-900">
                <Link href={`/customers/${row.id}`} className="text-brand-700 hover:underline focus-visible:underline">
                  {row.name}
                </Link>
              </TableCell>
              <TableCell className="text-[13px] whitespace-nowrap">
                <PiiValue customerId={row.id} field="phone" value={row.phone} />
              </TableCell>
              <TableCell className="max-w-[14rem] truncate text-[13px]">
                <PiiValue customerId={row.id} field="email" value={row.email} />
              </TableCell>
              <TableCell className="text-[13px] tabular-nums">
                {row.membershipNumber ?? <span className="text-slate-400">—</span>}
              </TableCell>
              <TableCell>
                {row.tier ? (
                  <Badge tone="brand">{localizedName(locale, row.tier)}</Badge>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </TableCell>
              <TableCell>
                <div className="flex max-w-[12rem] flex-wrap gap-1">
                  {row.tags.map((tag) => (
                    <Badge key={tag} tone={knownTag(tag) === "vip" ? "violet" : "neutral"}>
                      {tagName(tag, tTag)}
                    </Badge>
                  ))}
                </div>
              </TableCell>
              <TableCell className="text-right tabular-nums">{format.number(row.valueScore)}</TableCell>
              <TableCell className="text-[13px] whitespace-nowrap">
                {t("complaintsCell", { open: row.openComplaintCount, total: row.complaintCount })}
              </TableCell>
              <TableCell className="text-[13px] whitespace-nowrap text-slate-500">
                {format.dateTime(row.updatedAt, { dateStyle: "medium" })}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <nav
        aria-label={t("pagination.label")}
        className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3 text-[13px] text-slate-500"
      >
        <span>
          {t("pagination.summary", { page: result.page, pages: Math.max(result.pageCount, 1) })} ·{" "}
          {t("count", { count: result.total })}
        </span>
        <div className="flex gap-2">
          {result.page > 1 ? (
            <Button variant="secondary" size="sm" asChild>
              <Link href={pageHref(result.page - 1)}>{t("pagination.previous")}</Link>
            </Button>
          ) : null}
          {result.page < result.pageCount ? (
            <Button variant="secondary" size="sm" asChild>
              <Link href={pageHref(result.page + 1)}>{t("pagination.next")}</Link>
            </Button>
          ) : null}
        </div>
      </nav>
    </Card>
  );
}
