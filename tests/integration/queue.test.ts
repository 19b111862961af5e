// The agent queues (lib/complaints/queue.ts): every filter narrows, full-text search in Chinese and English, keyset
// pagination without gaps or repeats across ties, and team scope in every queue.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { filterWhere, listQueue, queueCounts } from "@/lib/complaints/queue";
import { queueFilterSchema } from "@/lib/complaints/schema";
import { makeChannel, makeComplaint, makeCustomer, makeSeverity, makeStaff, makeTeam, makeTier } from "./factories";

const HOUR = 3_600_000;
const CHINESE_PHRASE = "饿着肚子飞了三个多小时";
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

let manager: Actor;
let agentA: Actor;
const ids: Record<string, number> = {};
const refOf: Record<number, string> = {};
const filterIds: Record<string, number> = {};

async function complaint(key: string, data: Parameters<typeof makeComplaint>[0]) {
  const row = await makeComplaint(data);
  ids[key] = row.id;
  refOf[row.id] = key;
}

beforeAll(async () => {
  const now = Date.now();
  const [teamA, teamB] = [await makeTeam(), await makeTeam()];
  manager = (await makeStaff("manager")).actor;
  const a = await makeStaff("agent", [teamA]);
  const a2 = await makeStaff("agent", [teamA]);
  const b = await makeStaff("agent", [teamB]);
  agentA = a.actor;
  const [sev1, sev2] = [await makeSeverity(), await makeSeverity()];
  const [ch1, ch2] = [await makeChannel(), await makeChannel()];
  const tier = await makeTier();
  const cat1 = await db.category.create({ data: { code: "cat-1", nameZh: "航班", nameEn: "Flights" } });
  const cat2 = await db.category.create({ data: { code: "cat-2", nameZh: "行李", nameEn: "Baggage" } });
  const sub2 = await db.category.create({
    data: { code: "cat-2-a", parentId: cat2.id, nameZh: "延误", nameEn: "Delayed" },
  });
  const gold = await makeCustomer({ name: "金卡客户", tierId: tier.id });
  const plain = await makeCustomer({ name: "Plain Customer", phone: "+86 139 1111 2222" });
  Object.assign(filterIds, {
    teamA: teamA.id,
    teamB: teamB.id,
    sev1: sev1.id,
    sev2: sev2.id,
    ch2: ch2.id,
    tier: tier.id,
    cat1: cat1.id,
    cat2: cat2.id,
    sub2: sub2.id,
    agentA: a.user.id,
  });

  const base = { channelId: ch1.id, severityId: sev1.id, customerId: plain.id };
  await complaint("A1", {
    ...base,
    teamId: teamA.id,
    status: "new",
    priority: "high",
    categoryId: cat1.id,
    assigneeId: a.user.id,
    customerId: gold.id,
    createdAt: at("2026-03-01"),
    nextDueAt: new Date(now + 10 * HOUR),
    nextWarnAt: new Date(now + 5 * HOUR),
    subject: "餐食问题",
    description: `我提前预订了素食餐，但机上没有，只能${CHINESE_PHRASE}。`,
  });
  await complaint("A2", {
    ...base,
    teamId: teamA.id,
    status: "in_progress",
    severityId: sev2.id,
    priority: "normal",
    categoryId: cat2.id,
    subcategoryId: sub2.id,
    channelId: ch2.id,
    assigneeId: a2.user.id,
    createdAt: at("2026-03-05"),
    nextDueAt: new Date(now - HOUR),
    subject: "Gate change was never announced",
    description: "I waited at the old gate and had to run.",
  });
  await complaint("A3", {
    ...base,
    teamId: teamA.id,
    status: "acknowledged",
    priority: "low",
    createdAt: at("2026-03-10"),
    nextDueAt: new Date(now + 2 * HOUR),
    nextWarnAt: new Date(now - HOUR),
  });
  await complaint("A4", {
    ...base,
    teamId: teamA.id,
    status: "pending_customer",
    severityId: sev2.id,
    priority: "urgent",
    categoryId: cat1.id,
    channelId: ch2.id,
    assigneeId: a.user.id,
    escalationLevel: 2,
    createdAt: at("2026-03-12"),
    nextDueAt: new Date(now + 30 * HOUR),
    nextWarnAt: new Date(now + 20 * HOUR),
  });
  await complaint("B1", {
    ...base,
    teamId: teamB.id,
    status: "new",
    priority: "high",
    categoryId: cat1.id,
    assigneeId: b.user.id,
    customerId: gold.id,
    createdAt: at("2026-03-01"),
    nextDueAt: new Date(now + 10 * HOUR),
    description: `同样${CHINESE_PHRASE}，非常不满。`,
  });
  await complaint("B2", {
    ...base,
    teamId: teamB.id,
    status: "new",
    severityId: sev2.id,
    escalationLevel: 3,
    createdAt: at("2026-03-20"),
    nextDueAt: new Date(now - 2 * HOUR),
    slaBreached: true,
  });
  await complaint("C1", {
    ...base,
    teamId: teamA.id,
    status: "closed",
    severityId: sev2.id,
    closedAt: new Date(now - 24 * HOUR),
    createdAt: at("2026-02-01"),
  });
});

async function keys(actor: Actor, filter: Record<string, unknown>) {
  const { rows } = await listQueue(actor, queueFilterSchema.parse({ queue: "all", limit: 100, ...filter }));
  return rows.map((row) => refOf[row.id]).sort();
}

