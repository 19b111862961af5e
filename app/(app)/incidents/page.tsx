import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ClipboardList, CloudLightning, Plus } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CLOCK_TONE, LEVEL_TONE, STATUS_TONE } from "@/components/incidents/tones";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { canReadIncidents, listIncidents } from "@/lib/incidents/queries";
import { INCIDENT_TYPES, type IncidentType } from "@/lib/incidents/schema";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("incidents");
  return { title: t("title") };
}

export default async function IncidentsPage() {
  const user = await requireUser();
  if (!canReadIncidents(user)) forbidden();
  const t = await getTranslations("incidents");
  const tp = await getTranslations("incidentPlans");
  const [format, rows] = await Promise.all([getFormatter(), listIncidents()]);
  const typeLabel = (type: string) =>
    (INCIDENT_TYPES as readonly string[]).includes(type) ? t(`types.${type as IncidentType}`) : t("types.other");
  const sections = [
    { key: "active", rows: rows.filter((row) => row.status === "active") },
    { key: "past", rows: rows.filter((row) => row.status !== "active") },
  ] as const;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={t("count", { count: rows.length })}
        actions={
          <>
            <Link href="/incidents/plans" className={buttonClasses("secondary")}>
              <ClipboardList aria-hidden />
              {tp("title")}
            </Link>
            {can(user, "incident.manage") ? (
              <Link href="/incidents/new" className={buttonClasses("primary")}>
                <Plus aria-hidden />
                {t("declare")}
              </Link>
            ) : null}
          </>
        }
      />
      {rows.length === 0 ? (
        <Card>
          <EmptyState icon={CloudLightning} title={t("empty.title")} description={t("empty.description")} />
        </Card>
      ) : (
        sections
          .filter((section) => section.rows.length > 0)
          .map((section) => (
            <Card key={section.key} className="mb-6">
              <Table data-testid={`incidents-${section.key}`}>
                <TableCaption>{t(section.key)}</TableCaption>
                <TableHeader>
                  <TableRow className="hover:bg-transparent">
                    <TableHead>{t("fields.title")}</TableHead>
                    <TableHead>{t("fields.level")}</TableHead>
                    <TableHead>{t("fields.status")}</TableHead>
                    <TableHead>{t("fields.startedAt")}</TableHead>
                    <TableHead>{t("fields.owner")}</TableHead>
                    <TableHead>{t("fields.reported")}</TableHead>
                    <TableHead className="text-right">{t("fields.linked")}</TableHead>
                    <TableHead className="text-right">{t("fields.open")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {section.rows.map((row) => (
                    <TableRow key={row.id}>
                      <TableCell>
                        <Link
                          href={`/incidents/${row.id}`}
                          className="focus-ring rounded font-medium text-brand-700 hover:underline"
                        >
                          {row.title}
                        </Link>
                        <div className="text-xs text-slate-500">{typeLabel(row.type)}</div>
                      </TableCell>
                      <TableCell>
                        <Badge tone={LEVEL_TONE[row.level]}>{t(`levels.${row.level}`)}</Badge>
                      </TableCell>
                      <TableCell>
                        <Badge tone={STATUS_TONE[row.status]} dot>
                          {t(`statuses.${row.status}`)}
                        </Badge>
                      </TableCell>
                      <TableCell className="whitespace-nowrap text-slate-600">
                        {format.dateTime(row.startedAt, { dateStyle: "medium", timeStyle: "short" })}
                      </TableCell>
                      <TableCell className="text-slate-600">{row.owner?.name ?? t("fields.none")}</TableCell>
                      <TableCell>
                        <Badge tone={CLOCK_TONE[row.clock.state]}>
                          {row.clock.state === "running" || row.clock.state === "overdue"
                            ? t(`clock.${row.clock.state}`, {
                                time: row.clock.dueAt ? format.dateTime(row.clock.dueAt, { timeStyle: "short" }) : "—",
                              })
                            : t(`clock.${row.clock.state}`)}
                        </Badge>
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{format.number(row.linked)}</TableCell>
                      <TableCell className="text-right tabular-nums">{format.number(row.open)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Card>
          ))
      )}
    </>
  );
}
