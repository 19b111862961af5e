import type { Metadata } from "next";
import { Eye } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LogFilters, LogPager } from "@/components/admin/logs/log-filters";
import { requirePermission } from "@/lib/auth/session";
import { accessLogFilterSchema, listPiiAccess } from "@/lib/privacy/access-log";
import { PII_FIELDS, type PiiField } from "@/lib/privacy/reveal";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accessLog");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const isPiiField = (value: string): value is PiiField => (PII_FIELDS as readonly string[]).includes(value);

export default async function AccessLogPage({ searchParams }: Props) {
  const user = await requirePermission("admin.audit");
  const raw = await searchParams;
  const filters = accessLogFilterSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])),
  );
  const [t, tPrivacy, format, page] = await Promise.all([
    getTranslations("accessLog"),
    getTranslations("privacy"),
    getFormatter(),
    listPiiAccess(user.actor, filters),
  ]);
  const { before, ...kept } = filters;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <LogFilters
        resetHref="/admin/access-log"
        applyLabel={t("apply")}
        resetLabel={t("reset")}
        fields={[
          { name: "user", label: t("filters.user"), value: filters.user, placeholder: t("filters.userHint") },
          {
            name: "customer",
            label: t("filters.customer"),
            value: filters.customer,
            placeholder: t("filters.customerHint"),
          },
          { name: "from", label: t("filters.from"), value: filters.from, type: "date" },
          { name: "to", label: t("filters.to"), value: filters.to, type: "date" },
        ]}
      />
      <Card>
        {page.rows.length === 0 ? (
          <EmptyState icon={Eye} title={t("empty")} />
        ) : (
          <Table data-testid="access-log-table">
            <TableCaption>{t("title")}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("columns.time")}</TableHead>
                <TableHead>{t("columns.user")}</TableHead>
                <TableHead>{t("columns.customer")}</TableHead>
                <TableHead>{t("columns.field")}</TableHead>
                <TableHead>{t("columns.context")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell className="text-[13px] whitespace-nowrap tabular-nums">
                    <time dateTime={row.createdAt.toISOString()}>
                      {format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
                    </time>
                  </TableCell>
                  <TableCell className="text-[13px]">
                    {row.user.name}
                    <span className="block text-xs text-slate-500">{row.user.email}</span>
                  </TableCell>
                  <TableCell className="text-[13px]">
                    {row.customer.name}
                    <span className="block text-xs text-slate-500">#{row.customer.id}</span>
                  </TableCell>
                  <TableCell className="text-[13px]">
                    {isPiiField(row.field) ? tPrivacy(`fields.${row.field}`) : row.field}
                  </TableCell>
                  <TableCell className="font-mono text-xs text-slate-600">{row.context ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <LogPager
        path="/admin/access-log"
        filters={kept}
        before={before}
        nextBefore={page.nextBefore}
        newestLabel={t("newest")}
        olderLabel={t("older")}
      />
    </>
  );
}
