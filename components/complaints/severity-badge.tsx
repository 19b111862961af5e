import { Badge, type BadgeTone } from "@/components/ui/badge";

// Severity rows carry a colour name chosen by the industry template (purple, red, amber, green …).
const COLOR_TONES: Record<string, BadgeTone> = {
  purple: "violet",
  violet: "violet",
  red: "danger",
  orange: "warning",
  amber: "warning",
  yellow: "warning",
  green: "success",
  emerald: "success",
  blue: "info",
  sky: "info",
};

export function SeverityBadge({ name, color }: { name: string; color: string }) {
  return <Badge tone={COLOR_TONES[color] ?? "neutral"}>{name}</Badge>;
}
