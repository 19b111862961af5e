// Bulk assign / status change from the queues: one result per complaint, each in its own transaction.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { bulkAssign, bulkTransition, bulkTransitionSchema, listAssignableStaff } from "@/lib/complaints/bulk";
import { fieldErrors } from "@/lib/errors";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

let supervisor: Actor;
let agent: Actor;
let agentId: number;
let otherTeamAgentId: number;
let teamId: number;
let otherTeamId: number;
let customerId: number;

beforeAll(async () => {
  const [team, otherTeam] = [await makeTeam(), await makeTeam()];
  teamId = team.id;
  otherTeamId = otherTeam.id;
  supervisor = (await makeStaff("supervisor", [team])).actor;
  const member = await makeStaff("agent", [team]);
  agent = member.actor;
  agentId = member.user.id;
  otherTeamAgentId = (await makeStaff("agent", [otherTeam])).user.id;
  customerId = (await makeCustomer()).id;
});

const make = async (overrides: Partial<Parameters<typeof makeComplaint>[0]> = {}) =>
  (await makeComplaint({ customerId, teamId, ...overrides })).reference;

describe("bulk status change", () => {
  it("applies each complaint on its own and reports per-item results", async () => {
    const fresh = [await make(), await make({ status: "in_progress" })];
    const closed = await make({ status: "closed" });
    const elsewhere = await make({ teamId: otherTeamId });
    const result = await bulkTransition(supervisor, {
      references: [...fresh, closed, elsewhere, "CMP-2026-999999"],
      to: "pending_customer",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.done).toBe(2);
    expect(result.failed).toBe(3);
    const byRef = Object.fromEntries(result.results.map((item) => [item.reference, item.ok ? "ok" : item.error]));
    expect(byRef).toEqual({
      [fresh[0]!]: "ok",
      [fresh[1]!]: "ok",
      [closed]: "unprocessable",
      [elsewhere]: "not_found",
      "CMP-2026-999999": "not_found",
    });
    const statuses = await db.complaint.findMany({
      where: { reference: { in: [...fresh, closed] } },
      select: { reference: true, status: true },
    });
    expect(Object.fromEntries(statuses.map((row) => [row.reference, row.status]))).toEqual({
      [fresh[0]!]: "pending_customer",
      [fresh[1]!]: "pending_customer",
      [closed]: "closed",
    });
    // Each change is on the timeline of its own complaint.
    expect(
      await db.complaintEvent.count({ where: { complaint: { reference: { in: fresh } }, kind: "status_changed" } }),
    ).toBe(2);
  });

  it("reports the fields a status needs for every complaint rather than failing the whole batch", async () => {
    const refs = [await make({ status: "in_progress" }), await make({ status: "in_progress" })];
    const result = await bulkTransition(supervisor, { references: refs, to: "resolved" });
    expect(
      result.ok && result.results.every((item) => !item.ok && item.error === "invalid" && item.fields?.rootCauseId),
    ).toBe(true);
  });

  it("rejects an empty selection and statuses that cannot be set in bulk", async () => {
    // The boundary (bulkTransitionAction) parses with this schema once; the use case takes the parsed input.
    const empty = bulkTransitionSchema.safeParse({ references: [], to: "acknowledged" });
    expect(empty.success ? null : fieldErrors(empty.error)).toEqual({ references: ["required"] });
    const duplicate = bulkTransitionSchema.safeParse({ references: [await make()], to: "duplicate" });
    expect(duplicate.success ? null : fieldErrors(duplicate.error)).toEqual({ to: ["not_allowed_in_bulk"] });
  });
});

describe("bulk assign", () => {
  it("assigns every complaint in scope and reports the rest", async () => {
    const mine = [await make(), await make({ assigneeId: agentId })];
    const elsewhere = await make({ teamId: otherTeamId });
    const result = await bulkAssign(supervisor, {
      references: [...mine, elsewhere],
      assigneeId: agentId,
      note: "shift hand-over",
    });
    expect(result.ok && result.results.map((item) => item.ok)).toEqual([true, true, false]);
    const rows = await db.complaint.findMany({ where: { reference: { in: mine } }, select: { assigneeId: true } });
    expect(rows.every((row) => row.assigneeId === agentId)).toBe(true);
  });

  it("refuses an assignee who is not in the complaint's team, per item", async () => {
    const result = await bulkAssign(supervisor, { references: [await make()], assigneeId: otherTeamAgentId });
    expect(result.ok && result.results[0]).toMatchObject({ ok: false, error: "invalid" });
  });
});

describe("permissions", () => {
  it("is forbidden for agents, and nothing changes", async () => {
    const reference = await make();
    expect(await bulkAssign(agent, { references: [reference], assigneeId: agentId })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await bulkTransition(agent, { references: [reference], to: "acknowledged" })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(
      await db.complaint.findUniqueOrThrow({ where: { reference }, select: { status: true, assigneeId: true } }),
    ).toEqual({ status: "new", assigneeId: null });
  });

  it("offers only the actor's team members as assignees", async () => {
    const staff = await listAssignableStaff(supervisor);
    expect(staff.map((member) => member.id)).toContain(agentId);
    expect(staff.map((member) => member.id)).not.toContain(otherTeamAgentId);
  });
});
