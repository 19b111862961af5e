// Incidents end to end against the real database and job tables: declare (validation, permission, locking, clock),
// the matching proposal and the bulk link job restarted after a crash, linking at creation, the customer update
// through the e-mail and SMS outboxes, and bulk resolution through the normal transition use case.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import type { Actor } from "@/lib/auth/permissions";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { changeIncidentStatus, declareIncident, reportIncident, setExclusion } from "@/lib/incidents/service";
import {
  processIncidentRun,
  proposeLinks,
  requestLinkRun,
  requestNotifyRun,
  requestResolveRun,
} from "@/lib/incidents/runs";
import { sweepIncidentClocks } from "@/lib/incidents/clock-sweep";
import { matchesScope, matchWhere } from "@/lib/incidents/matching";
import { makeChannel, makeCustomer, makeSeverity, makeStaff, makeTeam } from "./factories";

let supervisor: Actor;
let supervisorId: number;
let manager: Actor;
let agent: Actor;
let channelId: number;
let severityId: number;
let rootCauseId: number;
const T0 = new Date("2026-12-07T08:00:00Z");

beforeAll(async () => {
  const team = await makeTeam();
  const sup = await makeStaff("supervisor", [team]);
  supervisor = sup.actor;
  supervisorId = sup.user.id;
  manager = (await makeStaff("manager", [team])).actor;
  agent = (await makeStaff("agent", [team])).actor;
  channelId = (await makeChannel()).id;
  severityId = (await makeSeverity()).id;
  rootCauseId = (
    await db.rootCause.create({ data: { code: "RC-INC-1", kind: "external", nameZh: "天气", nameEn: "Weather" } })
  ).id;
});

afterAll(async () => {
  // Other test files may share this database: no active incident of ours may link their complaints.
  await db.incident.updateMany({ where: { status: "active" }, data: { status: "closed" } });
  await stopBoss();
});

function declaration(overrides: Record<string, unknown> = {}) {
  return {
    type: "flight_disruption",
    level: "L2",
    title: "Typhoon cancellations ZZ9001",
    impactEstimate: "About 1,200 passengers on 8 flights",
    ownerId: supervisorId,
    customerScript: "We are sorry: flight {flight} was cancelled by the typhoon.",
    startedAt: T0.toISOString(),
    scope: { flightNumbers: ["zz9001"], serviceDateFrom: "2026-12-07", serviceDateTo: "2026-12-08" },
    ...overrides,
  };
}

async function declared(overrides: Record<string, unknown> = {}) {
  const result = await declareIncident(supervisor, declaration(overrides), T0);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}

