// The SLA sweeper: warnings and breaches recorded once each; a breach escalates one level to the owner of that level.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { processDueClocks } from "@/lib/sla/sweeper";
import { insertDueComplaints, makeSlaWorld, MINUTE, type SlaWorld } from "./sla-fixtures";

const T0 = new Date("2026-11-20T02:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
let world: SlaWorld;

beforeAll(async () => {
  world = await makeSlaWorld();
});

async function slaEvents(complaintId: number) {
  return db.slaEvent.findMany({
    where: { complaintId },
    orderBy: { id: "asc" },
    select: { kind: true, clockKind: true },
  });
}

describe("processDueClocks", () => {
  it("warns at the warning time and breaches at the due time, each recorded once however often it runs", async () => {
    const [id] = await insertDueComplaints(world, 1, [
      { kind: "resolution", warnAt: at(45), dueAt: at(60), startedAt: T0 },
    ]);
    if (id === undefined) throw new Error("no complaint");

    expect(await processDueClocks({ now: at(30) })).toMatchObject({ claimed: 0 });
    expect(await processDueClocks({ now: at(50) })).toMatchObject({ warned: 1, breached: 0 });
    expect(await processDueClocks({ now: at(55) })).toMatchObject({ claimed: 0 });
    expect(await slaEvents(id)).toEqual([{ kind: "warned", clockKind: "resolution" }]);
    const warning = await db.notification.findMany({
      where: { complaintId: id },
      select: { userId: true, kind: true, params: true },
    });
    expect(warning).toEqual([
      {
        userId: world.agent.user.id,
        kind: "sla.warning",
        params: expect.objectContaining({ clockKind: "resolution", dueAt: at(60).toISOString() }),
      },
    ]);

    expect(await processDueClocks({ now: at(61) })).toMatchObject({ warned: 0, breached: 1, escalated: 1 });
    expect(await processDueClocks({ now: at(90) })).toMatchObject({ claimed: 0 });
    expect(await slaEvents(id)).toEqual([
      { kind: "warned", clockKind: "resolution" },
      { kind: "breached", clockKind: "resolution" },
    ]);
    const clock = await db.slaClock.findFirstOrThrow({ where: { complaintId: id } });
    expect(clock).toMatchObject({ warnedAt: at(50), breachedAt: at(61) });
  });

  it("a breach escalates L1 → L2 to the team supervisor, on the timeline and audit log, and notifies them", async () => {
    const [id] = await insertDueComplaints(world, 1, [
      { kind: "first_response", dueAt: at(60), warnAt: at(45) },
      { kind: "resolution", dueAt: at(600), warnAt: at(450) },
    ]);
    if (id === undefined) throw new Error("no complaint");
    await processDueClocks({ now: at(61) });

    const complaint = await db.complaint.findUniqueOrThrow({
      where: { id },
      select: { escalationLevel: true, slaBreached: true, version: true },
    });
    expect(complaint).toEqual({ escalationLevel: 2, slaBreached: true, version: 1 }); // automatic: no version bump
    const clock = await db.slaClock.findFirstOrThrow({
      where: { complaintId: id, kind: "first_response" },
      select: { id: true },
    });
    const escalation = await db.escalation.findFirstOrThrow({ where: { complaintId: id } });
    expect(escalation).toMatchObject({
      fromLevel: 1,
      level: 2,
      reason: "sla_breach",
      ownerId: world.supervisor.user.id,
      createdById: null,
      outcome: "open",
      dedupeKey: `breach:${clock.id}`,
    });
    const event = await db.complaintEvent.findFirstOrThrow({ where: { complaintId: id, kind: "escalated" } });
    expect(event).toMatchObject({
      actorType: "system",
      data: expect.objectContaining({ fromLevel: 1, level: 2, reason: "sla_breach", clockKind: "first_response" }),
    });
    expect(
      await db.auditLog.count({
        where: { entityType: "complaint", entityId: String(id), action: "complaint.escalate" },
      }),
    ).toBe(1);
    const notifications = await db.notification.findMany({
      where: { complaintId: id },
      select: { userId: true, kind: true, params: true },
    });
    expect(notifications).toEqual([
      {
        userId: world.supervisor.user.id,
        kind: "escalation.assigned",
        params: expect.objectContaining({ level: 2, reason: "sla_breach" }),
      },
    ]);

    // The second clock breaching later takes the complaint to L3: the manager; the L2 escalation is superseded.
    expect(await processDueClocks({ now: at(601) })).toMatchObject({ breached: 1, escalated: 1 });
    const escalations = await db.escalation.findMany({
      where: { complaintId: id },
      orderBy: { id: "asc" },
      select: { level: true, ownerId: true, outcome: true },
    });
    expect(escalations).toEqual([
      { level: 2, ownerId: world.supervisor.user.id, outcome: "escalated_further" },
      { level: 3, ownerId: world.manager.user.id, outcome: "open" },
    ]);
    expect(
      await db.notification.count({
        where: { complaintId: id, userId: world.manager.user.id, kind: "escalation.assigned" },
      }),
    ).toBe(1);
  });

  it("two clocks of one complaint breaching in the same run raise it two levels, one at a time", async () => {
    const [id] = await insertDueComplaints(world, 1, [
      { kind: "first_response", dueAt: at(60) },
      { kind: "resolution", dueAt: at(61) },
    ]);
    await processDueClocks({ now: at(120) });
    const escalations = await db.escalation.findMany({
      where: { complaintId: id },
      orderBy: { id: "asc" },
      select: { fromLevel: true, level: true },
    });
    expect(escalations).toEqual([
      { fromLevel: 1, level: 2 },
      { fromLevel: 2, level: 3 },
    ]);
  });

  it("at L4 a breach is recorded but there is no level above", async () => {
    const [id] = await insertDueComplaints(world, 1, [{ kind: "resolution", dueAt: at(60) }], { escalationLevel: 4 });
    expect(await processDueClocks({ now: at(61) })).toMatchObject({ breached: 1, escalated: 0 });
    expect(
      await db.complaint.findUniqueOrThrow({ where: { id }, select: { escalationLevel: true, slaBreached: true } }),
    ).toEqual({ escalationLevel: 4, slaBreached: true });
  });

  it("leaves paused, fulfilled and cancelled clocks alone", async () => {
    const ids = await insertDueComplaints(world, 3, [{ kind: "resolution", dueAt: at(60), warnAt: at(45) }]);
    await db.slaClock.updateMany({ where: { complaintId: ids[0] }, data: { pausedAt: at(30) } });
    await db.slaClock.updateMany({ where: { complaintId: ids[1] }, data: { fulfilledAt: at(30) } });
    await db.slaClock.updateMany({ where: { complaintId: ids[2] }, data: { cancelledAt: at(30) } });
    expect(await processDueClocks({ now: at(120) })).toMatchObject({ claimed: 0 });
  });

  it("a clock restarted by a reopen can breach (and escalate) again, under a new dedupe key", async () => {
    const [id] = await insertDueComplaints(world, 1, [{ kind: "resolution", dueAt: at(60) }]);
    await processDueClocks({ now: at(61) });
    // What restartResolutionClock does on reopen: a fresh cycle of the same clock.
    await db.slaClock.updateMany({
      where: { complaintId: id },
      data: { startedAt: at(100), dueAt: at(160), warnAt: null, warnedAt: null, breachedAt: null },
    });
    await processDueClocks({ now: at(161) });
    const keys = await db.escalation.findMany({
      where: { complaintId: id },
      orderBy: { id: "asc" },
      select: { dedupeKey: true, level: true },
    });
    const clock = await db.slaClock.findFirstOrThrow({ where: { complaintId: id }, select: { id: true } });
    expect(keys).toEqual([
      { dedupeKey: `breach:${clock.id}`, level: 2 },
      { dedupeKey: `breach:${clock.id}:2`, level: 3 },
    ]);
  });
});
