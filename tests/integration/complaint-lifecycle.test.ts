import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { transitionComplaint } from "@/lib/complaints/transition-complaint";
import { addCustomerMessage, addStaffMessage } from "@/lib/complaints/add-message";
import { assignComplaint } from "@/lib/complaints/assign-complaint";
import { updateComplaint } from "@/lib/complaints/update-complaint";
import { updateCustomer } from "@/lib/customers/service";
import { updateCustomerSchema } from "@/lib/customers/schema";
import type { Actor } from "@/lib/auth/permissions";
import { makeChannel, makeSeverity, makeStaff, makeTeam } from "./factories";

// One 24×7 policy (first response 60 min, resolution 48 h) so due times are simple to check by hand.
const T0 = new Date("2026-11-20T02:00:00Z");
const minutes = (n: number) => n * 60_000;
let agent: Actor;
let supervisor: Actor;
let otherAgent: Actor;
let channelId: number;
let severityId: number;
let rootCauseId: number;

beforeAll(async () => {
  const team = await makeTeam();
  const otherTeam = await makeTeam();
  agent = (await makeStaff("agent", [team])).actor;
  supervisor = (await makeStaff("supervisor", [team])).actor;
  otherAgent = (await makeStaff("agent", [otherTeam])).actor;
  channelId = (await makeChannel()).id;
  severityId = (await makeSeverity()).id;
  const calendar = await db.businessCalendar.create({
    data: { code: "24x7", nameZh: "全天", nameEn: "24×7", is24x7: true, workingHours: {} },
  });
  await db.slaPolicy.create({
    data: {
      code: "default",
      nameZh: "默认",
      nameEn: "Default",
      isDefault: true,
      calendarId: calendar.id,
      targets: {
        create: [
          { clock: "first_response", minutes: 60 },
          { clock: "resolution", minutes: 48 * 60 },
        ],
      },
    },
  });
  rootCauseId = (
    await db.rootCause.create({ data: { code: "RC-1", kind: "process", nameZh: "流程", nameEn: "Process" } })
  ).id;
});

function input(overrides: Record<string, unknown> = {}) {
  return {
    customer: { name: "王小明", phone: "+86 138 0000 1111", email: "Xiaoming.Wang@Example.com", locale: "zh-CN" },
    channelId,
    severityId,
    subject: "行李延误三天",
    description: "托运行李延误三天仍未送达，需要赔偿。",
    ...overrides,
  };
}

