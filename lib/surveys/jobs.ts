// Survey jobs (the lead schedules them in lib/jobs): send delayed surveys, one reminder, expiry. Each takes `now`
// so tests control the clock; each is idempotent (conditional updates), so overlapping runs do no harm.
import "server-only";
import { db } from "@/lib/db";
import { queueSurveyInvitation } from "@/lib/surveys/invite";
import { readSurveySettings } from "@/lib/surveys/settings";
import { recordSurveyEvent } from "@/lib/surveys/events";

const DAY_MS = 86_400_000;
const BATCH = 200;

const mailSelect = {
  id: true,
  complaintId: true,
  scheduledAt: true,
  locale: true,
  complaint: { select: { reference: true } },
  customerId: true,
} as const;

/** Surveys whose send delay has passed: queue the e-mail and mark them sent. */
export async function sendScheduledSurveys(now: Date): Promise<number> {
  const due = await db.survey.findMany({
    where: { status: "scheduled", scheduledAt: { lte: now } },
    select: mailSelect,
    orderBy: { id: "asc" },
    take: BATCH,
  });
  let sent = 0;
  for (const survey of due) {
    sent += await db.$transaction(async (tx) => {
      const claimed = await tx.survey.updateMany({
        where: { id: survey.id, status: "scheduled" },
        data: { status: "sent", sentAt: now },
      });
      if (claimed.count === 0) return 0;
      // By e-mail or SMS (lib/customers/contact-channel.ts); a customer reachable by neither keeps the survey for
      // phone.
      if (
        !(await queueSurveyInvitation(tx, {
          survey,
          reference: survey.complaint.reference,
          customerId: survey.customerId,
        }))
      )
        return 0;
      await recordSurveyEvent(tx, {
        complaintId: survey.complaintId,
        kind: "survey_sent",
        now,
        data: { surveyId: survey.id, locale: survey.locale },
      });
      return 1;
    });
  }
  return sent;
}

/** One reminder, reminderDays after sending, for surveys still unanswered and not expired. */
export async function sendSurveyReminders(now: Date): Promise<number> {
  const settings = await db.$transaction((tx) => readSurveySettings(tx));
  const sentBefore = new Date(now.getTime() - settings.reminderDays * DAY_MS);
  const due = await db.survey.findMany({
    where: { status: "sent", reminderSentAt: null, sentAt: { lte: sentBefore }, expiresAt: { gt: now } },
    select: mailSelect,
    orderBy: { id: "asc" },
    take: BATCH,
  });
  let reminded = 0;
  for (const survey of due) {
    reminded += await db.$transaction(async (tx) => {
      // The conditional update is the "once": a second run (or a parallel one) finds reminderSentAt set.
      const claimed = await tx.survey.updateMany({
        where: { id: survey.id, status: "sent", reminderSentAt: null },
        data: { reminderSentAt: now },
      });
      if (claimed.count === 0) return 0;
      if (
        !(await queueSurveyInvitation(tx, {
          survey,
          reference: survey.complaint.reference,
          customerId: survey.customerId,
          reminder: true,
        }))
      )
        return 0;
      await recordSurveyEvent(tx, {
        complaintId: survey.complaintId,
        kind: "survey_reminded",
        now,
        data: { surveyId: survey.id },
      });
      return 1;
    });
  }
  return reminded;
}

/** Unanswered surveys past expiresAt become expired (answered ones keep their answer), each noted on its timeline. */
export async function expireSurveys(now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const expired = await tx.survey.updateManyAndReturn({
      where: { status: { in: ["scheduled", "sent"] }, expiresAt: { lte: now } },
      data: { status: "expired" },
      select: { id: true, complaintId: true },
    });
    if (expired.length) {
      await tx.complaintEvent.createMany({
        data: expired.map((survey) => ({
          complaintId: survey.complaintId,
          kind: "survey_expired" as const,
          visibility: "internal" as const,
          actorType: "system" as const,
          data: { surveyId: survey.id },
          createdAt: now,
        })),
      });
    }
    return expired.length;
  });
}
