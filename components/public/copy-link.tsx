"use client";
// The private tracking link as an absolute URL, with a copy button (falls back to selecting the text).
import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

const subscribe = () => () => {};

export function CopyLink({ path }: { path: string }) {
  const t = useTranslations("public.complaint.success");
  // The origin is only known in the browser; the server renders the path (no hydration mismatch).
  const origin = useSyncExternalStore(subscribe, () => window.location.origin, () => "");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const field = useRef<HTMLInputElement>(null);
  const url = `${origin}${path}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      // Clipboard access can be denied (insecure origin, permissions): select the text so the customer can copy it.
      field.current?.select();
      setState("failed");
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={field}
          readOnly
          value={url}
          aria-label={t("trackingTitle")}
          data-testid="tracking-url"
          onFocus={(event) => event.currentTarget.select()}
          className="h-10 min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 font-mono text-[13px] text-slate-800"
        />
        <Button variant="secondary" size="lg" onClick={copy} data-testid="copy-tracking-link">
          {state === "copied" ? <Check aria-hidden className="text-success-600" /> : <Copy aria-hidden />}
          {state === "copied" ? t("copied") : t("copy")}
        </Button>
      </div>
      <p aria-live="polite" className="text-xs text-slate-500">
        {state === "failed" ? t("copyFailed") : null}
      </p>
    </div>
  );
}
