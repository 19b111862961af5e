import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { OutboundEmailInput } from "@/lib/mail/outbox";

type MailKind = OutboundEmailInput["kind"];

const KIND_TONES: Record<MailKind, BadgeTone> = {
  acknowledgement: "info",
  reply: "brand",
  result_notice: "success",
  survey: "violet",
  survey_reminder: "violet",
  notification: "neutral",
  notification_digest: "neutral",
  invite: "success",
  password_reset: "warning",
  incident_update: "danger",
};

function isMailKind(kind: string): kind is MailKind {
  return Object.hasOwn(KIND_TONES, kind);
}

/** The outbox kind of an e-mail; kinds this page does not know (or none, for mail from elsewhere) show as "other". */
export async function MailKindBadge({ kind }: { kind: string | null }) {
  const t = await getTranslations("adminMail.kinds");
  if (kind && isMailKind(kind)) return <Badge tone={KIND_TONES[kind]}>{t(kind)}</Badge>;
  return <Badge tone="neutral">{t("other")}</Badge>;
}
