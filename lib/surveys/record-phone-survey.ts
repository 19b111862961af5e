// Use case: phone 回访. An agent calls the customer of a resolved complaint, reads the survey questions (scripted in the
// customer's language) and records the answers. The response stores mode "phone" and who recorded it; it closes the
// survey like a web answer (a later answer through the link is refused), and a low score opens the same follow-up task
// and supervisor notification. Who may resolve the complaint may record (complaint.transition, within scope).
import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/log";
import { keyWhere } from "@/lib/complaints/load";
import { complaintScope } from "@/lib/complaints/scope";
import { fieldErrors } from "@/lib/complaints/validation";
import { fail, type Result } from "@/lib/errors";
import {
  applySurveyAnswer,
  answerableSurveySelect,
  surveyAnswerSchema,
  type SurveyAnswerResult,
} from "@/lib/surveys/answer-survey";
import { readSurveySettings } from "@/lib/surveys/settings";
import { deriveSurveyToken } from "@/lib/surveys/token";

const DAY_MS = 86_400_000;

export const phoneSurveyInputSchema = surveyAnswerSchema.omit({ revision: true }).strict();
export type PhoneSurveyInput = z.infer<typeof phoneSurveyInputSchema>;

/** Why a phone survey cannot be recorded now (shown to the agent). */
export type PhoneSurveyBlocker = "not_resolved" | "already_answered" | "anonymized";

type ComplaintForPhoneSurvey = { status: string; customer: { anonymizedAt: Date | null } };
type LatestSurvey = { status: string } | null;

/** Pure: resolved (or closed) complaints whose latest survey is pending, expired, cancelled or missing. */
export function phoneSurveyBlocker(
  complaint: ComplaintForPhoneSurvey,
  latest: LatestSurvey,
): PhoneSurveyBlocker | null {
  if (complaint.status !== "resolved" && complaint.status !== "closed") return "not_resolved";
  if (latest?.status === "answered") return "already_answered";
  if (complaint.customer.anonymizedAt) return "anonymized";
  return null;
}

export function mayRecordPhoneSurvey(actor: Actor): boolean {
  return can(actor, "complaint.transition") && can(actor, "survey.read");
}

/** The survey to record on: the latest one unless it was cancelled; a new one (offered now, by phone) otherwise. */
async function surveyToAnswer(
  tx: Tx,
  complaint: { id: number; customerId: number; locale: "zh_CN" | "en" },
  latest: { id: number; status: string } | null,
  now: Date,
) {
  if (latest && latest.status !== "cancelled") return latest.id;
  const settings = await readSurveySettings(tx);
  const { hash } = deriveSurveyToken({ complaintId: complaint.id, scheduledAt: now });
  const created = await tx.survey.create({
    data: {
      complaintId: complaint.id,
      customerId: complaint.customerId,
      tokenHash: hash,
      locale: complaint.locale,
      status: "sent",
      scheduledAt: now,
      sentAt: now, // offered on the call: counts in the response rate like a sent invitation
      expiresAt: new Date(now.getTime() + settings.expiryDays * DAY_MS),
      createdAt: now,
    },
    select: { id: true },
  });
  return created.id;
}

export async function recordPhoneSurvey(
  actor: Actor,
  reference: string,
  rawInput: unknown,
  now: Date = new Date(),
): Promise<SurveyAnswerResult> {
  if (!mayRecordPhoneSurvey(actor)) return fail("forbidden", "You may not record surveys for this complaint.");
  const parsed = phoneSurveyInputSchema.safeParse(rawInput);
  if (!parsed.success) return fail("invalid", "invalid", { fields: fieldErrors(parsed.error) });

  return db.$transaction(async (tx) => {
    const complaint = await tx.complaint.findFirst({
      where: { AND: [keyWhere(reference), complaintScope(actor)] },
      select: {
        id: true,
        reference: true,
        status: true,
        locale: true,
        customerId: true,
        customer: { select: { anonymizedAt: true } },
      },
    });
    if (!complaint) return fail("not_found", "not_found");
    // Serialise with the customer's own answer through the link and with a second agent recording at once.
    await tx.$queryRaw`SELECT id FROM complaints WHERE id = ${complaint.id} FOR UPDATE`;
    const latest = await tx.survey.findFirst({
      where: { complaintId: complaint.id },
      orderBy: { id: "desc" },
      select: { id: true, status: true },
    });
    const blocker = phoneSurveyBlocker(complaint, latest);
    if (blocker === "already_answered") return fail("conflict", blocker);
    if (blocker) return fail("unprocessable", blocker);

    const surveyId = await surveyToAnswer(tx, complaint, latest, now);
    await tx.$queryRaw`SELECT id FROM surveys WHERE id = ${surveyId} FOR UPDATE`;
    const survey = await tx.survey.findUniqueOrThrow({ where: { id: surveyId }, select: answerableSurveySelect });
    const result = await applySurveyAnswer(tx, survey, parsed.data, { now, mode: "phone", recordedById: actor.userId });
    if (!result.ok) return result;
    await writeAudit(tx, {
      actorType: actor.kind,
      actorId: actor.userId,
      action: "survey.phone_recorded",
      entityType: "complaint",
      entityId: complaint.reference,
      changes: {
        surveyId,
        mode: "phone",
        csat: parsed.data.csat,
        nps: parsed.data.nps ?? null,
        ces: parsed.data.ces ?? null,
        lowScore: result.lowScore,
      },
    });
    return result;
  });
}

/** What the recording page needs: the complaint, the customer's language, the reasons offered, or why not. */
export async function phoneSurveyContext(
  actor: Actor,
  reference: string,
): Promise<
  Result<{
    complaint: {
      id: number;
      reference: string;
      subject: string;
      status: string;
      customerName: string;
      locale: "zh_CN" | "en";
    };
    blocker: PhoneSurveyBlocker | null;
    reasons: { code: string; nameZh: string; nameEn: string }[];
  }>
> {
  if (!mayRecordPhoneSurvey(actor)) return fail("forbidden", "forbidden");
  const complaint = await db.complaint.findFirst({
    where: { AND: [keyWhere(reference), complaintScope(actor)] },
    select: {
      id: true,
      reference: true,
      subject: true,
      status: true,
      locale: true,
      categoryId: true,
      customer: { select: { name: true, anonymizedAt: true } },
    },
  });
  if (!complaint) return fail("not_found", "not_found");
  const [latest, reasons] = await Promise.all([
    db.survey.findFirst({
      where: { complaintId: complaint.id },
      orderBy: { id: "desc" },
      select: { status: true, locale: true },
    }),
    db.surveyReason.findMany({
      where: {
        active: true,
        OR: [{ categoryId: null }, ...(complaint.categoryId ? [{ categoryId: complaint.categoryId }] : [])],
      },
      select: { code: true, nameZh: true, nameEn: true },
      orderBy: { id: "asc" },
    }),
  ]);
  return {
    ok: true,
    complaint: {
      id: complaint.id,
      reference: complaint.reference,
      subject: complaint.subject,
      status: complaint.status,
      customerName: complaint.customer.name,
      // The survey's language when one was sent, else the complaint's: the customer's language, not the agent's.
      locale: latest?.locale ?? complaint.locale,
    },
    blocker: phoneSurveyBlocker(complaint, latest),
    reasons,
  };
}
