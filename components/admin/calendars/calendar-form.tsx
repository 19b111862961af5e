"use client";
// Create/edit a business calendar: names, time zone, 24×7, weekly hours, holidays; with a preview before saving.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { errorCode } from "@/components/admin/sla/error-text";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { FieldErrors } from "@/lib/errors";
import type { CalendarForEdit } from "@/lib/sla/admin/queries";
import { saveCalendarAction } from "@/app/(app)/admin/calendars/actions";
import { calendarInputOf, COMMON_TIME_ZONES, draftOf, type CalendarDraft, type Weekday } from "./calendar-draft";
import { CalendarPreviewPanel } from "./calendar-preview";
import { HolidaysEditor } from "./holidays-editor";
import { WorkingHoursEditor } from "./working-hours-editor";

export function CalendarForm({ calendar }: { calendar: CalendarForEdit | null }) {
  const t = useTranslations("adminCalendars");
  const router = useRouter();
  const { toast } = useToast();
  const [draft, setDraft] = useState<CalendarDraft>(() => draftOf(calendar));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof CalendarDraft>(key: K, value: CalendarDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const translate = (message: string | undefined) => {
    const code = errorCode(message);
    return code ? t(`errors.${code}`) : undefined;
  };
  const errorText = (field: string) => translate(errors[field]?.[0]);
  // Errors of a weekday arrive as "workingHours.<day>" or deeper ("workingHours.1.0.0"): show the first beside the day.
  const prefixed = (prefix: string) => Object.entries(errors).find(([key]) => key === prefix || key.startsWith(`${prefix}.`))?.[1][0];
  const dayError = (day: Weekday) => translate(prefixed(`workingHours.${day}`));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = calendarInputOf(draft);
    startTransition(async () => {
      const result = await saveCalendarAction(calendar?.id ?? null, calendar ? { ...input, version: calendar.updatedAt } : input);
      if (result.ok) {
        toast({ tone: "success", title: t("saved") });
        router.push("/admin/calendars");
        router.refresh();
        return;
      }
      setErrors(result.fields ?? {});
      setFormError(result.error === "conflict" ? t("errors.conflict") : result.fields ? t("errors.fixFields") : result.message);
    });
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_26rem]" data-testid="calendar-form">
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("form.general")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <FormField label={t("form.nameZh")} error={errorText("nameZh")}>
              <Input value={draft.nameZh} onChange={(e) => set("nameZh", e.currentTarget.value)} maxLength={120} lang="zh-CN" />
            </FormField>
            <FormField label={t("form.nameEn")} error={errorText("nameEn")}>
              <Input value={draft.nameEn} onChange={(e) => set("nameEn", e.currentTarget.value)} maxLength={120} lang="en" />
            </FormField>
            <FormField label={t("form.code")} hint={t("form.codeHint")} error={errorText("code")}>
              <Input value={draft.code} onChange={(e) => set("code", e.currentTarget.value)} maxLength={60} className="font-mono" autoComplete="off" />
            </FormField>
            <FormField label={t("form.timeZone")} hint={t("form.timeZoneHint")} error={errorText("timeZone")}>
              <Input value={draft.timeZone} onChange={(e) => set("timeZone", e.currentTarget.value)} list="common-time-zones" autoComplete="off" spellCheck={false} />
            </FormField>
            <datalist id="common-time-zones">
              {COMMON_TIME_ZONES.map((zone) => <option key={zone} value={zone} />)}
            </datalist>
            <label className="flex cursor-pointer items-start gap-2 sm:col-span-2">
              <input type="checkbox" className="focus-ring mt-0.5 size-4 accent-brand-600" checked={draft.is24x7} onChange={(e) => set("is24x7", e.currentTarget.checked)} />
              <span className="flex flex-col">
                <span className="text-sm font-medium text-slate-800">{t("form.is24x7")}</span>
                <span className="text-xs text-slate-500">{t("form.is24x7Hint")}</span>
              </span>
            </label>
          </CardContent>
        </Card>

        <Card>
          <CardHeader className="flex-col gap-0">
            <CardTitle>{t("form.workingHours")}</CardTitle>
            <CardDescription>{draft.is24x7 ? t("form.hoursIgnored") : t("form.workingHoursHint")}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-2">
            {errors.workingHours ? <p className="text-xs font-medium text-danger-700">{errorText("workingHours")}</p> : null}
            <WorkingHoursEditor hours={draft.hours} onChange={(hours) => set("hours", hours)} dayError={dayError} disabled={draft.is24x7} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader className="flex-col gap-0">
            <CardTitle>{t("form.holidays")}</CardTitle>
            <CardDescription>{t("form.holidaysHint")}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-2">
            {errors.holidays ? <p className="text-xs font-medium text-danger-700">{errorText("holidays")}</p> : null}
            <HolidaysEditor holidays={draft.holidays} onChange={(holidays) => set("holidays", holidays)} rowError={(index) => translate(prefixed(`holidays.${index}`))} />
          </CardContent>
        </Card>

        {formError ? <p role="alert" className="text-sm font-medium text-danger-700">{formError}</p> : null}
        <div className="flex gap-3">
          <Button type="submit" disabled={pending}>{pending ? t("form.saving") : t("form.save")}</Button>
          <Link href="/admin/calendars" className={buttonClasses("secondary")}>{t("form.cancel")}</Link>
        </div>
      </div>
      <CalendarPreviewPanel draft={draft} onInvalid={setErrors} />
    </form>
  );
}
