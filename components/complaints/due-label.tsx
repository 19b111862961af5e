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

type DueLabelProps = {
  dueAt: Date | null;
  now: Date;
  paused?: boolean;
  /**
   * The SLA warning time (75 % of the target). When given (even null), the label uses the SLA traffic light:
   * green on track, amber once the warning time has passed (or within four hours when none is recorded), red when
   * overdue or breached. Without it, the label only highlights deadlines within four hours (the home page's view).
   */
  warnAt?: Date | null;
  /** A clock of this complaint has already breached: red even while the next deadline lies ahead. */
  breached?: boolean;
};

function urgencyClass(remaining: number, now: Date, warnAt: Date | null | undefined, breached: boolean): string {
  if (remaining < 0 || breached) return "font-medium text-danger-700";
  if (warnAt === undefined) return remaining <= WARN_WITHIN_MS ? "font-medium text-warning-700" : "text-slate-600";
  // No warning time recorded (e.g. already fired and cleared): fall back to "within four hours".
  const warning = warnAt ? warnAt.getTime() <= now.getTime() : remaining <= WARN_WITHIN_MS;
  return warning ? "font-medium text-warning-700" : "text-success-700";
}

/** "Due in 3 hours" / "Overdue by 2 hours", coloured by urgency; the exact time is in the tooltip. */
export function DueLabel({ dueAt, now, paused = false, warnAt, breached = false }: DueLabelProps) {
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
        urgencyClass(remaining, now, warnAt, breached),
      )}
    >
      <Icon aria-hidden className="size-3.5" />
      {overdue ? t("overdue", { duration }) : t("dueIn", { duration })}
    </time>
  );
}
