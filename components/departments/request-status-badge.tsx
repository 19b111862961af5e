// Status of an investigation request, with its round once it has been returned.
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { InvestigationStatus } from "@/lib/generated/prisma/enums";

const TONES: Record<InvestigationStatus, BadgeTone> = {
  open: "warning",
  answered: "info",
  accepted: "success",
  cancelled: "neutral",
};

export function RequestStatusBadge({ status, round }: { status: InvestigationStatus; round: number }) {
  const t = useTranslations("departments");
  return (
    <Badge tone={TONES[status]} dot data-testid="request-status" data-status={status}>
      {t(`status.${status}`)}
      {round > 1 ? ` · ${t("round", { round })}` : ""}
    </Badge>
  );
}
