"use client";
// A masked PII value with a "reveal" button for holders of pii.view. Revealing calls the server, which logs who saw
// which field of which customer, where and when; the clear value stays on screen until hidden or the page reloads.
import { Eye, EyeOff, LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { revealPiiAction } from "@/lib/privacy/actions";
import type { PiiField } from "@/lib/privacy/reveal";

type Props = {
  customerId: number;
  field: PiiField;
  /** The value as the server presented it (masked), or null when the customer has none. */
  masked: string | null;
  canReveal: boolean;
  /** Where the user is, for the access log, e.g. "complaint:CMP-2026-000123". */
  context?: string;
  emptyLabel?: string;
};

export function RevealPii({ customerId, field, masked, canReveal, context, emptyLabel }: Props) {
  const t = useTranslations("privacy");
  const [clear, setClear] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const [pending, startTransition] = useTransition();

  if (masked === null) return <span className="text-slate-400">{emptyLabel ?? t("none")}</span>;

  function reveal() {
    startTransition(async () => {
      const result = await revealPiiAction({ customerId, field, context });
      if (result.ok && result.value !== null) {
        setClear(result.value);
        setError(false);
      } else setError(true);
    });
  }

  const fieldLabel = t(`fields.${field}`);
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5" data-testid={`pii-${field}`}>
      <span
        className={clear ? "truncate font-medium text-slate-900" : "truncate"}
        data-testid={`pii-${field}-value`}
        data-revealed={clear ? "true" : "false"}
      >
        {clear ?? masked}
      </span>
      {canReveal ? (
        clear ? (
          <button
            type="button"
            className="focus-ring shrink-0 rounded p-0.5 text-slate-500 hover:text-slate-800"
            onClick={() => setClear(null)}
            aria-label={t("hide", { field: fieldLabel })}
            title={t("hide", { field: fieldLabel })}
          >
            <EyeOff aria-hidden className="size-3.5" />
          </button>
        ) : (
          <button
            type="button"
            className="focus-ring shrink-0 rounded p-0.5 text-brand-700 hover:text-brand-900 disabled:opacity-50"
            onClick={reveal}
            disabled={pending}
            aria-label={t("reveal", { field: fieldLabel })}
            title={t("reveal", { field: fieldLabel })}
          >
            {pending ? (
              <LoaderCircle aria-hidden className="size-3.5 animate-spin" />
            ) : (
              <Eye aria-hidden className="size-3.5" />
            )}
          </button>
        )
      ) : null}
      {error ? (
        <span role="alert" className="text-xs text-danger-700">
          {t("failed")}
        </span>
      ) : null}
    </span>
  );
}
