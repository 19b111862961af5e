// Departments and cross-department investigation (issue 18): permissions and scope, due dates in the department's
// business time, rounds (answer → return → answer → accept), accountability on the complaint, the liaison's view
// (only what the request shares, no contact data), and reminders/breaches recorded exactly once by the sweep.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateDepartment } from "@/lib/departments/service";
import { requestInvestigation } from "@/lib/investigations/request-investigation";
import { answerInvestigation } from "@/lib/investigations/answer-investigation";
import { decideAnswer } from "@/lib/investigations/decide-answer";
import { getRequestForLiaison, listDepartmentInbox, readSharedAttachment } from "@/lib/investigations/queries";
import { processDueInvestigations } from "@/lib/investigations/sweep";
import { loadAccountability, paretoOf } from "@/lib/kpi/accountability";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

const OFFICE = {
  "0": [],
  "1": [["09:00", "18:00"]],
  "2": [["09:00", "18:00"]],
  "3": [["09:00", "18:00"]],
  "4": [["09:00", "18:00"]],
  "5": [["09:00", "18:00"]],
  "6": [],
};
let serial = 0;

async function world() {
  serial += 1;
  const suffix = `${process.pid}-${serial}-${Date.now()}`;
  const [teamA, teamB] = [await makeTeam(), await makeTeam()];
  const agent = await makeStaff("agent", [teamA]);
  const agentB = await makeStaff("agent", [teamB]);
  const liaison = await makeStaff("liaison");
  const otherLiaison = await makeStaff("liaison");
  const head = await makeStaff("manager");
  const admin = await makeStaff("admin");
  const calendar = await db.businessCalendar.create({
    data: {
      code: `office-${suffix}`,
      nameZh: "办公",
      nameEn: "Office",
      timeZone: "Asia/Shanghai",
      is24x7: false,
      workingHours: OFFICE,
    },
  });
  const department = await db.department.create({
    data: {
      code: `baggage-${suffix}`,
      nameZh: "行李部",
      nameEn: "Baggage",
      calendarId: calendar.id,
      headId: head.user.id,
      liaisons: { create: [{ userId: liaison.user.id }] },
    },
  });
  const otherDepartment = await db.department.create({
    data: {
      code: `legal-${suffix}`,
      nameZh: "法务部",
      nameEn: "Legal",
      calendarId: calendar.id,
      liaisons: { create: [{ userId: otherLiaison.user.id }] },
    },
  });
  const customer = await makeCustomer({
    name: "王秘密",
    phone: "+86 137 1111 2222",
    email: "secret.customer@example.com",
  });
  const complaint = await makeComplaint({
    customerId: customer.id,
    teamId: teamA.id,
    assigneeId: agent.user.id,
    status: "in_progress",
  });
  const shared = await db.complaintEvent.create({
    data: { complaintId: complaint.id, kind: "note", body: "行李牌号 CA123456，已拍照。" },
  });
  const unshared = await db.complaintEvent.create({
    data: { complaintId: complaint.id, kind: "note", body: "内部：客户可能夸大损失。" },
  });
  const file = await db.attachment.create({
    data: {
      complaintId: complaint.id,
      fileName: "tag.png",
      contentType: "image/png",
      size: 4,
      sha256: "0".repeat(64),
      content: new Uint8Array([1, 2, 3, 4]),
    },
  });
  const hidden = await db.attachment.create({
    data: {
      complaintId: complaint.id,
      fileName: "id-card.png",
      contentType: "image/png",
      size: 4,
      sha256: "1".repeat(64),
      content: new Uint8Array([5, 6, 7, 8]),
    },
  });
  return {
    agent,
    agentB,
    liaison,
    otherLiaison,
    head,
    admin,
    calendar,
    department,
    otherDepartment,
    complaint,
    shared,
    unshared,
    file,
    hidden,
  };
}

// Friday 2026-12-04 17:00 in Shanghai (09:00 UTC): one office hour left that day.
const FRIDAY_5PM = new Date("2026-12-04T09:00:00Z");

