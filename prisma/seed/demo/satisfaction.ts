// Surveys for resolved complaints (SPEC §5): sent on resolution, reminded after 3 days, expired after 14, at most one
// per customer per 7 days; answers with realistic CSAT/NPS/CES and a follow-up task (回访) for every low score.
import { createHash } from "node:crypto";
import type { Tx } from "../../../lib/db";
import type { Prisma } from "../../../lib/generated/prisma/client";
import type { SurveyStatus } from "../../../lib/generated/prisma/enums";
import { inBatches } from "./persist";
import type { ComplaintPlan } from "./plan-types";
import type { SeededRandom } from "./random";
import { SURVEY_COMMENTS, say } from "./texts";

const MINUTE = 60_000;
const DAY = 86_400_000;
const EXPIRY_DAYS = 14;
const REMINDER_DAYS = 3;
const PER_CUSTOMER_DAYS = 7;

interface Answer {
  csat: number;
  nps: number;
  ces: number;
  resolved: boolean;
}

/** CSAT skewed to 4–5 (about 84 %), with NPS and CES that agree with it the way real answers do. */
function answer(random: SeededRandom): Answer {
  const csat = random.weighted([
    [5, 57],
    [4, 29],
    [3, 7],
    [2, 4],
    [1, 3],
  ] as const);
  const nps =
    csat === 5
      ? random.weighted([
          [10, 45],
          [9, 40],
          [8, 15],
        ] as const)
      : csat === 4
        ? random.int(7, 9)
        : csat === 3
          ? random.int(4, 7)
          : random.int(0, 4);
  const ces = Math.max(1, Math.min(7, csat + random.int(1, 2) - (csat <= 2 ? 1 : 0)));
  return { csat, nps, ces, resolved: csat >= 3 ? random.chance(0.95) : random.chance(0.3) };
}