async function create(actor = agent, at = T0) {
  const result = await createComplaint({ kind: "staff", actor }, input(), at);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

async function version(reference: string) {
  return (await db.complaint.findUniqueOrThrow({ where: { reference }, select: { version: true } })).version;
}

describe("creating a complaint", () => {
  it("creates customer, complaint, timeline, SLA clocks and the acknowledgement e-mail in one go", async () => {
    const result = await create();
    expect(result.complaint.reference).toMatch(/^CMP-2026-\d{6}$/);
    const complaint = await db.complaint.findUniqueOrThrow({
      where: { reference: result.complaint.reference },
      include: { customer: true, events: true, slaClocks: true, emails: true },
    });
    expect(complaint.assigneeId).toBe(agent.userId); // first-contact ownership
    expect(complaint.customer.email).toBe("xiaoming.wang@example.com");
    expect(complaint.events.map((event) => event.kind)).toEqual(["created"]);
    expect(complaint.firstResponseDueAt).toEqual(new Date(T0.getTime() + minutes(60)));
    expect(complaint.resolutionDueAt).toEqual(new Date(T0.getTime() + minutes(48 * 60)));
    expect(complaint.nextDueAt).toEqual(complaint.firstResponseDueAt);
    expect(complaint.slaClocks.map((clock) => clock.kind).sort()).toEqual(["first_response", "resolution"]);
    expect(complaint.emails).toHaveLength(1);
    expect(complaint.emails[0]?.subject).toContain(result.complaint.reference);
    expect(complaint.emails[0]?.text).toContain(`/track/${result.trackingToken}`);
  });

  it("reports every invalid field and writes nothing", async () => {
    const before = await db.complaint.count();
    const result = await createComplaint(
      { kind: "staff", actor: agent },
      input({ subject: "", channelId: "x", customer: { name: "", locale: "zh-CN" } }),
    );
    expect(result).toMatchObject({ ok: false, error: "invalid" });
    if (result.ok) return;
    expect(Object.keys(result.fields ?? {})).toEqual(expect.arrayContaining(["subject", "channelId", "customer.name"]));
    const unknown = await createComplaint({ kind: "staff", actor: agent }, input({ severityId: 999_999 }));
    expect(unknown).toMatchObject({ ok: false, error: "invalid", fields: { severityId: ["unknown"] } });
    expect(await db.complaint.count()).toBe(before);
  });

  it("is refused to an admin, who may not log complaints", async () => {
    const admin = (await makeStaff("admin")).actor;
    expect(await createComplaint({ kind: "staff", actor: admin }, input())).toMatchObject({
      ok: false,
      error: "forbidden",
    });
  });
});

describe("working a complaint", () => {
  it("a reply is the first response; waiting for the customer pauses the clocks and the answer resumes them", async () => {
    const { complaint } = await create();
    const ref = complaint.reference;
    const reply = await addStaffMessage(
      agent,
      ref,
      { kind: "reply", body: "您好，我们正在查找您的行李。", version: await version(ref) },
      new Date(T0.getTime() + minutes(30)),
    );
    expect(reply).toMatchObject({ ok: true });
    const replied = await db.complaint.findUniqueOrThrow({
      where: { reference: ref },
      include: { slaClocks: true, emails: true },
    });
    expect(replied.firstResponseAt).toEqual(new Date(T0.getTime() + minutes(30)));
    expect(replied.slaClocks.find((clock) => clock.kind === "first_response")?.fulfilledAt).not.toBeNull();
    expect(replied.emails.map((email) => email.kind)).toEqual(["acknowledgement", "reply"]);
    expect(replied.nextDueAt).toEqual(replied.resolutionDueAt);

    const pausedAt = new Date(T0.getTime() + minutes(60));
    expect(
      await transitionComplaint(agent, ref, { version: await version(ref), to: "pending_customer" }, pausedAt),
    ).toMatchObject({ ok: true });
    let row = await db.complaint.findUniqueOrThrow({ where: { reference: ref }, include: { slaClocks: true } });
    expect(row.nextDueAt).toBeNull();

    // The customer answers five hours later: the resolution clock resumes with the 47 h it had left.
    const answeredAt = new Date(pausedAt.getTime() + minutes(300));
    expect(
      await addCustomerMessage(row.id, { body: "行李牌号是 CA123456" }, "tracking_page", answeredAt),
    ).toMatchObject({ ok: true, reopened: false });
    row = await db.complaint.findUniqueOrThrow({ where: { reference: ref }, include: { slaClocks: true } });
    expect(row.status).toBe("in_progress");
    const resolution = row.slaClocks.find((clock) => clock.kind === "resolution");
    expect(resolution?.dueAt).toEqual(new Date(answeredAt.getTime() + minutes(47 * 60)));
    expect(resolution?.pausedMinutes).toBe(300);
  });

  it("resolving needs a root cause and a summary; a customer reply reopens it", async () => {
    const { complaint } = await create();
    const ref = complaint.reference;
    const missing = await transitionComplaint(agent, ref, { version: await version(ref), to: "resolved" });
    expect(missing).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { rootCauseId: ["required"], resolutionSummary: ["required"] },
    });
    const resolved = await transitionComplaint(agent, ref, {
      version: await version(ref),
      to: "resolved",
      rootCauseId,
      resolutionSummary: "行李已送达并补偿",
    });
    expect(resolved).toMatchObject({ ok: true, complaint: { status: "resolved" } });
    // Resolving sends the satisfaction survey to the customer (SPEC §5).
    const survey = await db.survey.findFirstOrThrow({
      where: { complaint: { reference: ref } },
      select: { status: true, complaintId: true },
    });
    expect(survey.status).toBe("sent");
    expect(await db.outboundEmail.count({ where: { complaintId: survey.complaintId, kind: "survey" } })).toBe(1);
    const illegal = await transitionComplaint(agent, ref, { version: await version(ref), to: "in_progress" });
    expect(illegal).toMatchObject({ ok: false, error: "unprocessable" });
    expect(
      await transitionComplaint(agent, ref, { version: await version(ref), to: "reopened", reason: "x" }),
    ).toMatchObject({ ok: false, error: "forbidden" });

    const id = (await db.complaint.findUniqueOrThrow({ where: { reference: ref } })).id;
    expect(await addCustomerMessage(id, { body: "还是没有收到" }, "email")).toMatchObject({ ok: true, reopened: true });
    const row = await db.complaint.findUniqueOrThrow({ where: { reference: ref } });
    expect(row).toMatchObject({ status: "reopened", reopenCount: 1, resolvedAt: null });
  });

  it("a stale version gets a conflict naming the other change, never a silent overwrite", async () => {
    const { complaint } = await create();
    const ref = complaint.reference;
    const seen = await version(ref);
    expect(await transitionComplaint(supervisor, ref, { version: seen, to: "acknowledged" })).toMatchObject({
      ok: true,
    });
    const late = await updateComplaint(agent, ref, { version: seen, subject: "我的修改" });
    expect(late).toMatchObject({
      ok: false,
      error: "conflict",
      details: { status: "acknowledged", lastChange: { kind: "status_changed" } },
    });
    expect((await db.complaint.findUniqueOrThrow({ where: { reference: ref } })).subject).toBe("行李延误三天");
  });

  it("field edits are on the timeline with before and after", async () => {
    const { complaint } = await create();
    const ref = complaint.reference;
    const result = await updateComplaint(agent, ref, {
      version: await version(ref),
      flightNumber: "CA981",
      priority: "high",
    });
    expect(result).toMatchObject({ ok: true, changed: expect.arrayContaining(["flightNumber", "priority"]) });
    const event = await db.complaintEvent.findFirstOrThrow({
      where: { complaint: { reference: ref }, kind: "field_changed" },
    });
    expect(event.data).toMatchObject({ flightNumber: { from: null, to: "CA981" } });
  });

  it("a severity change recomputes the SLA from the matching policy, with a timeline entry", async () => {
    const calendarId = (await db.businessCalendar.findUniqueOrThrow({ where: { code: "24x7" } })).id;
    const critical = await db.severity.create({
      data: { code: "critical-x", nameZh: "紧急", nameEn: "Critical", rank: 1 },
    });
    await db.slaPolicy.create({
      data: {
        code: "critical-x",
        nameZh: "紧急",
        nameEn: "Critical",
        matchSeverityId: critical.id,
        calendarId,
        targets: {
          create: [
            { clock: "first_response", minutes: 15 },
            { clock: "resolution", minutes: 4 * 60 },
          ],
        },
      },
    });
    const { complaint } = await create();
    const ref = complaint.reference;
    const result = await updateComplaint(
      agent,
      ref,
      { version: await version(ref), severityId: critical.id },
      new Date(T0.getTime() + minutes(5)),
    );
    expect(result).toMatchObject({ ok: true });
    const row = await db.complaint.findUniqueOrThrow({ where: { reference: ref }, include: { slaPolicy: true } });
    expect(row.slaPolicy?.code).toBe("critical-x");
    expect(row.resolutionDueAt).toEqual(new Date(T0.getTime() + minutes(4 * 60)));
    expect(row.firstResponseDueAt).toEqual(new Date(T0.getTime() + minutes(15)));
    expect(row.nextDueAt).toEqual(row.firstResponseDueAt);
    const event = await db.complaintEvent.findFirstOrThrow({ where: { complaintId: row.id, kind: "sla_recomputed" } });
    expect(event.data).toMatchObject({ reason: "severity_changed", policy: "critical-x" });
    expect(await db.slaEvent.count({ where: { complaintId: row.id, kind: "recomputed" } })).toBe(2);
  });

  it("a customer's new tier recomputes the SLA of their open complaints", async () => {
    const calendarId = (await db.businessCalendar.findUniqueOrThrow({ where: { code: "24x7" } })).id;
    const platinum = await db.customerTier.create({
      data: { code: "platinum-x", nameZh: "白金卡", nameEn: "Platinum", rank: 1 },
    });
    await db.slaPolicy.create({
      data: {
        code: "platinum-x",
        nameZh: "白金",
        nameEn: "Platinum",
        matchTierId: platinum.id,
        calendarId,
        targets: { create: [{ clock: "resolution", minutes: 24 * 60 }] },
      },
    });
    const { complaint } = await create();
    const row = await db.complaint.findUniqueOrThrow({
      where: { reference: complaint.reference },
      include: { customer: true },
    });
    const updated = await updateCustomer(
      supervisor,
      row.customerId,
      updateCustomerSchema.parse({ version: row.customer.version, tierId: platinum.id }),
    );
    expect(updated).toMatchObject({ ok: true });
    const after = await db.complaint.findUniqueOrThrow({ where: { id: row.id }, include: { slaPolicy: true } });
    expect(after.slaPolicy?.code).toBe("platinum-x");
    expect(after.resolutionDueAt).toEqual(new Date(T0.getTime() + minutes(24 * 60)));
    expect(await db.complaintEvent.count({ where: { complaintId: row.id, kind: "sla_recomputed" } })).toBe(1);
  });

  it("agents of another team cannot see or touch the complaint", async () => {
    const { complaint } = await create();
    const ref = complaint.reference;
    expect(
      await addStaffMessage(otherAgent, ref, { kind: "note", body: "x", version: await version(ref) }),
    ).toMatchObject({ ok: false, error: "not_found" });
    expect(
      await assignComplaint(otherAgent, ref, { version: await version(ref), assigneeId: otherAgent.userId }),
    ).toMatchObject({ ok: false, error: "not_found" });
  });

  it("a supervisor hands a complaint over; an agent may not", async () => {
    const { complaint } = await create();
    const ref = complaint.reference;
    expect(await assignComplaint(agent, ref, { version: await version(ref), assigneeId: null })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(
      await assignComplaint(supervisor, ref, {
        version: await version(ref),
        assigneeId: supervisor.userId,
        note: "我来跟进",
      }),
    ).toMatchObject({ ok: true });
    const event = await db.complaintEvent.findFirstOrThrow({
      where: { complaint: { reference: ref }, kind: "handed_over" },
    });
    expect(event.data).toMatchObject({ fromAssigneeId: agent.userId, toAssigneeId: supervisor.userId });
  });

  it("numbers references without gaps under concurrent creation", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => create()));
    const numbers = results.map((result) => Number(result.complaint.reference.slice(-6))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(8);
    expect(numbers[7]! - numbers[0]!).toBe(7);
  });
});
