"use client";
// The agent's phone 回访 form: the script (customer's language, marked with its lang) beside the agent's controls (UI
// language). The same questions and scales as the web survey; one server action records the answers.
import { AlertCircle, CheckCircle2, Loader2, Quote } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { recordPhoneSurveyAction } from "@/lib/surveys/actions";
import { ScaleGroup } from "@/components/public/survey/scale-group";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Textarea } from "@/components/ui/textarea";
import type { Result } from "@/lib/errors";
import type { PhoneSurveyScript } from "@/lib/surveys/phone-script";

type Props = { reference: string; script: PhoneSurveyScript; languageName: string };
type Saved = Result<{ lowScore: boolean }>;
type Values = { csat: string; resolved: string; nps: string; ces: string; comment: string; reasonCodes: string[] };

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => String(from + index));
const REFUSALS = ["already_answered", "not_resolved", "anonymized", "forbidden"] as const;

function ScriptLine({ lang, label, children }: { lang: string; label: string; children: string }) {
  return (
    <div className="rounded-lg border border-brand-200 bg-brand-50 px-4 py-3">
      <p className="text-xs font-medium text-brand-800">{label}</p>
      <p lang={lang} className="mt-1 flex gap-2 text-[15px] text-slate-900">
        <Quote aria-hidden className="mt-1 size-3.5 shrink-0 text-brand-500" />
        {children}
      </p>
    </div>
  );
}

