"use client";
// The one client hook for server actions: pending state, the last failure (field errors, conflict, form error) and
// success/failure callbacks. Forms translate codes with `fieldCode`; feature hooks add their own wording on top.
import { useCallback, useState, useTransition } from "react";
import type { Failure, Result } from "@/lib/errors";

export type ActionHandlers<T> = {
  onSuccess?: (result: { ok: true } & T) => void;
  onFailure?: (failure: Failure) => void;
};

export function useAction() {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);

  /** Calls `action` in a transition; an ok result clears the failure, any other keeps it for the form. */
  const run = useCallback(<T extends object>(action: () => Promise<Result<T>>, handlers: ActionHandlers<T> = {}) => {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setFailure(null);
        handlers.onSuccess?.(result);
      } else {
        setFailure(result);
        handlers.onFailure?.(result);
      }
    });
  }, []);

  const reset = useCallback(() => setFailure(null), []);
  /** The first code of one field's errors (by its dotted key), for the form to translate. */
  const fieldCode = (key: string): string | undefined => failure?.fields?.[key]?.[0];

  return { pending, failure, run, reset, fieldCode };
}

/** A field code in a form's list of known codes translated, else the form's generic "invalid" text. */
export function knownCode<C extends string>(
  code: string | undefined,
  known: readonly C[],
  text: (code: C) => string,
  fallback: () => string,
): string | undefined {
  if (!code) return undefined;
  return (known as readonly string[]).includes(code) ? text(code as C) : fallback();
}