describe("declaring an incident", () => {
  it("refuses agents, reports every invalid field, and needs a matching criterion", async () => {
    expect(await declareIncident(agent, declaration(), T0)).toMatchObject({ ok: false, error: "forbidden" });
    const bad = await declareIncident(
      supervisor,
      declaration({
        level: "L9",
        title: "",
        scope: { flightNumbers: [], windowStart: "2026-12-08T00:00:00Z", windowEnd: "2026-12-07T00:00:00Z" },
      }),
      T0,
    );
    expect(bad).toMatchObject({ ok: false, error: "invalid" });
    if (bad.ok) return;
    expect(bad.fields).toMatchObject({
      level: ["required"],
      title: ["required"],
      "scope.flightNumbers": ["scope_required"],
      "scope.windowEnd": ["before_start"],
    });
    const agentOwner = await makeStaff("agent");
    expect(await declareIncident(supervisor, declaration({ ownerId: agentOwner.user.id }), T0)).toMatchObject({
      ok: false,
      fields: { ownerId: ["unknown"] },
    });
  });

  it("starts the 10-minute report clock, records the timeline and audit, and locks concurrent edits", async () => {
    const id = await declared();
    const incident = await db.incident.findUniqueOrThrow({ where: { id } });
    expect(incident.firstReportDueAt?.getTime()).toBe(T0.getTime() + 10 * 60_000);
    expect(incident.flightNumbers).toEqual(["ZZ9001"]);
    expect(await db.incidentEvent.count({ where: { incidentId: id, kind: "declared" } })).toBe(1);
    expect(
      await db.auditLog.count({ where: { entityType: "incident", entityId: String(id), action: "incident.declare" } }),
    ).toBe(1);

    // The sweep records the missed first report once, however often it runs.
    const late = new Date(T0.getTime() + 12 * 60_000);
    await sweepIncidentClocks(late);
    await sweepIncidentClocks(late);
    expect(await db.incidentEvent.count({ where: { incidentId: id, kind: "report_overdue" } })).toBe(1);

    const report = await reportIncident(
      supervisor,
      id,
      { version: 1, body: "Airport closed until 18:00; rebooking open." },
      late,
    );
    expect(report).toMatchObject({ ok: true, version: 2 });
    const after = await db.incident.findUniqueOrThrow({ where: { id } });
    expect(after.firstReportAt?.getTime()).toBe(late.getTime());
    expect(after.nextUpdateDueAt?.getTime()).toBe(late.getTime() + 60 * 60_000); // L2: hourly updates
    expect((await db.incidentEvent.findFirstOrThrow({ where: { incidentId: id, kind: "report" } })).data).toMatchObject(
      { first: true, late: true },
    );

    // Someone else reported meanwhile: the stale version is a conflict, nothing written.
    expect(await reportIncident(manager, id, { version: 1, body: "Stale" }, late)).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await changeIncidentStatus(agent, id, { version: 2, status: "recovered" })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await changeIncidentStatus(supervisor, id, { version: 2, status: "recovered" })).toMatchObject({
      ok: true,
      version: 3,
    });
    expect((await db.incident.findUniqueOrThrow({ where: { id } })).nextUpdateDueAt).toBeNull();
    // Closing waits for the review (lib/incidents/review.ts; tested in incident-compensation-review.test.ts).
    expect(await changeIncidentStatus(supervisor, id, { version: 3, status: "closed" })).toMatchObject({
      ok: false,
      fields: { status: ["review_required"] },
    });
  });
});

