import { AlarmClock, ArrowUpCircle, Inbox, ShieldCheck, UserX } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { HomeHeader } from "@/components/home/home-header";
import { StatGrid, StatTile } from "@/components/home/stat-tile";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CurrentUser } from "@/lib/auth/session";
import { getSupervisorHome } from "@/lib/home/queries";
import { countPendingApprovals } from "@/lib/compensation/queries";
import { ApprovalsCallout } from "@/components/compensation/approvals-callout";

export async function SupervisorHome({ user }: { user: CurrentUser }) {
  const locale = await getLocale();
  const [t, tReason, format, home, approvals] = await Promise.all([
    getTranslations("home.supervisor"),
    getTranslations("escalationReason"),
    getFormatter(),
    getSupervisorHome(user, locale),
    countPendingApprovals(user.actor),
  ]);
  const { counts, agents, escalations, now, teamNames } = home;
  const n = (value: number) => format.number(value);
  const subtitle =
    teamNames.length > 0
      ? t("subtitle", { teams: format.list(teamNames, { type: "unit", style: "narrow" }) })
      : t("noTeams");

  return (
    <div data-testid="home-supervisor">
      <HomeHeader name={user.name} now={now} subtitle={subtitle} />
      <ApprovalsCallout count={approvals} />
      <StatGrid>
        <StatTile
          label={t("tiles.open")}
          value={n(counts.open)}
          hint={t("tiles.openHint")}
          icon={Inbox}
          accent="brand"
        />
        <StatTile
          label={t("tiles.unassigned")}
          value={n(counts.unassigned)}
          hint={t("tiles.unassignedHint")}
          icon={UserX}
          accent="warning"
        />
        <StatTile
          label={t("tiles.breached")}
          value={n(counts.breached)}
          hint={t("tiles.breachedHint")}
          icon={AlarmClock}
          accent="danger"
          alert={counts.breached > 0}
        />
        <StatTile
          label={t("tiles.escalations")}
          value={n(counts.escalations)}
          hint={t("tiles.escalationsHint")}
          icon={ArrowUpCircle}
          accent="info"
        />
      </StatGrid>

      <div className="mt-6 grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card>
          <CardHeader>
            <div>
              <CardTitle>{t("agentsTitle")}</CardTitle>
              <CardDescription>{t("agentsDescription")}</CardDescription>
            </div>
          </CardHeader>
          {agents.length === 0 ? (
            <p className="px-5 py-8 text-center text-sm text-slate-500">{t("agentsEmpty")}</p>
          ) : (
            <Table>
              <TableCaption>{t("agentsTitle")}</TableCaption>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>{t("agentColumns.agent")}</TableHead>
                  <TableHead>{t("agentColumns.team")}</TableHead>
                  <TableHead className="text-right">{t("agentColumns.open")}</TableHead>
                  <TableHead className="text-right">{t("agentColumns.overdue")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {agents.map((agent) => (
                  <TableRow key={agent.id}>
                    <TableCell className="font-medium whitespace-nowrap text-slate-900">{agent.name}</TableCell>
                    <TableCell className="text-[13px] text-slate-500">
                      {format.list(agent.teams, { type: "unit", style: "narrow" })}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{n(agent.open)}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {agent.overdue > 0 ? (
                        <Badge tone="danger">{n(agent.overdue)}</Badge>
                      ) : (
                        <span className="text-slate-400">0</span>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Card>

        <Card>
          <CardHeader>
            <div>
              <CardTitle>{t("escalationsTitle")}</CardTitle>
              <CardDescription>{t("escalationsDescription")}</CardDescription>
            </div>
          </CardHeader>
          {escalations.length === 0 ? (
            <EmptyState
              icon={ShieldCheck}
              title={t("escalationsEmptyTitle")}
              description={t("escalationsEmptyDescription")}
            />
          ) : (
            <Table>
              <TableCaption>{t("escalationsTitle")}</TableCaption>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>{t("escalationColumns.reference")}</TableHead>
                  <TableHead>{t("escalationColumns.level")}</TableHead>
                  <TableHead>{t("escalationColumns.reason")}</TableHead>
                  <TableHead>{t("escalationColumns.owner")}</TableHead>
                  <TableHead>{t("escalationColumns.raised")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {escalations.map((escalation) => (
                  <TableRow key={escalation.id}>
                    <TableCell className="max-w-[18rem]">
                      <p className="text-xs font-medium text-slate-500 tabular-nums">{escalation.reference}</p>
                      <p className="truncate font-medium text-slate-900" title={escalation.subject}>
                        {escalation.subject}
                      </p>
                    </TableCell>
                    <TableCell>
                      <Badge tone={escalation.level >= 3 ? "danger" : "warning"}>
                        {t("level", { level: escalation.level })}
                      </Badge>
                    </TableCell>
                    <TableCell className="text-[13px] whitespace-nowrap">{tReason(escalation.reason)}</TableCell>
                    <TableCell className="text-[13px] whitespace-nowrap">
                      {escalation.ownerName ?? <span className="text-slate-400">{t("unowned")}</span>}
                    </TableCell>
                    <TableCell className="text-[13px] whitespace-nowrap text-slate-500">
                      <time
                        dateTime={escalation.createdAt.toISOString()}
                        title={format.dateTime(escalation.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                      >
                        {format.relativeTime(escalation.createdAt, now)}
                      </time>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Card>
      </div>
    </div>
  );
}
