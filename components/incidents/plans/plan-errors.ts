"use client";
// Field error codes of the plan, drill and breach use cases, as the forms show them.
import { useTranslations } from "next-intl";
import type { FieldErrors } from "@/lib/errors";

const KNOWN = [
  "required",
  "too_long",
  "too_many",
  "invalid_date",
  "invalid_number",
  "invalid_phone",
  "invalid_currency",
  "unknown",
  "in_future",
  "forbidden",
  "invalid",
] as const;
type Known = (typeof KNOWN)[number];

export function usePlanFieldError(errors: FieldErrors) {
  const t = useTranslations("incidentPlans.errors");
  return (field: string): string | undefined => {
    const code = errors[field]?.[0] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1][0];
    if (!code) return undefined;
    return t((KNOWN as readonly string[]).includes(code) ? (code as Known) : "invalid");
  };
}
