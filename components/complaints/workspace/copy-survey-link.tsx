"use client";
// Fetches the survey link on demand (each fetch is audited) and copies it; the field stays for reading it out by phone.
import { Check, Link2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { copySurveyLinkAction } from "@/lib/surveys/actions";

export function CopySurveyLink({ reference }: { reference: string }) {
  const t = useTranslations("workspaceSurvey");
  const [pending, startTransition] = useTransition();
  const [url, setUrl] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "copied" | "manual" | "failed">("idle");

  const copy = () =>
    startTransition(async () => {
      const result = await copySurveyLinkAction(reference);
      if (!result.ok) {
        setState("failed");
        return;
      }
      setUrl(result.url);
      try {
        await navigator.clipboard.writeText(result.url);
        setState("copied");
      } catch {
        // Clipboard access can be denied (insecure origin, permissions): the field below shows the link to copy by
        // hand.
        setState("manual");
      }
    });

  return (
    <div className="flex flex-col gap-2">
      <Button size="sm" variant="secondary" onClick={copy} disabled={pending} data-testid="copy-survey-link">
        {state === "copied" ? <Check aria-hidden /> : <Link2 aria-hidden />}
        {state === "copied" ? t("copied") : t("copyLink")}
      </Button>
      {url ? (
        <input
          readOnly
          value={url}
          aria-label={t("linkLabel")}
          data-testid="survey-link"
          onFocus={(event) => event.currentTarget.select()}
          className="h-9 w-full rounded-md border border-slate-300 bg-slate-50 px-2 font-mono text-[12px] text-slate-800"
        />
      ) : null}
      {state === "manual" ? <p className="text-xs text-slate-500">{t("copyManually")}</p> : null}
      {state === "failed" ? (
        <p role="alert" className="text-xs text-danger-700">
          {t("copyFailed")}
        </p>
      ) : null}
      <p className="text-xs text-slate-500">{t("copyHint")}</p>
    </div>
  );
}
