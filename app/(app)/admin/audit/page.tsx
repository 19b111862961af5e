import type { Metadata } from "next";
import { ScrollText } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LogFilters, LogPager } from "@/components/admin/logs/log-filters";
import { requirePermission } from "@/lib/auth/session";
import { auditFilterSchema, changeLines, listAuditEntityTypes, listAuditLog } from "@/lib/audit/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auditLog");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  const user = await requirePermission("admin.audit");
  const raw = await searchParams;
  const filters = auditFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
  const [t, format, page, entityTypes] = await Promise.all([getTranslations("auditLog"), getFormatter(), listAuditLog(user.actor, filters), listAuditEntityTypes()]);
  const { before, ...kept } = filters;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <LogFilters
        resetHref="/admin/audit"
        applyLabel={t("apply")}
        resetLabel={t("reset")}
        fields={[
          { name: "actor", label: t("filters.actor"), value: filters.actor, placeholder: t("filters.actorHint") },
          { name: "entityType", label: t("filters.entityType"), value: filters.entityType, options: entityTypes },
          { name: "entityId", label: t("filters.entityId"), value: filters.entityId },
          { name: "action", label: t("filters.action"), value: filters.action, placeholder: "user." },
          { name: "from", label: t("filters.from"), value: filters.from, type: "date" },
          { name: "to", label: t("filters.to"), value: filters.to, type: "date" },
        ]}
      />
      <Card>
        {page.rows.length === 0 ? (
          <EmptyState icon={ScrollText} title={t("empty")} />
        ) : (
          <Table data-testid="audit-table">
            <TableCaption>{t("title")}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("columns.time")}</TableHead>
                <TableHead>{t("columns.actor")}</TableHead>
                <TableHead>{t("columns.action")}</TableHead>
                <TableHead>{t("columns.entity")}</TableHead>
                <TableHead>{t("columns.changes")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.rows.map((row) => (
                <TableRow key={row.id} className="align-top">
                  <TableCell className="text-[13px] whitespace-nowrap tabular-nums">
                    <time dateTime={row.createdAt.toISOString()}>{format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</time>
                    {row.ip ? <span className="block text-xs text-slate-400">{row.ip}</span> : null}
                  </TableCell>
                  <TableCell className="text-[13px]">{row.actor ? row.actor.name : <Badge>{t(`actorTypes.${row.actorType}`)}</Badge>}</TableCell>
                  <TableCell className="font-mono text-xs">{row.action}</TableCell>
                  <TableCell className="font-mono text-xs whitespace-nowrap">{row.entityType}{row.entityId ? ` #${row.entityId}` : ""}</TableCell>
                  <TableCell className="max-w-md text-xs">
                    <ul className="flex flex-col gap-0.5">
                      {changeLines(row.changes).map((line, index) => (
                        <li key={index} className="break-words">
                          {line.field ? <span className="font-medium text-slate-700">{line.field}: </span> : null}
                          {line.value !== undefined ? (
                            <span className="text-slate-600">{line.value}</span>
                          ) : (
                            <>
                              <del className="text-danger-700">{line.from}</del> → <ins className="text-success-700 no-underline">{line.to}</ins>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <LogPager path="/admin/audit" filters={kept} before={before} nextBefore={page.nextBefore} newestLabel={t("newest")} olderLabel={t("older")} />
    </>
  );
}