async function ask(
  w: Awaited<ReturnType<typeof world>>,
  now = FRIDAY_5PM,
  urgency: "urgent" | "normal" | "investigation" = "normal",
) {
  const result = await requestInvestigation(
    w.agent.actor,
    w.complaint.reference,
    {
      departmentIds: [w.department.id],
      urgency,
      question: "请核实行李破损的经过。",
      sharedEventIds: [w.shared.id],
      sharedAttachmentIds: [w.file.id],
    },
    now,
  );
  if (!result.ok) throw new Error(result.message);
  return result.requests[0]!;
}

const answerInput = (version: number) => ({
  version,
  findings: "装卸时跌落。",
  cause: "装卸操作不规范",
  responsibleParty: "department",
  responsibleDepartmentId: null as number | null,
  proposedRemedy: "赔偿维修费",
  compensationSuggestion: "300 元",
});

describe("investigation requests", () => {
  it("are due by the department's policy in working days of its calendar, on the timeline, and the liaisons are notified", async () => {
    const w = await world();
    const request = await ask(w);
    // 3 working days × 9 h from Friday 17:00: Monday, Tuesday, Wednesday 17:00 local (09:00 UTC).
    expect(request.dueAt.toISOString()).toBe("2026-12-09T09:00:00.000Z");
    const urgent = await ask(w, FRIDAY_5PM, "urgent");
    expect(urgent.dueAt.toISOString()).toBe("2026-12-07T09:00:00.000Z"); // Monday 17:00
    const row = await db.investigationRequest.findUniqueOrThrow({ where: { id: request.id } });
    // Reminder at 75 % of 27 working hours = 20 h 15 min: Friday 1 h, Monday 9, Tuesday 9, Wednesday 10:15 local.
    expect(row.warnAt.toISOString()).toBe("2026-12-09T02:15:00.000Z");
    const events = await db.complaintEvent.findMany({
      where: { complaintId: w.complaint.id, kind: "investigation_requested" },
    });
    expect(events).toHaveLength(2);
    expect(events[0]!.visibility).toBe("internal");
    expect(await db.notification.count({ where: { userId: w.liaison.user.id, kind: "investigation.requested" } })).toBe(
      2,
    );
    expect(await db.notification.count({ where: { userId: w.otherLiaison.user.id } })).toBe(0);
  });

  it("are refused outside the agent's scope, to liaisons, and with entries of another complaint", async () => {
    const w = await world();
    const input = { departmentIds: [w.department.id], urgency: "normal", question: "?" };
    expect(await requestInvestigation(w.agentB.actor, w.complaint.reference, input)).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await requestInvestigation(w.liaison.actor, w.complaint.reference, input)).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    const other = await world();
    expect(
      await requestInvestigation(w.agent.actor, w.complaint.reference, { ...input, sharedEventIds: [other.shared.id] }),
    ).toMatchObject({ ok: false, error: "invalid", fields: { sharedEventIds: expect.any(Array) } });
    expect(
      await requestInvestigation(w.agent.actor, w.complaint.reference, { ...input, departmentIds: [] }),
    ).toMatchObject({ ok: false, error: "invalid" });
    expect(await db.investigationRequest.count({ where: { complaintId: w.complaint.id } })).toBe(0);
  });
});

