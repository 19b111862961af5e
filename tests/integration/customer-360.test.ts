// Customer list, Customer 360 page data, value score and follow-up tasks (issue 7, customers).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listCustomers } from "@/lib/customers/directory";
import { getContactTimeline, getCustomerProfile, TIMELINE_PAGE_SIZE } from "@/lib/customers/profile";
import { countMyOpenTasks, createFollowUpTask, listMyTasks, setTaskStatus } from "@/lib/customers/tasks";
import { updateValueFactors } from "@/lib/customers/update-value";
import { makeComplaint, makeCustomer, makeStaff, makeTeam, makeTier } from "./factories";

type Staff = Awaited<ReturnType<typeof makeStaff>>;
let agent: Staff;
let otherAgent: Staff;
let manager: Staff;
let supervisor: Staff;
let gold: Awaited<ReturnType<typeof makeTier>>;
let li: Awaited<ReturnType<typeof makeCustomer>>;
let zhao: Awaited<ReturnType<typeof makeCustomer>>;
let liComplaints: { open: string; closed: string };

beforeAll(async () => {
  const team = await makeTeam();
  const otherTeam = await makeTeam();
  agent = await makeStaff("agent", [team], "Agent Ann");
  otherAgent = await makeStaff("agent", [otherTeam]);
  supervisor = await makeStaff("supervisor", [team]);
  manager = await makeStaff("manager", []);
  gold = await makeTier({ nameEn: "Gold" });
  li = await makeCustomer({
    name: "李娜",
    phone: "+86 139 8888 1234",
    email: "li.na@example.com",
    membershipNumber: "CA778899",
    tierId: gold.id,
    tags: ["VIP", "wheelchair"],
    specialNeeds: "轮椅",
  });
  zhao = await makeCustomer({ name: "赵强", phone: "13700001111", email: "zhao@example.com", tags: ["repeat"] });
  const open = await makeComplaint({ customerId: li.id, teamId: team.id, status: "in_progress", subject: "座位问题" });
  const closed = await makeComplaint({
    customerId: li.id,
    teamId: team.id,
    status: "closed",
    closedAt: new Date(),
    subject: "行李延误",
  });
  await makeComplaint({ customerId: zhao.id, teamId: otherTeam.id, status: "new" });
  liComplaints = { open: open.reference, closed: closed.reference };
  // Contacts: 25 customer-facing replies, plus internal notes that must not show up.
  for (let index = 0; index < 25; index += 1) {
    await db.complaintEvent.create({
      data: {
        complaintId: index % 2 ? open.id : closed.id,
        kind: "reply",
        visibility: "customer",
        actorId: agent.user.id,
        body: `reply ${index}`,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, index)),
      },
    });
  }
  await db.complaintEvent.create({
    data: { complaintId: open.id, kind: "note", visibility: "internal", body: "internal only" },
  });
  await db.compensation.create({
    data: {
      complaintId: closed.id,
      kind: "voucher",
      amount: 300,
      reason: "延误补偿",
      proposedById: agent.user.id,
      status: "issued",
    },
  });
  const survey = await db.survey.create({
    data: {
      complaintId: closed.id,
      customerId: li.id,
      tokenHash: `hash-${li.id}`,
      locale: "zh_CN",
      status: "answered",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await db.surveyResponse.create({ data: { surveyId: survey.id, complaintId: closed.id, csat: 4, nps: 8 } });
});

describe("customer list", () => {
  it("searches by name, phone digits, e-mail and membership number, masked for agents", async () => {
    for (const q of ["李娜", "139 8888 1234", "LI.NA@example.com", "ca778899"]) {
      const page = await listCustomers(agent.actor, { q });
      expect(
        page.rows.map((row) => row.id),
        q,
      ).toEqual([li.id]);
    }
    const [row] = (await listCustomers(agent.actor, { q: "李娜" })).rows;
    expect(row).toMatchObject({
      phone: "+86 139****1234",
      email: "l***a@example.com",
      openComplaintCount: 1,
      complaintCount: 2,
    });
  });

  it("filters by tier and tag and keeps to the actor's teams", async () => {
    expect((await listCustomers(manager.actor, { tier: gold.id })).rows.map((row) => row.id)).toEqual([li.id]);
    expect((await listCustomers(manager.actor, { tag: "repeat" })).rows.map((row) => row.id)).toEqual([zhao.id]);
    const mine = (await listCustomers(agent.actor, {})).rows.map((row) => row.id);
    expect(mine).toContain(li.id);
    expect(mine).not.toContain(zhao.id);
    expect((await listCustomers(otherAgent.actor, { q: "李娜" })).rows).toEqual([]);
  });

  it("pages with a total", async () => {
    const page = await listCustomers(manager.actor, { page: 1 });
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.rows.length).toBeLessThanOrEqual(page.pageSize);
  });
});

