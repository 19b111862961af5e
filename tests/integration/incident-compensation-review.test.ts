// Incidents, second part (issue 17 items 4, 6, 7): compensation by rule (rules with version check, preview, bulk
// proposals as a run that creates nothing twice, one-step approval within the approver's limit or split, issuing one
// by one, totals), scope editing, the missed-report bell, and closing only with a review that creates CAPA actions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import type { Actor } from "@/lib/auth/permissions";
import { changeIncidentStatus, declareIncident } from "@/lib/incidents/service";
import { processIncidentRun, requestLinkRun } from "@/lib/incidents/runs";
import { sweepIncidentClocks } from "@/lib/incidents/clock-sweep";
import {
  approveIncidentCompensation,
  incidentCompensationTotals,
  pendingIncidentCompensation,
  previewCompensation,
  requestCompensateRun,
  saveCompensationRules,
} from "@/lib/incidents/compensation";
import { updateIncidentScope } from "@/lib/incidents/scope-edit";
import { saveIncidentReview } from "@/lib/incidents/review";
import { incidentWords } from "@/lib/incidents/words";
import { markCompensationIssued, proposeCompensation } from "@/lib/compensation/service";
import { makeChannel, makeCustomer, makeSeverity, makeStaff, makeTeam } from "./factories";

let supervisor: Actor;
let supervisorId: number;
let otherSupervisor: Actor;
let manager: Actor;
let managerId: number;
let agent: Actor;
let teamId: number;
let channelId: number;
let severityId: number;
const T0 = new Date("2026-12-07T08:00:00Z");

beforeAll(async () => {
  const team = await makeTeam();
  teamId = team.id;
  const sup = await makeStaff("supervisor", [team]);
  supervisor = sup.actor;
  supervisorId = sup.user.id;
  otherSupervisor = (await makeStaff("supervisor", [team])).actor;
  const mgr = await makeStaff("manager", [team]);
  manager = mgr.actor;
  managerId = mgr.user.id;
  agent = (await makeStaff("agent", [team])).actor;
  channelId = (await makeChannel()).id;
  severityId = (await makeSeverity()).id;
});

afterAll(async () => {
  await db.incident.updateMany({ where: { status: "active" }, data: { status: "closed" } });
  await stopBoss();
});

