// Department requests (issue 18): the agent withdraws a request (reason required, audited, on the timeline, liaisons
// told, no reminder or breach afterwards); the weekly digest tells each department head of open and overdue requests,
// once per department and week, and e-mails it in the head's language.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requestInvestigation } from "@/lib/investigations/request-investigation";
import { cancelInvestigation } from "@/lib/investigations/cancel-investigation";
import { answerInvestigation } from "@/lib/investigations/answer-investigation";
import { processDueInvestigations } from "@/lib/investigations/sweep";
import { isoWeekOf, sendDepartmentDigests } from "@/lib/investigations/weekly-digest";
import { sendNotificationDigests } from "@/lib/notifications/digest";
import { transitionComplaint } from "@/lib/complaints/transition-complaint";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

let serial = 0;
const MONDAY_8AM = new Date("2026-12-07T00:00:00Z"); // Monday 08:00 in Shanghai

async function world() {
  serial += 1;
  const suffix = `${process.pid}-${serial}-${Date.now()}`;
  const team = await makeTeam();
  const agent = await makeStaff("agent", [team]);
  const outsider = await makeStaff("agent", [await makeTeam()]);
  const liaison = await makeStaff("liaison");
  const calendar = await db.businessCalendar.create({
    data: { code: `24x7-${suffix}`, nameZh: "全天", nameEn: "24×7", is24x7: true, workingHours: {} },
  });
  const department = await db.department.create({
    data: {
      code: `baggage-${suffix}`,
      nameZh: "行李部",
      nameEn: "Baggage",
      calendarId: calendar.id,
      headId: liaison.user.id,
      liaisons: { create: [{ userId: liaison.user.id }] },
    },
  });
  const customer = await makeCustomer();
  const complaint = await makeComplaint({
    customerId: customer.id,
    teamId: team.id,
    assigneeId: agent.user.id,
    status: "in_progress",
  });
  return { agent, outsider, liaison, department, complaint };
}

async function ask(w: Awaited<ReturnType<typeof world>>, now: Date) {
  const result = await requestInvestigation(
    w.agent.actor,
    w.complaint.reference,
    { departmentIds: [w.department.id], urgency: "urgent", question: "请核实行李破损的经过。" },
    now,
  );
  if (!result.ok) throw new Error(result.message);
  return result.requests[0]!;
}

describe("withdrawing a department request", () => {
  it("needs a reason and the current version, stops the clock, is on the timeline and in the audit log, and tells the liaisons", async () => {
    const w = await world();
    const start = new Date("2026-12-01T02:00:00Z");
    const request = await ask(w, start);
    expect(await cancelInvestigation(w.agent.actor, request.id, { version: 1, reason: " " })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { reason: expect.any(Array) },
    });
    expect(await cancelInvestigation(w.agent.actor, request.id, { version: 9, reason: "已从监控查明" })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await cancelInvestigation(w.outsider.actor, request.id, { version: 1, reason: "x" })).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await cancelInvestigation(w.liaison.actor, request.id, { version: 1, reason: "x" })).toMatchObject({
      ok: false,
      error: "forbidden",
    });

    const done = await cancelInvestigation(
      w.agent.actor,
      request.id,
      { version: 1, reason: "已从监控查明原因" },
      new Date(start.getTime() + 60_000),
    );
    expect(done).toMatchObject({ ok: true, request: { status: "cancelled", version: 2 } });
    expect(await db.investigationRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "cancelled",
      cancelledById: w.agent.user.id,
      cancelReason: "已从监控查明原因",
    });
    expect(
      await db.complaintEvent.findFirstOrThrow({
        where: { complaintId: w.complaint.id, kind: "investigation_cancelled" },
      }),
    ).toMatchObject({ actorId: w.agent.user.id, body: "已从监控查明原因" });
    expect(
      await db.auditLog.count({
        where: { entityType: "investigation_request", entityId: String(request.id), action: "investigation.cancelled" },
      }),
    ).toBe(1);
    expect(await db.notification.count({ where: { userId: w.liaison.user.id, kind: "investigation.cancelled" } })).toBe(
      1,
    );

    // The clock is stopped: long past its due time there is no reminder and no breach.
    const later = new Date(start.getTime() + 30 * 86_400_000);
    await processDueInvestigations({ now: later });
    expect(
      await db.investigationRequest.findUniqueOrThrow({
        where: { id: request.id },
        select: { warnedAt: true, breachedAt: true },
      }),
    ).toEqual({ warnedAt: null, breachedAt: null });
    // The liaison can no longer answer it; a second withdrawal is refused.
    const answer = await answerInvestigation(w.liaison.actor, request.id, {
      version: 2,
      findings: "x",
      cause: "y",
      responsibleParty: "weather",
    });
    expect(answer.ok).toBe(false);
    expect(await cancelInvestigation(w.agent.actor, request.id, { version: 2, reason: "again" })).toMatchObject({
      ok: false,
      error: "unprocessable",
    });
  });
});

