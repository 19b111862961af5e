"use client";
// Runs a workspace server action with a pending state and keeps its failure (field errors, conflict) for the form.
import { useCallback, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { Failure, Result } from "@/lib/errors";

const KNOWN_FIELD_CODES = ["required", "too_short", "unknown", "not_in_category", "not_in_team", "invalid_amount", "invalid_currency", "service_date_range", "unfilled_placeholders"] as const;

export function useWorkspaceAction() {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const t = useTranslations("workspace.errors");

  const run = useCallback(<T extends object>(action: () => Promise<Result<T>>, onSuccess?: (result: { ok: true } & T) => void, onFailure?: (failure: Failure) => void) => {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setFailure(null);
        onSuccess?.(result);
      } else {
        setFailure(result);
        onFailure?.(result);
      }
    });
  }, []);

  /** The translated error of one field (by its dotted key), or undefined. */
  const fieldError = (key: string): string | undefined => {
    const code = failure?.fields?.[key]?.[0];
    if (!code) return undefined;
    return (KNOWN_FIELD_CODES as readonly string[]).includes(code) ? t(`fields.${code as (typeof KNOWN_FIELD_CODES)[number]}`) : t("fields.invalid");
  };

  /** A message for failures that are not about one field (forbidden, illegal transition …); conflicts have their own notice. */
  const formError = failure && failure.error !== "conflict" && !(failure.error === "invalid" && failure.fields) ? t(`codes.${failure.error}`) : undefined;

  return { pending, failure, run, fieldError, formError, reset: () => setFailure(null) };
}
