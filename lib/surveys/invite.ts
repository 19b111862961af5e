// The survey invitation (and its reminder) by the customer's written channel: e-mail with the one-tap scores, or an
// SMS with the short survey link (lib/public/short-links.ts). Called inside the transaction that marks it sent.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Locale } from "@/lib/generated/prisma/enums";
import { fromDbLocale } from "@/lib/i18n/locales";
import { chooseWrittenChannel, contactChannelSelect, type WrittenChannel } from "@/lib/customers/contact-channel";
import { shortSurveyLinkFor } from "@/lib/public/short-links";
import { enqueueSms } from "@/lib/sms/outbox";
import { smsCopy } from "@/lib/sms/templates";
import { queueSurveyEmail } from "@/lib/surveys/service";
import { deriveSurveyToken } from "@/lib/surveys/token";

export type SurveyInvitation = {
  survey: { id: number; complaintId: number; scheduledAt: Date; locale: Locale };
  reference: string;
  customerId: number;
  reminder?: boolean;
};

/** Queues the invitation; returns the channel used, or null when the customer can be reached by neither. */
export async function queueSurveyInvitation(tx: Tx, invitation: SurveyInvitation): Promise<WrittenChannel | null> {
  const customer = await tx.customer.findUnique({
    where: { id: invitation.customerId },
    select: { ...contactChannelSelect, name: true },
  });
  if (!customer) return null;
  const channel = chooseWrittenChannel(customer);
  const { survey } = invitation;
  if (channel === "email" && customer.email) {
    const { token } = deriveSurveyToken({ complaintId: survey.complaintId, scheduledAt: survey.scheduledAt });
    await queueSurveyEmail(tx, {
      complaintId: survey.complaintId,
      reference: invitation.reference,
      locale: survey.locale,
      to: customer.email,
      customerName: customer.name,
      token,
      reminder: invitation.reminder,
    });
    return "email";
  }
  if (channel === "sms") {
    const url = await shortSurveyLinkFor(tx, survey);
    const copy = smsCopy(fromDbLocale(survey.locale));
    const body = invitation.reminder
      ? copy.surveyReminder(invitation.reference, url)
      : copy.survey(invitation.reference, url);
    const queued = await enqueueSms(tx, {
      customer,
      body,
      kind: invitation.reminder ? "survey_reminder" : "survey",
      complaintId: survey.complaintId,
    });
    return queued.queued ? "sms" : null;
  }
  return null;
}