describe("queue filters", () => {
  it("each filter narrows to exactly the matching complaints", async () => {
    expect(await keys(manager, {})).toEqual(["A1", "A2", "A3", "A4", "B1", "B2", "C1"]);
    expect(await keys(manager, { status: "new" })).toEqual(["A1", "B1", "B2"]);
    expect(await keys(manager, { status: "new,in_progress" })).toEqual(["A1", "A2", "B1", "B2"]);
    expect(await keys(manager, { severity: String(filterIds.sev1) })).toEqual(["A1", "A3", "B1"]);
    expect(await keys(manager, { priority: "urgent" })).toEqual(["A4"]);
    expect(await keys(manager, { category: String(filterIds.cat1) })).toEqual(["A1", "A4", "B1"]);
    expect(await keys(manager, { category: String(filterIds.sub2) })).toEqual(["A2"]);
    expect(await keys(manager, { channel: String(filterIds.ch2) })).toEqual(["A2", "A4"]);
    expect(await keys(manager, { team: String(filterIds.teamB) })).toEqual(["B1", "B2"]);
    expect(await keys(manager, { assignee: String(filterIds.agentA) })).toEqual(["A1", "A4"]);
    expect(await keys(manager, { tier: String(filterIds.tier) })).toEqual(["A1", "B1"]);
    expect(await keys(manager, { from: "2026-03-05", to: "2026-03-10" })).toEqual(["A2", "A3"]);
    expect(await keys(manager, { severity: String(filterIds.sev1), team: String(filterIds.teamA) })).toEqual([
      "A1",
      "A3",
    ]);
  });

  it("filters by SLA state", async () => {
    expect(await keys(manager, { sla: "breached" })).toEqual(["A2", "B2"]);
    expect(await keys(manager, { sla: "warning" })).toEqual(["A3"]);
    expect(await keys(manager, { sla: "paused" })).toEqual(["A4"]);
    expect(await keys(manager, { sla: "ok" })).toEqual(["A1", "A4", "B1"]);
  });

  it("searches a Chinese phrase in descriptions and an English word in subjects", async () => {
    expect(await keys(manager, { q: CHINESE_PHRASE })).toEqual(["A1", "B1"]);
    expect(await keys(manager, { q: "ANNOUNCED" })).toEqual(["A2"]);
    expect(await keys(manager, { q: "金卡客户" })).toEqual(["A1", "B1"]);
  });

  it("rejects unknown filter values instead of ignoring them", () => {
    expect(queueFilterSchema.safeParse({ status: "lost" }).success).toBe(false);
    expect(queueFilterSchema.safeParse({ severity: "x" }).success).toBe(false);
    expect(queueFilterSchema.safeParse({ from: "2026-13-45" }).success).toBe(false);
  });
});

describe("scope", () => {
  it("an agent of team A never sees team B's complaints in any queue", async () => {
    expect(await keys(agentA, { queue: "mine" })).toEqual(["A1", "A4"]);
    expect(await keys(agentA, { queue: "team" })).toEqual(["A1", "A2", "A3", "A4"]);
    expect(await keys(agentA, { queue: "unassigned" })).toEqual(["A3"]);
    expect(await keys(agentA, { queue: "escalated" })).toEqual(["A4"]);
    expect(await keys(agentA, { queue: "closed" })).toEqual(["C1"]);
    expect(await keys(agentA, { queue: "all" })).toEqual(["A1", "A2", "A3", "A4", "C1"]);
    expect(await keys(agentA, { queue: "team", q: CHINESE_PHRASE })).toEqual(["A1"]);
    expect(await keys(agentA, { team: String(filterIds.teamB) })).toEqual([]);
    expect(await queueCounts(agentA)).toEqual({ mine: 2, team: 4, unassigned: 1, escalated: 1 });
  });

  it("tab counts (one SQL statement) equal the queues' own rows for agents and managers", async () => {
    for (const actor of [agentA, manager]) {
      const counts = await queueCounts(actor);
      for (const [queue, count] of Object.entries(counts)) {
        const rows = await db.complaint.count({ where: filterWhere(actor, queueFilterSchema.parse({ queue })) });
        expect(count, `${actor.role} ${queue}`).toBe(Math.min(rows, 1000));
      }
    }
  });

  it('tab counts stop one above the cap (the tab then shows "999+")', async () => {
    expect(await queueCounts(agentA, 2)).toEqual({ mine: 2, team: 3, unassigned: 1, escalated: 1 });
  });
});

describe("keyset pagination", () => {
  it("returns every row exactly once across pages, with ties in nextDueAt and rows without a due time", async () => {
    const team = await makeTeam();
    const customer = await makeCustomer();
    const tie = new Date(Date.now() + 5 * HOUR);
    const dues = [tie, tie, tie, tie, null, null, new Date(Date.now() + HOUR), new Date(Date.now() + 9 * HOUR), tie];
    const created: { id: number; due: Date | null }[] = [];
    for (const due of dues) {
      const row = await makeComplaint({
        customerId: customer.id,
        teamId: team.id,
        nextDueAt: due,
        createdAt: new Date("2026-04-01T00:00:00Z"),
      });
      created.push({ id: row.id, due });
    }
    const expected = [...created]
      .sort((x, y) => (x.due?.getTime() ?? Infinity) - (y.due?.getTime() ?? Infinity) || x.id - y.id)
      .map((row) => row.id);

    for (const sort of ["due", "newest", "oldest"] as const) {
      const seen: number[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page += 1) {
        const result = await listQueue(
          manager,
          queueFilterSchema.parse({ queue: "all", team: String(team.id), sort, limit: 2, cursor }),
        );
        seen.push(...result.rows.map((row) => row.id));
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      expect(new Set(seen).size).toBe(created.length);
      expect(seen).toHaveLength(created.length);
      if (sort === "due") expect(seen).toEqual(expected);
      if (sort === "newest") expect(seen).toEqual([...created.map((row) => row.id)].sort((x, y) => y - x));
    }
  });
});
