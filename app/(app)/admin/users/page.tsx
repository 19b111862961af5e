import type { Metadata } from "next";
import { UsersRound } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { listTeamOptions, listUsersForAdmin } from "@/lib/users/queries";
import { UserFormDialog } from "@/components/admin/users/user-form-dialog";
import { UserRowActions } from "@/components/admin/users/user-row-actions";
import { SignInThrottles } from "@/components/admin/users/sign-in-throttles";
import { listSignInThrottles } from "@/lib/auth/throttle-admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

const ROLE_TONES: Record<Role, BadgeTone> = {
  agent: "neutral",
  supervisor: "info",
  manager: "violet",
  admin: "brand",
  liaison: "warning",
};

export default async function AdminUsersPage() {
  const me = await requirePermission("admin.users");
  const locale = await getLocale();
  const [t, tAdmin, tCommon, tRoles, format, users, teams, throttles] = await Promise.all([
    getTranslations("admin.users"),
    getTranslations("userAdmin"),
    getTranslations("common"),
    getTranslations("roles"),
    getFormatter(),
    listUsersForAdmin(locale),
    listTeamOptions(locale),
    listSignInThrottles(me.actor),
  ]);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={t("count", { count: users.length })}
        actions={<UserFormDialog teams={teams} />}
      />
      <Card>
        {users.length === 0 ? (
          <EmptyState icon={UsersRound} title={t("empty")} />
        ) : (
          <Table data-testid="admin-users-table">
            <TableCaption>{t("title")}</TableCaption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("columns.name")}</TableHead>
                <TableHead>{t("columns.email")}</TableHead>
                <TableHead>{t("columns.role")}</TableHead>
                <TableHead>{t("columns.teams")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
                <TableHead>{t("columns.lastLogin")}</TableHead>
                <TableHead className="text-right">{tAdmin("actions")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.map((user) => (
                <TableRow
                  key={user.id}
                  className={user.active ? undefined : "text-slate-400"}
                  data-testid={`user-row-${user.email}`}
                >
                  <TableCell className="font-medium whitespace-nowrap text-slate-900">{user.name}</TableCell>
                  <TableCell className="text-[13px]">{user.email}</TableCell>
                  <TableCell>
                    <Badge tone={ROLE_TONES[user.role]}>{tRoles(user.role)}</Badge>
                  </TableCell>
                  <TableCell className="text-[13px]">
                    {user.teams.length > 0
                      ? format.list(user.teams, { type: "unit", style: "narrow" })
                      : tCommon("none")}
                  </TableCell>
                  <TableCell>
                    {user.active && !user.passwordSet ? (
                      <Badge tone="warning" dot>
                        {tAdmin("invitedStatus")}
                      </Badge>
                    ) : (
                      <Badge tone={user.active ? "success" : "neutral"} dot>
                        {user.active ? tCommon("active") : tCommon("inactive")}
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell className="text-[13px] whitespace-nowrap tabular-nums">
                    {user.lastLoginAt ? (
                      <time dateTime={user.lastLoginAt.toISOString()}>
                        {format.dateTime(user.lastLoginAt, { dateStyle: "medium", timeStyle: "short" })}
                      </time>
                    ) : (
                      <span className="text-slate-400">{tCommon("never")}</span>
                    )}
                  </TableCell>
                  <TableCell className="text-right">
                    <UserRowActions user={user} teams={teams} isSelf={user.id === me.id} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <SignInThrottles throttles={throttles} />
    </>
  );
}
