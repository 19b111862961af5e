// Contingency plans, drills and data breach incidents (issue 17 items 8–10) against the real database: plan
// revisions with the version check, the plan proposed at declaration and its audited checklist, drills with their
// CAPA follow-ups, and a breach incident's regulator clock, affected customers and notice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import type { Actor } from "@/lib/auth/permissions";
import { declareIncident } from "@/lib/incidents/service";
import { adoptPlan, checkPlanStep, createPlan, revisePlan } from "@/lib/incidents/plans";
import { recordDrill } from "@/lib/incidents/drills";
import {
  addAffectedCustomer,
  BREACH_SETTING,
  notifyAffectedCustomers,
  recordRegulatorReport,
  removeAffectedCustomer,
  sweepBreachClocks,
} from "@/lib/incidents/breach";
import { breachCard, incidentChecklist, listPlans, loadPlan } from "@/lib/incidents/plan-queries";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

let supervisor: Actor;
let supervisorId: number;
let manager: Actor;
let agent: Actor;
const T0 = new Date("2026-12-07T08:00:00Z");
const HOUR = 3_600_000;

beforeAll(async () => {
  const team = await makeTeam();
  const sup = await makeStaff("supervisor", [team]);
  supervisor = sup.actor;
  supervisorId = sup.user.id;
  manager = (await makeStaff("manager", [team])).actor;
  agent = (await makeStaff("agent", [team])).actor;
});

afterAll(async () => {
  await db.incident.updateMany({ where: { status: "active" }, data: { status: "closed" } });
  await stopBoss();
});

function plan(overrides: Record<string, unknown> = {}) {
  return {
    type: "airport_closure",
    level: "L2",
    titleZh: "机场关闭应急预案",
    titleEn: "Airport closure plan",
    ownerId: supervisorId,
    steps: [
      { zh: "10 分钟内上报", en: "Report within 10 minutes", role: "duty_manager", targetMinutes: 10 },
      { zh: "发布客户通知", en: "Notify customers", role: "communications", targetMinutes: 30 },
      { zh: "安排住宿", en: "Arrange hotels", role: "operations", targetMinutes: null },
    ],
    contacts: [{ role: "值班经理 Duty manager", name: "王强", phone: "+86 10 6459 0000" }],
    scriptZh: "非常抱歉，机场因天气关闭。",
    scriptEn: "We are sorry: the airport is closed by the weather.",
    compensationRules: [{ condition: "delay_hours", thresholdHours: 4, kind: "voucher", amount: 200, currency: "cny" }],
    ...overrides,
  };
}

function declaration(overrides: Record<string, unknown> = {}) {
  return {
    type: "airport_closure",
    level: "L2",
    title: "Fog closes PVG",
    impactEstimate: "About 3,000 passengers",
    ownerId: supervisorId,
    startedAt: T0.toISOString(),
    scope: { airports: ["PVG"] },
    ...overrides,
  };
}