describe("resolving with a responsible party", () => {
  it("records the department or external party chosen in the resolve dialog, with field errors for a missing or unknown department", async () => {
    const w = await world();
    const rootCauseId = (
      await db.rootCause.create({
        data: { code: `RC-${serial}-${Date.now()}`, kind: "process", nameZh: "流程", nameEn: "Process" },
      })
    ).id;
    const base = { version: 1, to: "resolved", rootCauseId, resolutionSummary: "已赔偿维修费。" };
    expect(
      await transitionComplaint(w.agent.actor, w.complaint.id, { ...base, responsibleParty: "department" }),
    ).toMatchObject({ ok: false, error: "invalid", fields: { responsibleDepartmentId: ["required"] } });
    expect(
      await transitionComplaint(w.agent.actor, w.complaint.id, {
        ...base,
        responsibleParty: "department",
        responsibleDepartmentId: 2_000_000,
      }),
    ).toMatchObject({ ok: false, error: "invalid", fields: { responsibleDepartmentId: ["unknown"] } });
    expect(
      await transitionComplaint(w.agent.actor, w.complaint.id, { ...base, responsibleParty: "martians" }),
    ).toMatchObject({ ok: false, error: "invalid", fields: { responsibleParty: expect.any(Array) } });

    const done = await transitionComplaint(w.agent.actor, w.complaint.id, {
      ...base,
      responsibleParty: "department",
      responsibleDepartmentId: w.department.id,
    });
    expect(done.ok).toBe(true);
    expect(
      await db.complaint.findUniqueOrThrow({
        where: { id: w.complaint.id },
        select: { responsibleParty: true, responsibleDepartmentId: true },
      }),
    ).toEqual({ responsibleParty: "department", responsibleDepartmentId: w.department.id });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "complaint", entityId: String(w.complaint.id), action: "complaint.transition" },
      orderBy: { id: "desc" },
    });
    expect(audit.changes).toMatchObject({ responsibleParty: "department", responsibleDepartmentId: w.department.id });

    // An external cause names no department, even if one is sent.
    const other = await world();
    await transitionComplaint(other.agent.actor, other.complaint.id, {
      ...base,
      responsibleParty: "weather",
      responsibleDepartmentId: other.department.id,
    });
    expect(
      await db.complaint.findUniqueOrThrow({
        where: { id: other.complaint.id },
        select: { responsibleParty: true, responsibleDepartmentId: true },
      }),
    ).toEqual({ responsibleParty: "weather", responsibleDepartmentId: null });
  });
});

describe("the weekly digest to department heads", () => {
  it("counts open and overdue requests per department, once per ISO week, e-mailed in the head's language", async () => {
    const w = await world();
    const old = await ask(w, new Date("2026-11-20T02:00:00Z")); // due long before Monday: overdue
    await ask(w, new Date("2026-12-06T23:30:00Z")); // due after Monday 08:00
    const withdrawn = await ask(w, new Date("2026-12-06T23:40:00Z"));
    await cancelInvestigation(w.agent.actor, withdrawn.id, { version: 1, reason: "不再需要" });

    const first = await sendDepartmentDigests({ now: MONDAY_8AM });
    expect(first.notified).toBeGreaterThanOrEqual(1);
    const rows = await db.notification.findMany({
      where: { userId: w.liaison.user.id, kind: "investigation.weekly_digest" },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.params).toMatchObject({
      week: isoWeekOf(MONDAY_8AM),
      open: 2,
      overdue: 1,
      departmentZh: "行李部",
      inbox: true,
    });
    expect((rows[0]!.params as { requests: { reference: string; overdue: boolean }[] }).requests[0]).toMatchObject({
      reference: w.complaint.reference,
      overdue: true,
      requestId: old.id,
    });

    // Re-run (another instance, a retry) the same week: nothing new. The next week: a new digest.
    await sendDepartmentDigests({ now: new Date(MONDAY_8AM.getTime() + 3_600_000) });
    expect(
      await db.notification.count({ where: { userId: w.liaison.user.id, kind: "investigation.weekly_digest" } }),
    ).toBe(1);
    await sendDepartmentDigests({ now: new Date(MONDAY_8AM.getTime() + 7 * 86_400_000) });
    expect(
      await db.notification.count({ where: { userId: w.liaison.user.id, kind: "investigation.weekly_digest" } }),
    ).toBe(2);

    await sendNotificationDigests({
      now: new Date(MONDAY_8AM.getTime() + 8 * 86_400_000),
      settleSeconds: 0,
      appUrl: "http://skyline.test",
    });
    const head = await db.user.findUniqueOrThrow({ where: { id: w.liaison.user.id }, select: { email: true } });
    const mails = await db.outboundEmail.findMany({ where: { to: head.email } });
    expect(mails.map((mail) => mail.text).join("\n")).toContain("行李部本周协办周报：待答复 2 件，其中已超时 1 件");
    expect(mails.map((mail) => mail.text).join("\n")).toContain(w.complaint.reference);
  });

  it("isoWeekOf counts weeks in China time", () => {
    expect(isoWeekOf(new Date("2026-12-07T00:00:00Z"))).toBe("2026-W50");
    expect(isoWeekOf(new Date("2026-12-06T15:59:00Z"))).toBe("2026-W49"); // Sunday 23:59 in Shanghai
    expect(isoWeekOf(new Date("2026-12-06T16:00:00Z"))).toBe("2026-W50"); // Monday 00:00 in Shanghai
    expect(isoWeekOf(new Date("2021-01-03T12:00:00Z"))).toBe("2020-W53");
  });
});
