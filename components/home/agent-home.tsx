import Link from "next/link";
import { AlarmClock, Hourglass, Inbox, ListChecks, MessageCircleQuestion, PartyPopper } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DueLabel } from "@/components/complaints/due-label";
import { SeverityBadge } from "@/components/complaints/severity-badge";
import { StatusBadge } from "@/components/complaints/status-badge";
import { HomeHeader } from "@/components/home/home-header";
import { StatGrid, StatTile } from "@/components/home/stat-tile";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CurrentUser } from "@/lib/auth/session";
import { getAgentHome } from "@/lib/home/queries";
import { countMyOpenTasks } from "@/lib/customers/tasks";

export async function AgentHome({ user }: { user: CurrentUser }) {
  const locale = await getLocale();
  const [t, format, home, tasks, tTasks] = await Promise.all([
    getTranslations("home.agent"),
    getFormatter(),
    getAgentHome(user, locale),
    countMyOpenTasks(user.actor),
    getTranslations("myTasks"),
  ]);
  const { counts, queue, now } = home;
  const n = (value: number) => format.number(value);

  return (
    <div data-testid="home-agent">
      <HomeHeader name={user.name} now={now} subtitle={t("subtitle")} />
      <StatGrid>
        <StatTile
          label={t("tiles.open")}
          value={n(counts.open)}
          hint={t("tiles.openHint")}
          icon={Inbox}
          accent="brand"
        />
        <StatTile
          label={t("tiles.dueSoon")}
          value={n(counts.dueSoon)}
          hint={t("tiles.dueSoonHint")}
          icon={Hourglass}
          accent="warning"
        />
        <StatTile
          label={t("tiles.overdue")}
          value={n(counts.overdue)}
          hint={t("tiles.overdueHint")}
          icon={AlarmClock}
          accent="danger"
          alert={counts.overdue > 0}
        />
        <StatTile
          label={t("tiles.awaitingCustomer")}
          value={n(counts.awaitingCustomer)}
          hint={t("tiles.awaitingCustomerHint")}
          icon={MessageCircleQuestion}
          accent="neutral"
        />
      </StatGrid>
      {/* Follow-up tasks (回访) assigned to the agent: count and a link to "My tasks". */}
      <Link
        href="/tasks"
        data-testid="home-tasks"
        className="mt-4 flex items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white px-5 py-3 text-sm shadow-card hover:border-brand-300 focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        <span className="flex items-center gap-2 font-medium text-slate-900">
          <ListChecks aria-hidden className="size-4 text-brand-600" />
          {tTasks("homeTile")}: {n(tasks.open)}
          <span className={tasks.overdue > 0 ? "font-semibold text-danger-700" : "text-slate-500"}>
            ({tTasks("homeHint", { overdue: tasks.overdue })})
          </span>
        </span>
        <span className="text-brand-700">{tTasks("open")} →</span>
      </Link>

      <Card className="mt-6">
        <CardHeader>
          <div>
            <CardTitle>{t("queueTitle")}</CardTitle>
            <CardDescription>{t("queueDescription")}</CardDescription>
          </div>
        </CardHeader>
        {queue.length === 0 ? (
          <EmptyState icon={PartyPopper} title={t("emptyTitle")} description={t("emptyDescription")} />
        ) : (
          <>
            <Table>
              <TableCaption>{t("queueTitle")}</TableCaption>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>{t("columns.reference")}</TableHead>
                  <TableHead>{t("columns.subject")}</TableHead>
                  <TableHead>{t("columns.customer")}</TableHead>
                  <TableHead>{t("columns.status")}</TableHead>
                  <TableHead>{t("columns.severity")}</TableHead>
                  <TableHead>{t("columns.due")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {queue.map((row) => (
                  <TableRow key={row.id}>
                    <TableCell className="text-[13px] font-medium whitespace-nowrap text-slate-500 tabular-nums">
                      {row.reference}
                    </TableCell>
                    <TableCell className="max-w-[22rem] truncate font-medium text-slate-900" title={row.subject}>
                      {row.subject}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">{row.customerName}</TableCell>
                    <TableCell>
                      <StatusBadge status={row.status} />
                    </TableCell>
                    <TableCell>
                      <SeverityBadge name={row.severity.name} color={row.severity.color} />
                    </TableCell>
                    <TableCell>
                      <DueLabel dueAt={row.nextDueAt} now={now} paused={row.status === "pending_customer"} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {counts.open > queue.length ? (
              <p className="border-t border-slate-100 px-5 py-3 text-xs text-slate-500">
                {t("moreNotShown", { shown: queue.length, total: counts.open })}
              </p>
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}
