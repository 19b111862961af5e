import { Building2, FolderTree, Radio, Timer, UsersRound, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { HomeHeader } from "@/components/home/home-header";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CurrentUser } from "@/lib/auth/session";
import { can, ROLES } from "@/lib/auth/permissions";
import { getAdminHome, type AdminHome as AdminHomeData } from "@/lib/home/queries";

const CONFIG_ITEMS: readonly { key: keyof AdminHomeData["counts"]; icon: LucideIcon }[] = [
  { key: "teams", icon: Building2 },
  { key: "categories", icon: FolderTree },
  { key: "channels", icon: Radio },
  { key: "slaPolicies", icon: Timer },
];

export async function AdminHome({ user }: { user: CurrentUser }) {
  const [t, tRoles, format, home] = await Promise.all([
    getTranslations("home.admin"),
    getTranslations("roles"),
    getFormatter(),
    getAdminHome(),
  ]);
  const now = new Date();
  const total = ROLES.reduce((sum, role) => sum + home.usersByRole[role].active + home.usersByRole[role].inactive, 0);
  const maxActive = Math.max(1, ...ROLES.map((role) => home.usersByRole[role].active));

  return (
    <div data-testid="home-admin">
      <HomeHeader
        name={user.name}
        now={now}
        subtitle={t("subtitle")}
        actions={
          <>
            {can(user, "admin.users") ? (
              <Button asChild variant="secondary" size="sm">
                <Link href="/admin/users">
                  <UsersRound aria-hidden />
                  {t("manageUsers")}
                </Link>
              </Button>
            ) : null}
            {can(user, "admin.teams") ? (
              <Button asChild variant="secondary" size="sm">
                <Link href="/admin/teams">
                  <Building2 aria-hidden />
                  {t("manageTeams")}
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <div>
              <CardTitle>{t("usersTitle")}</CardTitle>
              <CardDescription>{t("usersDescription")}</CardDescription>
            </div>
            <span className="text-[13px] whitespace-nowrap text-slate-500">{t("totalUsers", { count: total })}</span>
          </CardHeader>
          <ul className="flex flex-col gap-4 px-5 py-5">
            {ROLES.map((role) => {
              const { active, inactive } = home.usersByRole[role];
              return (
                <li key={role} data-testid={`users-${role}`}>
                  <div className="mb-1.5 flex items-baseline justify-between gap-3 text-sm">
                    <span className="font-medium text-slate-800">{tRoles(role)}</span>
                    <span className="tabular-nums text-slate-900">
                      <span className="font-semibold">{format.number(active)}</span>
                      {inactive > 0 ? (
                        <span className="ml-2 text-xs text-slate-500">{t("inactiveCount", { count: inactive })}</span>
                      ) : null}
                    </span>
                  </div>
                  <div aria-hidden className="h-2 overflow-hidden rounded-full bg-slate-100">
                    <div
                      className="h-full rounded-full bg-brand-500"
                      style={{ width: `${(active / maxActive) * 100}%` }}
                    />
                  </div>
                </li>
              );
            })}
          </ul>
        </Card>
        <Card>
          <CardHeader>
            <div>
              <CardTitle>{t("configTitle")}</CardTitle>
              <CardDescription>{t("configDescription")}</CardDescription>
            </div>
          </CardHeader>
          <dl className="grid grid-cols-2 gap-px bg-slate-100">
            {CONFIG_ITEMS.map(({ key, icon: Icon }) => (
              <div key={key} className="flex items-center gap-3 bg-white px-5 py-5">
                <span
                  aria-hidden
                  className="flex size-9 items-center justify-center rounded-lg bg-brand-50 text-brand-600"
                >
                  <Icon className="size-4" />
                </span>
                <div>
                  <dt className="text-[13px] text-slate-500">{t(`counts.${key}`)}</dt>
                  <dd className="text-xl font-semibold tabular-nums text-slate-900">
                    {format.number(home.counts[key])}
                  </dd>
                </div>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </div>
  );
}
