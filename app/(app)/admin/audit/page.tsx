import type { Metadata } from "next";
import { ScrollText } from "lucide-react";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LogFilters, LogPager } from "@/components/admin/logs/log-filters";
import { requirePermission } from "@/lib/auth/session";
import { auditFilterSchema, listAuditEntityTypes, listAuditLog } from "@/lib/audit/queries";
import { presentAuditRows, type AuditValue } from "@/lib/audit/present";
import { DEFAULT_LOCALE, isAppLocale } from "@/lib/i18n/locales";
import { PRIORITIES, STATUSES, COMPLAINT_TYPES } from "@/lib/complaints/constants";
import { INCIDENT_TYPES } from "@/lib/incidents/schema";

const URGENCIES = ["urgent", "normal", "investigation"] as const;
import { ROLES } from "@/lib/auth/permissions";
import { MANUAL_ESCALATION_REASONS } from "@/lib/escalations/reasons";

const ESCALATION_REASONS = ["sla_breach", ...MANUAL_ESCALATION_REASONS] as const;

/**
 * A plain (argument-free) message at a dotted path under `tree`, for codes that come from the data (action names, field
 * keys).
 */
function messageAt(tree: unknown, path: string): string | undefined {
  let node: unknown = tree;
  for (const part of path.split("."))
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auditLog");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  const user = await requirePermission("admin.audit");
  const raw = await searchParams;
  const filters = auditFilterSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])),
  );
  const [t, format, page, entityTypes, messages, rawLocale, tStatus, tPriority, tRoles, tTypes] = await Promise.all([
    getTranslations("auditLog"),
    getFormatter(),
    listAuditLog(user.actor, filters),
    listAuditEntityTypes(),
    getMessages(),
    getLocale(),
    getTranslations("status"),
    getTranslations("priority"),
    getTranslations("roles"),
    getTranslations("intake.types"),
  ]);
  const tReason = await getTranslations("escalationReason");
  const tIncidentTypes = await getTranslations("incidents.types");
  const tUrgency = await getTranslations("departments.urgency");
  const { before, ...kept } = filters;
  const rows = await presentAuditRows(page.rows, isAppLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE);
  const readable = messages.auditLog.readable;
  const actionLabel = (action: string) => messageAt(readable.actions, action);
  const entityLabel = (type: string) => messageAt(readable.entities, type) ?? type;
  const fieldLabel = (field: string) => messageAt(readable.fields, field) ?? field;
  const valueText = (value: AuditValue | undefined): string => {
    if (!value || value.kind === "empty") return t("readable.empty");
    if (value.kind === "boolean") return value.value ? t("readable.yes") : t("readable.no");
    if (value.kind === "vocabulary") {
      const code = value.code;
      if (value.vocabulary === "status") {
        const known = STATUSES.find((s) => s === code);
        return known ? tStatus(known) : code;
      }
      if (value.vocabulary === "priority") {
        const known = PRIORITIES.find((p) => p === code);
        return known ? tPriority(known) : code;
      }
      if (value.vocabulary === "role") {
        const known = ROLES.find((r) => r === code);
        return known ? tRoles(known) : code;
      }
      // "reason" is free text, except an escalation's reason code.
      if (value.vocabulary === "reason") {
        const known = ESCALATION_REASONS.find((r) => r === code);
        return known ? tReason(known) : code;
      }
      // A department request's urgency (urgent / normal / investigation).
      if (value.vocabulary === "urgency") {
        const urgency = URGENCIES.find((u) => u === code);
        return urgency ? tUrgency(urgency) : code;
      }
      // "type" is a complaint's type or an incident's.
      const known = COMPLAINT_TYPES.find((type) => type === code);
      if (known) return tTypes(known);
      const incidentType = INCIDENT_TYPES.find((type) => type === code);
      return incidentType ? tIncidentTypes(incidentType) : code;
    }
    return value.text;
  };

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <LogFilters
        resetHref="/admin/audit"
        applyLabel={t("apply")}
        resetLabel={t("reset")}
        fields={[
          { name: "actor", label: t("filters.actor"), value: filters.actor, placeholder: t("filters.actorHint") },
          {
            name: "entityType",
            label: t("filters.entityType"),
            value: filters.entityType,
            options: entityTypes,
            optionLabels: Object.fromEntries(entityTypes.map((type) => [type, entityLabel(type)])),
          },
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
              {rows.map((row) => {
                const action = actionLabel(row.action);
                return (
                  <TableRow key={row.id} className="align-top">
                    <TableCell className="text-[13px] whitespace-nowrap tabular-nums">
                      <time dateTime={row.createdAt.toISOString()}>
                        {format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
                      </time>
                      {row.ip ? <span className="block text-xs text-slate-400">{row.ip}</span> : null}
                    </TableCell>
                    <TableCell className="text-[13px]">
                      {row.actor ? row.actor.name : <Badge>{t(`actorTypes.${row.actorType}`)}</Badge>}
                    </TableCell>
                    <TableCell className="text-[13px]" data-testid="audit-action">
                      {action ?? <span className="font-mono text-xs">{row.action}</span>}
                      {action ? (
                        <span
                          className="block font-mono text-[11px] text-slate-400"
                          title={t("readable.technical", { code: row.action })}
                        >
                          {row.action}
                        </span>
                      ) : null}
                    </TableCell>
                    <TableCell className="text-[13px] whitespace-nowrap" data-testid="audit-entity">
                      {entityLabel(row.entityType)}
                      {row.entityName ? (
                        <span className="block font-medium text-slate-900">{row.entityName}</span>
                      ) : row.entityId ? (
                        <span className="block text-xs text-slate-500">#{row.entityId}</span>
                      ) : null}
                    </TableCell>
                    <TableCell className="max-w-md text-xs">
                      <ul className="flex flex-col gap-0.5">
                        {row.changes.map((line, index) => (
                          <li key={index} className="break-words">
                            {line.field ? (
                              <span className="font-medium text-slate-700">{fieldLabel(line.field)}: </span>
                            ) : null}
                            {line.value !== undefined ? (
                              <span className="text-slate-600">{valueText(line.value)}</span>
                            ) : (
                              <>
                                <del className="text-danger-700">{valueText(line.from)}</del> →{" "}
                                <ins className="text-success-700 no-underline">{valueText(line.to)}</ins>
                              </>
                            )}
                          </li>
                        ))}
                      </ul>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Card>
      <LogPager
        path="/admin/audit"
        filters={kept}
        before={before}
        nextBefore={page.nextBefore}
        newestLabel={t("newest")}
        olderLabel={t("older")}
      />
    </>
  );
}
