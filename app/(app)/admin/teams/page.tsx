import type { Metadata } from "next";
import { Building2 } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { listTeamsForAdmin } from "@/lib/users/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.teams");
  return { title: t("title") };
}

export default async function AdminTeamsPage() {
  await requirePermission("admin.teams");
  const locale = await getLocale();
  const [t, tCommon, format, teams] = await Promise.all([
    getTranslations("admin.teams"),
    getTranslations("common"),
    getFormatter(),
    listTeamsForAdmin(locale),
  ]);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} meta={t("count", { count: teams.length })} />
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
                <TableHead className="text-right">{t("columns.members")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {teams.map((team) => (
                <TableRow key={team.id}>
                  <TableCell className="font-medium text-slate-900">{team.name}</TableCell>
                  <TableCell className="font-mono text-[13px] text-slate-500">{team.code}</TableCell>
                  <TableCell>{team.supervisorName ?? <span className="text-slate-400">{t("noSupervisor")}</span>}</TableCell>
                  <TableCell className="text-right tabular-nums">{format.number(team.memberCount)}</TableCell>
                  <TableCell>
                    <Badge tone={team.active ? "success" : "neutral"} dot>
                      {team.active ? tCommon("active") : tCommon("inactive")}
                    </Badge>
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