async function declared(flights: string[], title = "台风停航") {
  const result = await declareIncident(
    supervisor,
    {
      type: "flight_disruption",
      level: "L2",
      title,
      impactEstimate: "约 500 名旅客",
      ownerId: supervisorId,
      startedAt: T0.toISOString(),
      scope: { flightNumbers: flights },
    },
    T0,
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}

let serial = 0;
async function linkedComplaint(
  incidentId: number,
  flightNumber: string,
  extra: { status?: "in_progress" | "resolved"; subject?: string; description?: string } = {},
) {
  const customer = await makeCustomer();
  serial += 1;
  return db.complaint.create({
    data: {
      reference: `CMP-2026-55${String(serial).padStart(4, "0")}`,
      customerId: customer.id,
      channelId,
      severityId,
      teamId,
      subject: extra.subject ?? "航班延误",
      description: extra.description ?? "航班延误很久，没有人通知",
      flightNumber,
      serviceDate: new Date("2026-12-07T00:00:00Z"),
      incidentId,
      status: extra.status ?? "in_progress",
      createdAt: new Date(T0.getTime() + 60_000),
    },
  });
}

const RULES = [
  { condition: { kind: "cancelled" }, compensation: "refund", amount: "1500", currency: "CNY" },
  { condition: { kind: "overnight" }, compensation: "meal_hotel", amount: "800", currency: "CNY" },
  { condition: { kind: "delay_at_least", hours: 4 }, compensation: "voucher", amount: "200", currency: "CNY" },
];
const FLIGHTS = [
  { flightNumber: "ZY1001", serviceDate: "2026-12-07", delayHours: 5, overnight: false, cancelled: false },
  { flightNumber: "ZY1002", serviceDate: null, delayHours: 9, overnight: true, cancelled: false },
  { flightNumber: "ZY1003", serviceDate: "2026-12-07", delayHours: null, overnight: false, cancelled: true },
  { flightNumber: "ZY1004", serviceDate: "2026-12-07", delayHours: 2, overnight: false, cancelled: false },
];

describe("compensation by rule", () => {
  it("edits the rule table with field errors and a version check, previews, proposes once, approves by limit and issues one by one", async () => {
    const id = await declared(["ZY1001", "ZY1002", "ZY1003", "ZY1004"]);
    const delayed = [];
    for (let i = 0; i < 10; i += 1) delayed.push(await linkedComplaint(id, "ZY1001"));
    for (let i = 0; i < 3; i += 1) await linkedComplaint(id, "ZY1002");
    for (let i = 0; i < 2; i += 1) await linkedComplaint(id, "ZY1003");
    await linkedComplaint(id, "ZY1004"); // 2 h: meets no rule
    await linkedComplaint(id, "ZY1001", { status: "resolved" }); // done: no compensation
    const compensatedBefore = await linkedComplaint(id, "ZY1001");
    expect(
      await proposeCompensation(agent, {
        complaintId: compensatedBefore.id,
        kind: "voucher",
        amount: "100.00",
        currency: "CNY",
        reason: "已在柜台补偿",
      }),
    ).toMatchObject({ ok: true });

    expect(await saveCompensationRules(agent, id, { version: 0, rules: RULES, flights: FLIGHTS })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    const bad = await saveCompensationRules(supervisor, id, {
      version: 0,
      rules: [
        { condition: { kind: "delay_at_least", hours: 200 }, compensation: "voucher", amount: "-5", currency: "yuan" },
      ],
      flights: [FLIGHTS[0], FLIGHTS[0]],
    });
    expect(bad).toMatchObject({
      ok: false,
      error: "invalid",
      fields: {
        "rules.0.condition.hours": ["invalid_hours"],
        "rules.0.amount": ["invalid_amount"],
        "rules.0.currency": ["invalid_currency"],
        "flights.1.flightNumber": ["duplicate"],
      },
    });
    expect(
      await saveCompensationRules(supervisor, id, { version: 0, rules: RULES.slice(2), flights: FLIGHTS }),
    ).toMatchObject({ ok: true, version: 1 });
    expect(await saveCompensationRules(manager, id, { version: 0, rules: RULES, flights: FLIGHTS })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await saveCompensationRules(supervisor, id, { version: 1, rules: RULES, flights: FLIGHTS })).toMatchObject({
      ok: true,
      version: 2,
    });
    expect(await db.auditLog.count({ where: { action: "incident.compensation_rules", entityId: String(id) } })).toBe(2);

    const preview = await previewCompensation(supervisor, id);
    // 10 × 200 + 3 × 800 + 2 × 1500 = 7,400 CNY.
    expect(preview).toMatchObject({
      ok: true,
      count: 15,
      totals: [{ currency: "CNY", amount: "7400.00" }],
      alreadyCompensated: 1,
      notOpen: 1,
      noRule: 1,
    });
    if (!preview.ok) return;
    expect(preview.byRule.map((row) => row.count)).toEqual([2, 3, 10]);

    expect(await requestCompensateRun(supervisor, id, { rulesVersion: 1 })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    const run = await requestCompensateRun(supervisor, id, { rulesVersion: 2 });
    if (!run.ok) throw new Error(JSON.stringify(run));
    expect(run.total).toBe(15);
    // Compensated by hand after the request: the run leaves it alone.
    expect(
      await proposeCompensation(agent, {
        complaintId: delayed[0]!.id,
        kind: "cash",
        amount: "50",
        currency: "CNY",
        reason: "现场安抚",
      }),
    ).toMatchObject({ ok: true });
    expect(await processIncidentRun(run.runId)).toEqual({ status: "done" });
    expect(await processIncidentRun(run.runId)).toEqual({ status: "done" });
    const finished = await db.incidentRun.findUniqueOrThrow({ where: { id: run.runId } });
    expect(finished).toMatchObject({ status: "done", succeeded: 14, failed: 1 });
    expect(finished.failures).toEqual([
      expect.objectContaining({ complaintId: delayed[0]!.id, reason: "already_compensated" }),
    ]);
    expect(await db.compensation.count({ where: { incidentId: id, status: "proposed" } })).toBe(14);
    expect(
      await db.complaintEvent.count({
        where: {
          kind: "compensation_proposed",
          complaint: { incidentId: id },
          data: { path: ["incidentId"], equals: id },
        },
      }),
    ).toBe(14);
    expect(
      await db.auditLog.count({
        where: { action: "compensation.propose", changes: { path: ["incidentId"], equals: id } },
      }),
    ).toBe(14);
    // A second run finds nothing left to compensate.
    expect(await requestCompensateRun(supervisor, id, { rulesVersion: 2 })).toMatchObject({
      ok: false,
      fields: { _: ["nothing_to_do"] },
    });

    // Approval: 14 proposals, 7,200 CNY. The proposer may not approve their own; a supervisor (limit 5,000) may not
    // approve all, but may approve the share within the limit; a manager approves the rest in one step.
    const seen = await pendingIncidentCompensation(otherSupervisor, id);
    expect(seen.totals).toEqual([{ currency: "CNY", amount: "7200.00" }]);
    expect(await approveIncidentCompensation(supervisor, id, { mode: "all", token: seen.token })).toMatchObject({
      ok: false,
      fields: { _: ["own_proposals"] },
    });
    expect(await approveIncidentCompensation(otherSupervisor, id, { mode: "all", token: seen.token })).toMatchObject({
      ok: false,
      error: "forbidden",
      fields: { _: ["above_limit"] },
      details: { requiredRole: "manager" },
    });
    expect(
      await approveIncidentCompensation(otherSupervisor, id, { mode: "within_limit", token: "stale" }),
    ).toMatchObject({ ok: false, error: "conflict" });
    const share = await approveIncidentCompensation(otherSupervisor, id, { mode: "within_limit", token: seen.token });
    expect(share).toMatchObject({ ok: true });
    if (!share.ok) return;
    const approvedSum = await db.compensation.aggregate({
      where: { incidentId: id, status: "approved" },
      _sum: { amount: true },
    });
    expect(Number(approvedSum._sum.amount)).toBeLessThanOrEqual(5000);
    expect(share.approved + share.remaining).toBe(14);
    const rest = await pendingIncidentCompensation(manager, id);
    expect(await approveIncidentCompensation(manager, id, { mode: "all", token: rest.token })).toMatchObject({
      ok: true,
      approved: share.remaining,
      remaining: 0,
    });
    expect(await db.compensation.count({ where: { incidentId: id, status: "approved" } })).toBe(14);
    expect(
      await db.auditLog.count({
        where: { action: "compensation.approve", changes: { path: ["incidentId"], equals: id } },
      }),
    ).toBe(14);

    // Issued individually, each with its audit row.
    const one = await db.compensation.findFirstOrThrow({ where: { incidentId: id, status: "approved" } });
    expect(await markCompensationIssued(agent, { compensationId: one.id, version: one.version })).toMatchObject({
      ok: true,
    });
    expect(await db.auditLog.count({ where: { action: "compensation.issue", entityId: String(one.id) } })).toBe(1);

    const totals = await incidentCompensationTotals(id);
    expect(totals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: "approved", currency: "CNY", count: 13 }),
        expect.objectContaining({ status: "issued", currency: "CNY", count: 1, amount: one.amount.toFixed(2) }),
      ]),
    );
    await db.incident.update({ where: { id }, data: { status: "closed" } });
  });
});

