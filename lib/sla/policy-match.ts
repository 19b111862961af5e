// Chooses the SLA policy for a complaint (SPEC §4) and says why, so the workspace can explain the choice.
import type { ComplaintType, Priority } from "@/lib/generated/prisma/enums";

export interface PolicyCandidate {
  id: number;
  rank: number;
  isDefault: boolean;
  active: boolean;
  matchType: ComplaintType | null;
  matchSeverityId: number | null;
  matchPriority: Priority | null;
  matchTierId: number | null;
  matchChannelId: number | null;
}

export interface ComplaintForPolicy {
  type: ComplaintType;
  severityId: number;
  priority: Priority;
  tierId: number | null;
  channelId: number;
}

export type MatchCriterion = "type" | "severity" | "priority" | "tier" | "channel";

export interface PolicyMatch<P extends PolicyCandidate> {
  policy: P;
  /**
   * the criteria the policy names and the complaint meets, in this fixed order: type, severity, priority, tier, channel
   */
  matchedOn: MatchCriterion[];
  /** true when no policy matched on any criterion and a catch-all or the default policy was taken */
  fallback: boolean;
}

type Value = string | number | null;

// One row per criterion keeps "which field of the policy meets which field of the complaint" in a single place.
const CRITERIA: readonly {
  name: MatchCriterion;
  required: (p: PolicyCandidate) => Value;
  actual: (c: ComplaintForPolicy) => Value;
}[] = [
  { name: "type", required: (p) => p.matchType, actual: (c) => c.type },
  { name: "severity", required: (p) => p.matchSeverityId, actual: (c) => c.severityId },
  { name: "priority", required: (p) => p.matchPriority, actual: (c) => c.priority },
  { name: "tier", required: (p) => p.matchTierId, actual: (c) => c.tierId },
  { name: "channel", required: (p) => p.matchChannelId, actual: (c) => c.channelId },
];

/** The criteria a policy names, or null when one of them differs from the complaint's. */
function criteriaMet(policy: PolicyCandidate, complaint: ComplaintForPolicy): MatchCriterion[] | null {
  const met: MatchCriterion[] = [];
  for (const criterion of CRITERIA) {
    const required = criterion.required(policy);
    if (required === null) continue;
    if (required !== criterion.actual(complaint)) return null;
    met.push(criterion.name);
  }
  return met;
}

function byRankThenId(a: PolicyCandidate, b: PolicyCandidate): number {
  return a.rank - b.rank || a.id - b.id;
}

/**
 * Among active policies whose every non-null match field equals the complaint's, the one naming the most criteria
 * wins, then the lower `rank`, then the lower id. When none matches, the active default policy is used (lowest rank
 * if several are flagged). Inactive policies never apply. Returns null when nothing matches and there is no default.
 */
export function matchPolicy<P extends PolicyCandidate>(
  policies: readonly P[],
  complaint: ComplaintForPolicy,
): PolicyMatch<P> | null {
  let best: { policy: P; matchedOn: MatchCriterion[] } | null = null;
  for (const policy of policies) {
    if (!policy.active) continue;
    const matchedOn = criteriaMet(policy, complaint);
    if (matchedOn === null) continue;
    const better =
      best === null ||
      matchedOn.length > best.matchedOn.length ||
      (matchedOn.length === best.matchedOn.length && byRankThenId(policy, best.policy) < 0);
    if (better) best = { policy, matchedOn };
  }
  if (best) return { ...best, fallback: best.matchedOn.length === 0 };

  const fallbackPolicy = policies.filter((p) => p.active && p.isDefault).sort(byRankThenId)[0];
  return fallbackPolicy ? { policy: fallbackPolicy, matchedOn: [], fallback: true } : null;
}
