// Who gets a survey: not for complaints closed as duplicate/rejected, not when the agent resolved "without survey",
// not for excluded customer tags, categories or channels (the "survey" setting), not without an e-mail address or
// survey consent, and at most one per customer per `perCustomerDays` (survey fatigue).
import "server-only";
import type { Tx } from "@/lib/db";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";
import type { SurveySettings } from "@/lib/surveys/settings";

export type IneligibleReason =
  | "not_resolved"
  | "excluded_status"
  | "skipped_by_agent"
  | "excluded_tag"
  | "excluded_category"
  | "excluded_channel"
  | "no_email"
  | "no_consent"
  | "recent_survey";

export type EligibilityInput = {
  complaintStatus: ComplaintStatus;
  complaint?: { categoryId: number | null; subcategoryId: number | null; channelId: number };
  /** smsReachable: a mobile number without SMS opt-out, so the invitation can go by SMS when there is no e-mail. */
  customer: {
    email: string | null;
    consentSurvey: boolean;
    anonymizedAt: Date | null;
    tags?: readonly string[];
    smsReachable?: boolean;
  };
  /** Whether the customer already has a survey in the last perCustomerDays (from `hasRecentSurvey`). */
  recentSurvey: boolean;
  /** The agent chose "resolve without survey". */
  skipped?: boolean;
  exclusions?: Pick<SurveySettings, "excludeTags" | "excludeCategoryIds" | "excludeChannelIds">;
};

const normalTag = (tag: string) => tag.trim().toLocaleLowerCase();

/** Pure: the first reason not to survey, or null when a survey may be sent. */
export function surveyIneligibility(input: EligibilityInput): IneligibleReason | null {
  if (input.complaintStatus === "duplicate" || input.complaintStatus === "rejected") return "excluded_status";
  if (input.complaintStatus !== "resolved" && input.complaintStatus !== "closed") return "not_resolved";
  if (input.skipped) return "skipped_by_agent";
  const exclusions = input.exclusions;
  if (exclusions) {
    const excludedTags = new Set(exclusions.excludeTags.map(normalTag));
    if ((input.customer.tags ?? []).some((tag) => excludedTags.has(normalTag(tag)))) return "excluded_tag";
    const complaint = input.complaint;
    if (complaint) {
      const categories = new Set(exclusions.excludeCategoryIds);
      if (
        (complaint.categoryId !== null && categories.has(complaint.categoryId)) ||
        (complaint.subcategoryId !== null && categories.has(complaint.subcategoryId))
      ) {
        return "excluded_category";
      }
      if (exclusions.excludeChannelIds.includes(complaint.channelId)) return "excluded_channel";
    }
  }
  if ((!input.customer.email?.trim() && !input.customer.smsReachable) || input.customer.anonymizedAt) return "no_email";
  if (!input.customer.consentSurvey) return "no_consent";
  if (input.recentSurvey) return "recent_survey";
  return null;
}

/** A survey sent, or still waiting to be sent, within the window counts; cancelled ones do not. */
export async function hasRecentSurvey(
  tx: Tx,
  customerId: number,
  now: Date,
  perCustomerDays: number,
): Promise<boolean> {
  if (perCustomerDays <= 0) return false;
  const since = new Date(now.getTime() - perCustomerDays * 86_400_000);
  const found = await tx.survey.findFirst({
    where: { customerId, status: { not: "cancelled" }, OR: [{ sentAt: { gte: since } }, { status: "scheduled" }] },
    select: { id: true },
  });
  return found !== null;
}
