// Creation-time escalation (SPEC §4) and manual escalation by an agent.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { escalateOnCreate } from "@/lib/escalations/on-create";
import { requestEscalation } from "@/lib/escalations/request-escalation";
import { makeChannel, makeCustomer, makeSeverity } from "./factories";
import { makeSlaWorld, MINUTE, type SlaWorld } from "./sla-fixtures";

const T0 = new Date("2026-11-20T02:00:00Z");
const DAY = 24 * 60 * MINUTE;
let world: SlaWorld;
let critical: number;
let regulator: number;
let platinum: number;

beforeAll(async () => {
  world = await makeSlaWorld();
  critical = (
    await db.severity.create({
      data: { code: "critical", nameZh: "紧急", nameEn: "Critical", rank: 1, escalateOnCreate: true },
    })
  ).id;
  regulator = (
    await db.channel.create({
      data: { code: "caac-12326", kind: "regulator", nameZh: "民航局 12326", nameEn: "CAAC 12326", isRegulator: true },
    })
  ).id;
  platinum = (
    await db.customerTier.create({
      data: { code: "platinum", nameZh: "白金卡", nameEn: "Platinum", rank: 1, escalateOnCreate: true },
    })
  ).id;
});

/**
 * Creates a complaint as the agent (createComplaint runs the creation-time rules); `again` re-runs them to prove
 * dedupe.
 */
