// Survey lifecycle: created when a complaint is resolved, opened (GET — records nothing but openedAt), answered
// (a confirmed POST), with a follow-up task for the team supervisor on a low score.
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { enqueueEmail } from "@/lib/mail/outbox";
import { fromDbLocale } from "@/lib/i18n/locales";
import { hasRecentSurvey, surveyIneligibility, type IneligibleReason } from "@/lib/surveys/eligibility";
import { readSurveySettings } from "@/lib/surveys/settings";
import { renderSurveyEmail } from "@/lib/surveys/email";
import { deriveSurveyToken, findSurveyByToken } from "@/lib/surveys/token";

const DAY_MS = 86_400_000;

export type ScheduleResult = { created: true; surveyId: number; token: string } | { created: false; reason: IneligibleReason | "not_found" };

/** Called inside the resolve transaction. Creates the survey and, with no send delay, queues its e-mail. */
export async function scheduleSurveyOnResolve(tx: Tx, { complaintId, now }: { complaintId: number; now: Date }): Promise<ScheduleResult> {
  const complaint = await tx.complaint.findUnique({
    where: { id: complaintId },
    select: { id: true, reference: true, status: true, locale: true, customer: { select: { id: true, name: true, email: true, consentSurvey: true, anonymizedAt: true } } },
  });
  if (!complaint) return { created: false, reason: "not_found" };
  const settings = await readSurveySettings(tx);
  const reason = surveyIneligibility({
    complaintStatus: complaint.status,
    customer: complaint.customer,
    recentSurvey: await hasRecentSurvey(tx, complaint.customer.id, now, settings.perCustomerDays),
  });
  if (reason) return { created: false, reason };

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
      expiresAt: new Date(now.getTime() + settings.expiryDays * DAY_MS),
      createdAt: now,
    },
    select: { id: true },
  });
  if (immediate) {
    await queueSurveyEmail(tx, { complaintId: complaint.id, reference: complaint.reference, locale: complaint.locale, to: complaint.customer.email ?? "", customerName: complaint.customer.name, token });
  }
  return { created: true, surveyId: survey.id, token };
}

export async function queueSurveyEmail(
  tx: Tx,
  input: { complaintId: number; reference: string; locale: "zh_CN" | "en"; to: string; customerName: string | null; token: string; reminder?: boolean },
) {
  const rendered = renderSurveyEmail(fromDbLocale(input.locale), { reference: input.reference, token: input.token, customerName: input.customerName, reminder: input.reminder });
  return enqueueEmail(tx, { to: input.to, ...rendered, kind: input.reminder ? "survey_reminder" : "survey", complaintId: input.complaintId });
}

/** Unanswered and past its expiry, or marked expired by the job. */
function isExpired(survey: { status: string; expiresAt: Date }, now: Date) {
  return survey.status === "expired" || (survey.status !== "answered" && now.getTime() >= survey.expiresAt.getTime());
}

const scoreParam = z.coerce.number().int().min(1).max(5);

/** What the public page needs. Sets openedAt the first time and nothing else: a GET (or a link scanner) records no answer. */
export async function openSurvey(token: unknown, now: Date, preselect?: unknown) {
  const survey = await findSurveyByToken(token);
  if (!survey) return fail("not_found", "not_found");
  if (!survey.openedAt) await db.survey.updateMany({ where: { id: survey.id, openedAt: null }, data: { openedAt: now } });
  const [response, reasons] = await Promise.all([
    db.surveyResponse.findUnique({ where: { surveyId: survey.id }, select: { csat: true, nps: true, ces: true, resolved: true, comment: true, reasonCodes: true } }),
    db.surveyReason.findMany({
      where: { active: true, OR: [{ categoryId: null }, ...(survey.complaint.categoryId ? [{ categoryId: survey.complaint.categoryId }] : [])] },
      select: { code: true, nameZh: true, nameEn: true },
      orderBy: { id: "asc" },
    }),
  ]);
  const preselected = scoreParam.safeParse(preselect);
  const status = survey.status === "cancelled" ? "cancelled" : isExpired(survey, now) ? "expired" : survey.status === "answered" ? "answered" : "open";
  return {
    ok: true as const,
    status,
    locale: fromDbLocale(survey.locale),
    canChange: status === "open" || (status === "answered" && survey.complaint.status !== "closed"),
    preselectedScore: status === "open" && preselected.success ? preselected.data : null,
    response,
    reasons,
  };
}