export async function seedSurveys(
  tx: Tx,
  plans: ComplaintPlan[],
  complaintIds: number[],
  random: SeededRandom,
  now: Date,
) {
  const lastSentByCustomer = new Map<number, number>();
  const surveys: Prisma.SurveyCreateManyInput[] = [];
  const answers: { index: number; plan: ComplaintPlan; complaintId: number; answer: Answer; at: Date }[] = [];
  const events: Prisma.ComplaintEventCreateManyInput[] = [];

  plans.forEach((plan, position) => {
    const complaintId = complaintIds[position];
    const resolvedAt = plan.resolvedAt?.getTime();
    if (complaintId === undefined || resolvedAt === undefined || !plan.customer.email || !plan.customer.consentSurvey)
      return;
    const sentAt = resolvedAt + MINUTE;
    if (
      sentAt > now.getTime() ||
      sentAt - (lastSentByCustomer.get(plan.customer.id) ?? -Infinity) < PER_CUSTOMER_DAYS * DAY
    )
      return;
    lastSentByCustomer.set(plan.customer.id, sentAt);

    const expiresAt = sentAt + EXPIRY_DAYS * DAY;
    const answeredAt = random.chance(0.55) ? sentAt + random.between(0.05, 5) * DAY : null;
    const answered = answeredAt !== null && answeredAt < now.getTime() && answeredAt < expiresAt;
    const status: SurveyStatus = answered ? "answered" : expiresAt < now.getTime() ? "expired" : "sent";
    const reminderAt = sentAt + REMINDER_DAYS * DAY;
    const reminded = reminderAt < now.getTime() && (!answered || (answeredAt !== null && answeredAt > reminderAt));
    const openedAt =
      answered && answeredAt !== null
        ? answeredAt - random.between(1, 10) * MINUTE
        : status === "expired" && random.chance(0.2)
          ? sentAt + DAY
          : null;
    surveys.push({
      complaintId,
      customerId: plan.customer.id,
      tokenHash: createHash("sha256").update(random.hex(32)).digest("hex"),
      locale: plan.customer.locale,
      status,
      scheduledAt: new Date(resolvedAt),
      sentAt: new Date(sentAt),
      openedAt: openedAt === null ? null : new Date(openedAt),
      answeredAt: answered && answeredAt !== null ? new Date(answeredAt) : null,
      reminderSentAt: reminded ? new Date(reminderAt) : null,
      expiresAt: new Date(expiresAt),
      createdAt: new Date(resolvedAt),
    });
    events.push({
      complaintId,
      kind: "survey_sent",
      actorType: "system",
      data: { locale: plan.customer.locale },
      createdAt: new Date(sentAt),
    });
    if (answered && answeredAt !== null) {
      const given = answer(random);
      answers.push({ index: surveys.length - 1, plan, complaintId, answer: given, at: new Date(answeredAt) });
      events.push({
        complaintId,
        kind: "survey_answered",
        visibility: "internal",
        actorType: "customer",
        data: { csat: given.csat, nps: given.nps },
        createdAt: new Date(answeredAt),
      });
    }
  });

  const surveyIds = await tx.survey.createManyAndReturn({ data: surveys, select: { id: true } });
  const responses: Prisma.SurveyResponseCreateManyInput[] = [];
  const tasks: Prisma.FollowUpTaskCreateManyInput[] = [];
  for (const { index, plan, complaintId, answer: given, at } of answers) {
    const surveyId = surveyIds[index]?.id;
    if (surveyId === undefined) continue;
    const low = given.csat <= 2 || !given.resolved;
    const comments = given.csat >= 4 ? SURVEY_COMMENTS.high : given.csat <= 2 ? SURVEY_COMMENTS.low : null;
    responses.push({
      surveyId,
      complaintId,
      ...given,
      comment: comments && random.chance(0.5) ? say(random.pick(comments), plan.customer.locale) : null,
      reasonCodes:
        given.csat <= 3 ? [random.pick(["slow-response", "not-resolved", "compensation-low", "repeat-contact"])] : [],
      // Snapshot of who handled it at answer time (SPEC §5): later reassignment does not rewrite the agent's score.
      agentId: plan.assigneeId,
      teamId: plan.teamId,
      categoryId: plan.story.categoryId,
      channelId: plan.channelId,
      // Some answers came through the SMS link or a phone 回访 (recorded by the handling agent), so the dashboard's
      // split by mode has something to show; chosen by position, not by the random source, so the data stays as it was.
      ...modeOfDemoAnswer(index, plan.assigneeId),
      createdAt: at,
      updatedAt: at,
    });
    if (low) {
      const dueAt = new Date(at.getTime() + 2 * DAY);
      const done = dueAt.getTime() < now.getTime() - DAY;
      tasks.push({
        kind: "low_score_follow_up",
        status: done ? "done" : "open",
        customerId: plan.customer.id,
        complaintId,
        assigneeId: plan.supervisorId,
        teamId: plan.teamId,
        dueAt,
        note: `满意度评分 ${given.csat}/5${given.resolved ? "" : "，客户表示问题未解决"}，请回访`,
        completedAt: done ? new Date(dueAt.getTime() - DAY / 2) : null,
        createdAt: at,
      });
    }
  }
  await tx.surveyResponse.createMany({ data: responses });
  await tx.followUpTask.createMany({ data: tasks });
  await inBatches(events, (data) => tx.complaintEvent.createMany({ data }));
  return { surveys: surveys.length, responses: responses.length, lowScoreTasks: tasks.length };
}

function modeOfDemoAnswer(
  index: number,
  assigneeId: number | null,
): Pick<Prisma.SurveyResponseCreateManyInput, "mode" | "recordedById"> {
  if (index % 8 === 5 && assigneeId !== null) return { mode: "phone", recordedById: assigneeId };
  if (index % 4 === 1) return { mode: "sms", recordedById: null };
  return { mode: "web", recordedById: null };
}
