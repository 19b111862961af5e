"use client";
// Runs a survey-admin server action with a pending state; keeps the failure for field messages and a form message.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { Failure, Result } from "@/lib/errors";

const FIELD_CODES = ["required", "unknown", "taken", "in_use", "invalid_code", "before_expiry", "too_long"] as const;

export function useAdminAction() {
  const t = useTranslations("surveyAdmin.errors");
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);

  const run = <T extends object>(action: () => Promise<Result<T>>, onSuccess: (result: { ok: true } & T) => void) =>
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setFailure(null);
        onSuccess(result);
      } else setFailure(result);
    });

  const fieldError = (key: string): string | undefined => {
    const code = failure?.fields?.[key]?.[0];
    if (!code) return undefined;
    return (FIELD_CODES as readonly string[]).includes(code) ? t(`fields.${code as (typeof FIELD_CODES)[number]}`) : t("fields.invalid");
  };
  const formError = failure ? (failure.error === "conflict" ? t("conflict") : failure.error === "invalid" ? t("form") : t("generic")) : undefined;
  return { pending, failure, run, fieldError, formError, reset: () => setFailure(null) };
}
