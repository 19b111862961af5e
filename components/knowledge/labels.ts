// Badge tones of article statuses and kinds (one place, shared by the list and the article page).
import type { BadgeTone } from "@/components/ui/badge";
import type { KnowledgeKind, KnowledgeStatus } from "@/lib/generated/prisma/enums";

export const STATUS_TONE: Record<KnowledgeStatus, BadgeTone> = {
  draft: "neutral",
  in_review: "warning",
  published: "success",
  archived: "neutral",
};
export const KIND_TONE: Record<KnowledgeKind, BadgeTone> = {
  sop: "brand",
  faq: "info",
  script: "violet",
  policy: "neutral",
  regulation: "danger",
};
