// Use case: the customer's confirmed answer (a POST; a GET of the page never records one). The answer may be changed
// until the complaint closes; a form posted again from an older state (double submit, second tab) is refused politely.
// A low score opens one follow-up task for the team supervisor, notifies them (bell + digest e-mail) and, when the
// "survey" setting says so, reopens the complaint through the transition service.
import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fail, type Result } from "@/lib/errors";
import { fieldErrors } from "@/lib/complaints/validation";
import { applyTransition } from "@/lib/complaints/transition-complaint";
import { loadForChange, isFailure } from "@/lib/complaints/load";
import { recordSurveyEvent } from "@/lib/surveys/events";
import { isLowScore } from "@/lib/surveys/metrics";
import { isSurveyExpired } from "@/lib/surveys/service";
import { readSurveySettings } from "@/lib/surveys/settings";
import { findSurveyByToken } from "@/lib/surveys/token";
import { notify } from "@/lib/notifications/service";

const DAY_MS = 86_400_000;

export const surveyAnswerSchema = z.object({
  csat: z.number().int().min(1).max(5),
  resolved: z.boolean().optional(),
  nps: z.number().int().min(0).max(10).optional(),
  ces: z.number().int().min(1).max(7).optional(),
  // NUL cannot be stored in PostgreSQL text: dropped (found by the hostile-input tests).
  comment: z
    .string()
    .trim()
    .max(2000)
    .transform((value) => value.replace(/\u0000/g, ""))
    .optional(),
  reasonCodes: z.array(z.string().max(64)).max(20).optional(),
  /** The answer's updatedAt the form was loaded with ("" or absent for a first answer). */
  revision: z.string().max(40).optional(),
});
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;

export type SurveyAnswerResult = Result<{
  surveyId: number;
  lowScore: boolean;
  followUpCreated: boolean;
  reopened: boolean;
}>;

/**
 * How an answer reached us: the web link, the SMS short link (/s/), or an agent on the phone (see
 * record-phone-survey.ts).
 */
export type SurveyMode = "web" | "sms" | "phone";

/** The survey row (locked by the caller) with what the answer snapshots. */
export const answerableSurveySelect = {
  id: true,
  status: true,
  expiresAt: true,
  answeredAt: true,
  customerId: true,
  response: { select: { updatedAt: true, mode: true } },
  complaint: {
    select: {
      id: true,
      reference: true,
      subject: true,
      status: true,
      assigneeId: true,
      teamId: true,
      categoryId: true,
      channelId: true,
      team: { select: { supervisorId: true } },
    },
  },
} as const;
export type AnswerableSurvey = Prisma.SurveyGetPayload<{ select: typeof answerableSurveySelect }>;

export async function submitSurveyAnswer(
  token: unknown,
  rawInput: unknown,
  now: Date = new Date(),
  mode: Exclude<SurveyMode, "phone"> = "web",
): Promise<SurveyAnswerResult> {
  const parsed = surveyAnswerSchema.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", "invalid", { fields: fieldErrors(parsed.error) });
  const answer = parsed.data;
  const found = await findSurveyByToken(token);
  if (!found) return fail("not_found", "not_found");

  return db.$transaction(async (tx) => {
    // Lock the survey row: two submissions in flight are serialised, so the revision check below refuses the second.
    await tx.$queryRaw`SELECT id FROM surveys WHERE id = ${found.id} FOR UPDATE`;
    const survey = await tx.survey.findUniqueOrThrow({ where: { id: found.id }, select: answerableSurveySelect });
    if (survey.status === "cancelled") return fail("unprocessable", "cancelled");
    if (isSurveyExpired(survey, now)) return fail("unprocessable", "expired");
    if (survey.status === "answered" && survey.complaint.status === "closed") return fail("conflict", "final");
    // An answer an agent recorded on the phone is the customer's single response: the link cannot replace it.
    if (survey.response?.mode === "phone") return fail("conflict", "already_answered");
    const currentRevision = survey.response ? survey.response.updatedAt.toISOString() : "";
    if ((answer.revision ?? "") !== currentRevision) return fail("conflict", "already_answered");
    return applySurveyAnswer(tx, survey, answer, { now, mode, recordedById: null });
  });
}

/**
 * Stores the answer on a locked survey and does what an answer triggers (timeline, low-score follow-up task and
 * supervisor notification, optional reopen). Shared by the customer's link and the agent's phone recording.
 */
export async function applySurveyAnswer(
  tx: Tx,
  survey: AnswerableSurvey,
  answer: SurveyAnswer,
  { now, mode, recordedById }: { now: Date; mode: SurveyMode; recordedById: number | null },
): Promise<SurveyAnswerResult> {
  const reasonCodes = [...new Set(answer.reasonCodes ?? [])];
  if (reasonCodes.length) {
    const known = await tx.surveyReason.findMany({
      where: { code: { in: reasonCodes }, active: true },
      select: { code: true },
    });
    if (known.length !== reasonCodes.length)
      return fail("invalid", "invalid", { fields: { reasonCodes: ["unknown"] } });
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
    updatedAt: now,
  };
  // The mode is the way the answer first came in; changing it later through the same link keeps it.
  await tx.surveyResponse.upsert({
    where: { surveyId: survey.id },
    create: { surveyId: survey.id, complaintId: complaint.id, ...values, mode, recordedById, createdAt: now },
    update: values,
  });
  await tx.survey.update({
    where: { id: survey.id },
    data: { status: "answered", answeredAt: survey.answeredAt ?? now },
  });

  const lowScore = isLowScore(answer);
  await recordSurveyEvent(tx, {
    complaintId: complaint.id,
    kind: "survey_answered",
    now,
    actorType: recordedById ? "user" : "customer",
    actorId: recordedById,
    body: values.comment,
    data: {
      surveyId: survey.id,
      csat: values.csat,
      resolved: values.resolved,
      nps: values.nps,
      ces: values.ces,
      reasonCodes,
      lowScore,
      changed: survey.response !== null,
      mode,
    },
  });
  let followUpCreated = false;
  let reopened = false;
  if (lowScore) {
    // One task per survey (the note carries its id; tasks have no survey column), however often the answer changes.
    const note = `survey:${survey.id}`;
    const existing = await tx.followUpTask.findFirst({
      where: { complaintId: complaint.id, kind: "low_score_follow_up", note },
      select: { id: true },
    });
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
      // The supervisor hears of it in the bell now and by e-mail in their next notification digest.
      const supervisorId = complaint.team?.supervisorId;
      if (supervisorId) {
        await notify(tx, {
          userId: supervisorId,
          kind: "survey.low_score",
          params: {
            reference: complaint.reference,
            subject: complaint.subject,
            csat: values.csat,
            resolved: values.resolved,
          },
          complaintId: complaint.id,
          dedupeKey: `survey:${survey.id}:low_score`,
          now,
        });
      }
    }
    const settings = await readSurveySettings(tx);
    if (settings.reopenOnLowScore && complaint.status === "resolved") {
      const current = await loadForChange(tx, null, complaint.id);
      if (isFailure(current)) return current;
      // Same path as a customer's reply: the version moves on, so an agent's open form gets a conflict, not an
      // overwrite.
      await tx.complaint.update({ where: { id: complaint.id }, data: { version: { increment: 1 } } });
      const applied = await applyTransition(
        tx,
        null,
        current,
        { to: "reopened", reason: "low satisfaction score", duplicateOfId: null },
        now,
      );
      if (isFailure(applied)) return applied;
      reopened = true;
    }
  }
  return { ok: true as const, surveyId: survey.id, lowScore, followUpCreated, reopened };
}