describe("scope editing, the missed-report bell and the review", () => {
  it("edits the scope with a version check and audit, and answers with the new matches", async () => {
    const id = await declared(["ZY2001"]);
    const customer = await makeCustomer();
    await db.complaint.create({
      data: {
        reference: "CMP-2026-549001",
        customerId: customer.id,
        channelId,
        severityId,
        subject: "航班取消",
        description: "ZY2002 取消",
        flightNumber: "ZY2002",
        createdAt: new Date(T0.getTime() + 60_000),
      },
    });
    const incident = await db.incident.findUniqueOrThrow({ where: { id } });
    expect(
      await updateIncidentScope(agent, id, { version: incident.version, scope: { flightNumbers: ["ZY2002"] } }),
    ).toMatchObject({ ok: false, error: "forbidden" });
    expect(
      await updateIncidentScope(supervisor, id, { version: incident.version, scope: { flightNumbers: ["bad!"] } }),
    ).toMatchObject({ ok: false, fields: { "scope.flightNumbers.0": ["invalid_flight"] } });
    expect(
      await updateIncidentScope(supervisor, id, {
        version: incident.version,
        scope: { flightNumbers: ["ZY2001", "zy2002"] },
      }),
    ).toMatchObject({ ok: true, version: incident.version + 1, proposed: 1 });
    expect(
      await updateIncidentScope(manager, id, { version: incident.version, scope: { flightNumbers: ["ZY2003"] } }),
    ).toMatchObject({ ok: false, error: "conflict" });
    expect((await db.incident.findUniqueOrThrow({ where: { id } })).flightNumbers).toEqual(["ZY2001", "ZY2002"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "incident.scope", entityId: String(id) } });
    expect(audit.changes).toMatchObject({
      from: { flightNumbers: ["ZY2001"] },
      to: { flightNumbers: ["ZY2001", "ZY2002"] },
    });
    const run = await requestLinkRun(supervisor, id);
    if (!run.ok) throw new Error(JSON.stringify(run));
    await processIncidentRun(run.runId);
    expect(await db.complaint.count({ where: { incidentId: id } })).toBe(1);
    await db.incident.update({ where: { id }, data: { status: "closed" } });
  });

  it("rings the owner's bell once when the first report is missed", async () => {
    const id = await declared(["ZY3001"], "系统故障");
    const late = new Date(T0.getTime() + 11 * 60_000);
    await sweepIncidentClocks(late);
    await sweepIncidentClocks(new Date(late.getTime() + 60_000));
    const bells = await db.notification.findMany({ where: { userId: supervisorId, kind: "incident.report_overdue" } });
    expect(bells.filter((bell) => (bell.params as { incidentId?: number }).incidentId === id)).toHaveLength(1);
    expect(bells.find((bell) => (bell.params as { incidentId?: number }).incidentId === id)?.params).toMatchObject({
      title: "系统故障",
      stage: "first",
    });
    await db.incident.update({ where: { id }, data: { status: "closed" } });
  });

  it("closes only with a review, whose improvement actions managers create in the CAPA list", async () => {
    const id = await declared(["ZY4001"]);
    await linkedComplaint(id, "ZY4001", { subject: "行李延误", description: "台风导致行李延误，客服电话打不通" });
    await linkedComplaint(id, "ZY4001", { subject: "行李延误", description: "客服电话打不通，行李延误两天" });
    const review = {
      version: 0,
      summary: "08:00 宣布，08:12 首报，18:00 恢复。",
      wentWell: "十分钟内完成首报。",
      wentBadly: "客服热线排队过长。",
    };
    expect(await saveIncidentReview(supervisor, id, review)).toMatchObject({
      ok: false,
      fields: { _: ["still_active"] },
    });
    let version = (await db.incident.findUniqueOrThrow({ where: { id } })).version;
    expect(await changeIncidentStatus(supervisor, id, { version, status: "recovered" })).toMatchObject({ ok: true });
    version += 1;
    expect(await changeIncidentStatus(supervisor, id, { version, status: "closed" })).toMatchObject({
      ok: false,
      error: "unprocessable",
      fields: { status: ["review_required"] },
    });

    const action = {
      title: "热线高峰扩容",
      kind: "preventive",
      ownerId: managerId,
      dueOn: "2027-01-31",
      description: "",
    };
    expect(await saveIncidentReview(supervisor, id, { ...review, actions: [action] })).toMatchObject({
      ok: false,
      fields: { actions: ["manager_only"] },
    });
    expect(
      await saveIncidentReview(manager, id, { ...review, summary: "", actions: [{ ...action, title: "" }] }),
    ).toMatchObject({ ok: false, fields: { summary: ["required"], "actions.0.title": ["required"] } });
    const saved = await saveIncidentReview(manager, id, { ...review, actions: [action] });
    expect(saved).toMatchObject({ ok: true, version: 1 });
    if (!saved.ok) return;
    const created = await db.improvementAction.findMany({ where: { incidentId: id } });
    expect(created).toMatchObject([{ title: "热线高峰扩容", kind: "preventive", status: "open", ownerId: managerId }]);
    expect(await db.auditLog.count({ where: { action: "improvement.create", entityId: String(created[0]!.id) } })).toBe(
      1,
    );
    expect(await saveIncidentReview(supervisor, id, review)).toMatchObject({ ok: false, error: "conflict" });
    expect(
      await saveIncidentReview(supervisor, id, { ...review, version: 1, wentWell: "首报及时，补偿规则清楚。" }),
    ).toMatchObject({ ok: true, version: 2 });
    const stored = await db.incidentReview.findUniqueOrThrow({ where: { incidentId: id } });
    expect(stored.figures).toMatchObject({ linked: 2, open: 2 });
    expect(
      await db.incidentEvent.count({ where: { incidentId: id, kind: { in: ["reviewed", "review_revised"] } } }),
    ).toBe(2);

    expect(await changeIncidentStatus(supervisor, id, { version, status: "closed" })).toMatchObject({ ok: true });
    // What customers say: the shared words of the two complaints, most frequent first.
    const words = await incidentWords(id);
    const shared = words.filter((word) => word.count === 2).map((word) => word.term);
    expect(shared).toEqual(expect.arrayContaining(["行李", "延误", "客服", "电话"]));
    expect(words.findIndex((word) => word.term === "台风")).toBeGreaterThan(shared.length - 1); // said once: after the shared ones
  });
});
