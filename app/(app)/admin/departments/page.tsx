import type { Metadata } from "next";
import { Network } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DepartmentFormDialog } from "@/components/departments/department-form-dialog";
import { requirePermission } from "@/lib/auth/session";
import { listDepartmentsForAdmin } from "@/lib/departments/service";
import { DEFAULT_LOCALE, isAppLocale, localizedName } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("departmentAdmin");
  return { title: t("title") };
}

// Departments of the industry template: head, liaisons, business calendar and reply-time policy (issue 18).
export default async function AdminDepartmentsPage() {
  const user = await requirePermission("department.manage");
  const data = await listDepartmentsForAdmin(user.actor);
  if (!data) forbidden();
  const raw = await getLocale();
  const locale = isAppLocale(raw) ? raw : DEFAULT_LOCALE;
  const [t, tAdmin, tCommon] = await Promise.all([
    getTranslations("departments"),
    getTranslations("departmentAdmin"),
    getTranslations("common"),
  ]);
  const users = data.users.map((row) => ({ id: row.id, name: row.name }));
  const liaisonUsers = data.users
    .filter((row) => row.role === "liaison")
    .map((row) => ({ id: row.id, name: row.name }));
  const ownerUsers = data.users
    .filter((row) => row.role === "supervisor" || row.role === "manager" || row.role === "admin")
    .map((row) => ({ id: row.id, name: row.name }));
  const calendars = data.calendars.map((row) => ({ id: row.id, name: localizedName(locale, row) }));
  return (
    <>
      <PageHeader
        title={tAdmin("title")}
        description={tAdmin("description")}
        meta={tAdmin("count", { count: data.departments.length })}
      />
      <Card>
        {data.departments.length === 0 ? (
          <EmptyState icon={Network} title={tAdmin("empty")} />
        ) : (
          <Table data-testid="admin-departments-table">
            <TableCaption>{tAdmin("title")}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{tAdmin("columns.name")}</TableHead>
                <TableHead>{tAdmin("columns.head")}</TableHead>
                <TableHead>{tAdmin("columns.liaisons")}</TableHead>
                <TableHead>{tAdmin("columns.escalation")}</TableHead>
                <TableHead>{tAdmin("columns.calendar")}</TableHead>
                <TableHead>{tAdmin("columns.policy")}</TableHead>
                <TableHead className="text-right">{tAdmin("columns.open")}</TableHead>
                <TableHead>{tAdmin("columns.status")}</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">{tAdmin("edit")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.departments.map((row) => (
                <TableRow key={row.id} data-testid={`department-row-${row.code}`}>
                  <TableCell className="font-medium whitespace-nowrap text-slate-900">
                    {localizedName(locale, row)}
                    {row.kind === "supplier" ? (
                      <Badge tone="violet" className="ml-2">
                        {t("kind.supplier")}
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell>{row.head?.name ?? <span className="text-slate-400">{tAdmin("noHead")}</span>}</TableCell>
                  <TableCell className="text-sm">
                    {row.liaisons.length ? (
                      row.liaisons.map((liaison) => liaison.user.name).join("、")
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </TableCell>
                  <TableCell className="text-sm" data-testid={`department-escalation-${row.code}`}>
                    {row.escalationOwner?.name ?? <span className="text-slate-400">{tAdmin("noEscalationOwner")}</span>}
                    {row.escalationLevel ? (
                      <Badge tone="info" className="ml-2">
                        {tAdmin("escalationLevelBadge", { level: row.escalationLevel })}
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell className="text-sm">{localizedName(locale, row.calendar)}</TableCell>
                  <TableCell className="text-sm tabular-nums">
                    {tAdmin("policy", {
                      urgent: row.urgentDays,
                      normal: row.normalDays,
                      investigation: row.investigationDays,
                    })}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{row._count.requests}</TableCell>
                  <TableCell>
                    <Badge tone={row.active ? "success" : "neutral"} dot>
                      {row.active ? tCommon("active") : tCommon("inactive")}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-right">
                    <DepartmentFormDialog
                      department={{
                        id: row.id,
                        version: row.version,
                        name: localizedName(locale, row),
                        nameZh: row.nameZh,
                        nameEn: row.nameEn,
                        headId: row.head?.id ?? null,
                        liaisonIds: row.liaisons.map((liaison) => liaison.user.id),
                        calendarId: row.calendarId,
                        urgentDays: row.urgentDays,
                        normalDays: row.normalDays,
                        investigationDays: row.investigationDays,
                        active: row.active,
                        escalationOwnerId: row.escalationOwner?.id ?? null,
                        escalationLevel: row.escalationLevel,
                        supplier: row.kind === "supplier",
                      }}
                      users={users}
                      liaisonUsers={liaisonUsers}
                      ownerUsers={ownerUsers}
                      calendars={calendars}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </>
  );
}
