import type { Metadata } from "next";
import { Building2 } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { listTeamsForAdmin, listUserOptions } from "@/lib/users/queries";
import { listEscalationDepartments } from "@/lib/departments/service";
import { isAppLocale, localizedName } from "@/lib/i18n/locales";
import { TeamFormDialog } from "@/components/admin/teams/team-form-dialog";
import { TeamRowActions } from "@/components/admin/teams/team-row-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.teams");
  return { title: t("title") };
}

export default async function AdminTeamsPage() {
  await requirePermission("admin.teams");
  const locale = await getLocale();
  const [t, tAdmin, tCommon, format, teams, users, departmentRows] = await Promise.all([
    getTranslations("admin.teams"),
    getTranslations("teamAdmin"),
    getTranslations("common"),
    getFormatter(),
    listTeamsForAdmin(locale),
    listUserOptions(),
    listEscalationDepartments(),
  ]);
  const departments = departmentRows.map((row) => ({
    id: row.id,
    name: localizedName(isAppLocale(locale) ? locale : "zh-CN", row),
  }));

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={t("count", { count: teams.length })}
        actions={<TeamFormDialog users={users} departments={departments} />}
      />
      <Card>
        {teams.length === 0 ? (
          <EmptyState icon={Building2} title={t("empty")} />
        ) : (
          <Table data-testid="admin-teams-table">
            <TableCaption>{t("title")}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("columns.name")}</TableHead>
                <TableHead>{t("columns.code")}</TableHead>
                <TableHead>{t("columns.supervisor")}</TableHead>
                <TableHead>{tAdmin("columns.escalation")}</TableHead>
                <TableHead className="text-right">{t("columns.members")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
                <TableHead className="text-right">{tAdmin("actions")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {teams.map((team) => (
                <TableRow key={team.id} data-testid={`team-row-${team.code}`}>
                  <TableCell className="font-medium text-slate-900">{team.name}</TableCell>
                  <TableCell className="font-mono text-[13px] text-slate-500">{team.code}</TableCell>
                  <TableCell>
                    {team.supervisorName ?? <span className="text-slate-400">{t("noSupervisor")}</span>}
                  </TableCell>
                  <TableCell className="text-sm" data-testid={`team-escalation-${team.code}`}>
                    {tAdmin("escalationL3", { name: team.l3DepartmentName ?? tAdmin("defaultDepartment") })}
                    <br />
                    {tAdmin("escalationL4", { name: team.l4DepartmentName ?? tAdmin("defaultDepartment") })}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{format.number(team.memberCount)}</TableCell>
                  <TableCell>
                    <Badge tone={team.active ? "success" : "neutral"} dot>
                      {team.active ? tCommon("active") : tCommon("inactive")}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-right">
                    <TeamRowActions team={team} users={users} departments={departments} />
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
