// The complaint's SLA clocks: one row per clock with its due time and state, coloured green / amber / red.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { durationParts } from "@/components/complaints/due-label";
import { cn } from "@/components/ui/cn";
import type { ComplaintWorkspace } from "@/lib/complaints/workspace";

type Clock = ComplaintWorkspace["slaClocks"][number];
export type ClockState = "running" | "warning" | "overdue" | "paused" | "met" | "missed" | "cancelled";

/**
 * A clock's state at `now`: fulfilled clocks are met or missed, running ones turn amber past warnAt and red past dueAt.
 */
export function clockState(
  clock: Pick<Clock, "dueAt" | "warnAt" | "pausedAt" | "fulfilledAt" | "cancelledAt" | "breachedAt">,
  now: Date,
): ClockState {
  if (clock.cancelledAt) return "cancelled";
  if (clock.fulfilledAt) return clock.breachedAt || clock.fulfilledAt > clock.dueAt ? "missed" : "met";
  if (clock.pausedAt) return "paused";
  if (clock.breachedAt || now >= clock.dueAt) return "overdue";
  if (clock.warnAt && now >= clock.warnAt) return "warning";
  return "running";
}

const TONES: Record<ClockState, string> = {
  running: "bg-success-50 text-success-700 ring-success-100",
  warning: "bg-warning-50 text-warning-700 ring-warning-100",
  overdue: "bg-danger-50 text-danger-700 ring-danger-100",
  missed: "bg-danger-50 text-danger-700 ring-danger-100",
  met: "bg-slate-50 text-slate-600 ring-slate-200",
  paused: "bg-slate-50 text-slate-600 ring-slate-200",
  cancelled: "bg-slate-50 text-slate-400 ring-slate-200",
};

/** "48 h", "1 h 30 min", "15 min": targets and pauses in the largest whole units. */
function formatTarget(format: ReturnType<typeof useFormatter>, minutes: number) {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  const parts = [];
  if (hours > 0) parts.push(format.number(hours, { style: "unit", unit: "hour", unitDisplay: "short" }));
  if (rest > 0 || hours === 0) parts.push(format.number(rest, { style: "unit", unit: "minute", unitDisplay: "short" }));
  return parts.join(" ");
}

export function SlaClocks({ clocks, policyName, now }: { clocks: Clock[]; policyName: string | null; now: Date }) {
  const t = useTranslations("workspace.sla");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-[13px] font-semibold text-slate-700">{t("title")}</h2>
        <span className="truncate text-xs text-slate-500">
          {policyName ? t("policy", { name: policyName }) : t("noPolicy")}
        </span>
      </div>
      {clocks.length === 0 ? <p className="text-[13px] text-slate-500">{t("none")}</p> : null}
      <ul className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
        {clocks.map((clock) => {
          const state = clockState(clock, now);
          const { value, unit } = durationParts(clock.dueAt.getTime() - now.getTime());
          const duration = format.number(value, { style: "unit", unit, unitDisplay: "long" });
          const due = format.dateTime(clock.dueAt, { dateStyle: "medium", timeStyle: "short" });
          const label =
            state === "running" || state === "warning"
              ? t("left", { duration })
              : state === "overdue"
                ? t("overdue", { duration })
                : t(`states.${state}`);
          return (
            <li
              key={clock.kind}
              data-testid={`sla-${clock.kind}`}
              data-state={state}
              className={cn("rounded-lg px-3 py-2 ring-1 ring-inset", TONES[state])}
            >
              <p className="text-xs font-medium">{t(`kinds.${clock.kind}`)}</p>
              <p className="text-sm font-semibold tabular-nums">{label}</p>
              <p className="text-xs opacity-80">
                <time dateTime={clock.dueAt.toISOString()}>{t("due", { time: due })}</time>
              </p>
              <p className="mt-1 text-[11px] leading-snug opacity-80" data-testid={`sla-${clock.kind}-explanation`}>
                {t("explainTarget", {
                  target: formatTarget(format, clock.targetMinutes),
                  calendar: clock.calendar.is24x7
                    ? t("calendar24x7")
                    : t("calendarBusiness", {
                        name: locale === "zh-CN" ? clock.calendar.nameZh : clock.calendar.nameEn,
                      }),
                })}
                {clock.pausedMinutes > 0
                  ? ` · ${t("explainPaused", { duration: formatTarget(format, clock.pausedMinutes) })}`
                  : ""}
                {clock._count.events > 0 ? ` · ${t("explainChanged")}` : ""}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
