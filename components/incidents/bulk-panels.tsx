"use client";
// The three bulk runs of an incident: link the matching complaints (with a preview), tell every linked customer
// (bilingual template, previewed per language), resolve the linked open complaints. Each queues a job.
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import {
  bulkResolveAction,
  linkComplaintsRunAction,
  notifyCustomersAction,
  proposeLinksAction,
} from "@/lib/incidents/actions";
import { PLACEHOLDERS, renderUpdate, SAMPLE_NAMES, type UpdateValues } from "@/lib/incidents/render";
import { useFieldError } from "@/components/incidents/field-error";
import { useIncidentAction } from "@/components/incidents/use-incident-action";

type Sample = { reference: string; subject: string; flightNumber: string | null; createdAt: string };

export function LinkPanel({ id }: { id: number }) {
  const t = useTranslations("incidents.page");
  const format = useFormatter();
  const [proposal, setProposal] = useState<{ count: number; sample: Sample[] } | null>(null);
  const [previewing, startPreview] = useTransition();
  const { run, message, pending } = useIncidentAction();
  return (
    <Card data-testid="incident-link">
      <CardHeader className="flex-col items-stretch gap-0">
        <CardTitle>{t("link")}</CardTitle>
        <CardDescription>{t("linkHint")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant="secondary"
            disabled={previewing}
            onClick={() =>
              startPreview(async () => {
                const result = await proposeLinksAction(id);
                if (result.ok) setProposal({ count: result.count, sample: result.sample });
              })
            }
          >
            {t("preview")}
          </Button>
          {proposal ? (
            <span className="text-sm font-medium text-slate-800" data-testid="link-count">
              {t("matches", { count: proposal.count })}
            </span>
          ) : null}
        </div>
        {proposal && proposal.sample.length > 0 ? (
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
            {proposal.sample.map((row) => (
              <li key={row.reference} className="flex gap-3 px-3 py-1.5">
                <span className="font-mono text-xs text-slate-500">{row.reference}</span>
                <span className="min-w-0 flex-1 truncate">{row.subject}</span>
                <span className="font-mono text-xs">{row.flightNumber ?? ""}</span>
                <span className="text-xs text-slate-500">
                  {format.dateTime(new Date(row.createdAt), { dateStyle: "short", timeStyle: "short" })}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {message ? (
          <p role="alert" className="text-sm font-medium text-danger-700">
            {message}
          </p>
        ) : null}
        {proposal && proposal.count > 0 ? (
          <div className="flex justify-end">
            <Button
              disabled={pending}
              onClick={() =>
                run(
                  () => linkComplaintsRunAction(id),
                  t("linkQueued"),
                  () => setProposal(null),
                )
              }
            >
              {t("linkAll", { count: proposal.count })}
            </Button>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

const EMPTY = { subjectZh: "", subjectEn: "", bodyZh: "", bodyEn: "" };

export function NotifyPanel({
  id,
  customers,
  sample,
}: {
  id: number;
  customers: number;
  sample: Omit<UpdateValues, "name">;
}) {
  const t = useTranslations("incidents.page");
  const [draft, setDraft] = useState(EMPTY);
  const { run, errors, message, pending } = useIncidentAction();
  const err = useFieldError(errors);
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setDraft((previous) => ({ ...previous, [key]: event.target.value }));
  const previews = (["zh-CN", "en"] as const).map((locale) => ({
    locale,
    ...renderUpdate(draft, locale, { ...sample, name: SAMPLE_NAMES[locale] }),
  }));
  return (
    <Card data-testid="incident-notify">
      <CardHeader className="flex-col items-stretch gap-0">
        <CardTitle>{t("notify")}</CardTitle>
        <CardDescription>
          {t("notifyHint", { placeholders: PLACEHOLDERS.map((name) => `{${name}}`).join(" ") })}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label={t("subjectZh")} error={err("subjectZh")}>
            <Input name="subjectZh" value={draft.subjectZh} onChange={set("subjectZh")} maxLength={200} />
          </FormField>
          <FormField label={t("subjectEn")} error={err("subjectEn")}>
            <Input name="subjectEn" value={draft.subjectEn} onChange={set("subjectEn")} maxLength={200} />
          </FormField>
          <FormField label={t("bodyZh")} error={err("bodyZh")}>
            <Textarea name="bodyZh" rows={4} value={draft.bodyZh} onChange={set("bodyZh")} maxLength={1000} />
          </FormField>
          <FormField label={t("bodyEn")} error={err("bodyEn")}>
            <Textarea name="bodyEn" rows={4} value={draft.bodyEn} onChange={set("bodyEn")} maxLength={1000} />
          </FormField>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          {previews.map((preview) => (
            <section
              key={preview.locale}
              className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
              data-testid={`notify-preview-${preview.locale}`}
            >
              <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                {preview.locale === "zh-CN" ? t("previewZh") : t("previewEn")}
              </h3>
              <p className="font-medium text-slate-900">{preview.subject || "—"}</p>
              <p className="mt-1 whitespace-pre-wrap text-slate-700">{preview.body || "—"}</p>
            </section>
          ))}
        </div>
        {message ? (
          <p role="alert" className="text-sm font-medium text-danger-700">
            {message}
          </p>
        ) : null}
        <div className="flex justify-end">
          <Button
            disabled={pending || customers === 0}
            onClick={() =>
              run(
                () => notifyCustomersAction(id, draft),
                t("notifyQueued"),
                () => setDraft(EMPTY),
              )
            }
          >
            {t("sendUpdate", { count: customers })}
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}

type Cause = { id: number; code: string; name: string };

export function ResolvePanel({
  id,
  count,
  causes,
  resolutionText,
}: {
  id: number;
  count: number;
  causes: Cause[];
  resolutionText: string | null;
}) {
  const t = useTranslations("incidents.page");
  const { run, errors, message, pending } = useIncidentAction();
  const err = useFieldError(errors);
  return (
    <Card data-testid="incident-resolve">
      <CardHeader className="flex-col items-stretch gap-0">
        <CardTitle>{t("resolve")}</CardTitle>
        <CardDescription>{t("resolveHint")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            if (!window.confirm(t("confirmResolve", { count }))) return;
            run(
              () =>
                bulkResolveAction(id, {
                  rootCauseId: Number(form.get("rootCauseId") ?? 0),
                  resolutionText: String(form.get("resolutionText") ?? ""),
                }),
              t("resolveQueued"),
            );
          }}
        >
          <FormField label={t("rootCause")} error={err("rootCauseId")}>
            <Select name="rootCauseId" defaultValue="">
              <option value="">—</option>
              {causes.map((cause) => (
                <option key={cause.id} value={cause.id}>
                  {cause.code} · {cause.name}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("resolutionText")} error={err("resolutionText")}>
            <Textarea name="resolutionText" rows={3} defaultValue={resolutionText ?? ""} maxLength={4000} />
          </FormField>
          {message ? (
            <p role="alert" className="text-sm font-medium text-danger-700">
              {message}
            </p>
          ) : null}
          <div className="flex justify-end">
            <Button type="submit" variant="destructive" disabled={pending || count === 0}>
              {t("resolveAll", { count })}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
