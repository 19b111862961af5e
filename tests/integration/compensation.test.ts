import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { listCompensations, listPendingApprovals } from "@/lib/compensation/queries";
import {
  decideCompensationSchema,
  issueCompensationSchema,
  proposeCompensationSchema,
} from "@/lib/compensation/schema";
import { decideCompensation, markCompensationIssued, proposeCompensation } from "@/lib/compensation/service";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

type Staff = Awaited<ReturnType<typeof makeStaff>>;

let agent: Staff;
let supervisor: Staff;
let otherSupervisor: Staff;
let manager: Staff;
let complaintId: number;

const propose = (actor: Actor, input: Record<string, unknown>) =>
  proposeCompensation(
    actor,
    proposeCompensationSchema.parse({
      complaintId,
      kind: "refund",
      currency: "CNY",
      reason: "五小时延误，未通知旅客",
      ...input,
    }),
  );
const decide = (actor: Actor, input: Record<string, unknown>) =>
  decideCompensation(actor, decideCompensationSchema.parse(input));
const issue = (actor: Actor, input: Record<string, unknown>) =>
  markCompensationIssued(actor, issueCompensationSchema.parse(input));

/** Proposes and returns the new compensation, failing the test if the proposal was refused. */
async function proposed(actor: Actor, amount: number) {
  const result = await propose(actor, { amount });
  if (!result.ok) throw new Error(`proposal refused: ${result.message}`);
  return result.compensation;
}

/** The timeline events about one compensation, in timeline order. */
const timelineOf = (compensationId: number) =>
  db.complaintEvent.findMany({
    where: { complaintId, data: { path: ["compensationId"], equals: compensationId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true, actorId: true, data: true },
  });

beforeAll(async () => {
  const team = await makeTeam();
  const otherTeam = await makeTeam();
  agent = await makeStaff("agent", [team]);
  supervisor = await makeStaff("supervisor", [team]);
  otherSupervisor = await makeStaff("supervisor", [otherTeam]);
  manager = await makeStaff("manager");
  const customer = await makeCustomer();
  complaintId = (await makeComplaint({ customerId: customer.id, teamId: team.id, status: "in_progress" })).id;
});

describe("proposing compensation", () => {
  it("approves a proposal within the agent's own limit at once", async () => {
    const result = await propose(agent.actor, { amount: 300 });
    expect(result).toMatchObject({
      ok: true,
      compensation: { status: "approved", amount: "300.00", currency: "CNY", approver: { id: agent.user.id } },
    });
    if (!result.ok) return;
    const events = await timelineOf(result.compensation.id);
    expect(events.map((event) => event.kind)).toEqual(["compensation_proposed", "compensation_approved"]);
    expect(events[0]?.data).toMatchObject({
      compensationId: result.compensation.id,
      kind: "refund",
      amount: "300.00",
      currency: "CNY",
      needsApproval: false,
    });
  });

  it("leaves a proposal above the agent's limit waiting for approval", async () => {
    const compensation = await proposed(agent.actor, 800);
    expect(compensation).toMatchObject({ status: "proposed", approver: null, version: 1 });
  });

  it("values miles at 100 points per CNY: within the agent's limit they are granted, above it a supervisor decides", async () => {
    const small = await propose(agent.actor, { kind: "miles", amount: 20_000, currency: "PTS" });
    expect(small).toMatchObject({ ok: true, compensation: { status: "approved", currency: "PTS" } });
    const large = await propose(agent.actor, { kind: "miles", amount: 80_000, currency: "PTS" });
    expect(large).toMatchObject({ ok: true, compensation: { status: "proposed", currency: "PTS" } });
    if (!large.ok) return;
    const decided = await decide(supervisor.actor, {
      compensationId: large.compensation.id,
      version: large.compensation.version,
      decision: "approve",
    });
    expect(decided).toMatchObject({ ok: true, compensation: { status: "approved" } });
  });

  it("refuses compensation on a resolved complaint and on complaints outside the agent's teams", async () => {
    const customer = await makeCustomer();
    const resolved = await makeComplaint({
      customerId: customer.id,
      teamId: agent.actor.teamIds[0],
      status: "resolved",
    });
    expect(
      await proposeCompensation(
        agent.actor,
        proposeCompensationSchema.parse({
          complaintId: resolved.id,
          kind: "voucher",
          amount: 100,
          reason: "Goodwill gesture",
        }),
      ),
    ).toMatchObject({
      ok: false,
      error: "unprocessable",
    });
    const elsewhere = await makeComplaint({ customerId: customer.id, teamId: otherSupervisor.actor.teamIds[0] });
    expect(
      await proposeCompensation(
        agent.actor,
        proposeCompensationSchema.parse({
          complaintId: elsewhere.id,
          kind: "voucher",
          amount: 100,
          reason: "Goodwill gesture",
        }),
      ),
    ).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await db.compensation.count({ where: { complaintId: { in: [resolved.id, elsewhere.id] } } })).toBe(0);
  });
});

