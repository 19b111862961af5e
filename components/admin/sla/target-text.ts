// "1 h 30 min" / "7 working days" for a target, in the reader's language.
import { describeTarget } from "@/lib/sla/admin/display";

type Translate = (
  key: "duration.days" | "duration.hours" | "duration.minutes" | "duration.hoursMinutes",
  values: Record<string, number>,
) => string;

export function targetText(t: Translate, minutes: number, workingDayMinutes: number | null): string {
  const shown = describeTarget(minutes, workingDayMinutes);
  if (shown.kind === "days") return t("duration.days", { count: shown.days });
  if (shown.hours === 0) return t("duration.minutes", { minutes: shown.minutes });
  if (shown.minutes === 0) return t("duration.hours", { hours: shown.hours });
  return t("duration.hoursMinutes", { hours: shown.hours, minutes: shown.minutes });
}
