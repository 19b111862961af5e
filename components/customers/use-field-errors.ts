"use client";
// Field errors from a failed action, translated through customers.fieldErrors (unknown codes shown as they are).
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { FieldErrors } from "@/lib/errors";

const KNOWN = new Set(["required", "invalid_phone", "invalid_email", "invalid_tag", "contact_required", "not_found", "change_request_required", "too_long", "invalid_date", "past", "range", "mismatch", "invalid_number", "retention_range", "sms_not_possible", "email_required", "phone_required"]);

export function useFieldErrors() {
  const t = useTranslations("customers.fieldErrors");
  const [errors, setErrors] = useState<FieldErrors>({});
  const errorFor = useCallback(
    (field: string) => {
      const code = Object.entries(errors).find(([key]) => key === field || key.startsWith(`${field}.`))?.[1]?.[0];
      if (!code) return undefined;
      return KNOWN.has(code) ? t(code as "required") : code;
    },
    [errors, t],
  );
  return { errorFor, setErrors, clear: () => setErrors({}) };
}
