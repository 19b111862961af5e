// Surveys through the complaint lifecycle: resolve (with and without survey), exclusions, timeline events, low-score
// reopen, the agent's copy link, the manager's settings/texts/reasons and the response-rate figures.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { transitionComplaint } from "@/lib/complaints/transition-complaint";
import { submitSurveyAnswer } from "@/lib/surveys/answer-survey";
import { expireSurveys, sendSurveyReminders } from "@/lib/surveys/jobs";
import { copySurveyLink } from "@/lib/surveys/link";
import { getSurveySettingsForAdmin, saveSurveyReason, saveSurveySettings, saveSurveyTexts } from "@/lib/surveys/admin";
import { surveyForComplaint, surveyStatsForAgent, surveysForCustomer, surveySummary } from "@/lib/surveys/queries";
import { openSurvey } from "@/lib/surveys/service";
import { SURVEY_SETTING } from "@/lib/surveys/settings";
import { findSurveyByToken } from "@/lib/surveys/token";
import { makeChannel, makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

const DAY = 86_400_000;
const T0 = new Date("2026-05-04T02:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

let team: Awaited<ReturnType<typeof makeTeam>>;
let agent: Awaited<ReturnType<typeof makeStaff>>;
let supervisor: Awaited<ReturnType<typeof makeStaff>>;
let manager: Awaited<ReturnType<typeof makeStaff>>;
let outsider: Awaited<ReturnType<typeof makeStaff>>;
let rootCauseId: number;
let category: { id: number };

beforeAll(async () => {
  team = await makeTeam();
  supervisor = await makeStaff("supervisor", [team]);
  agent = await makeStaff("agent", [team]);
  manager = await makeStaff("manager", [team]);
  outsider = await makeStaff("agent", [await makeTeam()]);
  await db.team.update({ where: { id: team.id }, data: { supervisorId: supervisor.user.id } });
  rootCauseId = (
    await db.rootCause.create({
      data: { code: `RC-${randomBytes(2).toString("hex")}`, kind: "process", nameZh: "流程", nameEn: "Process" },
    })
  ).id;
  category = await db.category.create({
    data: { code: `cat-${randomBytes(3).toString("hex")}`, nameZh: "行李", nameEn: "Baggage" },
  });
});

async function withSettings<T>(value: Prisma.InputJsonObject, run: () => Promise<T>): Promise<T> {
  await db.setting.upsert({
    where: { key: SURVEY_SETTING },
    create: { key: SURVEY_SETTING, value },
    update: { value },
  });
  try {
    return await run();
  } finally {
    await db.setting.deleteMany({ where: { key: SURVEY_SETTING } });
  }
}

/** An in-progress complaint of a fresh customer (e-mail, consent) in the agent's team. */
async function openComplaint(
  customer: Parameters<typeof makeCustomer>[0] = {},
  complaint: Partial<Parameters<typeof makeComplaint>[0]> = {},
) {
  const c = await makeCustomer({ email: `c-${randomBytes(4).toString("hex")}@example.com`, locale: "en", ...customer });
  const made = await makeComplaint({
    customerId: c.id,
    status: "in_progress",
    locale: "en",
    assigneeId: agent.user.id,
    teamId: team.id,
    categoryId: category.id,
    ...complaint,
  });
  return { customer: c, complaint: made };
}

async function resolve(complaintId: number, now = T0, extra: Record<string, unknown> = {}) {
  const { version } = await db.complaint.findUniqueOrThrow({ where: { id: complaintId }, select: { version: true } });
  return transitionComplaint(
    agent.actor,
    complaintId,
    { version, to: "resolved", rootCauseId, resolutionSummary: "Bag delivered, voucher issued.", ...extra },
    now,
  );
}

const eventsOf = (complaintId: number) =>
  db.complaintEvent.findMany({
    where: { complaintId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true, body: true, data: true, actorId: true, visibility: true },
  });

async function resolvedWithSurvey(now = T0) {
  const made = await openComplaint();
  expect(await resolve(made.complaint.id, now)).toMatchObject({ ok: true });
  const survey = await db.survey.findFirstOrThrow({
    where: { complaintId: made.complaint.id },
    select: { id: true, complaintId: true, scheduledAt: true },
  });
  const link = await copySurveyLink(agent.actor, made.complaint.id, now);
  if (!link.ok) throw new Error(link.message);
  const token = link.url.split("/survey/")[1]!;
  return { ...made, surveyId: survey.id, token };
}

describe("resolving", () => {
  it("puts 'resolved' then 'survey sent' on the timeline", async () => {
    const { complaint } = await resolvedWithSurvey();
    const kinds = (await eventsOf(complaint.id)).map((event) => event.kind);
    expect(kinds.slice(-2)).toEqual(["status_changed", "survey_sent"]);
  });

  it("'without survey' needs a reason, sends nothing and records who skipped it and why", async () => {
    const { complaint } = await openComplaint();
    expect(await resolve(complaint.id, T0, { withoutSurvey: true })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { surveySkipReason: ["required"] },
    });
    expect(
      await resolve(complaint.id, T0, {
        withoutSurvey: true,
        surveySkipReason: "Customer asked not to be contacted again",
      }),
    ).toMatchObject({ ok: true });
    expect(await db.survey.count({ where: { complaintId: complaint.id } })).toBe(0);
    expect(await db.outboundEmail.count({ where: { complaintId: complaint.id, kind: "survey" } })).toBe(0);
    const skipped = (await eventsOf(complaint.id)).find((event) => event.kind === "survey_skipped");
    expect(skipped).toMatchObject({
      body: "Customer asked not to be contacted again",
      actorId: agent.user.id,
      visibility: "internal",
      data: { reason: "skipped_by_agent" },
    });
  });

  it("excludes customer tags, categories (also as subcategory) and channels from the setting", async () => {
    const regulator = await makeChannel();
    const sub = await db.category.create({
      data: { code: `sub-${randomBytes(3).toString("hex")}`, nameZh: "子类", nameEn: "Sub", parentId: category.id },
    });
    const other = await db.category.create({
      data: { code: `oth-${randomBytes(3).toString("hex")}`, nameZh: "其他", nameEn: "Other" },
    });
    await withSettings(
      { excludeTags: ["Repeat complainer"], excludeCategoryIds: [sub.id], excludeChannelIds: [regulator.id] },
      async () => {
        const cases = [
          { made: await openComplaint({ tags: ["VIP", "repeat complainer"] }), reason: "excluded_tag" },
          {
            made: await openComplaint({}, { categoryId: other.id, subcategoryId: sub.id }),
            reason: "excluded_category",
          },
          { made: await openComplaint({}, { channelId: regulator.id }), reason: "excluded_channel" },
        ];
        for (const { made, reason } of cases) {
          expect(await resolve(made.complaint.id)).toMatchObject({ ok: true });
          expect(await db.survey.count({ where: { complaintId: made.complaint.id } })).toBe(0);
          expect((await eventsOf(made.complaint.id)).find((event) => event.kind === "survey_skipped")).toMatchObject({
            actorId: null,
            data: { reason },
          });
        }
        const fine = await openComplaint({ tags: ["VIP"] });
        expect(await resolve(fine.complaint.id)).toMatchObject({ ok: true });
        expect(await db.survey.count({ where: { complaintId: fine.complaint.id } })).toBe(1);
      },
    );
  });

  it("applies the 7-day rule across complaints of one customer and says so on the timeline", async () => {
    const first = await openComplaint();
    expect(await resolve(first.complaint.id, T0)).toMatchObject({ ok: true });
    const second = await makeComplaint({
      customerId: first.customer.id,
      status: "in_progress",
      locale: "en",
      teamId: team.id,
      assigneeId: agent.user.id,
    });
    expect(await resolve(second.id, at(6))).toMatchObject({ ok: true });
    expect(await db.survey.count({ where: { complaintId: second.id } })).toBe(0);
    expect((await eventsOf(second.id)).find((event) => event.kind === "survey_skipped")).toMatchObject({
      data: { reason: "recent_survey" },
    });
    const third = await makeComplaint({
      customerId: first.customer.id,
      status: "in_progress",
      locale: "en",
      teamId: team.id,
      assigneeId: agent.user.id,
    });
    expect(await resolve(third.id, at(7.01))).toMatchObject({ ok: true });
    expect(await db.survey.count({ where: { complaintId: third.id } })).toBe(1);
  });
});

describe("timeline of a survey", () => {
  it("records reminder, answer (with scores) and expiry with a controllable clock", async () => {
    const answered = await resolvedWithSurvey();
    const silent = await resolvedWithSurvey();
    await sendSurveyReminders(at(3));
    expect(
      await submitSurveyAnswer(answered.token, { csat: 4, nps: 9, ces: 2, resolved: true }, at(3.5)),
    ).toMatchObject({ ok: true });
    await expireSurveys(at(14));
    await expireSurveys(at(15));
    const kindsOf = async (id: number) =>
      (await eventsOf(id)).map((event) => event.kind).filter((kind) => kind.startsWith("survey_"));
    expect(await kindsOf(answered.complaint.id)).toEqual(["survey_sent", "survey_reminded", "survey_answered"]);
    expect(await kindsOf(silent.complaint.id)).toEqual(["survey_sent", "survey_reminded", "survey_expired"]);
    const answer = (await eventsOf(answered.complaint.id)).find((event) => event.kind === "survey_answered");
    expect(answer).toMatchObject({
      visibility: "internal",
      data: { csat: 4, nps: 9, ces: 2, resolved: true, lowScore: false, changed: false },
    });
  });
});

describe("low score", () => {
  it("creates the supervisor's follow-up task and leaves the complaint resolved by default", async () => {
    const { token, complaint } = await resolvedWithSurvey();
    expect(await submitSurveyAnswer(token, { csat: 1 }, at(1))).toMatchObject({
      ok: true,
      lowScore: true,
      followUpCreated: true,
      reopened: false,
    });
    expect(await db.complaint.findUniqueOrThrow({ where: { id: complaint.id }, select: { status: true } })).toEqual({
      status: "resolved",
    });
    const card = await surveyForComplaint(supervisor.actor, complaint.id);
    expect(card).toMatchObject({
      status: "answered",
      response: { csat: 1 },
      followUp: { status: "open", assignee: { name: supervisor.user.name } },
    });
  });

  it("with reopenOnLowScore, reopens through the transition service (event, reopen count, version)", async () => {
    await withSettings({ reopenOnLowScore: true }, async () => {
      const { token, complaint } = await resolvedWithSurvey();
      const before = await db.complaint.findUniqueOrThrow({ where: { id: complaint.id }, select: { version: true } });
      expect(await submitSurveyAnswer(token, { csat: 5, resolved: false }, at(1))).toMatchObject({
        ok: true,
        lowScore: true,
        reopened: true,
      });
      const after = await db.complaint.findUniqueOrThrow({
        where: { id: complaint.id },
        select: { status: true, reopenCount: true, version: true, resolvedAt: true },
      });
      expect(after).toMatchObject({
        status: "reopened",
        reopenCount: 1,
        resolvedAt: null,
        version: before.version + 1,
      });
      const events = await eventsOf(complaint.id);
      expect(events.at(-1)).toMatchObject({ kind: "status_changed", data: { from: "resolved", to: "reopened" } });
      expect(await db.followUpTask.count({ where: { complaintId: complaint.id, kind: "low_score_follow_up" } })).toBe(
        1,
      );
      // A good answer does not reopen.
      const good = await resolvedWithSurvey(at(0.1));
      expect(await submitSurveyAnswer(good.token, { csat: 5, resolved: true }, at(1))).toMatchObject({
        ok: true,
        reopened: false,
      });
    });
  });
});

describe("copy survey link", () => {
  it("gives the working link to staff who can see the complaint, audited; not to others", async () => {
    const { complaint, token, surveyId } = await resolvedWithSurvey();
    expect((await findSurveyByToken(token))?.id).toBe(surveyId);
    expect(
      await db.auditLog.count({
        where: { action: "survey.link_copied", entityId: String(surveyId), actorId: agent.user.id },
      }),
    ).toBe(1);
    expect(await copySurveyLink(outsider.actor, complaint.id)).toMatchObject({ ok: false, error: "not_found" });
    await expireSurveys(at(30));
    expect(await copySurveyLink(agent.actor, complaint.id, at(30))).toMatchObject({
      ok: false,
      error: "unprocessable",
    });
  });
});

describe("public page data", () => {
  it("openSurvey returns the complaint reference and the revision for a change", async () => {
    const { token, complaint } = await resolvedWithSurvey();
    expect(await openSurvey(token, at(1))).toMatchObject({ ok: true, reference: complaint.reference, revision: "" });
  });
});

describe("manager settings, texts and reasons", () => {
  it("saves the setting with validation and a conflict for a stale version, audited", async () => {
    const loaded = await getSurveySettingsForAdmin();
    expect(loaded.version).toBe("");
    const input = { ...loaded.settings, delayMinutes: 30, excludeTags: ["legal", "legal"], version: loaded.version };
    expect(await saveSurveySettings(agent.actor, input)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await saveSurveySettings(manager.actor, { ...input, expiryDays: 0 })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { expiryDays: expect.any(Array) },
    });
    expect(await saveSurveySettings(manager.actor, { ...input, reminderDays: 20 })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { reminderDays: ["before_expiry"] },
    });
    expect(await saveSurveySettings(manager.actor, { ...input, excludeChannelIds: [999_999] })).toMatchObject({
      ok: false,
      fields: { excludeChannelIds: ["unknown"] },
    });
    const saved = await saveSurveySettings(manager.actor, input, at(0));
    expect(saved).toMatchObject({ ok: true });
    expect((await getSurveySettingsForAdmin()).settings).toMatchObject({ delayMinutes: 30, excludeTags: ["legal"] });
    expect(await saveSurveySettings(manager.actor, { ...input, delayMinutes: 60 }, at(0.1))).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await db.auditLog.count({ where: { action: "survey_settings.update", actorId: manager.user.id } })).toBe(1);
    await db.setting.deleteMany({ where: { key: SURVEY_SETTING } });
  });

  it("texts override the e-mail's question and go back to the built-in wording when emptied", async () => {
    const empty = {
      intro: "",
      "csat.question": "",
      "resolved.question": "",
      "nps.question": "",
      "ces.question": "",
      "comment.label": "",
      thanks: "",
      expired: "",
    };
    expect(
      await saveSurveyTexts(manager.actor, {
        locale: "en",
        texts: { ...empty, "csat.question": "How did we do on {{complaint.reference}}?" },
      }),
    ).toMatchObject({ ok: true, saved: 1 });
    const { complaint } = await resolvedWithSurvey();
    const mail = await db.outboundEmail.findFirstOrThrow({ where: { complaintId: complaint.id, kind: "survey" } });
    expect(mail.html).toContain(`How did we do on ${complaint.reference}?`);
    expect(
      await saveSurveyTexts(manager.actor, { locale: "en", texts: { ...empty, thanks: "x".repeat(501) } }),
    ).toMatchObject({ ok: false, error: "invalid" });
    expect(await saveSurveyTexts(manager.actor, { locale: "en", texts: empty })).toMatchObject({ ok: true, saved: 1 });
    expect(await db.surveyText.count({ where: { locale: "en", key: "csat.question" } })).toBe(0);
  });

  it("reasons per category: shown only for their category, unique codes, used codes not renamed", async () => {
    const other = await db.category.create({
      data: { code: `o-${randomBytes(3).toString("hex")}`, nameZh: "其他", nameEn: "Other" },
    });
    const created = await saveSurveyReason(manager.actor, {
      id: null,
      code: "bag-late",
      categoryId: category.id,
      nameZh: "行李太晚",
      nameEn: "Bag came late",
      active: true,
    });
    expect(created).toMatchObject({ ok: true });
    if (!created.ok) return;
    expect(
      await saveSurveyReason(manager.actor, {
        id: null,
        code: "bag-late",
        categoryId: null,
        nameZh: "x",
        nameEn: "x",
        active: true,
      }),
    ).toMatchObject({ ok: false, fields: { code: ["taken"] } });
    await saveSurveyReason(manager.actor, {
      id: null,
      code: "other-only",
      categoryId: other.id,
      nameZh: "其他",
      nameEn: "Other only",
      active: true,
    });
    const { token } = await resolvedWithSurvey();
    const view = await openSurvey(token, at(1));
    expect(view.ok && view.reasons.map((reason) => reason.code)).toContain("bag-late");
    expect(view.ok && view.reasons.map((reason) => reason.code)).not.toContain("other-only");
    expect(await submitSurveyAnswer(token, { csat: 2, reasonCodes: ["bag-late"] }, at(1))).toMatchObject({ ok: true });
    expect(
      await saveSurveyReason(manager.actor, {
        id: created.reason.id,
        code: "bag-later",
        categoryId: category.id,
        nameZh: "行李太晚",
        nameEn: "Bag came late",
        active: true,
      }),
    ).toMatchObject({ ok: false, fields: { code: ["in_use"] } });
    expect(
      await saveSurveyReason(manager.actor, {
        id: created.reason.id,
        code: "bag-late",
        categoryId: category.id,
        nameZh: "行李太晚",
        nameEn: "Bag came late",
        active: false,
      }),
    ).toMatchObject({ ok: true });
  });
});