describe("customer page", () => {
  it("collects profile, complaints, surveys, compensation and value score", async () => {
    const profile = await getCustomerProfile(agent.actor, li.id);
    expect(profile).not.toBeNull();
    expect(profile?.customer).toMatchObject({
      name: "李娜",
      phone: "+86 139****1234",
      tags: ["VIP", "wheelchair"],
      specialNeeds: "轮椅",
    });
    expect(profile?.complaints.open.map((c) => c.reference)).toEqual([liComplaints.open]);
    expect(profile?.complaints.past.map((c) => c.reference)).toEqual([liComplaints.closed]);
    expect(profile?.surveys[0]?.response).toMatchObject({ csat: 4, nps: 8 });
    expect(profile?.compensations[0]).toMatchObject({ kind: "voucher", amount: "300.00", status: "issued" });
    expect(profile?.value.rated).toBe(false);
  });

  it("is not found outside the actor's teams", async () => {
    expect(await getCustomerProfile(otherAgent.actor, li.id)).toBeNull();
    expect(await getContactTimeline(otherAgent.actor, li.id, 1)).toBeNull();
  });

  it("pages the customer-facing contact timeline newest first, without internal notes", async () => {
    const first = await getContactTimeline(agent.actor, li.id, 1);
    expect(first?.items).toHaveLength(TIMELINE_PAGE_SIZE);
    expect(first?.items[0]?.body).toBe("reply 24");
    expect(first?.hasMore).toBe(true);
    const second = await getContactTimeline(agent.actor, li.id, 2);
    expect(second?.items.map((item) => item.body)).toEqual(["reply 4", "reply 3", "reply 2", "reply 1", "reply 0"]);
    expect(second?.hasMore).toBe(false);
  });

  it("rates value factors with the configured weights and optimistic locking", async () => {
    await db.setting.upsert({
      where: { key: "valueScore.weights" },
      create: { key: "valueScore.weights", value: { frequency: 30, mileage: 30, cabin: 40 } },
      update: {},
    });
    const { version } = await db.customer.findUniqueOrThrow({ where: { id: li.id } });
    const result = await updateValueFactors(agent.actor, li.id, {
      version,
      factors: { frequency: 80, mileage: 50, cabin: 100 },
    });
    expect(result).toEqual({ ok: true, score: 79, version: version + 1 });
    const stale = await updateValueFactors(agent.actor, li.id, { version, factors: { cabin: 0 } });
    expect(stale).toMatchObject({ ok: false, error: "conflict" });
    const invalid = await updateValueFactors(agent.actor, li.id, { version: version + 1, factors: { cabin: 101 } });
    expect(invalid).toMatchObject({ ok: false, error: "invalid" });
    const profile = await getCustomerProfile(agent.actor, li.id);
    expect(profile?.value).toMatchObject({ score: 79, rated: true, stored: 79 });
  });
});

describe("follow-up tasks", () => {
  it("creates a task for me by default, lists it in My tasks, completes and reopens it", async () => {
    const due = new Date(Date.now() + 3_600_000);
    const created = await createFollowUpTask(agent.actor, {
      customerId: li.id,
      title: "回访确认行李已送达",
      dueAt: due.toISOString(),
      complaintReference: liComplaints.closed.toLowerCase(),
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const mine = await listMyTasks(agent.actor);
    expect(mine.find((task) => task.id === created.taskId)).toMatchObject({
      note: "回访确认行李已送达",
      customer: { id: li.id },
      complaint: { reference: liComplaints.closed },
    });
    expect((await countMyOpenTasks(agent.actor)).open).toBeGreaterThanOrEqual(1);

    expect(await setTaskStatus(agent.actor, { taskId: created.taskId, status: "done" })).toMatchObject({
      ok: true,
      status: "done",
    });
    expect((await listMyTasks(agent.actor)).some((task) => task.id === created.taskId)).toBe(false);
    expect(await setTaskStatus(agent.actor, { taskId: created.taskId, status: "done" })).toMatchObject({ ok: true });
    expect(await setTaskStatus(agent.actor, { taskId: created.taskId, status: "open" })).toMatchObject({
      ok: true,
      status: "open",
    });
    const audit = await db.auditLog.findMany({
      where: { entityType: "follow_up_task", entityId: String(created.taskId) },
      orderBy: { id: "asc" },
    });
    expect(audit.map((row) => row.action)).toEqual(["task.create", "task.complete", "task.reopen"]);
  });

  it("lists tasks of other kinds assigned to the user, overdue first", async () => {
    await db.followUpTask.create({
      data: {
        kind: "low_score_follow_up",
        customerId: li.id,
        assigneeId: supervisor.user.id,
        dueAt: new Date(Date.now() - 3_600_000),
        note: "survey:1",
      },
    });
    const tasks = await listMyTasks(supervisor.actor);
    expect(tasks[0]).toMatchObject({ kind: "low_score_follow_up" });
    expect((await countMyOpenTasks(supervisor.actor)).overdue).toBe(1);
  });

  it("rejects bad input with field errors and refuses complaints of other customers and strangers' tasks", async () => {
    const empty = await createFollowUpTask(agent.actor, { customerId: li.id, title: " ", dueAt: "not a date" });
    expect(empty).toMatchObject({ ok: false, error: "invalid" });
    if (!empty.ok) expect(Object.keys(empty.fields ?? {})).toEqual(expect.arrayContaining(["title", "dueAt"]));
    const past = await createFollowUpTask(agent.actor, {
      customerId: li.id,
      title: "x",
      dueAt: "2020-01-01T00:00:00Z",
    });
    expect(past).toMatchObject({ ok: false, fields: { dueAt: ["past"] } });
    const foreign = await createFollowUpTask(agent.actor, {
      customerId: li.id,
      title: "x",
      dueAt: new Date().toISOString(),
      complaintReference: "CMP-2099-000001",
    });
    expect(foreign).toMatchObject({ ok: false, fields: { complaintReference: ["not_found"] } });
    expect(
      await createFollowUpTask(otherAgent.actor, { customerId: li.id, title: "x", dueAt: new Date().toISOString() }),
    ).toMatchObject({ ok: false, error: "not_found" });
    const task = await db.followUpTask.create({
      data: { kind: "callback", customerId: li.id, assigneeId: agent.user.id, dueAt: new Date() },
    });
    expect(await setTaskStatus(otherAgent.actor, { taskId: task.id, status: "done" })).toMatchObject({
      ok: false,
      error: "not_found",
    });
  });
});
