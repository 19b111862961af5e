"use client";
// The survey admin's wording on top of the one action hook (components/ui/use-action.ts).
import { useTranslations } from "next-intl";
import type { Result } from "@/lib/errors";
import { knownCode, useAction } from "@/components/ui/use-action";

const FIELD_CODES = ["required", "unknown", "taken", "in_use", "invalid_code", "before_expiry", "too_long"] as const;

export function useAdminAction() {
  const t = useTranslations("surveyAdmin.errors");
  const action = useAction();
  const run = <T extends object>(call: () => Promise<Result<T>>, onSuccess: (result: { ok: true } & T) => void) =>
    action.run(call, { onSuccess });
  const fieldError = (key: string) =>
    knownCode(
      action.fieldCode(key),
      FIELD_CODES,
      (code) => t(`fields.${code}`),
      () => t("fields.invalid"),
    );
  const { failure } = action;
  const formError = failure
    ? failure.error === "conflict"
      ? t("conflict")
      : failure.error === "invalid"
        ? t("form")
        : t("generic")
    : undefined;
  return { pending: action.pending, failure, run, fieldError, formError, reset: action.reset };
}
