import {
  AlarmClock,
  CheckCircle2,
  Inbox,
  Layers,
  Smile,
  TrendingDown,
  TrendingUp,
  Minus,
  type LucideIcon,
} from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/complaints/status-badge";
import { BarList } from "@/components/home/bar-list";
import { HomeHeader } from "@/components/home/home-header";
import { StatTile, type StatAccent } from "@/components/home/stat-tile";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { CurrentUser } from "@/lib/auth/session";
import { getManagerHome, type PeriodKpis } from "@/lib/home/queries";
import { countPendingApprovals } from "@/lib/compensation/queries";
import { ApprovalsCallout } from "@/components/compensation/approvals-callout";

type KpiKey = "inflow" | "resolved" | "backlog" | "csat" | "slaBreached";
type KpiSpec = {
  key: KpiKey;
  kind: "count" | "share";
  higherIsBetter: boolean | null;
  icon: LucideIcon;
  accent: StatAccent;
};

// Whether a rise is good news decides the colour of the trend; inflow is neutral (more complaints is not a KPI
// failure).
const KPIS: readonly KpiSpec[] = [
  { key: "inflow", kind: "count", higherIsBetter: null, icon: Inbox, accent: "brand" },
  { key: "resolved", kind: "count", higherIsBetter: true, icon: CheckCircle2, accent: "success" },
  { key: "backlog", kind: "count", higherIsBetter: false, icon: Layers, accent: "warning" },
  { key: "csat", kind: "share", higherIsBetter: true, icon: Smile, accent: "info" },
  { key: "slaBreached", kind: "share", higherIsBetter: false, icon: AlarmClock, accent: "danger" },
];

function valueOf(kpis: PeriodKpis, key: KpiKey): number | null {
  return kpis[key];
}

export async function ManagerHome({ user }: { user: CurrentUser }) {
  const locale = await getLocale();
  const [t, format, home, approvals] = await Promise.all([
    getTranslations("home.manager"),
    getFormatter(),
    getManagerHome(locale),
    countPendingApprovals(user.actor),
  ]);
  const { current, previous, now, periodStart, backlogByStatus, topCategories } = home;

  const display = (kind: KpiSpec["kind"], value: number | null) =>
    value === null
      ? t("noData")
      : kind === "share"
        ? format.number(value, { style: "percent", maximumFractionDigits: 1 })
        : format.number(value);

  const trend = (spec: KpiSpec) => {
    const now = valueOf(current, spec.key);
    const before = valueOf(previous, spec.key);
    if (now === null || before === null) return null;
    const diff = now - before;
    let text: string;
    if (spec.kind === "share") {
      text = t("points", { value: format.number(diff * 100, { maximumFractionDigits: 1, signDisplay: "exceptZero" }) });
    } else if (before < 10) {
      // A percentage of a tiny base misleads ("+16,700 %"): show the difference itself.
      text = format.number(diff, { signDisplay: "exceptZero" });
    } else {
      text = format.number(diff / before, { style: "percent", maximumFractionDigits: 0, signDisplay: "exceptZero" });
    }
    const direction = diff === 0 ? "flat" : diff > 0 ? "up" : "down";
    const verdict =
      direction === "flat" || spec.higherIsBetter === null
        ? "unchanged"
        : (direction === "up") === spec.higherIsBetter
          ? "better"
          : "worse";
    const Icon = direction === "up" ? TrendingUp : direction === "down" ? TrendingDown : Minus;
    return (
      <div className="flex flex-col gap-1">
        <span
          className={cn(
            "inline-flex items-center gap-1 font-medium",
            verdict === "better" ? "text-success-700" : verdict === "worse" ? "text-danger-700" : "text-slate-600",
          )}
        >
          <Icon aria-hidden className="size-3.5" />
          {t("change", { change: text })}
          {spec.higherIsBetter !== null && verdict !== "unchanged" ? (
            <span className="sr-only">({t(verdict)})</span>
          ) : null}
        </span>
        <span className="text-slate-500">{t("previous", { value: display(spec.kind, before) })}</span>
      </div>
    );
  };

  const period = t("period", {
    from: format.dateTime(periodStart, { month: "short", day: "numeric" }),
    to: format.dateTime(now, { month: "short", day: "numeric" }),
  });

  return (
    <div data-testid="home-manager">
      <HomeHeader
        name={user.name}
        now={now}
        subtitle={t("subtitle")}
        actions={
          <span className="rounded-md border border-slate-200 bg-white px-3 py-1.5 text-[13px] text-slate-600 shadow-xs">
            {period}
          </span>
        }
      />
      <ApprovalsCallout count={approvals} />
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3 xl:grid-cols-5">
        {KPIS.map((spec) => (
          <StatTile
            key={spec.key}
            testId={`kpi-${spec.key}`}
            label={t(`tiles.${spec.key}`)}
            value={display(spec.kind, valueOf(current, spec.key))}
            hint={spec.key === "csat" ? t("hints.csat", { count: current.csatResponses }) : t(`hints.${spec.key}`)}
            icon={spec.icon}
            accent={spec.accent}
            footer={trend(spec)}
          />
        ))}
      </div>
      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <div>
              <CardTitle>{t("backlogTitle")}</CardTitle>
              <CardDescription>{t("backlogDescription")}</CardDescription>
            </div>
          </CardHeader>
          <CardContent className="py-5">
            <BarList
              items={backlogByStatus.map((row) => ({
                key: row.status,
                label: <StatusBadge status={row.status} />,
                value: row.count,
                display: format.number(row.count),
              }))}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <div>
              <CardTitle>{t("categoriesTitle")}</CardTitle>
              <CardDescription>{t("categoriesDescription")}</CardDescription>
            </div>
          </CardHeader>
          <CardContent className="py-5">
            {topCategories.length === 0 ? (
              <p className="py-6 text-center text-sm text-slate-500">{t("categoriesEmpty")}</p>
            ) : (
              <BarList
                items={topCategories.map((row) => ({
                  key: row.id,
                  label: row.name,
                  value: row.count,
                  display: format.number(row.count),
                }))}
              />
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
