// Issue 15 items 5, 6, 7 and 17: placeholders block a reply, only contact that reached the customer counts as a
// response, conflicts name the changed fields, and the next-update / written-reply / regulator clocks really run.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { addStaffMessage } from "@/lib/complaints/add-message";
import { transitionComplaint } from "@/lib/complaints/transition-complaint";
import { updateComplaint } from "@/lib/complaints/update-complaint";
import { processDueClocks } from "@/lib/sla/sweeper";
import { makeChannel, makeSeverity, makeStaff, makeTeam } from "./factories";

const T0 = new Date("2026-11-20T02:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
let agent: Actor;
let otherAgent: Actor;
let channelId: number;
let severityId: number;
let rootCauseId: number;

beforeAll(async () => {
  const team = await makeTeam();
  agent = (await makeStaff("agent", [team], "李娜")).actor;
  otherAgent = (await makeStaff("agent", [team], "王芳")).actor;
  channelId = (await makeChannel()).id;
  severityId = (await makeSeverity()).id;
  const calendar = await db.businessCalendar.create({
    data: { code: "24x7-truth", nameZh: "全天", nameEn: "24×7", is24x7: true, workingHours: {} },
  });
  await db.slaPolicy.create({
    data: {
      code: "truth-default",
      nameZh: "默认",
      nameEn: "Default",
      isDefault: true,
      calendarId: calendar.id,
      targets: {
        create: [
          { clock: "first_response", minutes: 60 },
          { clock: "next_update", minutes: 240 },
          { clock: "written_reply", minutes: 7 * 24 * 60 },
          { clock: "regulator", minutes: 5 * 24 * 60 },
          { clock: "resolution", minutes: 48 * 60 },
        ],
      },
    },
  });
  rootCauseId = (
    await db.rootCause.create({ data: { code: "RC-TRUTH", kind: "process", nameZh: "流程", nameEn: "Process" } })
  ).id;
});

async function create(customer: { email?: string; phone?: string }) {
  const result = await createComplaint(
    { kind: "staff", actor: agent },
    {
      customer: { name: "王小明", locale: "zh-CN", ...customer },
      channelId,
      severityId,
      teamId: agent.teamIds[0],
      subject: "行李延误三天",
      description: "托运行李延误三天仍未送达，需要赔偿。",
    },
    T0,
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  const row = await db.complaint.findUniqueOrThrow({
    where: { reference: result.complaint.reference },
    select: { id: true, version: true, reference: true },
  });
  return row;
}

const clock = (
  complaintId: number,
  kind: "first_response" | "next_update" | "written_reply" | "regulator" | "resolution",
) => db.slaClock.findUnique({ where: { complaintId_kind: { complaintId, kind } } });

describe("reply templates: unfilled placeholders (item 5)", () => {
  it("refuses a reply that still contains {{…}} and names the placeholders; nothing is written", async () => {
    const complaint = await create({ email: "wang@example.com" });
    const result = await addStaffMessage(
      agent,
      complaint.reference,
      {
        kind: "reply",
        body: "您好{{customer.name}}，赔偿 {{ compensation.amount }} 元，{{custom}}",
        version: complaint.version,
      },
      at(5),
    );
    expect(result).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { body: ["unfilled_placeholders"] },
      details: { placeholders: ["customer.name", "compensation.amount", "custom"] },
    });
    expect(await db.complaintEvent.count({ where: { complaintId: complaint.id, kind: "reply" } })).toBe(0);
    expect(await db.outboundEmail.count({ where: { complaintId: complaint.id, kind: "reply" } })).toBe(0);
    const after = await db.complaint.findUniqueOrThrow({
      where: { id: complaint.id },
      select: { version: true, firstResponseAt: true },
    });
    expect(after).toEqual({ version: complaint.version, firstResponseAt: null });
  });

  it("a note may mention placeholders (it is not sent to anyone)", async () => {
    const complaint = await create({ email: "wang2@example.com" });
    expect(
      await addStaffMessage(
        agent,
        complaint.reference,
        { kind: "note", body: "模板里的 {{complaint.rootCause}} 还没填", version: complaint.version },
        at(5),
      ),
    ).toMatchObject({ ok: true });
  });
});

