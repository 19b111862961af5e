import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<number, BadgeTone> = { 1: "neutral", 2: "warning", 3: "danger", 4: "violet" };

/** L1–L4: amber for the team supervisor, red for the manager, violet for the executive. */
export function LevelBadge({ level }: { level: number }) {
  const t = useTranslations("escalations");
  return (
    <Badge tone={TONES[level] ?? "neutral"} data-testid="escalation-level">
      {t("level", { level })}
    </Badge>
  );
}
