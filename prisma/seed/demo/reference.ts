// The reference data the demo builds on, read back from the database after the template was applied, so the demo
// works with whichever template is installed.
import type { Tx } from "../../../lib/db";
import type { ChannelKind, ComplaintType, Priority } from "../../../lib/generated/prisma/enums";

export interface SlaPolicyRef {
  id: number;
  calendarId: number;
  isDefault: boolean;
  rank: number;
  warnPercent: number;
  matchType: ComplaintType | null;
  matchSeverityId: number | null;
  matchPriority: Priority | null;
  matchTierId: number | null;
  matchChannelId: number | null;
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

export interface Reference {
  channels: { id: number; code: string; kind: ChannelKind; isRegulator: boolean }[];
  /** Subcategories with their root category and the root causes investigators may pick. */
  subcategories: { id: number; code: string; nameZh: string; nameEn: string; parentId: number; parentCode: string }[];
  rootCausesByCategory: Map<number, { id: number; code: string }[]>;
  /** Most severe first. */
  severities: { id: number; code: string; rank: number; escalateOnCreate: boolean }[];
  /** Most valuable first. */
  tiers: { id: number; code: string; rank: number; escalateOnCreate: boolean }[];
  touchpoints: { id: number; code: string }[];
  policies: SlaPolicyRef[];
}

export async function loadReference(tx: Tx): Promise<Reference> {
  const [channels, categories, rootCauses, severities, tiers, touchpoints, policies] = await Promise.all([
    tx.channel.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } }),
    tx.category.findMany({
      where: { active: true },
      include: { parent: { select: { code: true } } },
      orderBy: { id: "asc" },
    }),
    tx.rootCause.findMany({ where: { active: true }, orderBy: { id: "asc" } }),
    tx.severity.findMany({ orderBy: { rank: "asc" } }),
    tx.customerTier.findMany({ orderBy: { rank: "asc" } }),
    tx.touchpoint.findMany({ orderBy: { sortOrder: "asc" } }),
    tx.slaPolicy.findMany({ where: { active: true }, include: { targets: true }, orderBy: { rank: "asc" } }),
  ]);

  const rootCausesByCategory = new Map<number, { id: number; code: string }[]>();
  for (const cause of rootCauses) {
    if (cause.categoryId === null) continue;
    const list = rootCausesByCategory.get(cause.categoryId) ?? [];
    list.push({ id: cause.id, code: cause.code });
    rootCausesByCategory.set(cause.categoryId, list);
  }

  const subcategories = categories.flatMap((category) =>
    category.parentId !== null && category.parent
      ? [{ ...category, parentId: category.parentId, parentCode: category.parent.code }]
      : [],
  );

  return {
    channels,
    subcategories,
    rootCausesByCategory,
    severities,
    tiers,
    touchpoints,
    policies: policies.map((policy) => ({
      ...policy,
      firstResponseMinutes: policy.targets.find((target) => target.clock === "first_response")?.minutes ?? 60,
      resolutionMinutes: policy.targets.find((target) => target.clock === "resolution")?.minutes ?? 48 * 60,
    })),
  };
}

interface PolicyMatchInput {
  type: ComplaintType;
  severityId: number;
  priority: Priority;
  tierId: number | null;
  channelId: number;
}

/** SPEC §2 policy matching in its simplest form: every set match field must equal; most specific, then rank. */
export function matchPolicy(policies: SlaPolicyRef[], complaint: PolicyMatchInput): SlaPolicyRef {
  let best: { policy: SlaPolicyRef; specificity: number } | undefined;
  for (const policy of policies) {
    const conditions: [unknown, unknown][] = [
      [policy.matchType, complaint.type],
      [policy.matchSeverityId, complaint.severityId],
      [policy.matchPriority, complaint.priority],
      [policy.matchTierId, complaint.tierId],
      [policy.matchChannelId, complaint.channelId],
    ];
    const set = conditions.filter(([wanted]) => wanted !== null);
    if (!set.every(([wanted, actual]) => wanted === actual)) continue;
    const specificity = set.length;
    if (
      !best ||
      specificity > best.specificity ||
      (specificity === best.specificity && policy.rank < best.policy.rank)
    ) {
      best = { policy, specificity };
    }
  }
  const fallback = best?.policy ?? policies.find((policy) => policy.isDefault) ?? policies[0];
  if (!fallback) throw new Error("No SLA policy installed: apply a template before seeding demo data");
  return fallback;
}