describe("phone-only customers (item 6)", () => {
  it("a reply to a customer without e-mail or mobile number is recorded but is not a response: no first response, no clock met, no e-mail, no SMS", async () => {
    // A landline: SMS cannot reach it either (a mobile number would get the reply by SMS,
    // lib/customers/contact-channel.ts).
    const complaint = await create({ phone: "+86 10 6552 2222" });
    const reply = await addStaffMessage(
      agent,
      complaint.reference,
      { kind: "reply", body: "我们正在处理。", version: complaint.version },
      at(10),
    );
    expect(reply).toMatchObject({ ok: true, reachedCustomer: false });
    const row = await db.complaint.findUniqueOrThrow({
      where: { id: complaint.id },
      select: { firstResponseAt: true, customerReplyCount: true },
    });
    expect(row).toEqual({ firstResponseAt: null, customerReplyCount: 0 });
    expect((await clock(complaint.id, "first_response"))?.fulfilledAt).toBeNull();
    expect(await db.outboundEmail.count({ where: { complaintId: complaint.id, kind: "reply" } })).toBe(0);
    expect(await db.outboundSms.count({ where: { complaintId: complaint.id } })).toBe(0);
  });

  it("a call needs its outcome; only a call that reached the customer counts, with its duration on the timeline", async () => {
    const complaint = await create({ phone: "+86 138 0000 3333" });
    expect(
      await addStaffMessage(
        agent,
        complaint.reference,
        { kind: "call", body: "打了电话", version: complaint.version },
        at(10),
      ),
    ).toMatchObject({ ok: false, error: "invalid", fields: { "call.outcome": ["required"] } });
    const missed = await addStaffMessage(
      agent,
      complaint.reference,
      {
        kind: "call",
        body: "无人接听",
        version: complaint.version,
        call: { outcome: "no_answer", durationMinutes: 1 },
      },
      at(10),
    );
    expect(missed).toMatchObject({ ok: true, reachedCustomer: false });
    expect(
      (await db.complaint.findUniqueOrThrow({ where: { id: complaint.id }, select: { firstResponseAt: true } }))
        .firstResponseAt,
    ).toBeNull();

    const reached = await addStaffMessage(
      agent,
      complaint.reference,
      {
        kind: "call",
        body: "已电话告知处理进展",
        version: complaint.version + 1,
        call: { outcome: "reached", durationMinutes: 6 },
      },
      at(20),
    );
    expect(reached).toMatchObject({ ok: true, reachedCustomer: true });
    const row = await db.complaint.findUniqueOrThrow({
      where: { id: complaint.id },
      select: { firstResponseAt: true, customerReplyCount: true },
    });
    expect(row).toEqual({ firstResponseAt: at(20), customerReplyCount: 1 });
    expect((await clock(complaint.id, "first_response"))?.fulfilledAt).toEqual(at(20));
    const event = await db.complaintEvent.findFirstOrThrow({
      where: { complaintId: complaint.id, kind: "call" },
      orderBy: { id: "desc" },
      select: { data: true },
    });
    expect(event.data).toMatchObject({ outcome: "reached", durationMinutes: 6, reachedCustomer: true });
  });

  it("an e-mailed reply counts as the first response and as the written reply", async () => {
    const complaint = await create({ email: "wang3@example.com" });
    expect(
      await addStaffMessage(
        agent,
        complaint.reference,
        { kind: "reply", body: "您好，我们正在查找您的行李。", version: complaint.version },
        at(30),
      ),
    ).toMatchObject({ ok: true, reachedCustomer: true });
    expect((await clock(complaint.id, "first_response"))?.fulfilledAt).toEqual(at(30));
    expect((await clock(complaint.id, "written_reply"))?.fulfilledAt).toEqual(at(30));
    expect(await db.outboundEmail.count({ where: { complaintId: complaint.id, kind: "reply" } })).toBe(1);
  });
});

