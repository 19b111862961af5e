"use client";
// The public complaint form: a server-action form (useActionState) that also posts without JavaScript, with field
// errors next to the fields, a hidden honeypot, and the confirmation in place of the form once filed.
import { AlertCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { submitComplaintAction } from "@/lib/public/actions";
import { ComplaintSubmitted } from "@/components/public/complaint-submitted";
import { ComplaintFields, ContactFields, type PublicCategoryOption } from "@/components/public/complaint-fields";
import { SubmitButton } from "@/components/public/submit-button";
import type { ComplaintFormState } from "@/components/public/form-state";
import { HONEYPOT_FIELD } from "@/lib/public/spam";
import type { AppLocale } from "@/lib/i18n/locales";

type ComplaintFormProps = { categories: PublicCategoryOption[]; locale: AppLocale; today: string };

const INITIAL: ComplaintFormState = { result: null, values: {} };

export function ComplaintForm(props: ComplaintFormProps) {
  // A new key remounts the form with a fresh action state ("send another message").
  const [round, setRound] = useState(0);
  return <ComplaintFormRound key={round} {...props} onAnother={() => setRound((value) => value + 1)} />;
}

function ComplaintFormRound({ categories, locale, today, onAnother }: ComplaintFormProps & { onAnother: () => void }) {
  const t = useTranslations("public.complaint");
  const [state, action] = useActionState(submitComplaintAction, INITIAL);
  const form = useRef<HTMLFormElement>(null);
  const result = state.result;
  const fields = result && !result.ok ? (result.fields ?? {}) : {};

  // After a failed submission, take the keyboard to the first field that needs attention.
  useEffect(() => {
    if (!result || result.ok) return;
    const invalid = form.current?.querySelector<HTMLElement>("[aria-invalid='true']");
    invalid?.focus();
  }, [result]);

  if (result?.ok) return <ComplaintSubmitted submission={result} onAnother={onAnother} />;

  const general =
    result && !result.ok
      ? generalError(
          result.error,
          Object.keys(fields).some((key) => key !== "_"),
        )
      : null;
  return (
    <form ref={form} action={action} noValidate className="flex flex-col gap-8" data-testid="complaint-form">
      {general ? (
        <p
          role="alert"
          data-testid="form-error"
          className="flex items-start gap-2.5 rounded-lg border border-danger-100 bg-danger-50 px-4 py-3 text-sm text-danger-700"
        >
          <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
          {t(`errors.${general}`)}
        </p>
      ) : null}
      <ContactFields values={state.values} fields={fields} locale={locale} />
      <ComplaintFields values={state.values} fields={fields} categories={categories} today={today} />
      {/* Honeypot: invisible and unreachable for people; bots that fill every field get a decoy confirmation. */}
      <div aria-hidden className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={HONEYPOT_FIELD}>{t("honeypot")}</label>
        <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <div className="flex flex-col gap-3 border-t border-slate-100 pt-6 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-xs text-slate-500">{t("privacy")}</p>
        <SubmitButton pendingLabel={t("submitting")} className="w-full sm:w-auto">
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}

type GeneralError = "summary" | "rate_limited" | "unavailable" | "generic";

function generalError(error: string, hasFieldErrors: boolean): GeneralError {
  if (error === "rate_limited" || error === "unavailable") return error;
  if (error === "invalid" && hasFieldErrors) return "summary";
  return "generic";
}
