"use client";
// Weekly working hours: per weekday one or more HH:MM–HH:MM periods, with that weekday's errors beside it.
import { Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { WEEKDAYS_MONDAY_FIRST } from "@/lib/sla/admin/display";
import type { CalendarDraft, PeriodDraft, Weekday } from "./calendar-draft";

type Props = {
  hours: CalendarDraft["hours"];
  onChange: (hours: CalendarDraft["hours"]) => void;
  dayError: (day: Weekday) => string | undefined;
  disabled: boolean;
};

export function WorkingHoursEditor({ hours, onChange, dayError, disabled }: Props) {
  const t = useTranslations("adminCalendars");
  const setDay = (day: Weekday, periods: PeriodDraft[]) => onChange({ ...hours, [day]: periods });
  return (
    <div
      className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200"
      data-testid="working-hours"
    >
      {WEEKDAYS_MONDAY_FIRST.map((day) => {
        const periods = hours[day];
        const error = dayError(day);
        const dayName = t(`weekdays.${day}`);
        return (
          <div
            key={day}
            className="flex flex-wrap items-start gap-x-4 gap-y-2 px-3 py-2.5"
            data-testid={`weekday-${day}`}
          >
            <span className="w-24 pt-2 text-sm font-medium text-slate-800">{dayName}</span>
            <div className="flex flex-1 flex-col gap-2">
              {periods.length === 0 ? (
                <span className="pt-2 text-[13px] text-slate-500">{t("form.dayOff")}</span>
              ) : null}
              {periods.map((period, index) => (
                <div key={index} className="flex items-center gap-2">
                  <Input
                    value={period.start}
                    onChange={(e) =>
                      setDay(
                        day,
                        periods.map((p, i) => (i === index ? { ...p, start: e.currentTarget.value } : p)),
                      )
                    }
                    className="w-24 font-mono tabular-nums"
                    placeholder="09:00"
                    aria-label={t("form.periodStart", { day: dayName, n: index + 1 })}
                    aria-invalid={error ? true : undefined}
                    disabled={disabled}
                  />
                  <span aria-hidden className="text-slate-400">
                    –
                  </span>
                  <Input
                    value={period.end}
                    onChange={(e) =>
                      setDay(
                        day,
                        periods.map((p, i) => (i === index ? { ...p, end: e.currentTarget.value } : p)),
                      )
                    }
                    className="w-24 font-mono tabular-nums"
                    placeholder="18:00"
                    aria-label={t("form.periodEnd", { day: dayName, n: index + 1 })}
                    aria-invalid={error ? true : undefined}
                    disabled={disabled}
                  />
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    onClick={() =>
                      setDay(
                        day,
                        periods.filter((_, i) => i !== index),
                      )
                    }
                    aria-label={t("form.removePeriod", { day: dayName, n: index + 1 })}
                    disabled={disabled}
                  >
                    <X aria-hidden />
                  </Button>
                </div>
              ))}
              {error ? (
                <p className="text-xs font-medium text-danger-700" data-testid={`weekday-${day}-error`}>
                  {error}
                </p>
              ) : null}
            </div>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => setDay(day, [...periods, { start: periods.at(-1)?.end ?? "09:00", end: "18:00" }])}
              disabled={disabled}
              aria-label={t("form.addPeriodFor", { day: dayName })}
            >
              <Plus aria-hidden />
              {t("form.addPeriod")}
            </Button>
          </div>
        );
      })}
    </div>
  );
}