export const surveyAnswerSchema = z.object({
  csat: z.number().int().min(1).max(5),
  resolved: z.boolean().optional(),
  nps: z.number().int().min(0).max(10).optional(),
  ces: z.number().int().min(1).max(7).optional(),
  // NUL cannot be stored in PostgreSQL text: dropped (found by the hostile-input tests).
  comment: z.string().trim().max(2000).transform((value) => value.replace(/\u0000/g, "")).optional(),
  reasonCodes: z.array(z.string().max(64)).max(20).optional(),
});
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;

export function isLowScore(answer: Pick<SurveyAnswer, "csat" | "resolved">) {
  return answer.csat <= 2 || answer.resolved === false;
}

/** The confirmed answer (POST). May be changed until the complaint closes; a low score opens one follow-up task. */
export async function submitSurveyAnswer(token: unknown, rawInput: unknown, now: Date = new Date()): Promise<Result<{ surveyId: number; lowScore: boolean; followUpCreated: boolean }>> {
  const parsed = surveyAnswerSchema.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", "invalid", { fields: fieldErrors(parsed.error) });
  const answer = parsed.data;
  const found = await findSurveyByToken(token);
  if (!found) return fail("not_found", "not_found");

  return db.$transaction(async (tx) => {
    // Lock the survey row so two submissions in flight cannot both create a follow-up task.
    await tx.$queryRaw`SELECT id FROM surveys WHERE id = ${found.id} FOR UPDATE`;
    const survey = await tx.survey.findUniqueOrThrow({
      where: { id: found.id },
      select: { id: true, status: true, expiresAt: true, answeredAt: true, customerId: true, complaint: { select: { id: true, status: true, assigneeId: true, teamId: true, categoryId: true, channelId: true, team: { select: { supervisorId: true } } } } },
    });
    if (survey.status === "cancelled") return fail("unprocessable", "cancelled");
    if (isExpired(survey, now)) return fail("unprocessable", "expired");
    if (survey.status === "answered" && survey.complaint.status === "closed") return fail("conflict", "already_answered");

    const reasonCodes = [...new Set(answer.reasonCodes ?? [])];
    if (reasonCodes.length) {
      const known = await tx.surveyReason.findMany({ where: { code: { in: reasonCodes }, active: true }, select: { code: true } });
      if (known.length !== reasonCodes.length) return fail("invalid", "invalid", { fields: { reasonCodes: ["unknown"] } });
    }

    const { complaint } = survey;
    const values = {
      csat: answer.csat,
      resolved: answer.resolved ?? null,
      nps: answer.nps ?? null,
      ces: answer.ces ?? null,
      comment: answer.comment ? answer.comment : null,
      reasonCodes,
      // Snapshot: stats credit whoever owned the complaint when the customer answered.
      agentId: complaint.assigneeId,
      teamId: complaint.teamId,
      categoryId: complaint.categoryId,
      channelId: complaint.channelId,
    };
    await tx.surveyResponse.upsert({
      where: { surveyId: survey.id },
      create: { surveyId: survey.id, complaintId: complaint.id, ...values, createdAt: now },
      update: values,
    });
    await tx.survey.update({ where: { id: survey.id }, data: { status: "answered", answeredAt: survey.answeredAt ?? now } });

    const lowScore = isLowScore(answer);
    let followUpCreated = false;
    if (lowScore) {
      // One task per survey (the note carries its id; tasks have no survey column), however often the answer changes.
      const note = `survey:${survey.id}`;
      const existing = await tx.followUpTask.findFirst({ where: { complaintId: complaint.id, kind: "low_score_follow_up", note }, select: { id: true } });
      if (!existing) {
        await tx.followUpTask.create({
          data: {
            kind: "low_score_follow_up",
            customerId: survey.customerId,
            complaintId: complaint.id,
            assigneeId: complaint.team?.supervisorId ?? null,
            teamId: complaint.teamId,
            dueAt: new Date(now.getTime() + DAY_MS),
            note,
            createdAt: now,
          },
        });
        followUpCreated = true;
      }
    }
    return { ok: true as const, surveyId: survey.id, lowScore, followUpCreated };
  });
}