describe("deciding on compensation", () => {
  it("does not let an agent approve", async () => {
    const compensation = await proposed(agent.actor, 800);
    expect(
      await decide(agent.actor, { compensationId: compensation.id, version: 1, decision: "approve" }),
    ).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("lets the supervisor approve 800 CNY, with the events on the timeline in order", async () => {
    const compensation = await proposed(agent.actor, 800);
    expect(await listPendingApprovals(supervisor.actor)).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: compensation.id })]),
    );

    const result = await decide(supervisor.actor, {
      compensationId: compensation.id,
      version: 1,
      decision: "approve",
      note: "符合补偿标准",
    });
    expect(result).toMatchObject({
      ok: true,
      compensation: {
        status: "approved",
        version: 2,
        approver: { id: supervisor.user.id },
        decisionNote: "符合补偿标准",
      },
    });
    const events = await timelineOf(compensation.id);
    expect(events.map((event) => [event.kind, event.actorId])).toEqual([
      ["compensation_proposed", agent.user.id],
      ["compensation_approved", supervisor.user.id],
    ]);
    expect(events[0]?.data).toMatchObject({ needsApproval: true });
    expect(await db.auditLog.count({ where: { entityType: "compensation", entityId: String(compensation.id) } })).toBe(
      2,
    );
    expect((await listPendingApprovals(supervisor.actor)).map((row) => row.id)).not.toContain(compensation.id);
  });

  it("sends 8,000 CNY past the supervisor to a manager, who approves it", async () => {
    const compensation = await proposed(agent.actor, 8000);
    const refused = await decide(supervisor.actor, {
      compensationId: compensation.id,
      version: 1,
      decision: "approve",
    });
    expect(refused).toMatchObject({ ok: false, error: "forbidden", details: { requiredRole: "manager" } });
    expect(refused.ok ? "" : refused.message).toMatch(/manager/);
    expect((await listPendingApprovals(supervisor.actor)).map((row) => row.id)).not.toContain(compensation.id);

    expect(
      await decide(manager.actor, { compensationId: compensation.id, version: 1, decision: "approve" }),
    ).toMatchObject({
      ok: true,
      compensation: { status: "approved", approver: { id: manager.user.id } },
    });
  });

  it("does not let a supervisor of another team see or decide the proposal", async () => {
    const compensation = await proposed(agent.actor, 800);
    expect(
      await decide(otherSupervisor.actor, { compensationId: compensation.id, version: 1, decision: "approve" }),
    ).toMatchObject({ ok: false, error: "not_found" });
    expect(await listPendingApprovals(otherSupervisor.actor)).toEqual([]);
  });

  it("does not let an approver decide on their own proposal", async () => {
    const compensation = await proposed(supervisor.actor, 6000);
    expect(
      await decide(supervisor.actor, {
        compensationId: compensation.id,
        version: 1,
        decision: "reject",
        note: "withdrawn",
      }),
    ).toMatchObject({
      ok: false,
      error: "forbidden",
    });
  });

  it("answers a decision on a stale version with a conflict showing the current state", async () => {
    const compensation = await proposed(agent.actor, 900);
    expect(
      await decide(supervisor.actor, {
        compensationId: compensation.id,
        version: 1,
        decision: "reject",
        note: "Not covered by policy",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await decide(manager.actor, { compensationId: compensation.id, version: 1, decision: "approve" }),
    ).toMatchObject({
      ok: false,
      error: "conflict",
      details: { current: { status: "rejected", version: 2 } },
    });
  });
});

describe("issuing compensation", () => {
  it("issues approved compensation once, and only approved compensation", async () => {
    const waiting = await proposed(agent.actor, 800);
    expect(await issue(agent.actor, { compensationId: waiting.id, version: 1 })).toMatchObject({
      ok: false,
      error: "unprocessable",
    });

    const decided = await decide(supervisor.actor, { compensationId: waiting.id, version: 1, decision: "approve" });
    expect(decided.ok).toBe(true);
    const issued = await issue(agent.actor, { compensationId: waiting.id, version: 2 });
    expect(issued).toMatchObject({ ok: true, compensation: { status: "issued", version: 3 } });
    expect(issued.ok && issued.compensation.issuedAt).toBeInstanceOf(Date);
    expect(await issue(agent.actor, { compensationId: waiting.id, version: 2 })).toMatchObject({
      ok: false,
      error: "conflict",
    });

    const kinds = (await timelineOf(waiting.id)).map((event) => event.kind);
    expect(kinds).toEqual(["compensation_proposed", "compensation_approved", "compensation_issued"]);
    const listed = await listCompensations(agent.actor, complaintId);
    expect(listed?.find((row) => row.id === waiting.id)).toMatchObject({
      status: "issued",
      proposedBy: { id: agent.user.id },
    });
  });
});

describe("atomicity", () => {
  it("writes nothing when a later step of the proposal fails", async () => {
    const customer = await makeCustomer();
    const complaint = await makeComplaint({ customerId: customer.id, teamId: agent.actor.teamIds[0] });
    // Make the second timeline event of an auto-approved proposal fail inside the transaction.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION fail_compensation_approved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'timeline unavailable'; END $$`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER fail_compensation_approved BEFORE INSERT ON complaint_events
      FOR EACH ROW WHEN (NEW.kind = 'compensation_approved' AND NEW."complaintId" = ${complaint.id})
      EXECUTE FUNCTION fail_compensation_approved()`);
    try {
      await expect(
        proposeCompensation(
          agent.actor,
          proposeCompensationSchema.parse({
            complaintId: complaint.id,
            kind: "voucher",
            amount: 200,
            reason: "Goodwill gesture",
          }),
        ),
      ).rejects.toThrow(/timeline unavailable/);
      expect(await db.compensation.count({ where: { complaintId: complaint.id } })).toBe(0);
      expect(await db.complaintEvent.count({ where: { complaintId: complaint.id } })).toBe(0);
      expect(
        await db.auditLog.count({
          where: { action: "compensation.propose", changes: { path: ["complaintId"], equals: complaint.id } },
        }),
      ).toBe(0);
    } finally {
      await db.$executeRawUnsafe("DROP TRIGGER fail_compensation_approved ON complaint_events");
      await db.$executeRawUnsafe("DROP FUNCTION fail_compensation_approved()");
    }
  });
});
