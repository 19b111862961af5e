// The supervisors' escalation inbox and its actions: acknowledge, reassign, extend the due date, de-escalate,
// escalate further — each on the timeline and in the audit log, each checking the complaint's version.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acknowledgeEscalation, deEscalate, escalateFurther } from "@/lib/escalations/respond-to-escalation";
import { reassignEscalation } from "@/lib/escalations/reassign-escalation";
import { extendDueDate } from "@/lib/escalations/extend-due-date";
import { escalationInbox } from "@/lib/escalations/inbox";
import { processDueClocks } from "@/lib/sla/sweeper";
import { makeStaff, makeTeam } from "./factories";
import { insertDueComplaints, makeSlaWorld, MINUTE, type SlaWorld } from "./sla-fixtures";

const T0 = new Date("2026-11-20T02:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
let world: SlaWorld;

beforeAll(async () => {
  world = await makeSlaWorld();
});

/** A complaint whose resolution clock breached at T0+60: escalated to L2, owned by the team supervisor. */
async function breached() {
  const [id] = await insertDueComplaints(world, 1, [{ kind: "resolution", dueAt: at(60), warnAt: at(45) }]);
  if (id === undefined) throw new Error("no complaint");
  await processDueClocks({ now: at(61) });
  const escalation = await db.escalation.findFirstOrThrow({
    where: { complaintId: id, outcome: "open" },
    select: { id: true },
  });
  return { complaintId: id, escalationId: escalation.id };
}

const version = async (id: number) =>
  (await db.complaint.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const lastEvent = (complaintId: number) =>
  db.complaintEvent.findFirstOrThrow({ where: { complaintId }, orderBy: { id: "desc" } });
const audits = (complaintId: number, action: string) =>
  db.auditLog.count({ where: { entityType: "complaint", entityId: String(complaintId), action } });

describe("escalation actions", () => {
  it("acknowledge: by the owner, with the current version; others are refused", async () => {
    const { complaintId, escalationId } = await breached();
    expect(await acknowledgeEscalation(world.agent.actor, escalationId, { version: 1 })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    const otherTeam = await makeTeam();
    const otherSupervisor = await makeStaff("supervisor", [otherTeam]);
    expect(await acknowledgeEscalation(otherSupervisor.actor, escalationId, { version: 1 })).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await acknowledgeEscalation(world.supervisor.actor, escalationId, { version: 7 })).toMatchObject({
      ok: false,
      error: "conflict",
    });

    expect(await acknowledgeEscalation(world.supervisor.actor, escalationId, { version: 1 }, at(70))).toMatchObject({
      ok: true,
      version: 2,
    });
    expect(await db.escalation.findUniqueOrThrow({ where: { id: escalationId } })).toMatchObject({
      outcome: "acknowledged",
      acknowledgedById: world.supervisor.user.id,
      acknowledgedAt: at(70),
    });
    expect(await lastEvent(complaintId)).toMatchObject({
      kind: "escalation_acknowledged",
      actorId: world.supervisor.user.id,
    });
    expect(await audits(complaintId, "escalation.acknowledge")).toBe(1);
    expect(await acknowledgeEscalation(world.supervisor.actor, escalationId, { version: 2 })).toMatchObject({
      ok: false,
      error: "unprocessable",
    });
  });

  it("reassign: to a member of the team, who is notified; the escalation is settled", async () => {
    const { complaintId, escalationId } = await breached();
    const outsider = await makeStaff("agent", [await makeTeam()]);
    expect(
      await reassignEscalation(world.supervisor.actor, escalationId, { version: 1, assigneeId: outsider.user.id }),
    ).toMatchObject({ ok: false, error: "invalid", fields: { assigneeId: ["not_in_team"] } });

    const done = await reassignEscalation(
      world.supervisor.actor,
      escalationId,
      { version: 1, assigneeId: world.otherAgent.user.id, note: "王芳熟悉行李流程" },
      at(80),
    );
    expect(done).toMatchObject({ ok: true, version: 2, level: 2 });
    expect(
      await db.complaint.findUniqueOrThrow({
        where: { id: complaintId },
        select: { assigneeId: true, escalationLevel: true },
      }),
    ).toEqual({ assigneeId: world.otherAgent.user.id, escalationLevel: 2 });
    expect(await db.escalation.findUniqueOrThrow({ where: { id: escalationId } })).toMatchObject({
      outcome: "reassigned",
      closedAt: at(80),
      acknowledgedById: world.supervisor.user.id,
    });
    expect(await lastEvent(complaintId)).toMatchObject({
      kind: "handed_over",
      body: "王芳熟悉行李流程",
      data: expect.objectContaining({ fromAssigneeId: world.agent.user.id, toAssigneeId: world.otherAgent.user.id }),
    });
    expect(await audits(complaintId, "escalation.reassign")).toBe(1);
    const notification = await db.notification.findFirstOrThrow({
      where: { userId: world.otherAgent.user.id, complaintId },
    });
    expect(notification).toMatchObject({ kind: "complaint.assigned", params: expect.objectContaining({ by: "张伟" }) });
    // Settled: a second action on it is refused.
    expect(
      await reassignEscalation(world.supervisor.actor, escalationId, { version: 2, assigneeId: world.agent.user.id }),
    ).toMatchObject({ ok: false, error: "unprocessable" });
  });

  it("extend the due date: the resolution clock and nextDueAt move, the breach stays recorded", async () => {
    const { complaintId, escalationId } = await breached();
    expect(
      await extendDueDate(world.supervisor.actor, escalationId, {
        version: 1,
        dueAt: at(2000).toISOString(),
        reason: "",
      }),
    ).toMatchObject({ ok: false, fields: { reason: ["required"] } });
    expect(
      await extendDueDate(
        world.supervisor.actor,
        escalationId,
        { version: 1, dueAt: at(30).toISOString(), reason: "x" },
        at(90),
      ),
    ).toMatchObject({ ok: false, fields: { dueAt: ["must_be_later"] } });

    const done = await extendDueDate(
      world.supervisor.actor,
      escalationId,
      { version: 1, dueAt: at(2000).toISOString(), reason: "等待地服调查结果" },
      at(90),
    );
    expect(done).toMatchObject({ ok: true, version: 2 });
    const complaint = await db.complaint.findUniqueOrThrow({
      where: { id: complaintId },
      select: { resolutionDueAt: true, nextDueAt: true, slaBreached: true },
    });
    expect(complaint).toEqual({ resolutionDueAt: at(2000), nextDueAt: at(2000), slaBreached: true });
    expect(await db.slaClock.findFirstOrThrow({ where: { complaintId } })).toMatchObject({
      dueAt: at(2000),
      breachedAt: at(61),
    });
    expect(await db.slaEvent.findFirstOrThrow({ where: { complaintId, kind: "extended" } })).toMatchObject({
      dueAt: at(2000),
      actorId: world.supervisor.user.id,
      data: expect.objectContaining({ reason: "等待地服调查结果", previousDueAt: at(60).toISOString() }),
    });
    expect(await lastEvent(complaintId)).toMatchObject({ kind: "sla_extended", body: "等待地服调查结果" });
    expect(await audits(complaintId, "escalation.extend_due")).toBe(1);
    expect(await db.escalation.findUniqueOrThrow({ where: { id: escalationId } })).toMatchObject({
      outcome: "extended",
    });
    // The extended clock does not breach a second time.
    expect(await processDueClocks({ now: at(3000) })).toMatchObject({ breached: 0 });
  });

  it("escalate further (L2 → L3, the manager) and de-escalate (L3 → L2 back to the supervisor, then to L1)", async () => {
    const { complaintId, escalationId } = await breached();
    expect(await escalateFurther(world.supervisor.actor, escalationId, { version: 1, note: "" })).toMatchObject({
      ok: false,
      error: "invalid",
    });
    const further = await escalateFurther(
      world.supervisor.actor,
      escalationId,
      { version: 1, note: "涉及多个部门，需经理协调" },
      at(90),
    );
    expect(further).toMatchObject({ ok: true, version: 2, level: 3 });
    expect(await db.escalation.findUniqueOrThrow({ where: { id: escalationId } })).toMatchObject({
      outcome: "escalated_further",
      outcomeNote: "涉及多个部门，需经理协调",
    });
    expect(await lastEvent(complaintId)).toMatchObject({
      kind: "escalated",
      actorId: world.supervisor.user.id,
      data: expect.objectContaining({ fromLevel: 2, level: 3 }),
    });
    if (!further.ok || further.escalationId === null) throw new Error("no L3 escalation");
    expect(await db.escalation.findUniqueOrThrow({ where: { id: further.escalationId } })).toMatchObject({
      level: 3,
      ownerId: world.manager.user.id,
      reason: "sla_breach",
    });

    const down = await deEscalate(
      world.manager.actor,
      further.escalationId,
      { version: 2, reason: "经理已协调，交回主管跟进" },
      at(100),
    );
    expect(down).toMatchObject({ ok: true, version: 3, level: 2 });
    expect(await lastEvent(complaintId)).toMatchObject({
      kind: "de_escalated",
      body: "经理已协调，交回主管跟进",
      data: expect.objectContaining({ fromLevel: 3, level: 2 }),
    });
    if (!down.ok || down.escalationId === null) throw new Error("no L2 escalation");
    expect(await db.escalation.findUniqueOrThrow({ where: { id: down.escalationId } })).toMatchObject({
      fromLevel: 3,
      level: 2,
      ownerId: world.supervisor.user.id,
      reason: "manual",
      outcome: "open",
    });

    const toL1 = await deEscalate(world.supervisor.actor, down.escalationId, { version: 3, reason: "已处理" }, at(110));
    expect(toL1).toMatchObject({ ok: true, level: 1, escalationId: null });
    expect(await db.escalation.count({ where: { complaintId, outcome: { in: ["open", "acknowledged"] } } })).toBe(0);
    expect(await audits(complaintId, "complaint.de_escalate")).toBe(2);
    expect(await version(complaintId)).toBe(4);
  });
});

describe("escalation inbox", () => {
  it("lists the actor's and their team supervisors' escalations, open first, with the complaint's details", async () => {
    const open = await breached();
    const handled = await breached();
    await acknowledgeEscalation(world.supervisor.actor, handled.escalationId, { version: 1 });
    await deEscalate(world.supervisor.actor, handled.escalationId, { version: 2, reason: "误升级" });

    expect(await escalationInbox(world.agent.actor)).toMatchObject({ ok: false, error: "forbidden" });
    const inbox = await escalationInbox(world.supervisor.actor, { status: "all", limit: 100 }, at(121));
    if (!inbox.ok) throw new Error(inbox.message);
    const openRow = inbox.rows.find((row) => row.id === open.escalationId);
    expect(openRow).toMatchObject({
      level: 2,
      reason: "sla_breach",
      outcome: "open",
      ageMinutes: 60,
      owner: { id: world.supervisor.user.id },
      complaint: { id: open.complaintId, status: "in_progress", slaBreached: true },
    });
    const firstClosed = inbox.rows.findIndex((row) => !["open", "acknowledged"].includes(row.outcome));
    const lastOpen = inbox.rows.findLastIndex((row) => ["open", "acknowledged"].includes(row.outcome));
    expect(firstClosed).toBeGreaterThan(lastOpen);
    expect(inbox.rows.some((row) => row.id === handled.escalationId && row.outcome === "de_escalated")).toBe(true);

    const openOnly = await escalationInbox(world.supervisor.actor, { status: "open", limit: 1 });
    if (!openOnly.ok) throw new Error(openOnly.message);
    expect(openOnly.rows).toHaveLength(1);
    // Unacknowledged first: the open escalation leads the list, the cursor names its group.
    expect(openOnly.rows[0]?.id).toBe(open.escalationId);
    expect(openOnly.nextCursor).toBe(`o:${open.escalationId}`);
    const page2 = await escalationInbox(world.supervisor.actor, {
      status: "open",
      limit: 100,
      cursor: openOnly.nextCursor ?? undefined,
    });
    if (!page2.ok) throw new Error(page2.message);
    expect(
      page2.rows.every((row) => ["open", "acknowledged"].includes(row.outcome) && row.id !== openOnly.rows[0]?.id),
    ).toBe(true);

    const stranger = await makeStaff("supervisor", [await makeTeam()]);
    const theirs = await escalationInbox(stranger.actor, { status: "all" });
    expect(theirs).toMatchObject({ ok: true, rows: [] });
  });
});