describe("clocks that run (item 17)", () => {
  it("next_update starts at the first response and restarts on each customer-facing update; resolution stops it", async () => {
    const complaint = await create({ email: "next@example.com" });
    expect(await clock(complaint.id, "next_update")).toBeNull();
    await addStaffMessage(
      agent,
      complaint.reference,
      { kind: "reply", body: "第一次回复", version: complaint.version },
      at(30),
    );
    const first = await clock(complaint.id, "next_update");
    expect(first).toMatchObject({ startedAt: at(30), dueAt: at(30 + 240), fulfilledAt: null, targetMinutes: 240 });
    // An internal note is not an update to the customer.
    await addStaffMessage(
      agent,
      complaint.reference,
      { kind: "note", body: "内部备注", version: complaint.version + 1 },
      at(60),
    );
    expect((await clock(complaint.id, "next_update"))?.dueAt).toEqual(at(30 + 240));
    await addStaffMessage(
      agent,
      complaint.reference,
      {
        kind: "call",
        body: "电话更新进展",
        version: complaint.version + 2,
        call: { outcome: "reached", durationMinutes: 3 },
      },
      at(200),
    );
    expect(await clock(complaint.id, "next_update")).toMatchObject({
      id: first?.id,
      startedAt: at(200),
      dueAt: at(200 + 240),
      fulfilledAt: null,
    });
    const events = await db.slaEvent.findMany({
      where: { complaintId: complaint.id, clockKind: "next_update" },
      orderBy: { id: "asc" },
      select: { kind: true },
    });
    expect(events.map((event) => event.kind)).toEqual(["started", "fulfilled", "started"]);

    await transitionComplaint(
      agent,
      complaint.reference,
      { version: complaint.version + 3, to: "resolved", rootCauseId, resolutionSummary: "已找到行李并送达。" },
      at(300),
    );
    expect((await clock(complaint.id, "next_update"))?.fulfilledAt).toEqual(at(300));
  });

  it("an overdue next update is a breach that escalates; a resolved complaint is never escalated, whatever clock it has", async () => {
    const open = await create({ email: "late@example.com" });
    await addStaffMessage(agent, open.reference, { kind: "reply", body: "第一次回复", version: open.version }, at(30));
    const resolved = await create({ phone: "+86 138 0000 4444" });
    await transitionComplaint(
      agent,
      resolved.reference,
      { version: resolved.version, to: "resolved", rootCauseId, resolutionSummary: "电话里已解决。" },
      at(40),
    );
    // A clock left running on a finished complaint (e.g. data from before this rule) must not wake the sweeper.
    await db.slaClock.update({
      where: { complaintId_kind: { complaintId: resolved.id, kind: "resolution" } },
      data: { fulfilledAt: null, cancelledAt: null },
    });

    const before = await db.complaint.findUniqueOrThrow({
      where: { id: resolved.id },
      select: { escalationLevel: true },
    });
    await processDueClocks({ now: at(30 + 241) });
    expect((await clock(open.id, "next_update"))?.breachedAt).toEqual(at(30 + 241));
    expect(await db.escalation.count({ where: { complaintId: open.id, reason: "sla_breach" } })).toBeGreaterThan(0);

    await processDueClocks({ now: at(60 * 24 * 30) });
    expect(
      await db.slaClock.count({
        where: { complaintId: resolved.id, OR: [{ breachedAt: { not: null } }, { warnedAt: { not: null } }] },
      }),
    ).toBe(0);
    expect(await db.escalation.count({ where: { complaintId: resolved.id } })).toBe(0);
    expect(
      (await db.complaint.findUniqueOrThrow({ where: { id: resolved.id }, select: { escalationLevel: true } }))
        .escalationLevel,
    ).toBe(before.escalationLevel);
  });

  it("written_reply and regulator clocks are met by the written reply / regulator answer, and stop at resolution otherwise", async () => {
    const answered = await create({ email: "regulator@example.com" });
    expect(
      await addStaffMessage(
        agent,
        answered.reference,
        { kind: "note", body: "已向民航局12326答复", version: answered.version, regulatorAnswer: true },
        at(100),
      ),
    ).toMatchObject({ ok: true });
    expect((await clock(answered.id, "regulator"))?.fulfilledAt).toEqual(at(100));
    expect((await clock(answered.id, "written_reply"))?.fulfilledAt).toBeNull();

    const phoneOnly = await create({ phone: "+86 138 0000 5555" });
    await transitionComplaint(
      agent,
      phoneOnly.reference,
      { version: phoneOnly.version, to: "resolved", rootCauseId, resolutionSummary: "电话里已解决。" },
      at(120),
    );
    const [written, regulator] = await Promise.all([
      clock(phoneOnly.id, "written_reply"),
      clock(phoneOnly.id, "regulator"),
    ]);
    expect(written).toMatchObject({ fulfilledAt: null, cancelledAt: at(120) });
    expect(regulator).toMatchObject({ fulfilledAt: null, cancelledAt: at(120) });
  });
});

