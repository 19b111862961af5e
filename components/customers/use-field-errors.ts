"use client";
// Field errors from a failed action, translated through customers.fieldErrors, else the shared errors.field codes.
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { useFieldErrorText } from "@/components/ui/field-error-text";
import type { FieldErrors } from "@/lib/errors";

export function useFieldErrors() {
  const t = useTranslations("customers.fieldErrors");
  const fieldText = useFieldErrorText(t, "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const errorFor = useCallback(
    (field: string) => {
      const code = Object.entries(errors).find(([key]) => key === field || key.startsWith(`${field}.`))?.[1]?.[0];
      return fieldText(code);
    },
    [errors, fieldText],
  );
  return { errorFor, setErrors, clear: () => setErrors({}) };
}