describe("contingency plans", () => {
  it("refuses agents, names every bad field, and caps the review date at 3 years after the revision", async () => {
    expect(await createPlan(agent, plan(), T0)).toMatchObject({ ok: false, error: "forbidden" });
    const bad = await createPlan(
      supervisor,
      plan({ titleZh: "", steps: [], compensationRules: [{ condition: "delay_hours", kind: "voucher", amount: -1 }] }),
      T0,
    );
    expect(bad).toMatchObject({ ok: false, error: "invalid" });
    if (bad.ok) return;
    expect(bad.fields).toMatchObject({
      titleZh: ["required"],
      steps: ["required"],
      "compensationRules.0.amount": ["invalid_number"],
      "compensationRules.0.thresholdHours": ["required"],
    });
    const created = await createPlan(supervisor, plan({ nextReviewAt: "2035-01-01" }), T0);
    if (!created.ok) throw new Error(JSON.stringify(created));
    const row = await db.contingencyPlan.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.nextReviewAt.toISOString().slice(0, 10)).toBe("2029-12-07");
    expect(row.compensationRules).toEqual([
      { condition: "delay_hours", thresholdHours: 4, kind: "voucher", amount: 200, currency: "CNY" },
    ]);
    expect(await db.planRevision.count({ where: { planId: created.id } })).toBe(1);
    expect(
      await db.auditLog.count({
        where: { entityType: "contingency_plan", entityId: String(created.id), action: "plan.create" },
      }),
    ).toBe(1);
  });

  it("keeps every revision, refuses a stale one, and warns when the plan is past its review or never drilled", async () => {
    const created = await createPlan(
      supervisor,
      plan({ type: "safety", level: null }),
      new Date("2023-12-20T00:00:00Z"),
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    const listed = (await listPlans(T0)).find((row) => row.id === created.id);
    expect(listed).toMatchObject({ review: "due_soon", drill: "never" });
    expect((await listPlans(new Date("2026-12-21T00:00:00Z"))).find((row) => row.id === created.id)?.review).toBe(
      "overdue",
    );
    const revised = await revisePlan(
      manager,
      created.id,
      { ...plan({ type: "safety", level: null, titleEn: "Safety plan v2" }), revision: 1, changeNote: "New hotline" },
      T0,
    );
    expect(revised).toEqual({ ok: true, revision: 2 });
    expect(await revisePlan(supervisor, created.id, { ...plan({ type: "safety" }), revision: 1 }, T0)).toMatchObject({
      ok: false,
      error: "conflict",
    });
    const detail = await loadPlan(created.id, T0);
    expect(detail?.revisions.map((row) => row.revision)).toEqual([2, 1]);
    expect(detail?.revisions[0]?.changeNote).toBe("New hotline");
    expect(detail?.review).toBe("current");
  });

  it("is proposed when an incident of its type is declared, and its checklist ticks are audited once", async () => {
    const specific = await createPlan(
      supervisor,
      plan({ type: "public_opinion", level: "L1", titleEn: "L1 social media" }),
      T0,
    );
    const general = await createPlan(
      supervisor,
      plan({ type: "public_opinion", level: null, titleEn: "Any-level social media" }),
      T0,
    );
    if (!specific.ok || !general.ok) throw new Error("plans");
    const l1 = await declareIncident(
      supervisor,
      declaration({ type: "public_opinion", level: "L1", scope: { keywords: ["微博"] } }),
      T0,
    );
    const l3 = await declareIncident(
      supervisor,
      declaration({ type: "public_opinion", level: "L3", scope: { keywords: ["抖音"] } }),
      T0,
    );
    if (!l1.ok || !l3.ok) throw new Error("declare");
    expect((await db.incidentPlan.findUniqueOrThrow({ where: { incidentId: l1.id } })).planId).toBe(specific.id);
    expect((await db.incidentPlan.findUniqueOrThrow({ where: { incidentId: l3.id } })).planId).toBe(general.id);
    expect(await db.incidentEvent.count({ where: { incidentId: l1.id, kind: "plan_adopted" } })).toBe(1);

    expect(await checkPlanStep(agent, l1.id, { step: 0, checked: true })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await checkPlanStep(supervisor, l1.id, { step: 7, checked: true })).toMatchObject({
      ok: false,
      fields: { step: ["unknown"] },
    });
    await Promise.all([
      checkPlanStep(supervisor, l1.id, { step: 0, checked: true }),
      checkPlanStep(manager, l1.id, { step: 0, checked: true }),
    ]);
    expect(
      await db.auditLog.count({
        where: { entityType: "incident", entityId: String(l1.id), action: "incident.plan_check" },
      }),
    ).toBe(1);
    const list = await incidentChecklist(l1.id);
    expect(list?.steps.map((step) => step.checkedAt !== null)).toEqual([true, false, false]);
    await checkPlanStep(supervisor, l1.id, { step: 0, checked: false });
    expect((await incidentChecklist(l1.id))?.steps[0]?.checkedAt).toBeNull();

    // A later revision of the plan does not move the ticks of the incident that follows the earlier one.
    await revisePlan(
      supervisor,
      specific.id,
      {
        ...plan({ type: "public_opinion", level: "L1", steps: [{ zh: "新步骤", en: "New step", role: "agent" }] }),
        revision: 1,
      },
      T0,
    );
    const after = await incidentChecklist(l1.id);
    expect(after?.steps).toHaveLength(3);
    expect(after?.newerRevision).toBe(true);

    // Adopting another plan starts its checklist again, audited.
    expect(await adoptPlan(supervisor, l1.id, { planId: general.id })).toMatchObject({ ok: true, planId: general.id });
    expect((await incidentChecklist(l1.id))?.titleEn).toBe("Any-level social media");
    expect(await adoptPlan(supervisor, 999_999, { planId: general.id })).toMatchObject({
      ok: false,
      error: "not_found",
    });
  });
});

