// Complaint creation reads its reference data in one statement (lib/complaints/intake-context.ts): the paths that
// the ordinary creation tests do not take — a tuned repeat-complaint window and the configured intake team.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { makeCustomer, makePublicIntakeSetup, makeTeam } from "./factories";
import { makeSlaWorld, MINUTE, type SlaWorld } from "./sla-fixtures";

const T0 = new Date("2026-11-25T02:00:00Z");
const DAY = 24 * 60 * MINUTE;
let world: SlaWorld;

beforeAll(async () => {
  world = await makeSlaWorld();
});

afterEach(async () => {
  await db.setting.deleteMany({ where: { key: { in: ["sla.escalateOnCreate", "intake.defaultTeam"] } } });
});

async function create(customerId: number, now: Date) {
  const created = await createComplaint(
    { kind: "staff", actor: world.agent.actor },
    {
      customer: { id: customerId },
      channelId: world.channel.id,
      severityId: world.severity.id,
      subject: "航班延误",
      description: "航班延误五小时，没有任何通知。",
    },
    now,
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  return db.complaint.findUniqueOrThrow({
    where: { id: created.complaint.id },
    select: { id: true, escalationLevel: true, teamId: true },
  });
}

describe("creation reads", () => {
  it("a repeat-complaint window other than 90 days counts over its own window", async () => {
    const value = { repeatComplaint: { count: 2, days: 30 } };
    await db.setting.create({ data: { key: "sla.escalateOnCreate", value } });
    const customer = await makeCustomer();
    await create(customer.id, new Date(T0.getTime() - 40 * DAY));
    // Within 90 days there are two complaints, within 30 days only this one: not escalated.
    expect((await create(customer.id, T0)).escalationLevel).toBe(1);
    // The second within 30 days: escalated.
    expect((await create(customer.id, new Date(T0.getTime() + MINUTE))).escalationLevel).toBe(2);
  });

  it("public complaints go to the team named by intake.defaultTeam, else to the first active team", async () => {
    const setup = await makePublicIntakeSetup();
    const team = await makeTeam();
    const submit = () =>
      createComplaint(
        { kind: "public" },
        {
          customer: { name: "李雷", email: `li.${Math.random().toString(36).slice(2)}@example.net`, locale: "zh-CN" },
          channelId: setup.web.id,
          severityId: setup.mild.id,
          subject: "行李丢失",
          description: "到达后行李没有出现在转盘上。",
        },
        T0,
      );
    const first = await db.team.findFirstOrThrow({
      where: { active: true },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const unconfigured = await submit();
    if (!unconfigured.ok) throw new Error(JSON.stringify(unconfigured));
    expect(
      (await db.complaint.findUniqueOrThrow({ where: { id: unconfigured.complaint.id }, select: { teamId: true } }))
        .teamId,
    ).toBe(first.id);

    await db.setting.create({ data: { key: "intake.defaultTeam", value: team.code } });
    const configured = await submit();
    if (!configured.ok) throw new Error(JSON.stringify(configured));
    expect(
      (await db.complaint.findUniqueOrThrow({ where: { id: configured.complaint.id }, select: { teamId: true } }))
        .teamId,
    ).toBe(team.id);
  });
});
