"use client";
// Under the reply box when the customer is reached by SMS: how the reply will look as an SMS and how many segments.
import { useTranslations } from "next-intl";
import { layoutSms } from "@/lib/sms/segments";
import { replyExcerpt } from "@/lib/sms/templates";
import type { ReplySmsFrame } from "@/lib/sms/reply-preview";

export function SmsSegmentHint({ frame, body }: { frame: ReplySmsFrame; body: string }) {
  const t = useTranslations("workspace.composer.sms");
  const layout = layoutSms(`${frame.before}${replyExcerpt(body)}${frame.after}`);
  return (
    <p className="text-[13px] text-slate-600" data-testid="sms-segment-hint" aria-live="polite">
      {t("hint", { segments: layout.segments, encoding: layout.encoding === "ucs2" ? "UCS-2" : "GSM 7-bit" })}
    </p>
  );
}
