"use client";
// The "survey" setting: timing, frequency, exclusions and the low-score reopen switch (optimistic version check).
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { saveSurveySettingsAction } from "@/lib/surveys/actions";
import type { SurveySettings } from "@/lib/surveys/settings";
import { useAdminAction } from "@/components/admin/surveys/use-admin-action";

type Option = { id: number; name: string };
type Props = { settings: SurveySettings; version: string; categories: Option[]; channels: Option[] };

const NUMBER_FIELDS = ["delayMinutes", "expiryDays", "reminderDays", "perCustomerDays"] as const;

function CheckboxList({
  name,
  legend,
  options,
  selected,
  error,
}: {
  name: string;
  legend: string;
  options: Option[];
  selected: number[];
  error?: string;
}) {
  return (
    <fieldset className="flex flex-col gap-2" data-testid={`${name}-list`}>
      <legend className="mb-1 text-[13px] font-medium text-slate-800">{legend}</legend>
      {/* CSS columns keep the list's order top to bottom, so subcategories stay under their category. */}
      <div className="max-h-56 gap-4 overflow-y-auto rounded-md border border-slate-200 p-2 sm:columns-2">
        {options.map((option) => (
          <label
            key={option.id}
            className="flex break-inside-avoid items-center gap-2 py-0.5 text-[13px] text-slate-700"
          >
            <input
              type="checkbox"
              name={name}
              value={option.id}
              defaultChecked={selected.includes(option.id)}
              className="size-4 accent-brand-600"
            />
            {option.name}
          </label>
        ))}
      </div>
      {error ? (
        <p role="alert" className="text-[13px] text-danger-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function SurveySettingsForm({ settings, version, categories, channels }: Props) {
  const t = useTranslations("surveyAdmin.settings");
  const tp = useTranslations("phoneSurvey.settings");
  const { toast } = useToast();
  const router = useRouter();
  const action = useAdminAction();
  const [currentVersion, setCurrentVersion] = useState(version);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const number = (key: string) => {
      const value = form.get(key);
      return typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
    };
    const ids = (key: string) => form.getAll(key).map((value) => Number(value));
    const tags = String(form.get("excludeTags") ?? "")
      .split(/[,，\n]/)
      .map((tag) => tag.trim())
      .filter(Boolean);
    const input = {
      ...Object.fromEntries(NUMBER_FIELDS.map((key) => [key, number(key)])),
      excludeTags: tags,
      excludeCategoryIds: ids("excludeCategoryIds"),
      excludeChannelIds: ids("excludeChannelIds"),
      reopenOnLowScore: form.get("reopenOnLowScore") === "on",
      excludePhoneFromAgentFigures: form.get("excludePhoneFromAgentFigures") === "on",
      version: currentVersion,
    };
    action.run(
      () => saveSurveySettingsAction(input),
      (result) => {
        setCurrentVersion(result.version);
        toast({ tone: "success", title: t("saved") });
        router.refresh();
      },
    );
  };

  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate data-testid="survey-settings-form">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {NUMBER_FIELDS.map((key) => (
              <FormField key={key} label={t(`fields.${key}`)} hint={t(`hints.${key}`)} error={action.fieldError(key)}>
                <Input
                  name={key}
                  type="number"
                  inputMode="numeric"
                  min={key === "expiryDays" || key === "reminderDays" ? 1 : 0}
                  defaultValue={settings[key]}
                  required
                />
              </FormField>
            ))}
          </div>
          <FormField
            label={t("fields.excludeTags")}
            hint={t("hints.excludeTags")}
            error={action.fieldError("excludeTags")}
          >
            <Input
              name="excludeTags"
              defaultValue={settings.excludeTags.join(", ")}
              placeholder={t("tagsPlaceholder")}
            />
          </FormField>
          <div className="grid gap-4 lg:grid-cols-2">
            <CheckboxList
              name="excludeCategoryIds"
              legend={t("fields.excludeCategoryIds")}
              options={categories}
              selected={settings.excludeCategoryIds}
              error={action.fieldError("excludeCategoryIds")}
            />
            <CheckboxList
              name="excludeChannelIds"
              legend={t("fields.excludeChannelIds")}
              options={channels}
              selected={settings.excludeChannelIds}
              error={action.fieldError("excludeChannelIds")}
            />
          </div>
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="reopenOnLowScore"
              defaultChecked={settings.reopenOnLowScore}
              className="mt-0.5 size-4 accent-brand-600"
            />
            <span>
              {t("fields.reopenOnLowScore")}
              <span className="block text-xs text-slate-500">{t("hints.reopenOnLowScore")}</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="excludePhoneFromAgentFigures"
              defaultChecked={settings.excludePhoneFromAgentFigures}
              className="mt-0.5 size-4 accent-brand-600"
              data-testid="survey-exclude-phone"
            />
            <span>
              {tp("excludePhone")}
              <span className="block text-xs text-slate-500">{tp("excludePhoneHint")}</span>
            </span>
          </label>
          {action.formError ? (
            <p role="alert" className="text-sm text-danger-700">
              {action.formError}
            </p>
          ) : null}
          <div>
            <Button type="submit" disabled={action.pending} data-testid="survey-settings-save">
              {action.pending ? t("saving") : t("save")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