describe("figures", () => {
  it("offered vs. answered, CSAT %, NPS and CES for a period; per agent; per customer", async () => {
    const from = at(100);
    const to = at(101);
    const answers = [
      { csat: 5, nps: 10, ces: 2 },
      { csat: 4, nps: 9, ces: 3 },
      { csat: 2, nps: 3, ces: 6 },
    ];
    const made = [];
    for (let index = 0; index < 4; index += 1) made.push(await resolvedWithSurvey(at(100.1 + index * 0.01)));
    for (const [index, answer] of answers.entries())
      expect(await submitSurveyAnswer(made[index]!.token, answer, at(100.5))).toMatchObject({ ok: true });
    const summary = await surveySummary({ from, to });
    expect(summary).toMatchObject({ sent: 4, answered: 3, responses: 3, lowScores: 1 });
    expect(summary.responseRate).toBeCloseTo(75);
    expect(summary.csat).toBeCloseTo(200 / 3);
    expect(summary.nps).toBeCloseTo(((2 - 1) / 3) * 100);
    expect(summary.ces).toBeCloseTo(11 / 3);
    expect(await surveyStatsForAgent(agent.actor, agent.user.id, { from, to })).toMatchObject({ sent: 4, answered: 3 });
    expect(await surveyStatsForAgent(agent.actor, supervisor.user.id, { from, to })).toBeNull();
    expect(await surveyStatsForAgent(supervisor.actor, agent.user.id, { from, to })).toMatchObject({ responses: 3 });
    const customerSurveys = await surveysForCustomer(agent.actor, made[0]!.customer.id);
    expect(customerSurveys).toHaveLength(1);
    expect(customerSurveys[0]).toMatchObject({
      status: "answered",
      complaint: { reference: made[0]!.complaint.reference },
      response: { csat: 5 },
    });
    expect(await surveysForCustomer(outsider.actor, made[0]!.customer.id)).toEqual([]);
  });
});