describe("conflicts name the fields the other person changed (item 7)", () => {
  it("lists the fields changed after the version the user saw, and by whom", async () => {
    const complaint = await create({ email: "conflict@example.com" });
    const seen = complaint.version;
    expect(
      await updateComplaint(
        otherAgent,
        complaint.reference,
        { version: seen, subject: "行李延误五天", priority: "high" },
        at(10),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await addStaffMessage(
        otherAgent,
        complaint.reference,
        { kind: "note", body: "已联系机场", version: seen + 1 },
        at(11),
      ),
    ).toMatchObject({ ok: true });
    const refused = await updateComplaint(
      agent,
      complaint.reference,
      { version: seen, flightNumber: "MU5101" },
      at(12),
    );
    expect(refused).toMatchObject({ ok: false, error: "conflict" });
    if (refused.ok) return;
    expect(refused.details?.changedFields).toEqual(["subject", "priority", "note"]);
    expect(refused.details?.changedBy).toEqual(["王芳"]);
    // Nothing of the refused edit was written.
    expect(
      (await db.complaint.findUniqueOrThrow({ where: { id: complaint.id }, select: { flightNumber: true } }))
        .flightNumber,
    ).toBeNull();
    // Re-applied on the fresh version, the user's edit goes through and keeps the other person's changes.
    expect(
      await updateComplaint(agent, complaint.reference, { version: seen + 2, flightNumber: "MU5101" }, at(13)),
    ).toMatchObject({ ok: true });
    expect(
      await db.complaint.findUniqueOrThrow({
        where: { id: complaint.id },
        select: { subject: true, priority: true, flightNumber: true },
      }),
    ).toEqual({ subject: "行李延误五天", priority: "high", flightNumber: "MU5101" });
  });
});

describe("resolve dialog: summary for the customer, internal note for colleagues (item 8)", () => {
  it("stores the internal note as an internal timeline note, never on the customer's tracking view", async () => {
    const complaint = await create({ email: "resolve@example.com" });
    const result = await transitionComplaint(
      agent,
      complaint.reference,
      {
        version: complaint.version,
        to: "resolved",
        rootCauseId,
        resolutionSummary: "行李已于今日送达您的住址。",
        internalNote: "机场行李处承认分拣错误，已内部追责。",
      },
      at(60),
    );
    expect(result).toMatchObject({ ok: true });
    const row = await db.complaint.findUniqueOrThrow({
      where: { id: complaint.id },
      select: { resolutionSummary: true },
    });
    expect(row.resolutionSummary).toBe("行李已于今日送达您的住址。");
    const note = await db.complaintEvent.findFirstOrThrow({
      where: { complaintId: complaint.id, kind: "note" },
      select: { visibility: true, body: true },
    });
    expect(note).toEqual({ visibility: "internal", body: "机场行李处承认分拣错误，已内部追责。" });
    const customerVisible = await db.complaintEvent.findMany({
      where: { complaintId: complaint.id, visibility: "customer" },
      select: { body: true },
    });
    expect(customerVisible.map((event) => event.body ?? "").join(" ")).not.toContain("追责");
  });
});
