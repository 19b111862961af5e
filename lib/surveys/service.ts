// Survey lifecycle: created when a complaint is resolved (or skipped, with the reason on the timeline), opened (GET —
// records nothing but openedAt). Answers are recorded in answer-survey.ts.
import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { fail } from "@/lib/errors";
import { enqueueEmail } from "@/lib/mail/outbox";
import { fromDbLocale } from "@/lib/i18n/locales";
import { hasRecentSurvey, surveyIneligibility, type IneligibleReason } from "@/lib/surveys/eligibility";
import { recordSurveyEvent } from "@/lib/surveys/events";
import { readSurveySettings } from "@/lib/surveys/settings";
import { renderSurveyEmail } from "@/lib/surveys/email";
import { surveyTextsFor } from "@/lib/surveys/texts";
import { deriveSurveyToken, findSurveyByToken } from "@/lib/surveys/token";
import { queueSurveyInvitation } from "@/lib/surveys/invite";
import { smsBlocker } from "@/lib/sms/outbox";

const DAY_MS = 86_400_000;

export type ScheduleResult =
  { created: true; surveyId: number; token: string } | { created: false; reason: IneligibleReason | "not_found" };

/** "Resolve without survey": who chose it and why (shown on the timeline). */
export type SurveySkip = { actorId: number | null; reason: string };

/**
 * Called inside the resolve transaction. Creates the survey and, with no send delay, queues its e-mail; a survey that
 * is not sent (skipped by the agent, excluded, no e-mail …) leaves a "no survey" line with the reason on the timeline.
 */
export async function scheduleSurveyOnResolve(
  tx: Tx,
  { complaintId, now, skip }: { complaintId: number; now: Date; skip?: SurveySkip },
): Promise<ScheduleResult> {
  const complaint = await tx.complaint.findUnique({
    where: { id: complaintId },
    select: {
      id: true,
      reference: true,
      status: true,
      locale: true,
      categoryId: true,
      subcategoryId: true,
      channelId: true,
      customer: {
        select: {
          id: true,
          name: true,
          email: true,
          consentSurvey: true,
          anonymizedAt: true,
          tags: true,
          phone: true,
          smsOptedOutAt: true,
        },
      },
    },
  });
  if (!complaint) return { created: false, reason: "not_found" };
  const settings = await readSurveySettings(tx);
  const reason = surveyIneligibility({
    complaintStatus: complaint.status,
    complaint,
    customer: { ...complaint.customer, smsReachable: smsBlocker(complaint.customer) === null },
    skipped: skip !== undefined,
    exclusions: settings,
    recentSurvey: await hasRecentSurvey(tx, complaint.customer.id, now, settings.perCustomerDays),
  });
  if (reason) {
    if (reason !== "not_resolved") {
      await recordSurveyEvent(tx, {
        complaintId,
        kind: "survey_skipped",
        now,
        actorId: skip?.actorId ?? null,
        body: skip?.reason ?? null,
        data: { reason },
      });
    }
    return { created: false, reason };
  }

  const immediate = settings.delayMinutes === 0;
  const scheduledAt = new Date(now.getTime() + settings.delayMinutes * 60_000);
  const { token, hash } = deriveSurveyToken({ complaintId: complaint.id, scheduledAt });
  const survey = await tx.survey.create({
    data: {
      complaintId: complaint.id,
      customerId: complaint.customer.id,
      tokenHash: hash,
      locale: complaint.locale,
      status: immediate ? "sent" : "scheduled",
      scheduledAt,
      sentAt: immediate ? now : null,
      // Counted from the send, so a send delay does not shorten the customer's time to answer.
      expiresAt: new Date(scheduledAt.getTime() + settings.expiryDays * DAY_MS),
      createdAt: now,
    },
    select: { id: true },
  });
  if (immediate) {
    await queueSurveyInvitation(tx, {
      survey: { id: survey.id, complaintId: complaint.id, scheduledAt, locale: complaint.locale },
      reference: complaint.reference,
      customerId: complaint.customer.id,
    });
    await recordSurveyEvent(tx, {
      complaintId,
      kind: "survey_sent",
      now,
      data: { surveyId: survey.id, locale: complaint.locale },
    });
  }
  return { created: true, surveyId: survey.id, token };
}

export async function queueSurveyEmail(
  tx: Tx,
  input: {
    complaintId: number;
    reference: string;
    locale: "zh_CN" | "en";
    to: string;
    customerName: string | null;
    token: string;
    reminder?: boolean;
  },
) {
  const texts = await surveyTextsFor(input.locale, input.reference, tx);
  const rendered = await renderSurveyEmail(fromDbLocale(input.locale), {
    reference: input.reference,
    token: input.token,
    customerName: input.customerName,
    reminder: input.reminder,
    question: texts["csat.question"],
  });
  return enqueueEmail(tx, {
    to: input.to,
    ...rendered,
    kind: input.reminder ? "survey_reminder" : "survey",
    complaintId: input.complaintId,
  });
}

/** Unanswered and past its expiry, or marked expired by the job. */
export function isSurveyExpired(survey: { status: string; expiresAt: Date }, now: Date) {
  return survey.status === "expired" || (survey.status !== "answered" && now.getTime() >= survey.expiresAt.getTime());
}

const scoreParam = z.coerce.number().int().min(1).max(5);

/**
 * What the public page needs. Sets openedAt the first time and nothing else: a GET (or a link scanner) records no
 * answer.
 */
export async function openSurvey(token: unknown, now: Date, preselect?: unknown) {
  const survey = await findSurveyByToken(token);
  if (!survey) return fail("not_found", "not_found");
  if (!survey.openedAt)
    await db.survey.updateMany({ where: { id: survey.id, openedAt: null }, data: { openedAt: now } });
  const [response, reasons] = await Promise.all([
    db.surveyResponse.findUnique({
      where: { surveyId: survey.id },
      select: {
        csat: true,
        nps: true,
        ces: true,
        resolved: true,
        comment: true,
        reasonCodes: true,
        updatedAt: true,
        mode: true,
      },
    }),
    db.surveyReason.findMany({
      where: {
        active: true,
        OR: [
          { categoryId: null },
          ...(survey.complaint.categoryId ? [{ categoryId: survey.complaint.categoryId }] : []),
        ],
      },
      select: { code: true, nameZh: true, nameEn: true },
      orderBy: { id: "asc" },
    }),
  ]);
  const preselected = scoreParam.safeParse(preselect);
  const status =
    survey.status === "cancelled"
      ? "cancelled"
      : isSurveyExpired(survey, now)
        ? "expired"
        : survey.status === "answered"
          ? "answered"
          : "open";
  return {
    ok: true as const,
    status,
    locale: fromDbLocale(survey.locale),
    reference: survey.complaint.reference,
    // An answer recorded by an agent on the phone is final for the link.
    canChange:
      status === "open" ||
      (status === "answered" && survey.complaint.status !== "closed" && response?.mode !== "phone"),
    preselectedScore: status === "open" && preselected.success ? preselected.data : null,
    /** The answer the form was loaded with; a submission from an older revision is a double submit. */
    revision: response ? response.updatedAt.toISOString() : "",
    response,
    reasons,
  };
}

export type OpenedSurvey = Extract<Awaited<ReturnType<typeof openSurvey>>, { ok: true }>;
