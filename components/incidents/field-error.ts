"use client";
// Field error codes from the incident services, as the forms show them.
import { useTranslations } from "next-intl";
import type { FieldErrors } from "@/lib/errors";

const KNOWN = [
  "required",
  "too_long",
  "too_short",
  "too_many",
  "invalid_date",
  "invalid_flight",
  "invalid_airport",
  "before_start",
  "scope_required",
  "unknown",
  "nothing_to_do",
  "invalid",
  "review_required",
  "closed",
  "no_rules",
  "own_proposals",
  "manager_only",
  "still_active",
  "disabled",
  "invalid_hours",
  "invalid_currency",
  "invalid_amount",
  "duplicate",
] as const;
type Known = (typeof KNOWN)[number];

/** A reader of the first error of a field (by dotted path, or any path under it), translated; undefined when none. */
export function useFieldError(errors: FieldErrors) {
  const t = useTranslations("incidents.errors");
  return (field: string): string | undefined => {
    const code = errors[field]?.[0] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1][0];
    if (!code) return undefined;
    if (code.startsWith("unknown_placeholder:"))
      return t("unknown_placeholder", { names: code.slice("unknown_placeholder:".length) });
    return t((KNOWN as readonly string[]).includes(code) ? (code as Known) : "invalid");
  };
}
