"use client";
// The private tracking link as an absolute URL, with a copy button (falls back to selecting the text).
import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";
import { CopyField, type CopyState } from "@/components/ui/copy-field";

const subscribe = () => () => {};

export function CopyLink({ path }: { path: string }) {
  const t = useTranslations("public.complaint.success");
  // The origin is only known in the browser; the server renders the path (no hydration mismatch).
  const origin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
  const [state, setState] = useState<CopyState>("idle");

  return (
    <div className="flex flex-col gap-2">
      <CopyField
        value={`${origin}${path}`}
        label={t("trackingTitle")}
        texts={{ copy: t("copy"), copied: t("copied") }}
        testId="tracking-url"
        buttonTestId="copy-tracking-link"
        size="lg"
        onStateChange={setState}
      />
      <p aria-live="polite" className="text-xs text-slate-500">
        {state === "failed" ? t("copyFailed") : null}
      </p>
    </div>
  );
}