describe("linking complaints", () => {
  it("proposes the matching complaints and links them in a job that resumes after a crash without duplicates", async () => {
    const id = await declared({
      scope: {
        flightNumbers: ["ZZ9002"],
        serviceDateFrom: "2026-12-07",
        serviceDateTo: "2026-12-07",
        keywords: ["台风苔丝"],
      },
    });
    const customer = await makeCustomer();
    const base = {
      customerId: customer.id,
      channelId,
      severityId,
      subject: "航班取消",
      description: "无人通知",
      createdAt: new Date(T0.getTime() + 3_600_000),
    };
    const rows = [
      ...Array.from({ length: 2_400 }, (_, i) => ({
        ...base,
        reference: `CMP-2026-8${String(i).padStart(5, "0")}`,
        flightNumber: "ZZ9002",
        serviceDate: new Date("2026-12-07T00:00:00Z"),
      })),
      { ...base, reference: "CMP-2026-899990", flightNumber: null, subject: "台风苔丝导致行程取消" }, // by words
      { ...base, reference: "CMP-2026-899991", flightNumber: "ZZ9002", serviceDate: new Date("2026-12-09T00:00:00Z") }, // other date
      {
        ...base,
        reference: "CMP-2026-899992",
        flightNumber: "ZZ9002",
        serviceDate: new Date("2026-12-07T00:00:00Z"),
        createdAt: new Date(T0.getTime() - 3_600_000),
      }, // before the incident
    ];
    await db.complaint.createMany({ data: rows });
    expect(await proposeLinks(agent, id)).toMatchObject({ ok: false, error: "forbidden" });
    const proposal = await proposeLinks(supervisor, id);
    expect(proposal).toMatchObject({ ok: true, count: 2_401 });

    // The pure matcher agrees with the query on each kind of row.
    const incident = await db.incident.findUniqueOrThrow({ where: { id } });
    const sampled = await db.complaint.findMany({
      where: { reference: { in: ["CMP-2026-800000", "CMP-2026-899990", "CMP-2026-899991", "CMP-2026-899992"] } },
      orderBy: { reference: "asc" },
    });
    const viaQuery = await db.complaint.findMany({
      where: { AND: [matchWhere(incident), { id: { in: sampled.map((row) => row.id) } }] },
      select: { id: true },
    });
    expect(sampled.map((row) => matchesScope(incident, row))).toEqual(
      sampled.map((row) => viaQuery.some((hit) => hit.id === row.id)),
    );
    expect(sampled.map((row) => matchesScope(incident, row))).toEqual([true, true, false, false]);

    const run = await requestLinkRun(supervisor, id);
    if (!run.ok) throw new Error(JSON.stringify(run));
    expect(run.total).toBe(2_401);
    expect(await requestLinkRun(supervisor, id)).toMatchObject({ ok: false, error: "conflict" }); // double click

    // Crash during the second batch: the first batch (1,000) stays committed with its cursor.
    let calls = 0;
    const crashing = () => {
      calls += 1;
      if (calls === 2) throw new Error("worker killed");
      return new Date();
    };
    await expect(processIncidentRun(run.runId, crashing)).rejects.toThrow("worker killed");
    expect(await db.complaint.count({ where: { incidentId: id } })).toBe(1_000);
    expect(await processIncidentRun(run.runId)).toEqual({ status: "done" });
    expect(await processIncidentRun(run.runId)).toEqual({ status: "done" }); // a duplicate job does nothing
    expect(await db.complaint.count({ where: { incidentId: id } })).toBe(2_401);
    const events = await db.complaintEvent.groupBy({
      by: ["complaintId"],
      where: { kind: "incident_linked", complaint: { incidentId: id } },
      _count: { _all: true },
    });
    expect(events).toHaveLength(2_401);
    expect(events.every((row) => row._count._all === 1)).toBe(true);
    expect(await db.incidentRun.findUniqueOrThrow({ where: { id: run.runId } })).toMatchObject({
      status: "done",
      cursor: 2_401,
      succeeded: 2_401,
      failed: 0,
    });
    await db.incident.update({ where: { id }, data: { status: "closed" } });
  });

  it("links a complaint logged later that matches an open incident, at creation", async () => {
    const id = await declared({ scope: { flightNumbers: ["ZZ9003"] } });
    const input = {
      customer: { name: "王小明", phone: "+86 138 0000 2222", locale: "zh-CN" },
      channelId,
      severityId,
      subject: "航班取消",
      description: "航班取消，机场没有任何人通知我们，也没有安排住宿。",
      flightNumber: "zz9003",
      serviceDate: "2026-12-07",
    };
    const later = new Date(T0.getTime() + 2 * 3_600_000);
    const linked = await createComplaint({ kind: "staff", actor: agent }, input, later);
    const other = await createComplaint({ kind: "staff", actor: agent }, { ...input, flightNumber: "ZZ1234" }, later);
    if (!linked.ok || !other.ok) throw new Error(JSON.stringify([linked, other]));
    expect((await db.complaint.findUniqueOrThrow({ where: { id: linked.complaint.id } })).incidentId).toBe(id);
    expect((await db.complaint.findUniqueOrThrow({ where: { id: other.complaint.id } })).incidentId).toBeNull();
    expect(
      await db.complaintEvent.count({ where: { complaintId: linked.complaint.id, kind: "incident_linked" } }),
    ).toBe(1);
    await db.incident.update({ where: { id }, data: { status: "closed" } });
  });
});

