// The article state machine (pure): which step a person may take from which status, and what it needs.
import type { KnowledgeStatus } from "@/lib/generated/prisma/enums";
import type { Permission } from "@/lib/auth/permissions";

export const KNOWLEDGE_KINDS = ["sop", "faq", "script", "policy", "regulation"] as const;
export const KNOWLEDGE_STATUSES = [
  "draft",
  "in_review",
  "published",
  "archived",
] as const satisfies readonly KnowledgeStatus[];

export const KNOWLEDGE_STEPS = ["submit", "approve", "reject", "archive", "restore"] as const;
export type KnowledgeStep = (typeof KNOWLEDGE_STEPS)[number];

/** from → to, and the permission the step needs. Approving and rejecting are the reviewer's (knowledge.approve). */
export const KNOWLEDGE_TRANSITIONS: Record<
  KnowledgeStep,
  { from: readonly KnowledgeStatus[]; to: KnowledgeStatus; permission: Permission }
> = {
  submit: { from: ["draft"], to: "in_review", permission: "knowledge.manage" },
  approve: { from: ["in_review"], to: "published", permission: "knowledge.approve" },
  reject: { from: ["in_review"], to: "draft", permission: "knowledge.approve" },
  archive: { from: ["draft", "in_review", "published"], to: "archived", permission: "knowledge.approve" },
  restore: { from: ["archived"], to: "draft", permission: "knowledge.manage" },
};

export function nextStatus(step: KnowledgeStep, from: KnowledgeStatus): KnowledgeStatus | null {
  const rule = KNOWLEDGE_TRANSITIONS[step];
  return rule.from.includes(from) ? rule.to : null;
}

export function allowedSteps(status: KnowledgeStatus, permissions: ReadonlySet<Permission>): KnowledgeStep[] {
  return KNOWLEDGE_STEPS.filter(
    (step) =>
      KNOWLEDGE_TRANSITIONS[step].from.includes(status) && permissions.has(KNOWLEDGE_TRANSITIONS[step].permission),
  );
}

/** Default time until the next review after publishing (handbooks: SOPs and scripts are reviewed twice a year). */
export const REVIEW_INTERVAL_DAYS = 180;

/** The review date kept on approval: the one set if still ahead, else today + the interval (UTC calendar days). */
export function reviewDateOnApproval(current: Date | null, now: Date): Date {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (current && current.getTime() > today.getTime()) return current;
  return new Date(today.getTime() + REVIEW_INTERVAL_DAYS * 86_400_000);
}
