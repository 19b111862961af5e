"use client";
// "Which policy would this complaint get?": matches a sample complaint against the unsaved form and the saved policies.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { draftFieldErrors, PreviewCard } from "@/components/admin/form-kit";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { FieldErrors } from "@/lib/errors";
import { ComplaintType, Priority } from "@/lib/generated/prisma/enums";
import { wallTimeIn, zonedWallTimeToInstant } from "@/lib/sla/admin/display";
import type { PolicyPreview } from "@/lib/sla/admin/preview";
import type { PolicyFormOptions } from "@/lib/sla/admin/queries";
import { previewPolicyAction } from "@/lib/sla/actions";
import { policyInputOf, type PolicyDraft } from "./policy-draft";
import { targetText } from "./target-text";
import { BUSINESS_TIME_ZONE } from "@/lib/time/zone";

const APP_TIME_ZONE = BUSINESS_TIME_ZONE;

type Props = {
  policyId: number | null;
  draft: PolicyDraft;
  options: PolicyFormOptions;
  onInvalid: (errors: FieldErrors) => void;
};

export function PolicyPreviewPanel({ policyId, draft, options, onInvalid }: Props) {
  const t = useTranslations("adminSla");
  const tPriority = useTranslations("priority");
  const tField = useTranslations("errors.field");
  const format = useFormatter();
  const locale = useLocale();
  const nameOf = (row: { nameZh: string; nameEn: string }) => (locale === "zh-CN" ? row.nameZh : row.nameEn);
  const [sample, setSample] = useState({
    type: "complaint" as ComplaintType,
    severityId: String(options.severities[0]?.id ?? ""),
    priority: "normal" as Priority,
    tierId: "",
    channelId: String(options.channels[0]?.id ?? ""),
    createdAt: wallTimeIn(new Date(), APP_TIME_ZONE),
  });
  const [preview, setPreview] = useState<PolicyPreview | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (key: keyof typeof sample, value: string) => setSample((current) => ({ ...current, [key]: value }));

  function run() {
    const createdAt = zonedWallTimeToInstant(sample.createdAt, APP_TIME_ZONE);
    if (!createdAt) return setError(tField("invalid_date"));
    const input = {
      policyId,
      draft: policyInputOf(draft),
      sample: {
        type: sample.type,
        severityId: Number(sample.severityId),
        priority: sample.priority,
        tierId: sample.tierId ? Number(sample.tierId) : null,
        channelId: Number(sample.channelId),
        createdAt: createdAt.toISOString(),
      },
    };
    startTransition(async () => {
      const result = await previewPolicyAction(input);
      if (result.ok) {
        setPreview(result.preview);
        setError(null);
        return;
      }
      // Draft errors come back as "draft.<field>": show them on the form's fields.
      const draftErrors = draftFieldErrors(result.fields);
      onInvalid(draftErrors);
      setError(Object.keys(draftErrors).length ? t("preview.fixForm") : result.message);
      setPreview(undefined);
    });
  }

  function because(result: PolicyPreview): string {
    if (result.matchedOn.length === 0) return result.fallback ? t("preview.becauseDefault") : t("preview.becauseAny");
    const find = (rows: { id: number; nameZh: string; nameEn: string }[], id: string) =>
      nameOf(rows.find((row) => String(row.id) === id) ?? { nameZh: "?", nameEn: "?" });
    const values = {
      type: t(`types.${sample.type}`),
      severity: find(options.severities, sample.severityId),
      priority: tPriority(sample.priority),
      tier: find(options.tiers, sample.tierId),
      channel: find(options.channels, sample.channelId),
    };
    const parts = result.matchedOn.map((criterion) =>
      t("preview.equals", { criterion: t(`criteria.${criterion}`), value: values[criterion] }),
    );
    return t("preview.because", { conditions: format.list(parts, { type: "conjunction" }) });
  }

  const calendar = preview ? options.calendars.find((row) => row.id === preview.policy.calendarId) : undefined;
  const timeZone = calendar?.timeZone ?? APP_TIME_ZONE;
  const when = (iso: string) =>
    format.dateTime(new Date(iso), {
      weekday: "short",
      month: locale === "zh-CN" ? "long" : "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
    });

  return (
    <PreviewCard
      id="policy-preview-title"
      testId="policy-preview"
      title={t("preview.title")}
      description={t("preview.description")}
      runLabel={t("preview.run")}
      runningLabel={t("preview.running")}
      pending={pending}
      onRun={run}
      error={error}
      inputs={
        <>
          <FormField label={t("criteria.type")}>
            <Select value={sample.type} onChange={(e) => set("type", e.currentTarget.value)}>
              {Object.values(ComplaintType).map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("criteria.severity")}>
            <Select
              value={sample.severityId}
              onChange={(e) => set("severityId", e.currentTarget.value)}
              data-testid="sample-severity"
            >
              {options.severities.map((row) => (
                <option key={row.id} value={row.id}>
                  {nameOf(row)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("criteria.priority")}>
            <Select value={sample.priority} onChange={(e) => set("priority", e.currentTarget.value)}>
              {Object.values(Priority).map((priority) => (
                <option key={priority} value={priority}>
                  {tPriority(priority)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("criteria.tier")}>
            <Select value={sample.tierId} onChange={(e) => set("tierId", e.currentTarget.value)}>
              <option value="">{t("preview.noTier")}</option>
              {options.tiers.map((row) => (
                <option key={row.id} value={row.id}>
                  {nameOf(row)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("criteria.channel")}>
            <Select value={sample.channelId} onChange={(e) => set("channelId", e.currentTarget.value)}>
              {options.channels.map((row) => (
                <option key={row.id} value={row.id}>
                  {nameOf(row)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("preview.createdAt")} hint={APP_TIME_ZONE}>
            <Input
              type="datetime-local"
              value={sample.createdAt}
              onChange={(e) => set("createdAt", e.currentTarget.value)}
            />
          </FormField>
        </>
      }
    >
      <div aria-live="polite" data-testid="policy-preview-result">
        {preview === null ? <p className="text-sm text-slate-600">{t("preview.noPolicy")}</p> : null}
        {preview ? (
          <div className="flex flex-col gap-3 rounded-md bg-slate-50 p-3">
            <div>
              <p className="text-sm font-semibold text-slate-900">
                {nameOf(preview.policy)}{" "}
                {preview.policy.isDraft ? (
                  <span className="font-normal text-brand-700">{t("preview.thisPolicy")}</span>
                ) : null}
              </p>
              <p className="text-[13px] text-slate-600">{because(preview)}</p>
            </div>
            <dl className="flex flex-col gap-1.5 text-[13px]">
              {preview.clocks.map((clock) => (
                <div key={clock.kind} className="flex flex-col">
                  <dt className="text-slate-500">
                    {t(`clocks.${clock.kind}`)} ·{" "}
                    {targetText(t, clock.targetMinutes, calendar?.workingDayMinutes ?? null)}
                  </dt>
                  <dd className="font-medium text-slate-900 tabular-nums">
                    {t("preview.dueAt", { due: when(clock.dueAt), warn: when(clock.warnAt) })}
                  </dd>
                </div>
              ))}
              {preview.waitingClocks.map((clock) => (
                <div key={clock.kind} className="flex flex-col">
                  <dt className="text-slate-500">
                    {t(`clocks.${clock.kind}`)} ·{" "}
                    {targetText(t, clock.targetMinutes, calendar?.workingDayMinutes ?? null)}
                  </dt>
                  <dd className="text-slate-600">{t("preview.afterFirstResponse")}</dd>
                </div>
              ))}
            </dl>
            <p className="text-xs text-slate-500">{t("preview.timeZone", { zone: timeZone })}</p>
          </div>
        ) : null}
      </div>
    </PreviewCard>
  );
}
