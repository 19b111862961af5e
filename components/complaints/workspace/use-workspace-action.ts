"use client";
// The workspace's wording on top of the one action hook (components/ui/use-action.ts): its field codes and form errors.
import { useCallback } from "react";
import { useTranslations } from "next-intl";
import type { Failure, Result } from "@/lib/errors";
import { knownCode, useAction } from "@/components/ui/use-action";

const KNOWN_FIELD_CODES = [
  "required",
  "too_short",
  "unknown",
  "not_in_category",
  "not_in_team",
  "invalid_amount",
  "invalid_currency",
  "service_date_range",
  "unfilled_placeholders",
] as const;

export function useWorkspaceAction() {
  const action = useAction();
  const t = useTranslations("workspace.errors");
  const { run: runAction } = action;

  const run = useCallback(
    <T extends object>(
      call: () => Promise<Result<T>>,
      onSuccess?: (result: { ok: true } & T) => void,
      onFailure?: (failure: Failure) => void,
    ) => runAction(call, { onSuccess, onFailure }),
    [runAction],
  );

  /** The translated error of one field (by its dotted key), or undefined. */
  const fieldError = (key: string) =>
    knownCode(
      action.fieldCode(key),
      KNOWN_FIELD_CODES,
      (code) => t(`fields.${code}`),
      () => t("fields.invalid"),
    );

  const { failure } = action;
  /**
   * A message for failures that are not about one field (forbidden, illegal transition …); conflicts have their own
   * notice.
   */
  const formError =
    failure && failure.error !== "conflict" && !(failure.error === "invalid" && failure.fields)
      ? t(`codes.${failure.error}`)
      : undefined;

  return { pending: action.pending, failure, run, fieldError, formError, reset: action.reset };
}
