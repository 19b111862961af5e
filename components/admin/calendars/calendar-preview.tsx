"use client";
// Preview of the unsaved calendar: its next working periods from a start, and an "N business hours end at" calculator.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { draftFieldErrors, PreviewCard } from "@/components/admin/form-kit";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { FieldErrors } from "@/lib/errors";
import { isValidTimeZone } from "@/lib/sla/calendar-schema";
import { wallTimeIn, zonedWallTimeToInstant } from "@/lib/sla/admin/display";
import type { CalendarPreview } from "@/lib/sla/admin/preview";
import { previewCalendarAction } from "@/lib/sla/actions";
import { calendarInputOf, type CalendarDraft } from "./calendar-draft";
import { BUSINESS_TIME_ZONE } from "@/lib/time/zone";

type Props = { draft: CalendarDraft; onInvalid: (errors: FieldErrors) => void };

export function CalendarPreviewPanel({ draft, onInvalid }: Props) {
  const t = useTranslations("adminCalendars");
  const tField = useTranslations("errors.field");
  const format = useFormatter();
  const locale = useLocale();
  const zone = isValidTimeZone(draft.timeZone) ? draft.timeZone : BUSINESS_TIME_ZONE;
  const [from, setFrom] = useState(() => wallTimeIn(new Date(), zone));
  const [hours, setHours] = useState("8");
  const [preview, setPreview] = useState<(CalendarPreview & { from: string; hours: number }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run() {
    const start = zonedWallTimeToInstant(from, zone);
    const amount = hours.trim() === "" ? Number.NaN : Number(hours);
    if (!start) return setError(tField("invalid_date"));
    if (!Number.isFinite(amount) || amount < 0) return setError(t("errors.hours"));
    startTransition(async () => {
      const result = await previewCalendarAction({
        draft: calendarInputOf(draft),
        from: start.toISOString(),
        hours: amount,
      });
      if (result.ok) {
        setPreview({ ...result.preview, from: start.toISOString(), hours: amount });
        setError(null);
        return;
      }
      const draftErrors = draftFieldErrors(result.fields);
      onInvalid(draftErrors);
      setError(Object.keys(draftErrors).length ? t("preview.fixForm") : result.message);
      setPreview(null);
    });
  }

  const timeZone = preview?.timeZone ?? zone;
  const long = {
    weekday: "short",
    month: locale === "zh-CN" ? "long" : "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  } as const;

  return (
    <PreviewCard
      id="calendar-preview-title"
      testId="calendar-preview"
      title={t("preview.title")}
      description={t("preview.description")}
      runLabel={t("preview.run")}
      runningLabel={t("preview.running")}
      pending={pending}
      onRun={run}
      error={error}
      inputs={
        <>
          <FormField label={t("preview.from")} hint={zone}>
            <Input
              type="datetime-local"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              data-testid="calendar-preview-from"
            />
          </FormField>
          <FormField label={t("preview.hours")}>
            <Input
              type="number"
              inputMode="decimal"
              min={0}
              step="0.5"
              value={hours}
              onChange={(e) => setHours(e.currentTarget.value)}
              className="w-28"
            />
          </FormField>
        </>
      }
    >
      <div aria-live="polite">
        {preview ? (
          <div className="flex flex-col gap-3 rounded-md bg-slate-50 p-3" data-testid="calendar-preview-result">
            <p className="text-sm text-slate-800">
              {t("preview.endsAt", {
                hours: preview.hours,
                from: format.dateTime(new Date(preview.from), long),
                end: format.dateTime(new Date(preview.endsAt), long),
              })}
            </p>
            <div>
              <p className="mb-1 text-xs font-medium tracking-wide text-slate-500 uppercase">{t("preview.periods")}</p>
              <ol
                className="flex flex-col gap-0.5 text-[13px] tabular-nums text-slate-900"
                data-testid="calendar-periods"
              >
                {preview.periods.map((period) => (
                  <li key={period.start}>{format.dateTimeRange(new Date(period.start), new Date(period.end), long)}</li>
                ))}
              </ol>
            </div>
            <p className="text-xs text-slate-500">{t("preview.timeZone", { zone: timeZone })}</p>
          </div>
        ) : null}
      </div>
    </PreviewCard>
  );
}
