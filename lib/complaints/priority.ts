// Priority derived from severity × customer tier (SPEC §2): the agent may override it.
import type { Priority } from "@/lib/generated/prisma/enums";

const LADDER: Priority[] = ["low", "normal", "high", "urgent"];

/**
 * severityRank 1 = most severe (critical) … 4 = routine; tierRank 1 = most valuable.
 * Critical → urgent, 2 → high, 3 → normal, 4+ → low; the two most valuable tiers, or a tier that escalates on
 * creation (VIP/platinum), raise it one step.
 */
export function derivePriority(
  severityRank: number,
  tier: { rank: number; escalateOnCreate: boolean } | null,
): Priority {
  const base = Math.max(0, LADDER.length - Math.max(1, severityRank));
  const bump = tier && (tier.escalateOnCreate || tier.rank <= 2) ? 1 : 0;
  return LADDER[Math.min(LADDER.length - 1, base + bump)] ?? "normal";
}
