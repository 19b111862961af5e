// Who gets a survey: not for complaints closed as duplicate/rejected, not without an e-mail address or survey
// consent, and at most one per customer per `perCustomerDays` (survey fatigue).
import type { Tx } from "@/lib/db";
import type { ComplaintStatus } from "@/lib/generated/prisma/enums";

export type IneligibleReason = "not_resolved" | "excluded_status" | "no_email" | "no_consent" | "recent_survey";

export type EligibilityInput = {
  complaintStatus: ComplaintStatus;
  customer: { email: string | null; consentSurvey: boolean; anonymizedAt: Date | null };
  /** Whether the customer already has a survey in the last perCustomerDays (from `hasRecentSurvey`). */
  recentSurvey: boolean;
};

/** Pure: the first reason not to survey, or null when a survey may be sent. */
export function surveyIneligibility(input: EligibilityInput): IneligibleReason | null {
  if (input.complaintStatus === "duplicate" || input.complaintStatus === "rejected") return "excluded_status";
  if (input.complaintStatus !== "resolved" && input.complaintStatus !== "closed") return "not_resolved";
  if (!input.customer.email?.trim() || input.customer.anonymizedAt) return "no_email";
  if (!input.customer.consentSurvey) return "no_consent";
  if (input.recentSurvey) return "recent_survey";
  return null;
}

/** A survey sent, or still waiting to be sent, within the window counts; cancelled ones do not. */
export async function hasRecentSurvey(tx: Tx, customerId: number, now: Date, perCustomerDays: number): Promise<boolean> {
  if (perCustomerDays <= 0) return false;
  const since = new Date(now.getTime() - perCustomerDays * 86_400_000);
  const found = await tx.survey.findFirst({
    where: { customerId, OR: [{ sentAt: { gte: since } }, { status: "scheduled" }] },
    select: { id: true },
  });
  return found !== null;
}