describe("drills", () => {
  it("records timings against the plan's targets and opens linked improvement actions", async () => {
    const created = await createPlan(supervisor, plan({ type: "system_outage" }), T0);
    if (!created.ok) throw new Error("plan");
    const input = {
      heldAt: "2026-11-20",
      scenario: "Check-in system down at T3 for 2 hours",
      participants: ["王强", "Ann Lee", "王强"],
      timings: [
        { step: 0, achievedMinutes: 12 },
        { step: 1, achievedMinutes: 25 },
      ],
      findings: "Report was 2 minutes late",
      followUps: ["Pre-write the outage SMS"],
    };
    expect(await recordDrill(supervisor, created.id, input, T0)).toMatchObject({
      ok: false,
      fields: { followUps: ["forbidden"] },
    });
    expect(
      await recordDrill(manager, created.id, { ...input, timings: [{ step: 9, achievedMinutes: 1 }] }, T0),
    ).toMatchObject({ ok: false, fields: { "timings.0.step": ["unknown"] } });
    expect(await recordDrill(manager, created.id, { ...input, heldAt: "2027-03-01" }, T0)).toMatchObject({
      ok: false,
      fields: { heldAt: ["in_future"] },
    });
    const drill = await recordDrill(manager, created.id, input, T0);
    if (!drill.ok) throw new Error(JSON.stringify(drill));
    expect(drill.actionIds).toHaveLength(1);
    const action = await db.improvementAction.findUniqueOrThrow({ where: { id: drill.actionIds[0] } });
    expect(action).toMatchObject({ title: "Pre-write the outage SMS", kind: "preventive", ownerId: supervisorId });
    const detail = await loadPlan(created.id, T0);
    expect(detail?.drill).toBe("current");
    expect(detail?.drills[0]?.participants).toEqual(["王强", "Ann Lee"]);
    expect(detail?.drills[0]?.timings).toEqual([
      { step: 0, targetMinutes: 10, achievedMinutes: 12 },
      { step: 1, targetMinutes: 30, achievedMinutes: 25 },
    ]);
    expect(detail?.drills[0]?.actions.map((row) => row.title)).toEqual(["Pre-write the outage SMS"]);
    expect((await loadPlan(created.id, new Date("2028-01-01T00:00:00Z")))?.drill).toBe("stale");
    expect(await recordDrill(supervisor, created.id, { ...input, followUps: [] }, T0)).toMatchObject({ ok: true });
  });
});