export function PhoneSurveyForm({ reference, script, languageName }: Props) {
  const t = useTranslations("phoneSurvey");
  const [values, setValues] = useState<Values>({
    csat: "",
    resolved: "",
    nps: "",
    ces: "",
    comment: "",
    reasonCodes: [],
  });
  const [result, setResult] = useState<Saved | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (key: keyof Values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  const lang = script.locale;

  if (result?.ok) {
    return (
      <Card data-testid="phone-survey-saved">
        <CardContent className="flex items-start gap-3 p-5 text-sm text-slate-700">
          <CheckCircle2 aria-hidden className="mt-0.5 size-5 shrink-0 text-success-600" />
          <div className="flex flex-col gap-2">
            <p className="font-semibold text-slate-900">{t("saved.title")}</p>
            <p>
              {t("saved.description")}
              {result.lowScore ? ` ${t("saved.lowScore")}` : ""}
            </p>
            <ScriptLine lang={lang} label={t("closing")}>
              {script.closing}
            </ScriptLine>
            <Link
              href={`/complaints/${encodeURIComponent(reference)}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {t("back")}
            </Link>
          </div>
        </CardContent>
      </Card>
    );
  }

  const fields = result && !result.ok && result.error === "invalid" ? (result.fields ?? {}) : {};
  const fieldError = (key: keyof Values): string | undefined => {
    const code = fields[key]?.[0];
    if (code === undefined) return undefined;
    if (key === "csat" && values.csat === "") return t("errors.required");
    if (key === "reasonCodes" && code === "unknown") return t("errors.unknownReason");
    if (key === "comment") return t("errors.tooLong");
    return t("errors.invalid");
  };
  const refusal =
    result && !result.ok && result.error !== "invalid"
      ? (REFUSALS as readonly string[]).includes(result.message)
        ? result.message
        : result.error === "forbidden"
          ? "forbidden"
          : "generic"
      : null;
  const showReasons = script.reasons.options.length > 0 && values.csat !== "" && Number(values.csat) <= 2;
  const optionalNumber = (value: string) => (value === "" ? undefined : Number(value));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    // The satisfaction score is the one answer the survey needs: said here at once, no round trip.
    if (values.csat === "") {
      setResult({ ok: false, error: "invalid", message: "invalid", fields: { csat: ["required"] } });
      return;
    }
    startTransition(async () => {
      const saved = await recordPhoneSurveyAction(reference, {
        csat: Number(values.csat),
        resolved: values.resolved === "yes" ? true : values.resolved === "no" ? false : undefined,
        nps: optionalNumber(values.nps),
        ces: optionalNumber(values.ces),
        comment: values.comment.trim() === "" ? undefined : values.comment,
        reasonCodes: showReasons ? values.reasonCodes : [],
      });
      setResult(saved);
    });
  };

  return (
    <Card>
      <CardContent className="p-5 sm:p-6">
        <p
          className="mb-4 inline-flex rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-700"
          data-testid="phone-survey-language"
        >
          {t("scriptLanguage", { language: languageName })}
        </p>
        <form onSubmit={submit} className="flex flex-col gap-6" data-testid="phone-survey-form" noValidate>
          <ScriptLine lang={lang} label={t("opening")}>
            {script.greeting}
          </ScriptLine>
          <div lang={lang}>
            <ScaleGroup
              name="csat"
              size="lg"
              legend={script.csat.legend}
              className="grid-cols-5"
              value={values.csat}
              onChange={set("csat")}
              options={(["1", "2", "3", "4", "5"] as const).map((value) => ({
                value,
                label: value,
                description: script.csat.options[value],
              }))}
              lowLabel={script.csat.low}
              highLabel={script.csat.high}
              error={fieldError("csat")}
            />
          </div>
          {showReasons ? (
            <fieldset className="flex flex-col gap-2" data-testid="phone-survey-reasons">
              <legend lang={lang} className="mb-1 text-[15px] font-semibold text-slate-900">
                {script.reasons.prompt}
              </legend>
              <p className="mb-1 text-xs text-slate-500">{t("reasonsHint")}</p>
              {script.reasons.options.map((reason) => (
                <label
                  key={reason.code}
                  lang={lang}
                  className="flex min-h-10 cursor-pointer items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-800 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
                >
                  <input
                    type="checkbox"
                    checked={values.reasonCodes.includes(reason.code)}
                    onChange={(event) =>
                      setValues((current) => ({
                        ...current,
                        reasonCodes: event.target.checked
                          ? [...current.reasonCodes, reason.code]
                          : current.reasonCodes.filter((code) => code !== reason.code),
                      }))
                    }
                    className="size-4 accent-brand-600"
                  />
                  {reason.label}
                </label>
              ))}
              {fieldError("reasonCodes") ? (
                <p role="alert" className="text-[13px] text-danger-700">
                  {fieldError("reasonCodes")}
                </p>
              ) : null}
            </fieldset>
          ) : null}
          <div lang={lang}>
            <ScaleGroup
              name="resolved"
              legend={script.resolved.legend}
              hint={t("optional")}
              className="grid-cols-2"
              value={values.resolved}
              onChange={set("resolved")}
              options={[
                { value: "yes", label: script.resolved.yes },
                { value: "no", label: script.resolved.no },
              ]}
              error={fieldError("resolved")}
            />
          </div>
          <div lang={lang}>
            <ScaleGroup
              name="nps"
              legend={script.nps.legend}
              hint={t("optional")}
              className="grid-cols-6 sm:grid-cols-11"
              value={values.nps}
              onChange={set("nps")}
              options={range(0, 10).map((value) => ({ value, label: value }))}
              lowLabel={script.nps.low}
              highLabel={script.nps.high}
              error={fieldError("nps")}
            />
          </div>
          <div lang={lang}>
            <ScaleGroup
              name="ces"
              legend={script.ces.legend}
              hint={t("optional")}
              className="grid-cols-7"
              value={values.ces}
              onChange={set("ces")}
              options={range(1, 7).map((value) => ({ value, label: value }))}
              lowLabel={script.ces.low}
              highLabel={script.ces.high}
              error={fieldError("ces")}
            />
          </div>
          <div className="flex flex-col gap-2">
            <p lang={lang} className="text-[15px] font-semibold text-slate-900">
              {script.comment}
            </p>
            <label htmlFor="phone-survey-comment" className="text-xs text-slate-500">
              {t("commentLabel")}
            </label>
            <Textarea
              id="phone-survey-comment"
              rows={3}
              maxLength={2000}
              value={values.comment}
              onChange={(event) => set("comment")(event.target.value)}
            />
            {fieldError("comment") ? (
              <p role="alert" className="text-[13px] text-danger-700">
                {fieldError("comment")}
              </p>
            ) : null}
          </div>
          <ScriptLine lang={lang} label={t("closing")}>
            {script.closing}
          </ScriptLine>
          {refusal || Object.keys(fields).length ? (
            <p
              role="alert"
              data-testid="phone-survey-error"
              className="flex items-start gap-2 rounded-lg bg-danger-50 px-3 py-2 text-sm text-danger-700"
            >
              <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
              {refusal ? t(`errors.${refusal as (typeof REFUSALS)[number] | "generic"}`) : t("errors.form")}
            </p>
          ) : null}
          <Button type="submit" size="lg" disabled={pending} aria-disabled={pending} data-testid="phone-survey-submit">
            {pending ? <Loader2 aria-hidden className="animate-spin" /> : null}
            {pending ? t("submitting") : t("submit")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