describe("the liaison", () => {
  it("sees only requests of their departments and only what the request shares, never contact data", async () => {
    const w = await world();
    const request = await ask(w);
    expect((await listDepartmentInbox(w.liaison.actor, "waiting")).map((row) => row.id)).toEqual([request.id]);
    expect(await listDepartmentInbox(w.otherLiaison.actor, "waiting")).toEqual([]);
    expect(await getRequestForLiaison(w.otherLiaison.actor, request.id)).toBeNull();
    expect(await getRequestForLiaison(w.agent.actor, request.id)).toBeNull();
    const view = await getRequestForLiaison(w.liaison.actor, request.id);
    const text = JSON.stringify(view);
    expect(view?.sharedEvents.map((event) => event.id)).toEqual([w.shared.id]);
    expect(text).not.toContain("夸大");
    expect(text).not.toContain("137");
    expect(text).not.toContain("secret.customer");
    expect(text).not.toContain("王秘密");
    expect(view?.complaint.customer.name).toBe("王**");
    expect(await readSharedAttachment(w.liaison.actor, request.id, w.file.id)).toMatchObject({ fileName: "tag.png" });
    expect(await readSharedAttachment(w.liaison.actor, request.id, w.hidden.id)).toBeNull();
    expect(await readSharedAttachment(w.otherLiaison.actor, request.id, w.file.id)).toBeNull();
  });

  it("answers once per round; a stale version or another department's liaison is refused", async () => {
    const w = await world();
    const request = await ask(w);
    expect(
      await answerInvestigation(w.otherLiaison.actor, request.id, {
        ...answerInput(1),
        responsibleDepartmentId: w.department.id,
      }),
    ).toMatchObject({ ok: false, error: "not_found" });
    expect(await answerInvestigation(w.agent.actor, request.id, answerInput(1))).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(
      await answerInvestigation(w.liaison.actor, request.id, { ...answerInput(1), responsibleDepartmentId: null }),
    ).toMatchObject({ ok: false, error: "invalid", fields: { responsibleDepartmentId: expect.any(Array) } });
    expect(
      await answerInvestigation(w.liaison.actor, request.id, {
        ...answerInput(7),
        responsibleDepartmentId: w.department.id,
      }),
    ).toMatchObject({ ok: false, error: "conflict" });
    const answered = await answerInvestigation(
      w.liaison.actor,
      request.id,
      { ...answerInput(1), responsibleDepartmentId: w.department.id },
      new Date("2026-12-07T02:00:00Z"),
    );
    expect(answered).toMatchObject({ ok: true, request: { version: 2, round: 1 } });
    expect(
      await answerInvestigation(w.liaison.actor, request.id, {
        ...answerInput(2),
        responsibleDepartmentId: w.department.id,
      }),
    ).toMatchObject({ ok: false, error: "conflict" });
    const answer = await db.investigationAnswer.findFirstOrThrow({ where: { requestId: request.id } });
    expect(answer.onTime).toBe(true);
    expect(await db.notification.count({ where: { userId: w.agent.user.id, kind: "investigation.answered" } })).toBe(1);
  });
});

describe("deciding on an answer", () => {
  it("returns with a reason for a new round due again, then accepts and records the responsible party on the complaint", async () => {
    const w = await world();
    const request = await ask(w);
    await answerInvestigation(
      w.liaison.actor,
      request.id,
      { ...answerInput(1), responsibleDepartmentId: w.department.id },
      new Date("2026-12-07T02:00:00Z"),
    );
    expect(await decideAnswer(w.agentB.actor, request.id, { decision: "accepted", version: 2 })).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(
      await decideAnswer(w.agent.actor, request.id, { decision: "returned", version: 2, reason: "" }),
    ).toMatchObject({ ok: false, error: "invalid" });
    const returned = await decideAnswer(
      w.agent.actor,
      request.id,
      { decision: "returned", version: 2, reason: "请补充时间节点" },
      new Date("2026-12-07T03:00:00Z"),
    );
    expect(returned).toMatchObject({ ok: true, request: { status: "open", round: 2, version: 3 } });
    const round2 = await db.investigationRequest.findUniqueOrThrow({ where: { id: request.id } });
    // Monday 11:00 local + 27 working hours = Thursday 11:00 local.
    expect(round2.dueAt.toISOString()).toBe("2026-12-10T03:00:00.000Z");
    expect(await db.notification.count({ where: { userId: w.liaison.user.id, kind: "investigation.returned" } })).toBe(
      1,
    );

    await answerInvestigation(w.liaison.actor, request.id, {
      ...answerInput(3),
      responsibleParty: "weather",
      responsibleDepartmentId: null,
    });
    expect(await decideAnswer(w.agent.actor, request.id, { decision: "accepted", version: 3 })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await decideAnswer(w.agent.actor, request.id, { decision: "accepted", version: 4 })).toMatchObject({
      ok: true,
      request: { status: "accepted", round: 2 },
    });
    const complaint = await db.complaint.findUniqueOrThrow({ where: { id: w.complaint.id } });
    expect(complaint).toMatchObject({ responsibleParty: "weather", responsibleDepartmentId: null });
    const kinds = (
      await db.complaintEvent.findMany({
        where: {
          complaintId: w.complaint.id,
          kind: {
            in: [
              "investigation_requested",
              "investigation_answered",
              "investigation_returned",
              "investigation_accepted",
            ],
          },
        },
        orderBy: { id: "asc" },
      })
    ).map((event) => event.kind);
    expect(kinds).toEqual([
      "investigation_requested",
      "investigation_answered",
      "investigation_returned",
      "investigation_answered",
      "investigation_accepted",
    ]);
  });
});