async function createAndEscalate(
  overrides: { severityId?: number; channelId?: number; customerId?: number } = {},
  now = T0,
) {
  const customerId = overrides.customerId ?? (await makeCustomer()).id;
  const created = await createComplaint(
    { kind: "staff", actor: world.agent.actor },
    {
      customer: { id: customerId },
      channelId: overrides.channelId ?? world.channel.id,
      severityId: overrides.severityId ?? world.severity.id,
      subject: "行李延误三天",
      description: "托运行李延误三天仍未送达，需要赔偿。",
    },
    now,
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  const complaint = await db.complaint.findUniqueOrThrow({
    where: { id: created.complaint.id },
    select: {
      id: true,
      customerId: true,
      severity: { select: { escalateOnCreate: true } },
      channel: { select: { isRegulator: true } },
      customer: { select: { tier: { select: { escalateOnCreate: true } } } },
    },
  });
  const input = {
    complaintId: complaint.id,
    severity: complaint.severity,
    tier: complaint.customer.tier,
    channel: complaint.channel,
    customerId: complaint.customerId,
    now,
  };
  return {
    id: complaint.id,
    reference: created.complaint.reference,
    again: () => db.$transaction((tx) => escalateOnCreate(tx, input)),
  };
}

async function escalationsOf(complaintId: number) {
  return db.escalation.findMany({
    where: { complaintId },
    select: { fromLevel: true, level: true, reason: true, ownerId: true, dedupeKey: true },
  });
}

describe("escalation at creation", () => {
  it("critical severity goes to L2, the team supervisor, once", async () => {
    const { id, again } = await createAndEscalate({ severityId: critical });
    expect(await again()).toEqual({ escalated: false, why: "duplicate" });
    expect(await escalationsOf(id)).toEqual([
      { fromLevel: 1, level: 2, reason: "severity", ownerId: world.supervisor.user.id, dedupeKey: `create:${id}` },
    ]);
    expect(await db.complaint.findUniqueOrThrow({ where: { id }, select: { escalationLevel: true } })).toEqual({
      escalationLevel: 2,
    });
    expect(
      await db.notification.count({
        where: { complaintId: id, userId: world.supervisor.user.id, kind: "escalation.assigned" },
      }),
    ).toBe(1);
  });

  it("a platinum (VIP) customer, a regulator channel", async () => {
    const vip = await createAndEscalate({ customerId: (await makeCustomer({ tierId: platinum })).id });
    expect((await escalationsOf(vip.id)).map((row) => row.reason)).toEqual(["vip"]);
    const viaRegulator = await createAndEscalate({ channelId: regulator });
    expect((await escalationsOf(viaRegulator.id)).map((row) => row.reason)).toEqual(["regulator"]);
  });

  it("the customer's third complaint within 90 days, not the second, nor a third spread over more than 90 days", async () => {
    const customer = await makeCustomer();
    const first = await createAndEscalate({ customerId: customer.id }, new Date(T0.getTime() - 120 * DAY));
    const second = await createAndEscalate({ customerId: customer.id }, new Date(T0.getTime() - 80 * DAY));
    const third = await createAndEscalate({ customerId: customer.id }, new Date(T0.getTime() - 10 * DAY));
    const fourth = await createAndEscalate({ customerId: customer.id }, T0);
    for (const earlier of [first, second, third]) expect(await escalationsOf(earlier.id)).toEqual([]);
    expect(
      await db.complaint.findUniqueOrThrow({ where: { id: fourth.id }, select: { escalationLevel: true } }),
    ).toEqual({ escalationLevel: 2 });
    expect((await escalationsOf(fourth.id)).map((row) => row.reason)).toEqual(["repeat_complaint"]);
  });

  it("each rule can be switched off in the setting", async () => {
    await db.setting.upsert({
      where: { key: "sla.escalateOnCreate" },
      create: {
        key: "sla.escalateOnCreate",
        value: { critical: false, vip: true, regulator: true, repeatComplaint: false },
      },
      update: { value: { critical: false, vip: true, regulator: true, repeatComplaint: false } },
    });
    try {
      const { id, again } = await createAndEscalate({ severityId: critical });
      expect(await escalationsOf(id)).toEqual([]);
      expect(await again()).toEqual({ escalated: false, why: "no_rule" });
    } finally {
      await db.setting.delete({ where: { key: "sla.escalateOnCreate" } });
    }
  });

  it("an ordinary complaint is not escalated", async () => {
    const { id, again } = await createAndEscalate({
      channelId: (await makeChannel()).id,
      severityId: (await makeSeverity()).id,
    });
    expect(await again()).toEqual({ escalated: false, why: "no_rule" });
    expect(await escalationsOf(id)).toEqual([]);
  });
});

describe("manual escalation by an agent", () => {
  it("needs a note, checks the version, and raises one level to the team supervisor", async () => {
    const { reference, id } = await createAndEscalate();
    const noNote = await requestEscalation(world.agent.actor, reference, {
      version: 1,
      reason: "customer_request",
      note: "  ",
    });
    expect(noNote).toMatchObject({ ok: false, error: "invalid", fields: { note: ["required"] } });
    expect(
      await requestEscalation(world.agent.actor, reference, { version: 1, reason: "sla_breach", note: "x" }),
    ).toMatchObject({ ok: false, error: "invalid" });

    const done = await requestEscalation(world.agent.actor, reference, {
      version: 1,
      reason: "customer_request",
      note: "旅客要求主管处理",
    });
    expect(done).toMatchObject({ ok: true, version: 2, level: 2, ownerId: world.supervisor.user.id });
    const stale = await requestEscalation(world.agent.actor, reference, {
      version: 1,
      reason: "customer_request",
      note: "again",
    });
    expect(stale).toMatchObject({
      ok: false,
      error: "conflict",
      details: { currentVersion: 2, lastChange: { kind: "escalated" } },
    });
    expect(await escalationsOf(id)).toEqual([
      { fromLevel: 1, level: 2, reason: "customer_request", ownerId: world.supervisor.user.id, dedupeKey: null },
    ]);
    const event = await db.complaintEvent.findFirstOrThrow({ where: { complaintId: id, kind: "escalated" } });
    expect(event).toMatchObject({ actorType: "user", actorId: world.agent.user.id, body: "旅客要求主管处理" });
  });

  it("is not found outside the agent's scope", async () => {
    const { reference } = await createAndEscalate();
    const outsider = { ...world.agent.actor, userId: world.manager.user.id + 1000, teamIds: [] };
    expect(await requestEscalation(outsider, reference, { version: 1, reason: "manual", note: "x" })).toMatchObject({
      ok: false,
      error: "not_found",
    });
  });
});
