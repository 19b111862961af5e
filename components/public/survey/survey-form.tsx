"use client";
// The survey form: CSAT as five large buttons (pre-selected from the e-mail's one-click link but only recorded on
// confirm), solved yes/no, NPS, CES, reasons for a low CSAT and a comment. One server action records the answer.
import { AlertCircle, CheckCircle2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { submitSurveyAction } from "@/lib/surveys/actions";
import { Card, CardContent } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { SubmitButton } from "@/components/public/submit-button";
import { ScaleGroup } from "@/components/public/survey/scale-group";
import { SurveyNotice } from "@/components/public/survey/survey-notice";
import { surveyRefusal, type SurveyFormState, type SurveyFormValues } from "@/components/public/survey/form-state";
import type { SurveyTexts } from "@/lib/surveys/text-keys";

export type SurveyReasonOption = { code: string; label: string };

type SurveyFormProps = {
  token: string;
  /** The answer's state the page was loaded with ("" before the first answer). */
  revision: string;
  reference: string;
  /** The manager's wording (SurveyText), overriding the built-in messages where set. */
  texts: SurveyTexts;
  initial: SurveyFormValues;
  reasons: SurveyReasonOption[];
  changing: boolean;
  /** The link the customer came by: the SMS short link (/s/) or any other (web). */
  via: "web" | "sms";
};

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => String(from + index));
const CSAT_VALUES = ["1", "2", "3", "4", "5"] as const;

export function SurveyForm({ token, revision, reference, texts, initial, reasons, changing, via }: SurveyFormProps) {
  const t = useTranslations("survey");
  const [state, action] = useActionState(submitSurveyAction, {
    result: null,
    values: initial,
  } satisfies SurveyFormState);
  const [csat, setCsat] = useState(initial.csat);
  const result = state.result;

  if (result?.ok) {
    return (
      <SurveyNotice
        icon={CheckCircle2}
        testId="survey-thanks"
        title={t("thanks.title")}
        description={`${texts.thanks ?? t("thanks.description")}${result.lowScore ? ` ${t("thanks.lowScore")}` : ""}`}
      />
    );
  }

  const refusal = surveyRefusal(result);
  const fields = result && !result.ok && result.error === "invalid" ? (result.fields ?? {}) : {};
  const fieldError = (key: keyof SurveyFormValues): string | undefined => {
    const code = fields[key]?.[0];
    if (code === undefined) return undefined;
    if (key === "csat" && state.values.csat === "") return t("errors.required");
    if (key === "reasonCodes" && code === "unknown") return t("errors.unknownReason");
    if (key === "comment") return t("errors.tooLong");
    return t("errors.invalid");
  };
  const showReasons = reasons.length > 0 && csat !== "" && Number(csat) <= 2;

  return (
    <Card>
      <CardContent className="p-5 sm:p-6">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">{t("title")}</h1>
        <p className="mt-1 font-mono text-xs text-slate-500" data-testid="survey-reference">
          {t("reference", { reference })}
        </p>
        <p className="mt-2 text-sm text-slate-600">{changing ? t("changeNote") : (texts.intro ?? t("intro"))}</p>

        {/*
          A new key per refused submission restores what was chosen (React resets uncontrolled fields after an action).
        */}
        <form
          action={action}
          className="mt-6 flex flex-col gap-7"
          data-testid="survey-form"
          key={JSON.stringify(state.values)}
          noValidate
        >
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="revision" value={revision} />
          <input type="hidden" name="via" value={via} />
          <ScaleGroup
            name="csat"
            size="lg"
            legend={texts["csat.question"] ?? t("csat.legend")}
            className="grid-cols-5"
            value={csat}
            onChange={setCsat}
            options={CSAT_VALUES.map((value) => ({ value, label: value, description: t(`csat.options.${value}`) }))}
            lowLabel={t("csat.low")}
            highLabel={t("csat.high")}
            error={fieldError("csat")}
          />

          {showReasons ? (
            <fieldset className="flex flex-col gap-2" data-testid="survey-reasons">
              <legend className="mb-2 text-[15px] font-semibold text-slate-900">{t("reasons.legend")}</legend>
              {reasons.map((reason) => (
                <label
                  key={reason.code}
                  className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-800 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
                >
                  <input
                    type="checkbox"
                    name="reasonCodes"
                    value={reason.code}
                    defaultChecked={state.values.reasonCodes.includes(reason.code)}
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

          <ScaleGroup
            name="resolved"
            legend={texts["resolved.question"] ?? t("resolved.legend")}
            hint={t("optional")}
            className="grid-cols-2"
            defaultValue={state.values.resolved}
            options={[
              { value: "yes", label: t("resolved.yes") },
              { value: "no", label: t("resolved.no") },
            ]}
            error={fieldError("resolved")}
          />
          <ScaleGroup
            name="nps"
            legend={texts["nps.question"] ?? t("nps.legend")}
            hint={t("optional")}
            className="grid-cols-6 sm:grid-cols-11"
            defaultValue={state.values.nps}
            options={range(0, 10).map((value) => ({ value, label: value }))}
            lowLabel={t("nps.low")}
            highLabel={t("nps.high")}
            error={fieldError("nps")}
          />
          <ScaleGroup
            name="ces"
            legend={texts["ces.question"] ?? t("ces.legend")}
            hint={t("optional")}
            className="grid-cols-7"
            defaultValue={state.values.ces}
            options={range(1, 7).map((value) => ({ value, label: value }))}
            lowLabel={t("ces.low")}
            highLabel={t("ces.high")}
            error={fieldError("ces")}
          />
          <FormField
            label={texts["comment.label"] ?? t("comment.label")}
            hint={t("comment.hint")}
            error={fieldError("comment")}
          >
            <Textarea
              id="survey-comment"
              name="comment"
              rows={4}
              maxLength={2000}
              placeholder={t("comment.placeholder")}
              defaultValue={state.values.comment}
            />
          </FormField>

          {refusal || Object.keys(fields).length ? (
            <p
              role="alert"
              data-testid="survey-error"
              className="flex items-start gap-2 rounded-lg bg-danger-50 px-3 py-2 text-sm text-danger-700"
            >
              <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
              {refusal ? t(`errors.${refusal}`) : t("errors.form")}
            </p>
          ) : null}
          <SubmitButton pendingLabel={t("submitting")} className="w-full">
            {t("submit")}
          </SubmitButton>
        </form>
      </CardContent>
    </Card>
  );
}