describe("data breach incidents", () => {
  it("start the regulator clock from the setting, remind and mark it overdue once, and record the report", async () => {
    await db.setting.upsert({
      where: { key: BREACH_SETTING },
      create: { key: BREACH_SETTING, value: { regulatorHours: 4, reminderHours: 1 } },
      update: { value: { regulatorHours: 4, reminderHours: 1 } },
    });
    const declared = await declareIncident(
      supervisor,
      declaration({
        type: "data_breach",
        level: "L1",
        title: "Member database exposed",
        scope: { keywords: ["泄露"] },
      }),
      T0,
    );
    if (!declared.ok) throw new Error(JSON.stringify(declared));
    const breach = await db.incidentBreach.findUniqueOrThrow({ where: { incidentId: declared.id } });
    expect(breach.regulatorDueAt.getTime()).toBe(T0.getTime() + 4 * HOUR);
    expect(await sweepBreachClocks(new Date(T0.getTime() + 2 * HOUR))).toEqual({ reminded: 0, overdue: 0 });
    expect((await sweepBreachClocks(new Date(T0.getTime() + 3.5 * HOUR))).reminded).toBeGreaterThanOrEqual(1);
    const late = new Date(T0.getTime() + 5 * HOUR);
    const [first, second] = await Promise.all([sweepBreachClocks(late), sweepBreachClocks(late)]);
    expect(await db.incidentEvent.count({ where: { incidentId: declared.id, kind: "regulator_overdue" } })).toBe(1);
    expect(first.overdue + second.overdue).toBeGreaterThanOrEqual(1);
    expect(await db.incidentEvent.count({ where: { incidentId: declared.id, kind: "regulator_due_soon" } })).toBe(1);
    expect((await breachCard(declared.id, late))?.clock.state).toBe("overdue");

    expect(
      await recordRegulatorReport(
        supervisor,
        declared.id,
        { version: 1, reportedAt: "2026-12-07T13:30:00Z", reference: "" },
        late,
      ),
    ).toMatchObject({ ok: false, fields: { reference: ["required"] } });
    expect(
      await recordRegulatorReport(
        supervisor,
        declared.id,
        { version: 1, reportedAt: "2026-12-09T00:00:00Z", reference: "CAC-1" },
        late,
      ),
    ).toMatchObject({ ok: false, fields: { reportedAt: ["in_future"] } });
    expect(
      await recordRegulatorReport(
        supervisor,
        declared.id,
        { version: 1, reportedAt: "2026-12-07T12:30:00Z", reference: "网信办 2026-118" },
        late,
      ),
    ).toEqual({ ok: true, version: 2, late: true });
    expect(
      await recordRegulatorReport(
        manager,
        declared.id,
        { version: 1, reportedAt: "2026-12-07T12:30:00Z", reference: "again" },
        late,
      ),
    ).toMatchObject({ ok: false, error: "conflict" });
    expect((await breachCard(declared.id, late))?.clock.state).toBe("reported");
    expect(
      await recordRegulatorReport(
        supervisor,
        999_999,
        { version: 1, reportedAt: "2026-12-07T12:30:00Z", reference: "x" },
        late,
      ),
    ).toMatchObject({ ok: false, error: "not_found" });
    await db.setting.delete({ where: { key: BREACH_SETTING } });
  });

  it("lists customers of linked complaints and hand-added ones, and sends the notice to both", async () => {
    const declared = await declareIncident(
      supervisor,
      declaration({
        type: "data_breach",
        level: "L2",
        title: "Leaked booking e-mails",
        scope: { keywords: ["邮箱泄露"] },
      }),
      T0,
    );
    if (!declared.ok) throw new Error(JSON.stringify(declared));
    const linkedCustomer = await makeCustomer({ name: "李雷", email: "li.lei.breach@example.com", phone: null });
    await makeComplaint({ customerId: linkedCustomer.id, incidentId: declared.id });
    const byEmail = await makeCustomer({ name: "Ann Lee", email: "ann.breach@example.com", phone: null, locale: "en" });
    const optedOut = await makeCustomer({
      name: "韩梅梅",
      email: null,
      phone: "+86 139 1111 2222",
      preferredChannel: "sms",
      smsOptedOutAt: T0,
    });
    const nowhere = await makeCustomer({ name: "无联系方式", email: null, phone: null });

    expect(await addAffectedCustomer(agent, declared.id, { customerId: byEmail.id })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await addAffectedCustomer(supervisor, declared.id, { customerId: 999_999 })).toMatchObject({
      ok: false,
      fields: { customerId: ["unknown"] },
    });
    for (const customer of [byEmail, optedOut, nowhere])
      expect(
        await addAffectedCustomer(supervisor, declared.id, { customerId: customer.id, note: "from the leaked file" }),
      ).toMatchObject({ ok: true, added: true });
    expect(await addAffectedCustomer(supervisor, declared.id, { customerId: byEmail.id })).toMatchObject({
      ok: true,
      added: false,
    });
    const ordinary = await declareIncident(
      supervisor,
      declaration({ title: "Not a breach", scope: { airports: ["CAN"] } }),
      T0,
    );
    if (!ordinary.ok) throw new Error("declare");
    expect(await addAffectedCustomer(supervisor, ordinary.id, { customerId: byEmail.id })).toMatchObject({
      ok: false,
      error: "unprocessable",
    });

    const card = await breachCard(declared.id, T0);
    expect(card?.customers.map((row) => [row.name, row.source])).toEqual([
      ["李雷", "complaint"],
      ["Ann Lee", "manual"],
      ["韩梅梅", "manual"],
      ["无联系方式", "manual"],
    ]);

    const notice = {
      subjectZh: "关于您信息安全的通知",
      subjectEn: "About your data",
      bodyZh: "{name}您好：{incident}。",
      bodyEn: "Dear {name}: {incident}.",
    };
    expect(await notifyAffectedCustomers(supervisor, declared.id, { ...notice, bodyEn: "Dear {nmae}" })).toMatchObject({
      ok: false,
      fields: { bodyEn: ["unknown_placeholder:nmae"] },
    });
    const sent = await notifyAffectedCustomers(supervisor, declared.id, notice, T0);
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    expect(sent).toMatchObject({ direct: 2, unreachable: 1 });
    expect(sent.runId).not.toBeNull();
    expect(
      await db.outboundEmail.findFirst({
        where: { to: "ann.breach@example.com" },
        select: { subject: true, text: true },
      }),
    ).toEqual({ subject: "About your data", text: "Dear Ann Lee: Leaked booking e-mails." });
    // The breach notice is mandatory: it reaches a customer who opted out of marketing SMS.
    expect(await db.outboundSms.findFirst({ where: { customerId: optedOut.id }, select: { mandatory: true } })).toEqual(
      { mandatory: true },
    );
    expect(
      (
        await db.incidentAffectedCustomer.findUniqueOrThrow({
          where: { incidentId_customerId: { incidentId: declared.id, customerId: nowhere.id } },
        })
      ).notifiedAt,
    ).toBeNull();
    expect(await db.incidentRun.count({ where: { incidentId: declared.id, kind: "notify" } })).toBe(1);

    expect(await removeAffectedCustomer(supervisor, declared.id, nowhere.id)).toMatchObject({ ok: true });
    expect(await removeAffectedCustomer(supervisor, declared.id, nowhere.id)).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(
      await db.auditLog.count({
        where: {
          entityType: "incident",
          entityId: String(declared.id),
          action: { in: ["incident.affected_add", "incident.affected_remove", "incident.breach_notice"] },
        },
      }),
    ).toBe(5);
  });
});