describe("the sweep", () => {
  it("reminds the liaisons at 75 % and tells the head at breach, each exactly once even when two sweeps race", async () => {
    const w = await world();
    const request = await ask(w);
    const row = await db.investigationRequest.findUniqueOrThrow({ where: { id: request.id } });
    const atWarn = new Date(row.warnAt.getTime() + 1_000);
    const [first, second] = await Promise.all([
      processDueInvestigations({ now: atWarn }),
      processDueInvestigations({ now: atWarn }),
    ]);
    expect(first.reminded + second.reminded).toBeGreaterThanOrEqual(1);
    expect(await db.notification.count({ where: { userId: w.liaison.user.id, kind: "investigation.reminder" } })).toBe(
      1,
    );
    await processDueInvestigations({ now: atWarn });
    expect(await db.notification.count({ where: { userId: w.liaison.user.id, kind: "investigation.reminder" } })).toBe(
      1,
    );

    const late = new Date(row.dueAt.getTime() + 1_000);
    await Promise.all([
      processDueInvestigations({ now: late }),
      processDueInvestigations({ now: late }),
      processDueInvestigations({ now: late }),
    ]);
    expect(await db.notification.count({ where: { userId: w.head.user.id, kind: "investigation.overdue" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: w.agent.user.id, kind: "investigation.overdue" } })).toBe(1);
    expect(
      await db.complaintEvent.count({ where: { complaintId: w.complaint.id, kind: "investigation_overdue" } }),
    ).toBe(1);
    expect(
      (await db.investigationRequest.findUniqueOrThrow({ where: { id: request.id } })).breachedAt?.toISOString(),
    ).toBe(late.toISOString());
  });

  it("leaves answered requests and finished complaints alone", async () => {
    const w = await world();
    const request = await ask(w);
    await answerInvestigation(w.liaison.actor, request.id, {
      ...answerInput(1),
      responsibleDepartmentId: w.department.id,
    });
    const resolved = await world();
    const waiting = await ask(resolved);
    await db.complaint.update({ where: { id: resolved.complaint.id }, data: { status: "resolved" } });
    await processDueInvestigations({ now: new Date("2027-06-01T00:00:00Z") });
    expect(
      await db.investigationRequest.findUniqueOrThrow({ where: { id: request.id }, select: { breachedAt: true } }),
    ).toEqual({ breachedAt: null });
    expect(
      await db.investigationRequest.findUniqueOrThrow({
        where: { id: waiting.id },
        select: { breachedAt: true, warnedAt: true },
      }),
    ).toEqual({ breachedAt: null, warnedAt: null });
    expect(await db.notification.count({ where: { userId: resolved.head.user.id } })).toBe(0);
  });
});

