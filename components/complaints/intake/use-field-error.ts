"use client";
// Translated error of one intake field (dotted path), from client validation or the server's field errors.
import { useTranslations } from "next-intl";
import { get, useFormState, type FieldError } from "react-hook-form";
import { knownCode, type IntakeFormValues } from "@/components/complaints/intake/intake-values";

export function useFieldError() {
  const t = useTranslations("intake.errors");
  const { errors } = useFormState<IntakeFormValues>();
  return (path: string): string | undefined => {
    const error = get(errors, path) as FieldError | undefined;
    return error ? t(knownCode(error.message)) : undefined;
  };
}
