"use client";
// The one-time set-password link, shown once after an invitation, with a copy button (for installations without mail).
import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";

export function InviteLink({ url }: { url: string }) {
  const t = useTranslations("userAdmin.link");
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard access can be denied (insecure origin): select the text so the admin can copy it by hand.
      field.current?.select();
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-600">{t("description")}</p>
      <div className="flex gap-2">
        <input
          ref={field}
          readOnly
          value={url}
          aria-label={t("label")}
          data-testid="set-password-link"
          onFocus={(event) => event.currentTarget.select()}
          className="h-9 min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 font-mono text-xs text-slate-800"
        />
        <Button variant="secondary" onClick={copy} aria-live="polite">
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
    </div>
  );
}
