"use client";
// Choose a password from a one-time link: rules shown up front, confirmation, field errors; then on to sign-in.
import { CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useFieldErrorText } from "@/components/ui/field-error-text";
import { setPasswordAction } from "@/lib/auth/actions";
import type { FieldErrors } from "@/lib/errors";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("setPassword");
  const fieldText = useFieldErrorText(t);
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const errorText = (field: string) => fieldText(errors[field]?.[0]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      token,
      password: String(form.get("password") ?? ""),
      confirmation: String(form.get("confirmation") ?? ""),
    };
    startTransition(async () => {
      const result = await setPasswordAction(input);
      if (result.ok) {
        setDone(true);
        return;
      }
      setErrors(result.fields ?? {});
      setFormError(
        result.fields
          ? null
          : result.error === "rate_limited"
            ? t("errors.rateLimited")
            : result.error === "not_found"
              ? t("errors.expired")
              : t("errors.failed"),
      );
    });
  }

  if (done) {
    return (
      <div role="status" className="flex flex-col gap-4" data-testid="set-password-done">
        <p className="flex items-start gap-2 text-sm text-success-700">
          <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0" />
          {t("done")}
        </p>
        <Button asChild>
          <Link href="/login">{t("toLogin")}</Link>
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5" data-testid="set-password-form">
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <FormField label={t("password")} hint={t("rules")} error={errorText("password")}>
        <Input name="password" type="password" autoComplete="new-password" required maxLength={128} />
      </FormField>
      <FormField label={t("confirmation")} error={errorText("confirmation")}>
        <Input name="confirmation" type="password" autoComplete="new-password" required maxLength={128} />
      </FormField>
      {formError ? (
        <p role="alert" className="text-sm font-medium text-danger-700">
          {formError}
        </p>
      ) : null}
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
