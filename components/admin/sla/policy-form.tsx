"use client";
// Create/edit an SLA policy: names, matching, calendar, warning, targets; with a live preview before saving.
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { CheckboxField as Toggle, FormActions, NameCodeFields, useAdminSave } from "@/components/admin/form-kit";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ComplaintType, Priority } from "@/lib/generated/prisma/enums";
import { fieldErrorCode } from "@/lib/i18n/field-errors";
import type { PolicyForEdit, PolicyFormOptions } from "@/lib/sla/admin/queries";
import { savePolicyAction } from "@/lib/sla/actions";
import { draftOf, policyInputOf, type PolicyDraft } from "./policy-draft";
import { PolicyPreviewPanel } from "./policy-preview";
import { PolicyTargets } from "./policy-targets";

type Props = { policy: PolicyForEdit | null; options: PolicyFormOptions };

export function PolicyForm({ policy, options }: Props) {
  const t = useTranslations("adminSla");
  const tPriority = useTranslations("priority");
  const tField = useTranslations("errors.field");
  const locale = useLocale();
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(policy, options.calendars[0]?.id));
  const { errors, setErrors, formError, pending, save } = useAdminSave("/admin/sla", {
    saved: t("saved"),
    conflict: t("errors.conflict"),
    fixFields: t("errors.fixFields"),
  });
  const nameOf = (row: { nameZh: string; nameEn: string }) => (locale === "zh-CN" ? row.nameZh : row.nameEn);

  const set = <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const errorText = (field: string) => {
    const code = fieldErrorCode(errors[field]?.[0]);
    return code ? tField(code) : undefined;
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = policyInputOf(draft);
    save(() => savePolicyAction(policy?.id ?? null, policy ? { ...input, version: policy.updatedAt } : input));
  }

  const anyOption = <option value="">{t("any")}</option>;
  return (
    <form
      onSubmit={submit}
      noValidate
      className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]"
      data-testid="sla-policy-form"
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
            <FormField label={t("form.rank")} hint={t("form.rankHint")} error={errorText("rank")}>
              <Input
                type="number"
                inputMode="numeric"
                min={0}
                value={draft.rank}
                onChange={(e) => set("rank", e.currentTarget.value)}
                className="w-32"
              />
            </FormField>
            <Toggle
              label={t("form.active")}
              checked={draft.active}
              onChange={(v) => set("active", v)}
              error={errorText("active")}
            />
            <Toggle
              label={t("form.isDefault")}
              hint={t("form.isDefaultHint")}
              checked={draft.isDefault}
              onChange={(v) => set("isDefault", v)}
              error={errorText("isDefault")}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader className="flex-col gap-0">
            <CardTitle>{t("form.matching")}</CardTitle>
            <CardDescription>{t("form.matchingHint")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-3">
            <FormField label={t("criteria.type")} error={errorText("matchType")}>
              <Select
                value={draft.matchType}
                onChange={(e) => set("matchType", e.currentTarget.value as PolicyDraft["matchType"])}
              >
                {anyOption}
                {Object.values(ComplaintType).map((type) => (
                  <option key={type} value={type}>
                    {t(`types.${type}`)}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t("criteria.severity")} error={errorText("matchSeverityId")}>
              <Select value={draft.matchSeverityId} onChange={(e) => set("matchSeverityId", e.currentTarget.value)}>
                {anyOption}
                {options.severities.map((row) => (
                  <option key={row.id} value={row.id}>
                    {nameOf(row)}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t("criteria.priority")} error={errorText("matchPriority")}>
              <Select
                value={draft.matchPriority}
                onChange={(e) => set("matchPriority", e.currentTarget.value as PolicyDraft["matchPriority"])}
              >
                {anyOption}
                {Object.values(Priority).map((priority) => (
                  <option key={priority} value={priority}>
                    {tPriority(priority)}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t("criteria.tier")} error={errorText("matchTierId")}>
              <Select value={draft.matchTierId} onChange={(e) => set("matchTierId", e.currentTarget.value)}>
                {anyOption}
                {options.tiers.map((row) => (
                  <option key={row.id} value={row.id}>
                    {nameOf(row)}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t("criteria.channel")} error={errorText("matchChannelId")}>
              <Select value={draft.matchChannelId} onChange={(e) => set("matchChannelId", e.currentTarget.value)}>
                {anyOption}
                {options.channels.map((row) => (
                  <option key={row.id} value={row.id}>
                    {nameOf(row)}
                  </option>
                ))}
              </Select>
            </FormField>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("form.clocks")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label={t("form.calendar")} error={errorText("calendarId")}>
                <Select value={draft.calendarId} onChange={(e) => set("calendarId", e.currentTarget.value)}>
                  {options.calendars.map((row) => (
                    <option key={row.id} value={row.id}>
                      {nameOf(row)}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField
                label={t("form.warnPercent")}
                hint={t("form.warnPercentHint")}
                error={errorText("warnPercent")}
              >
                <Input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={99}
                  value={draft.warnPercent}
                  onChange={(e) => set("warnPercent", e.currentTarget.value)}
                  className="w-32"
                  data-testid="warn-percent"
                />
              </FormField>
            </div>
            <Toggle
              label={t("form.pauseOnPending")}
              hint={t("form.pauseOnPendingHint")}
              checked={draft.pauseOnPending}
              onChange={(v) => set("pauseOnPending", v)}
            />
            <PolicyTargets
              targets={draft.targets}
              onChange={(targets) => set("targets", targets)}
              errorText={errorText}
            />
          </CardContent>
        </Card>

        <FormActions
          formError={formError}
          pending={pending}
          labels={{ save: t("form.save"), saving: t("form.saving"), cancel: t("form.cancel") }}
          cancelHref="/admin/sla"
        />
      </div>
      <PolicyPreviewPanel policyId={policy?.id ?? null} draft={draft} options={options} onInvalid={setErrors} />
    </form>
  );
}
