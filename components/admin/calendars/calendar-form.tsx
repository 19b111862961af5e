"use client";
// Create/edit a business calendar: names, time zone, 24×7, weekly hours, holidays; with a preview before saving.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { CheckboxField, FormActions, NameCodeFields, useAdminSave } from "@/components/admin/form-kit";
import { fieldErrorCode } from "@/lib/i18n/field-errors";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { CalendarForEdit } from "@/lib/sla/admin/queries";
import { saveCalendarAction } from "@/lib/sla/actions";
import { calendarInputOf, COMMON_TIME_ZONES, draftOf, type CalendarDraft, type Weekday } from "./calendar-draft";
import { CalendarPreviewPanel } from "./calendar-preview";
import { HolidaysEditor } from "./holidays-editor";
import { WorkingHoursEditor } from "./working-hours-editor";

export function CalendarForm({ calendar }: { calendar: CalendarForEdit | null }) {
  const t = useTranslations("adminCalendars");
  const tField = useTranslations("errors.field");
  const [draft, setDraft] = useState<CalendarDraft>(() => draftOf(calendar));
  const { errors, setErrors, formError, pending, save } = useAdminSave("/admin/calendars", {
    saved: t("saved"),
    conflict: t("errors.conflict"),
    fixFields: t("errors.fixFields"),
  });
  const set = <K extends keyof CalendarDraft>(key: K, value: CalendarDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const translate = (message: string | undefined) => {
    const code = fieldErrorCode(message);
    return code ? tField(code) : undefined;
  };
  const errorText = (field: string) => translate(errors[field]?.[0]);
  // Errors of a weekday arrive as "workingHours.<day>" or deeper ("workingHours.1.0.0"): show the first beside the day.
  const prefixed = (prefix: string) =>
    Object.entries(errors).find(([key]) => key === prefix || key.startsWith(`${prefix}.`))?.[1][0];
  const dayError = (day: Weekday) => translate(prefixed(`workingHours.${day}`));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = calendarInputOf(draft);
    save(() => saveCalendarAction(calendar?.id ?? null, calendar ? { ...input, version: calendar.updatedAt } : input));
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_26rem]"
      data-testid="calendar-form"
    >
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("form.general")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <NameCodeFields
              labels={{
                nameZh: t("form.nameZh"),
                nameEn: t("form.nameEn"),
                code: t("form.code"),
                codeHint: t("form.codeHint"),
              }}
              values={draft}
              onChange={set}
              errorText={errorText}
            />
            <FormField label={t("form.timeZone")} hint={t("form.timeZoneHint")} error={errorText("timeZone")}>
              <Input
                value={draft.timeZone}
                onChange={(e) => set("timeZone", e.currentTarget.value)}
                list="common-time-zones"
                autoComplete="off"
                spellCheck={false}
              />
            </FormField>
            <datalist id="common-time-zones">
              {COMMON_TIME_ZONES.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            <CheckboxField
              className="sm:col-span-2"
              label={t("form.is24x7")}
              hint={t("form.is24x7Hint")}
              checked={draft.is24x7}
              onChange={(v) => set("is24x7", v)}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader className="flex-col gap-0">
            <CardTitle>{t("form.workingHours")}</CardTitle>
            <CardDescription>{draft.is24x7 ? t("form.hoursIgnored") : t("form.workingHoursHint")}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-2">
            {errors.workingHours ? (
              <p className="text-xs font-medium text-danger-700">{errorText("workingHours")}</p>
            ) : null}
            <WorkingHoursEditor
              hours={draft.hours}
              onChange={(hours) => set("hours", hours)}
              dayError={dayError}
              disabled={draft.is24x7}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader className="flex-col gap-0">
            <CardTitle>{t("form.holidays")}</CardTitle>
            <CardDescription>{t("form.holidaysHint")}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-2">
            {errors.holidays ? <p className="text-xs font-medium text-danger-700">{errorText("holidays")}</p> : null}
            <HolidaysEditor
              holidays={draft.holidays}
              onChange={(holidays) => set("holidays", holidays)}
              rowError={(index) => translate(prefixed(`holidays.${index}`))}
            />
          </CardContent>
        </Card>

        <FormActions
          formError={formError}
          pending={pending}
          labels={{ save: t("form.save"), saving: t("form.saving"), cancel: t("form.cancel") }}
          cancelHref="/admin/calendars"
        />
      </div>
      <CalendarPreviewPanel draft={draft} onInvalid={setErrors} />
    </form>
  );
}
