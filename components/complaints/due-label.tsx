import { AlarmClock, Clock, PauseCircle } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

const WARN_WITHIN_MS = 4 * 60 * 60_000;

/** A span of time in its largest sensible unit: 45 minutes, 3 hours, 2 days. */
export function durationParts(ms: number): { value: number; unit: "minute" | "hour" | "day" } {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return { value: minutes, unit: "minute" };
  const hours = Math.round(minutes / 60);
  if (hours < 48) return { value: hours, unit: "hour" };
  return { value: Math.round(hours / 24), unit: "day" };
}

type DueLabelProps = { dueAt: Date | null; now: Date; paused?: boolean };

/** "Due in 3 hours" / "Overdue by 2 hours", coloured by urgency; the exact time is in the tooltip. */
export function DueLabel({ dueAt, now, paused = false }: DueLabelProps) {
  const t = useTranslations("due");
  const format = useFormatter();
  if (paused) {
    return (
      <span className="inline-flex items-center gap-1.5 text-[13px] text-slate-500">
        <PauseCircle aria-hidden className="size-3.5" />
        {t("paused")}
      </span>
    );
  }
  if (!dueAt) return <span className="text-[13px] text-slate-400">{t("noDue")}</span>;
  const remaining = dueAt.getTime() - now.getTime();
  const overdue = remaining < 0;
  const { value, unit } = durationParts(remaining);
  const duration = format.number(value, { style: "unit", unit, unitDisplay: "long" });
  const Icon = overdue ? AlarmClock : Clock;
  return (
    <time
      dateTime={dueAt.toISOString()}
      title={format.dateTime(dueAt, { dateStyle: "medium", timeStyle: "short" })}
      className={cn(
        "inline-flex items-center gap-1.5 text-[13px] whitespace-nowrap tabular-nums",
        overdue ? "font-medium text-danger-700" : remaining <= WARN_WITHIN_MS ? "font-medium text-warning-700" : "text-slate-600",
      )}
    >
      <Icon aria-hidden className="size-3.5" />
      {overdue ? t("overdue", { duration }) : t("dueIn", { duration })}
    </time>
  );
}
