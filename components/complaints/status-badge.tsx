import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";

const STATUS_TONES: Record<ComplaintStatus, BadgeTone> = {
  new: "brand",
  acknowledged: "info",
  in_progress: "info",
  pending_customer: "warning",
  resolved: "success",
  closed: "neutral",
  reopened: "danger",
  rejected: "neutral",
  duplicate: "neutral",
};

export function StatusBadge({ status }: { status: ComplaintStatus }) {
  const t = useTranslations("status");
  return (
    <Badge tone={STATUS_TONES[status]} dot>
      {t(status)}
    </Badge>
  );
}