describe("department admin", () => {
  it("lets admins set head, liaisons and policy with optimistic locking; liaisons must hold the liaison role", async () => {
    const w = await world();
    const input = {
      version: 1,
      nameZh: "行李服务部",
      nameEn: "Baggage services",
      headId: w.head.user.id,
      liaisonIds: [w.liaison.user.id, w.otherLiaison.user.id],
      calendarId: w.calendar.id,
      urgentDays: 1,
      normalDays: 2,
      investigationDays: 10,
      active: true,
    };
    expect(await updateDepartment(w.agent.actor, w.department.id, input)).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(
      await updateDepartment(w.admin.actor, w.department.id, { ...input, liaisonIds: [w.agent.user.id] }),
    ).toMatchObject({ ok: false, error: "invalid", fields: { liaisonIds: ["not_liaison"] } });
    expect(await updateDepartment(w.admin.actor, w.department.id, { ...input, urgentDays: 5 })).toMatchObject({
      ok: false,
      error: "invalid",
    });
    expect(await updateDepartment(w.admin.actor, w.department.id, input)).toMatchObject({
      ok: true,
      department: { version: 2 },
    });
    expect(await updateDepartment(w.admin.actor, w.department.id, input)).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await db.departmentLiaison.count({ where: { departmentId: w.department.id } })).toBe(2);
    expect(await db.auditLog.count({ where: { entityType: "department", entityId: String(w.department.id) } })).toBe(1);
    // The new policy applies to the next request: 2 working days.
    const request = await ask(w);
    expect(request.dueAt.toISOString()).toBe("2026-12-08T09:00:00.000Z");
  });
});

describe("accountability KPIs", () => {
  it("count resolved complaints by responsible department and each department's answers (on time, returned, mean time)", async () => {
    const w = await world();
    const request = await ask(w, new Date("2026-12-01T01:00:00Z"));
    await answerInvestigation(
      w.liaison.actor,
      request.id,
      { ...answerInput(1), responsibleDepartmentId: w.department.id },
      new Date("2026-12-01T03:00:00Z"),
    );
    await decideAnswer(
      w.agent.actor,
      request.id,
      { decision: "returned", version: 2, reason: "补充" },
      new Date("2026-12-01T04:00:00Z"),
    );
    await answerInvestigation(
      w.liaison.actor,
      request.id,
      { ...answerInput(3), responsibleDepartmentId: w.department.id },
      new Date("2026-12-01T08:00:00Z"),
    );
    await decideAnswer(
      w.agent.actor,
      request.id,
      { decision: "accepted", version: 4 },
      new Date("2026-12-01T09:00:00Z"),
    );
    await db.complaint.update({
      where: { id: w.complaint.id },
      data: { status: "resolved", resolvedAt: new Date("2026-12-02T00:00:00Z") },
    });

    const manager = await makeStaff("manager");
    const filters = { preset: "custom" as const, from: "2026-12-01", to: "2026-12-03" };
    expect(await loadAccountability(w.agent.actor, filters)).toBeNull();
    const kpi = await loadAccountability(manager.actor, filters);
    expect(kpi?.pareto.find((row) => row.departmentId === w.department.id)?.complaints).toBe(1);
    const answers = kpi?.answers.find((row) => row.departmentId === w.department.id);
    // rounds of 120 and 240 minutes
    expect(answers).toMatchObject({ answers: 2, onTimeRate: 1, returned: 1, meanAnswerMinutes: 180 });
    expect(kpi?.answers.find((row) => row.departmentId === w.otherDepartment.id)).toBeUndefined();
  });

  it("Pareto rows are sorted with their cumulative share", () => {
    const rows = paretoOf([
      { key: "a", departmentId: 1, party: "department", nameZh: "甲", nameEn: "A", complaints: 1 },
      { key: "b", departmentId: 2, party: "department", nameZh: "乙", nameEn: "B", complaints: 3 },
    ]);
    expect(rows.map((row) => [row.key, row.cumulativeShare])).toEqual([
      ["b", 0.75],
      ["a", 1],
    ]);
  });
});
