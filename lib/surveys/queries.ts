// Survey reads: the workspace's survey card, a customer's surveys (customer 360), one agent's figures (agent stats)
// and the manager's response-rate report. Complaint access is scoped by complaintScope in every query.
import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { complaintScope } from "@/lib/complaints/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { summarizeSurveys, type SurveySummary } from "@/lib/surveys/metrics";
import { readSurveySettings } from "@/lib/surveys/settings";
import type { AppLocale } from "@/lib/i18n/locales";

export type DateRange = { from: Date; to: Date };

const responseSelect = {
  csat: true,
  nps: true,
  ces: true,
  resolved: true,
  comment: true,
  reasonCodes: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** The complaint's latest survey with its answer and low-score follow-up task, or null (none, or no access). */
export async function surveyForComplaint(actor: Actor, complaintId: number) {
  if (!can(actor, "survey.read")) return null;
  const survey = await db.survey.findFirst({
    where: { complaintId, complaint: complaintScope(actor) },
    orderBy: { id: "desc" },
    select: {
      id: true,
      status: true,
      locale: true,
      scheduledAt: true,
      sentAt: true,
      openedAt: true,
      answeredAt: true,
      reminderSentAt: true,
      expiresAt: true,
      complaint: { select: { status: true } },
      response: { select: { ...responseSelect, mode: true, recordedBy: { select: { name: true } } } },
    },
  });
  if (!survey) return null;
  const followUp = await db.followUpTask.findFirst({
    where: { complaintId, kind: "low_score_follow_up", note: `survey:${survey.id}` },
    select: { id: true, status: true, dueAt: true, assignee: { select: { name: true } } },
  });
  const { complaint, ...rest } = survey;
  const now = Date.now();
  const linkUsable = (survey.status === "sent" || survey.status === "scheduled") && survey.expiresAt.getTime() > now;
  const changeable = survey.status === "answered" && complaint.status !== "closed";
  return { ...rest, followUp, canCopyLink: linkUsable || changeable };
}

/** Reason codes of an answer → names in the UI language (codes that no longer exist stay as codes). */
export async function surveyReasonNames(codes: readonly string[], locale: AppLocale): Promise<Record<string, string>> {
  const rows = await db.surveyReason.findMany({
    where: { code: { in: [...codes] } },
    select: { code: true, nameZh: true, nameEn: true },
  });
  return Object.fromEntries(rows.map((row) => [row.code, locale === "zh-CN" ? row.nameZh : row.nameEn]));
}

export type ComplaintSurvey = NonNullable<Awaited<ReturnType<typeof surveyForComplaint>>>;

/** Every survey of one customer, newest first, with its answer (customer 360). */
export async function surveysForCustomer(actor: Actor, customerId: number, take = 50) {
  if (!can(actor, "survey.read")) return [];
  return db.survey.findMany({
    where: { customerId, complaint: complaintScope(actor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      status: true,
      sentAt: true,
      answeredAt: true,
      expiresAt: true,
      complaint: { select: { id: true, reference: true, subject: true } },
      response: { select: responseSelect },
    },
  });
}

/** excludePhone: leave out surveys answered on the phone (the appraisal setting, for one agent's figures). */
export type SurveyFilter = {
  agentId?: number;
  teamId?: number;
  categoryId?: number;
  channelId?: number;
  excludePhone?: boolean;
};

/**
 * Offered vs. answered and the SPEC §5 figures for a period. Offered = surveys sent in the period; answered = those of
 * them that have an answer (so the response rate never exceeds 100 %). Scores = answers given in the period, filtered
 * by the snapshot taken at answer time (agent, team, category, channel), so a later reassignment does not move them.
 * For an agent, "offered" counts surveys of complaints currently assigned to them (the survey keeps no owner).
 */
export async function surveySummary(range: DateRange, filter: SurveyFilter = {}): Promise<SurveySummary> {
  const complaint: Prisma.ComplaintWhereInput = {
    ...(filter.agentId ? { assigneeId: filter.agentId } : {}),
    ...(filter.teamId ? { teamId: filter.teamId } : {}),
    ...(filter.categoryId ? { OR: [{ categoryId: filter.categoryId }, { subcategoryId: filter.categoryId }] } : {}),
    ...(filter.channelId ? { channelId: filter.channelId } : {}),
  };
  const sentWhere: Prisma.SurveyWhereInput = {
    sentAt: { gte: range.from, lt: range.to },
    ...(Object.keys(complaint).length ? { complaint } : {}),
    ...(filter.excludePhone ? { NOT: { response: { is: { mode: "phone" } } } } : {}),
  };
  const [sent, answered, answers] = await Promise.all([
    db.survey.count({ where: sentWhere }),
    db.survey.count({ where: { ...sentWhere, response: { isNot: null } } }),
    db.surveyResponse.findMany({
      where: {
        createdAt: { gte: range.from, lt: range.to },
        ...(filter.agentId ? { agentId: filter.agentId } : {}),
        ...(filter.teamId ? { teamId: filter.teamId } : {}),
        ...(filter.categoryId ? { categoryId: filter.categoryId } : {}),
        ...(filter.channelId ? { channelId: filter.channelId } : {}),
        ...(filter.excludePhone ? { mode: { not: "phone" } } : {}),
      },
      select: { csat: true, nps: true, ces: true, resolved: true },
    }),
  ]);
  return summarizeSurveys({ sent, answered }, answers);
}

/** One agent's survey figures (the agent's stats page): their own, or anyone's for a supervisor/manager. */
export async function surveyStatsForAgent(
  actor: Actor,
  userId: number,
  range: DateRange,
): Promise<SurveySummary | null> {
  const own = actor.userId === userId;
  if (!can(actor, "survey.read") || (!own && !can(actor, "dashboard.team") && !can(actor, "dashboard.view")))
    return null;
  const { excludePhoneFromAgentFigures } = await readSurveySettings(db);
  return surveySummary(range, { agentId: userId, excludePhone: excludePhoneFromAgentFigures });
}

/** The manager's report: overall and per channel / category rows for the period. */
export async function surveyReport(actor: Actor, range: DateRange) {
  if (!can(actor, "survey.manage")) return null;
  const [overall, byChannel] = await Promise.all([
    surveySummary(range),
    db.channel.findMany({
      where: { active: true },
      select: { id: true, nameZh: true, nameEn: true },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    }),
  ]);
  const channels = await Promise.all(
    byChannel.map(async (channel) => ({ channel, summary: await surveySummary(range, { channelId: channel.id }) })),
  );
  return { overall, channels: channels.filter((row) => row.summary.sent > 0 || row.summary.responses > 0) };
}
