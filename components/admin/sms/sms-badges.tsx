import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const KINDS = [
  "acknowledgement",
  "reply",
  "result",
  "survey",
  "survey_reminder",
  "reminder",
  "legal_notice",
  "incident_update",
] as const;

export async function SmsKindBadge({ kind }: { kind: string }) {
  const t = await getTranslations("adminSms.kinds");
  const known = KINDS.find((candidate) => candidate === kind);
  return <Badge tone="neutral">{known ? t(known) : t("other")}</Badge>;
}

/** Encoding and segment count, e.g. "UCS-2 · 3 segments". */
export async function SmsEncodingLabel({ encoding, segments }: { encoding: string; segments: number }) {
  const t = await getTranslations("adminSms");
  return (
    <span className="text-[13px] whitespace-nowrap text-slate-600" data-testid="sms-encoding">
      {encoding === "ucs2" ? t("encoding.ucs2") : t("encoding.gsm7")} · {t("segments", { count: segments })}
    </span>
  );
}

export const DELIVERY_TONES: Record<string, BadgeTone> = {
  pending: "warning",
  sent: "success",
  failed: "danger",
  delivered: "success",
  accepted: "info",
};
