import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { scheduleSurveyOnResolve, openSurvey } from "@/lib/surveys/service";
import { submitSurveyAnswer } from "@/lib/surveys/answer-survey";
import { expireSurveys, sendScheduledSurveys, sendSurveyReminders } from "@/lib/surveys/jobs";
import { findSurveyByToken } from "@/lib/surveys/token";
import { SURVEY_SETTING } from "@/lib/surveys/settings";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

const DAY = 86_400_000;
const T0 = new Date("2026-03-02T02:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

let team: Awaited<ReturnType<typeof makeTeam>>;
let agent: Awaited<ReturnType<typeof makeStaff>>;
let supervisor: Awaited<ReturnType<typeof makeStaff>>;
let category: { id: number };

beforeAll(async () => {
  team = await makeTeam();
  supervisor = await makeStaff("supervisor", [team]);
  agent = await makeStaff("agent", [team]);
  await db.team.update({ where: { id: team.id }, data: { supervisorId: supervisor.user.id } });
  category = await db.category.create({
    data: { code: `cat-${randomBytes(3).toString("hex")}`, nameZh: "行李", nameEn: "Baggage" },
  });
  await db.surveyReason.create({ data: { code: "slow", nameZh: "处理太慢", nameEn: "Too slow" } });
});

/** A resolved complaint of a fresh customer (with e-mail and consent unless overridden). */
async function resolvedComplaint(
  customer: Partial<Parameters<typeof makeCustomer>[0]> = {},
  status: "resolved" | "duplicate" | "rejected" = "resolved",
  locale: "zh_CN" | "en" = "en",
) {
  const c = await makeCustomer({ email: `c-${randomBytes(4).toString("hex")}@example.com`, locale, ...customer });
  const complaint = await makeComplaint({
    customerId: c.id,
    status,
    locale,
    assigneeId: agent.user.id,
    teamId: team.id,
    categoryId: category.id,
    resolvedAt: T0,
  });
  return { customer: c, complaint };
}

async function schedule(complaintId: number, now = T0) {
  return db.$transaction((tx) => scheduleSurveyOnResolve(tx, { complaintId, now }));
}

async function surveyed(now = T0) {
  const made = await resolvedComplaint();
  const result = await schedule(made.complaint.id, now);
  if (!result.created) throw new Error(`not created: ${result.reason}`);
  return { ...made, ...result };
}

describe("scheduling on resolve", () => {
  it("creates a sent survey and a survey e-mail in the customer's language with five one-click links", async () => {
    const { complaint, customer } = await resolvedComplaint({}, "resolved", "zh_CN");
    const result = await schedule(complaint.id);
    expect(result.created).toBe(true);
    if (!result.created) return;
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const survey = await db.survey.findUniqueOrThrow({ where: { id: result.surveyId }, omit: { tokenHash: false } });
    expect(survey).toMatchObject({ status: "sent", sentAt: T0, locale: "zh_CN", expiresAt: at(14) });
    expect(survey.tokenHash).not.toContain(result.token);
    const mails = await db.outboundEmail.findMany({ where: { complaintId: complaint.id, kind: "survey" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe(customer.email);
    expect(mails[0]!.subject).toContain("请为本次服务评分");
    const base = `${env().APP_URL.replace(/\/+$/, "")}/survey/${result.token}`;
    for (const score of [1, 2, 3, 4, 5]) {
      expect(mails[0]!.text).toContain(`${base}?score=${score}`);
      expect(mails[0]!.html).toContain(`${base}?score=${score}`);
    }
    expect(mails[0]!.text).toContain(`${base}\n`);
  });

  it("excludes duplicate and rejected complaints, customers without e-mail or consent", async () => {
    for (const status of ["duplicate", "rejected"] as const) {
      const { complaint } = await resolvedComplaint({}, status);
      expect(await schedule(complaint.id)).toEqual({ created: false, reason: "excluded_status" });
    }
    // Neither e-mail nor a mobile number: no written channel (a landline cannot take the SMS invitation either).
    expect(await schedule((await resolvedComplaint({ email: null, phone: null })).complaint.id)).toEqual({
      created: false,
      reason: "no_email",
    });
    expect(await schedule((await resolvedComplaint({ email: null, phone: "010-6512 3456" })).complaint.id)).toEqual({
      created: false,
      reason: "no_email",
    });
    // A mobile number without e-mail: the invitation goes by SMS (issue 16).
    const smsOnly = await resolvedComplaint({ email: null });
    expect(await schedule(smsOnly.complaint.id)).toMatchObject({ created: true });
    expect(await db.outboundSms.count({ where: { complaintId: smsOnly.complaint.id, kind: "survey" } })).toBe(1);
    expect(await schedule((await resolvedComplaint({ consentSurvey: false })).complaint.id)).toEqual({
      created: false,
      reason: "no_consent",
    });
    expect(
      await db.outboundEmail.count({
        where: { kind: "survey", complaint: { status: { in: ["duplicate", "rejected"] } } },
      }),
    ).toBe(0);
  });

  it("sends at most one survey per customer per 7 days (configurable)", async () => {
    const { customer, complaint } = await resolvedComplaint();
    expect((await schedule(complaint.id)).created).toBe(true);
    const second = await makeComplaint({ customerId: customer.id, status: "resolved", locale: "en" });
    expect(await schedule(second.id, at(6.9))).toEqual({ created: false, reason: "recent_survey" });
    expect((await schedule(second.id, at(7.1))).created).toBe(true);

    await db.setting.create({ data: { key: SURVEY_SETTING, value: { perCustomerDays: 30 } } });
    try {
      const third = await makeComplaint({ customerId: customer.id, status: "resolved", locale: "en" });
      expect(await schedule(third.id, at(20))).toEqual({ created: false, reason: "recent_survey" });
    } finally {
      await db.setting.delete({ where: { key: SURVEY_SETTING } });
    }
  });

  it("with a send delay, schedules the survey and the job sends it later with a working link", async () => {
    await db.setting.create({ data: { key: SURVEY_SETTING, value: { delayMinutes: 60 } } });
    try {
      const { complaint } = await resolvedComplaint();
      const result = await schedule(complaint.id);
      if (!result.created) throw new Error("not created");
      expect(await db.survey.findUniqueOrThrow({ where: { id: result.surveyId } })).toMatchObject({
        status: "scheduled",
        sentAt: null,
      });
      expect(await db.outboundEmail.count({ where: { complaintId: complaint.id } })).toBe(0);
      await sendScheduledSurveys(new Date(T0.getTime() + 30 * 60_000));
      expect(await db.outboundEmail.count({ where: { complaintId: complaint.id } })).toBe(0);
      await sendScheduledSurveys(new Date(T0.getTime() + 61 * 60_000));
      await sendScheduledSurveys(new Date(T0.getTime() + 62 * 60_000));
      const mails = await db.outboundEmail.findMany({ where: { complaintId: complaint.id, kind: "survey" } });
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain(`/survey/${result.token}?score=5`);
    } finally {
      await db.setting.delete({ where: { key: SURVEY_SETTING } });
    }
  });
});

describe("tokens", () => {
  it("random, malformed and non-string tokens find nothing; the real one is found", async () => {
    const { token, surveyId } = await surveyed();
    for (let i = 0; i < 20; i += 1) expect(await findSurveyByToken(randomBytes(32).toString("base64url"))).toBeNull();
    for (const bad of ["", "abc", `${token}x`, token.slice(0, -1), "' OR 1=1 --", null, 42, { token }])
      expect(await findSurveyByToken(bad)).toBeNull();
    expect((await findSurveyByToken(token))?.id).toBe(surveyId);
    expect(await openSurvey(randomBytes(32).toString("base64url"), T0)).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await submitSurveyAnswer("nope", { csat: 5 }, T0)).toMatchObject({ ok: false, error: "not_found" });
  });
});

describe("opening and answering", () => {
  it("opening a one-click link (GET, as a link scanner does) records no answer, only openedAt", async () => {
    const { token, surveyId } = await surveyed();
    const view = await openSurvey(token, at(1), "1");
    expect(view).toMatchObject({
      ok: true,
      status: "open",
      locale: "en",
      preselectedScore: 1,
      response: null,
      canChange: true,
    });
    await openSurvey(token, at(2), "5");
    const survey = await db.survey.findUniqueOrThrow({ where: { id: surveyId } });
    expect(survey).toMatchObject({ status: "sent", openedAt: at(1), answeredAt: null });
    expect(await db.surveyResponse.count({ where: { surveyId } })).toBe(0);
    expect(await db.followUpTask.count({ where: { note: `survey:${surveyId}` } })).toBe(0);
    expect(await openSurvey(token, at(2), "9")).toMatchObject({ preselectedScore: null });
  });

  it("records the answer with a snapshot of agent, team, category and channel at answer time", async () => {
    const { token, surveyId, complaint } = await surveyed();
    const other = await makeStaff("agent", [team]);
    await db.complaint.update({ where: { id: complaint.id }, data: { assigneeId: other.user.id } });
    const result = await submitSurveyAnswer(
      token,
      { csat: 4, resolved: true, nps: 9, ces: 2, comment: " 很好 ", reasonCodes: [] },
      at(1),
    );
    expect(result).toMatchObject({ ok: true, surveyId, lowScore: false, followUpCreated: false });
    const response = await db.surveyResponse.findUniqueOrThrow({ where: { surveyId } });
    expect(response).toMatchObject({
      csat: 4,
      nps: 9,
      ces: 2,
      resolved: true,
      comment: "很好",
      agentId: other.user.id,
      teamId: team.id,
      categoryId: category.id,
      channelId: complaint.channelId,
    });
    expect(await db.survey.findUniqueOrThrow({ where: { id: surveyId } })).toMatchObject({
      status: "answered",
      answeredAt: at(1),
    });
    expect(await openSurvey(token, at(1))).toMatchObject({
      status: "answered",
      canChange: true,
      response: { csat: 4 },
    });
  });

  it("validates the answer", async () => {
    const { token, surveyId } = await surveyed();
    for (const bad of [
      {},
      { csat: 0 },
      { csat: 6 },
      { csat: 3.5 },
      { csat: 3, nps: 11 },
      { csat: 3, ces: 0 },
      { csat: 3, comment: "x".repeat(2001) },
      "csat=5",
    ]) {
      expect(await submitSurveyAnswer(token, bad, at(1))).toMatchObject({ ok: false, error: "invalid" });
    }
    expect(await submitSurveyAnswer(token, { csat: 3, reasonCodes: ["made-up"] }, at(1))).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { reasonCodes: ["unknown"] },
    });
    expect(await db.surveyResponse.count({ where: { surveyId } })).toBe(0);
  });

  it("lets the customer change the answer until the complaint closes, then refuses", async () => {
    const { token, surveyId, complaint } = await surveyed();
    expect((await submitSurveyAnswer(token, { csat: 3 }, at(1))).ok).toBe(true);
    // The same form posted again (double submit) is refused; it carries the state it was loaded with.
    expect(await submitSurveyAnswer(token, { csat: 3 }, at(1))).toMatchObject({
      ok: false,
      error: "conflict",
      message: "already_answered",
    });
    const reopened = await openSurvey(token, at(1.5));
    if (!reopened.ok) throw new Error("not found");
    expect(reopened.revision).toBe(at(1).toISOString());
    expect((await submitSurveyAnswer(token, { csat: 5, nps: 10, revision: reopened.revision }, at(2))).ok).toBe(true);
    expect(await db.surveyResponse.findUniqueOrThrow({ where: { surveyId } })).toMatchObject({ csat: 5, nps: 10 });
    await db.complaint.update({ where: { id: complaint.id }, data: { status: "closed", closedAt: at(3) } });
    expect(await submitSurveyAnswer(token, { csat: 1, revision: at(2).toISOString() }, at(4))).toMatchObject({
      ok: false,
      error: "conflict",
      message: "final",
    });
    expect(await db.surveyResponse.findUniqueOrThrow({ where: { surveyId } })).toMatchObject({ csat: 5 });
    expect(await openSurvey(token, at(4))).toMatchObject({ status: "answered", canChange: false });
  });

  it("refuses an answer after expiry", async () => {
    const { token, surveyId } = await surveyed();
    expect(await submitSurveyAnswer(token, { csat: 5 }, at(14))).toMatchObject({
      ok: false,
      error: "unprocessable",
      message: "expired",
    });
    expect(await openSurvey(token, at(14), "5")).toMatchObject({
      status: "expired",
      preselectedScore: null,
      canChange: false,
    });
    expect(await db.surveyResponse.count({ where: { surveyId } })).toBe(0);
  });

  it("a low score creates exactly one follow-up task for the team supervisor, due in a day", async () => {
    const { token, surveyId, complaint, customer } = await surveyed();
    const first = await submitSurveyAnswer(token, { csat: 2, reasonCodes: ["slow"] }, at(1));
    expect(first).toMatchObject({ ok: true, lowScore: true, followUpCreated: true });
    // Two changes posted at once from the same page: one lands, the other is refused as already answered.
    const revision = at(1).toISOString();
    const again = await Promise.all([
      submitSurveyAnswer(token, { csat: 1, revision }, at(1.5)),
      submitSurveyAnswer(token, { csat: 4, resolved: false, revision }, at(1.5)),
    ]);
    expect(again.filter((result) => result.ok && !result.followUpCreated)).toHaveLength(1);
    expect(again.filter((result) => !result.ok && result.error === "conflict")).toHaveLength(1);
    const tasks = await db.followUpTask.findMany({ where: { complaintId: complaint.id } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      kind: "low_score_follow_up",
      status: "open",
      assigneeId: supervisor.user.id,
      teamId: team.id,
      customerId: customer.id,
      dueAt: at(2),
      note: `survey:${surveyId}`,
    });
  });

  it("'not solved' with a good CSAT is also a low score; a good answer creates no task", async () => {
    const a = await surveyed();
    expect(await submitSurveyAnswer(a.token, { csat: 5, resolved: false }, at(1))).toMatchObject({
      ok: true,
      lowScore: true,
      followUpCreated: true,
    });
    const b = await surveyed();
    expect(await submitSurveyAnswer(b.token, { csat: 3, resolved: true }, at(1))).toMatchObject({
      ok: true,
      lowScore: false,
      followUpCreated: false,
    });
    expect(await db.followUpTask.count({ where: { complaintId: b.complaint.id } })).toBe(0);
  });
});

describe("jobs", () => {
  it("sends one reminder after reminderDays if unanswered, never twice, never for answered ones", async () => {
    const unanswered = await surveyed();
    const answered = await surveyed();
    await submitSurveyAnswer(answered.token, { csat: 5 }, at(1));
    const reminders = () =>
      db.outboundEmail.findMany({
        where: { kind: "survey_reminder", complaintId: { in: [unanswered.complaint.id, answered.complaint.id] } },
      });
    await sendSurveyReminders(at(2.9));
    expect(await reminders()).toHaveLength(0);
    await sendSurveyReminders(at(3));
    await sendSurveyReminders(at(4));
    await Promise.all([sendSurveyReminders(at(5)), sendSurveyReminders(at(5))]);
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ complaintId: unanswered.complaint.id });
    expect(sent[0]!.text).toContain(`/survey/${unanswered.token}?score=1`);
    expect(await db.survey.findUniqueOrThrow({ where: { id: unanswered.surveyId } })).toMatchObject({
      reminderSentAt: at(3),
    });
  });

  it("expires unanswered surveys after expiryDays and keeps answered ones", async () => {
    const unanswered = await surveyed();
    const answered = await surveyed();
    await submitSurveyAnswer(answered.token, { csat: 4 }, at(1));
    await expireSurveys(at(13.9));
    expect((await db.survey.findUniqueOrThrow({ where: { id: unanswered.surveyId } })).status).toBe("sent");
    await expireSurveys(at(14));
    expect((await db.survey.findUniqueOrThrow({ where: { id: unanswered.surveyId } })).status).toBe("expired");
    expect((await db.survey.findUniqueOrThrow({ where: { id: answered.surveyId } })).status).toBe("answered");
    expect(await submitSurveyAnswer(unanswered.token, { csat: 5 }, at(13))).toMatchObject({
      ok: false,
      error: "unprocessable",
      message: "expired",
    });
    await sendSurveyReminders(at(15));
    expect(
      await db.outboundEmail.count({ where: { kind: "survey_reminder", complaintId: unanswered.complaint.id } }),
    ).toBe(0);
  });
});