describe("telling the customers and resolving in bulk", () => {
  it("sends the bilingual update through each customer's channel, lists failures, and is repeatable", async () => {
    const id = await declared({
      title: "台风停航",
      scope: { flightNumbers: ["ZZ9004"] },
      expectedRecoveryAt: "2026-12-07T10:00:00Z",
    });
    const byEmail = await makeCustomer({ name: "李雷", email: "li.lei@example.com", phone: null, locale: "zh_CN" });
    const bySms = await makeCustomer({
      name: "Ann Lee",
      email: null,
      phone: "+86 139 1234 5678",
      locale: "en",
      preferredChannel: "sms",
    });
    const unreachable = await makeCustomer({ name: "无联系", email: null, phone: null });
    for (const [index, customer] of [byEmail, bySms, unreachable].entries()) {
      await db.complaint.create({
        data: {
          reference: `CMP-2026-77000${index}`,
          customerId: customer.id,
          channelId,
          severityId,
          subject: "停航",
          description: "停航",
          flightNumber: "ZZ9004",
          incidentId: id,
        },
      });
    }
    const update = {
      subjectZh: "{flight} 航班最新情况",
      subjectEn: "Update on flight {flight}",
      bodyZh: "{name}您好，{incident}：预计 {recovery} 恢复。",
      bodyEn: "Dear {name}, flight {flight} is expected to resume at {recovery}.",
    };
    expect(await requestNotifyRun(supervisor, id, { ...update, bodyEn: "Dear {nmae}" })).toMatchObject({
      ok: false,
      fields: { bodyEn: ["unknown_placeholder:nmae"] },
    });
    const run = await requestNotifyRun(supervisor, id, update);
    if (!run.ok) throw new Error(JSON.stringify(run));
    await processIncidentRun(run.runId);
    await processIncidentRun(run.runId);

    const emails = await db.outboundEmail.findMany({
      where: { kind: "incident_update", complaint: { incidentId: id } },
    });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: "li.lei@example.com", subject: "ZZ9004 航班最新情况" });
    expect(emails[0]?.text).toContain("李雷您好，台风停航：预计 2026年12月7日 18:00 恢复。");
    const sms = await db.outboundSms.findMany({ where: { kind: "incident_update", complaint: { incidentId: id } } });
    expect(sms).toHaveLength(1);
    expect(sms[0]?.text).toContain("Dear Ann Lee, flight ZZ9004 is expected to resume at Dec 7, 2026, 6:00 PM.");
    const finished = await db.incidentRun.findUniqueOrThrow({ where: { id: run.runId } });
    expect(finished).toMatchObject({ status: "done", succeeded: 2, failed: 1 });
    expect(finished.failures).toEqual([expect.objectContaining({ reason: "no_contact" })]);
    const timeline = await db.complaintEvent.findMany({
      where: { kind: "reply", visibility: "customer", complaint: { incidentId: id } },
    });
    expect(timeline).toHaveLength(2);

    // A second update as the situation changes goes out again.
    const again = await requestNotifyRun(supervisor, id, { ...update, bodyEn: "Flight {flight} resumes now." });
    if (!again.ok) throw new Error(JSON.stringify(again));
    await processIncidentRun(again.runId);
    expect(await db.outboundSms.count({ where: { kind: "incident_update", complaint: { incidentId: id } } })).toBe(2);
    await db.incident.update({ where: { id }, data: { status: "closed" } });
  });

  it("resolves the linked open complaints with the incident's text, leaving out the excluded ones", async () => {
    const id = await declared({ scope: { flightNumbers: ["ZZ9005"] } });
    const customer = await makeCustomer({ email: "bulk.resolve@example.com" });
    const complaints = [];
    for (let i = 0; i < 3; i += 1) {
      complaints.push(
        await db.complaint.create({
          data: {
            reference: `CMP-2026-66000${i}`,
            customerId: customer.id,
            channelId,
            severityId,
            subject: "停航",
            description: "停航",
            flightNumber: "ZZ9005",
            incidentId: id,
            status: "in_progress",
          },
        }),
      );
    }
    const [first, second, third] = complaints;
    if (!first || !second || !third) throw new Error("fixture");
    expect(await setExclusion(agent, id, { complaintId: third.id, excluded: true })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await setExclusion(supervisor, id, { complaintId: third.id, excluded: true })).toMatchObject({ ok: true });
    expect(await requestResolveRun(manager, id, { rootCauseId, resolutionText: "" })).toMatchObject({
      ok: false,
      fields: { resolutionText: ["required"] },
    });
    const run = await requestResolveRun(manager, id, {
      rootCauseId,
      resolutionText: "航班因台风取消，已为您全额退票。",
    });
    if (!run.ok) throw new Error(JSON.stringify(run));
    expect(run.total).toBe(2);
    await processIncidentRun(run.runId);
    const after = await db.complaint.findMany({
      where: { incidentId: id },
      orderBy: { id: "asc" },
      select: { status: true, resolutionSummary: true },
    });
    expect(after.map((row) => row.status)).toEqual(["resolved", "resolved", "in_progress"]);
    expect(after[0]?.resolutionSummary).toBe("航班因台风取消，已为您全额退票。");
    // Each resolved complaint got its own result notice through the normal rules.
    expect(
      await db.outboundEmail.count({ where: { kind: "result_notice", complaintId: { in: [first.id, second.id] } } }),
    ).toBe(2);
    expect(await db.incidentRun.findUniqueOrThrow({ where: { id: run.runId } })).toMatchObject({
      status: "done",
      succeeded: 2,
      failed: 0,
    });
  });
});
