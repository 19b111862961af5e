"use client";
// Create/edit an SLA policy: names, matching, calendar, warning, targets; with a live preview before saving.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import type { FieldErrors } from "@/lib/errors";
import { ComplaintType, Priority } from "@/lib/generated/prisma/enums";
import type { PolicyForEdit, PolicyFormOptions } from "@/lib/sla/admin/queries";
import { savePolicyAction } from "@/app/(app)/admin/sla/actions";
import { errorCode } from "./error-text";
import { draftOf, policyInputOf, type PolicyDraft } from "./policy-draft";
import { PolicyPreviewPanel } from "./policy-preview";
import { PolicyTargets } from "./policy-targets";

type Props = { policy: PolicyForEdit | null; options: PolicyFormOptions };

function Toggle({ label, hint, checked, onChange, error, testId }: { label: ReactNode; hint?: ReactNode; checked: boolean; onChange: (next: boolean) => void; error?: string; testId?: string }) {
  return (
    <div>
      <label className="flex cursor-pointer items-start gap-2">
        <input type="checkbox" className="focus-ring mt-0.5 size-4 accent-brand-600" checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} data-testid={testId} aria-invalid={error ? true : undefined} />
        <span className="flex flex-col">
          <span className="text-sm font-medium text-slate-800">{label}</span>
          {hint ? <span className="text-xs text-slate-500">{hint}</span> : null}
        </span>
      </label>
      {error ? <p className="mt-1 text-xs font-medium text-danger-700">{error}</p> : null}
    </div>
  );
}

export function PolicyForm({ policy, options }: Props) {
  const t = useTranslations("adminSla");
  const tPriority = useTranslations("priority");
  const locale = useLocale();
  const router = useRouter();
  const { toast } = useToast();
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(policy, options.calendars[0]?.id));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const nameOf = (row: { nameZh: string; nameEn: string }) => (locale === "zh-CN" ? row.nameZh : row.nameEn);

  const set = <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const errorText = (field: string) => {
    const code = errorCode(errors[field]?.[0]);
    return code ? t(`errors.${code}`) : undefined;
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = policyInputOf(draft);
    startTransition(async () => {
      const result = await savePolicyAction(policy?.id ?? null, policy ? { ...input, version: policy.updatedAt } : input);
      if (result.ok) {
        toast({ tone: "success", title: t("saved") });
        router.push("/admin/sla");
        router.refresh();
        return;
      }
      setErrors(result.fields ?? {});
      setFormError(result.error === "conflict" ? t("errors.conflict") : result.fields ? t("errors.fixFields") : result.message);
    });
  }

  const anyOption = <option value="">{t("any")}</option>;
  return (
    <form onSubmit={submit} noValidate className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]" data-testid="sla-policy-form">
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
            <FormField label={t("form.rank")} hint={t("form.rankHint")} error={errorText("rank")}>
              <Input type="number" inputMode="numeric" min={0} value={draft.rank} onChange={(e) => set("rank", e.currentTarget.value)} className="w-32" />
            </FormField>
            <Toggle label={t("form.active")} checked={draft.active} onChange={(v) => set("active", v)} error={errorText("active")} />
            <Toggle label={t("form.isDefault")} hint={t("form.isDefaultHint")} checked={draft.isDefault} onChange={(v) => set("isDefault", v)} error={errorText("isDefault")} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader className="flex-col gap-0">
            <CardTitle>{t("form.matching")}</CardTitle>
            <CardDescription>{t("form.matchingHint")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-3">
            <FormField label={t("criteria.type")} error={errorText("matchType")}>
              <Select value={draft.matchType} onChange={(e) => set("matchType", e.currentTarget.value as PolicyDraft["matchType"])}>
                {anyOption}
                {Object.values(ComplaintType).map((type) => <option key={type} value={type}>{t(`types.${type}`)}</option>)}
              </Select>
            </FormField>
            <FormField label={t("criteria.severity")} error={errorText("matchSeverityId")}>
              <Select value={draft.matchSeverityId} onChange={(e) => set("matchSeverityId", e.currentTarget.value)}>
                {anyOption}
                {options.severities.map((row) => <option key={row.id} value={row.id}>{nameOf(row)}</option>)}
              </Select>
            </FormField>
            <FormField label={t("criteria.priority")} error={errorText("matchPriority")}>
              <Select value={draft.matchPriority} onChange={(e) => set("matchPriority", e.currentTarget.value as PolicyDraft["matchPriority"])}>
                {anyOption}
                {Object.values(Priority).map((priority) => <option key={priority} value={priority}>{tPriority(priority)}</option>)}
              </Select>
            </FormField>
            <FormField label={t("criteria.tier")} error={errorText("matchTierId")}>
              <Select value={draft.matchTierId} onChange={(e) => set("matchTierId", e.currentTarget.value)}>
                {anyOption}
                {options.tiers.map((row) => <option key={row.id} value={row.id}>{nameOf(row)}</option>)}
              </Select>
            </FormField>
            <FormField label={t("criteria.channel")} error={errorText("matchChannelId")}>
              <Select value={draft.matchChannelId} onChange={(e) => set("matchChannelId", e.currentTarget.value)}>
                {anyOption}
                {options.channels.map((row) => <option key={row.id} value={row.id}>{nameOf(row)}</option>)}
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
                  {options.calendars.map((row) => <option key={row.id} value={row.id}>{nameOf(row)}</option>)}
                </Select>
              </FormField>
              <FormField label={t("form.warnPercent")} hint={t("form.warnPercentHint")} error={errorText("warnPercent")}>
                <Input type="number" inputMode="numeric" min={1} max={99} value={draft.warnPercent} onChange={(e) => set("warnPercent", e.currentTarget.value)} className="w-32" data-testid="warn-percent" />
              </FormField>
            </div>
            <Toggle label={t("form.pauseOnPending")} hint={t("form.pauseOnPendingHint")} checked={draft.pauseOnPending} onChange={(v) => set("pauseOnPending", v)} />
            <PolicyTargets targets={draft.targets} onChange={(targets) => set("targets", targets)} errorText={errorText} />
          </CardContent>
        </Card>

        {formError ? <p role="alert" className="text-sm font-medium text-danger-700">{formError}</p> : null}
        <div className="flex gap-3">
          <Button type="submit" disabled={pending}>{pending ? t("form.saving") : t("form.save")}</Button>
          <Link href="/admin/sla" className={buttonClasses("secondary")}>{t("form.cancel")}</Link>
        </div>
      </div>
      <PolicyPreviewPanel policyId={policy?.id ?? null} draft={draft} options={options} onInvalid={setErrors} />
    </form>
  );
}
