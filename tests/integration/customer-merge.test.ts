// Duplicate detection, merge of two customers with all history, undo within 30 days, and concurrent merges.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findDuplicatesOfCustomer, listDuplicatePairs } from "@/lib/customers/duplicates";
import { mergeCustomers, undoCustomerMerge } from "@/lib/customers/merge";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

type Staff = Awaited<ReturnType<typeof makeStaff>>;
let team: Awaited<ReturnType<typeof makeTeam>>;
let supervisor: Staff;
let agent: Staff;
let admin: Staff;

beforeAll(async () => {
  team = await makeTeam();
  supervisor = await makeStaff("supervisor", [team]);
  agent = await makeStaff("agent", [team]);
  admin = await makeStaff("admin", []);
});

async function pair(suffix: string) {
  const a = await makeCustomer({
    name: `陈${suffix}明`,
    phone: `+86 138 0000 ${suffix}`,
    email: `chen${suffix}@example.com`,
    tags: ["VIP"],
  });
  const b = await makeCustomer({
    name: `陈${suffix}明`,
    phone: `138-0000-${suffix}`,
    email: null,
    idNumber: "110101199003071234",
    tags: ["wheelchair"],
  });
  const ca = await makeComplaint({ customerId: a.id, teamId: team.id, status: "in_progress" });
  const cb1 = await makeComplaint({ customerId: b.id, teamId: team.id, status: "closed" });
  const cb2 = await makeComplaint({ customerId: b.id, teamId: team.id, status: "new" });
  const survey = await db.survey.create({
    data: {
      complaintId: cb1.id,
      customerId: b.id,
      tokenHash: `t-${b.id}`,
      locale: "zh_CN",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const task = await db.followUpTask.create({
    data: { kind: "callback", customerId: b.id, complaintId: cb2.id, assigneeId: agent.user.id, dueAt: new Date() },
  });
  await db.compensation.create({
    data: { complaintId: cb1.id, kind: "voucher", amount: 100, reason: "x", proposedById: agent.user.id },
  });
  return { a, b, ca, cb: [cb1, cb2], survey, task };
}

async function versions(...ids: number[]): Promise<number[]> {
  return Promise.all(ids.map(async (id) => (await db.customer.findUniqueOrThrow({ where: { id } })).version));
}

describe("duplicates", () => {
  it("finds the same phone in another format and lists the pair for review", async () => {
    const { a, b } = await pair("1001");
    const candidates = await findDuplicatesOfCustomer(supervisor.actor, a.id);
    expect(candidates.find((c) => c.id === b.id)?.reasons).toEqual(expect.arrayContaining(["phone", "similar_name"]));
    expect(candidates.some((c) => c.id === a.id)).toBe(false);
    const pairs = await listDuplicatePairs(supervisor.actor);
    expect(pairs.find((p) => p.a.id === a.id && p.b.id === b.id)?.reasons).toEqual(expect.arrayContaining(["phone"]));
    expect(await listDuplicatePairs(agent.actor)).toEqual([]);
  });
});

describe("merge", () => {
  it("moves complaints, surveys and tasks to the survivor with picked fields, audited; undo restores exactly", async () => {
    const { a, b, ca, cb, survey, task } = await pair("2002");
    const [va, vb] = await versions(a.id, b.id);
    const result = await mergeCustomers(supervisor.actor, {
      survivorId: a.id,
      mergedId: b.id,
      survivorVersion: va,
      mergedVersion: vb,
      pick: { idNumber: "merged", name: "merged" },
    });
    expect(result).toMatchObject({ ok: true, survivorId: a.id });
    if (!result.ok) return;

    expect(await db.complaint.count({ where: { customerId: a.id } })).toBe(3);
    expect((await db.survey.findUniqueOrThrow({ where: { id: survey.id } })).customerId).toBe(a.id);
    expect((await db.followUpTask.findUniqueOrThrow({ where: { id: task.id } })).customerId).toBe(a.id);
    const survivor = await db.customer.findUniqueOrThrow({ where: { id: a.id } });
    expect(survivor).toMatchObject({
      idNumber: "110101199003071234",
      email: `chen2002@example.com`,
      tags: ["VIP", "wheelchair"],
    });
    expect((await db.customer.findUniqueOrThrow({ where: { id: b.id } })).mergedIntoId).toBe(a.id);
    const audit = await db.auditLog.findFirst({ where: { action: "customer.merge", entityId: String(a.id) } });
    expect(audit?.changes).toMatchObject({ mergeId: result.mergeId, mergedCustomerId: b.id });

    // A complaint created for the survivor after the merge stays with it on undo.
    const later = await makeComplaint({ customerId: a.id, teamId: team.id });
    expect(await undoCustomerMerge(supervisor.actor, result.mergeId)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await undoCustomerMerge(admin.actor, result.mergeId)).toEqual({ ok: true, restoredId: b.id });
    const backToB = await db.complaint.findMany({
      where: { customerId: b.id },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    expect(backToB.map((row) => row.id)).toEqual(cb.map((row) => row.id));
    const stayWithA = await db.complaint.findMany({
      where: { customerId: a.id },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    expect(stayWithA.map((row) => row.id)).toEqual([ca.id, later.id]);
    expect((await db.survey.findUniqueOrThrow({ where: { id: survey.id } })).customerId).toBe(b.id);
    expect((await db.followUpTask.findUniqueOrThrow({ where: { id: task.id } })).customerId).toBe(b.id);
    expect(await db.customer.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      idNumber: null,
      tags: ["VIP"],
    });
    expect((await db.customer.findUniqueOrThrow({ where: { id: b.id } })).mergedIntoId).toBeNull();
    expect(await undoCustomerMerge(admin.actor, result.mergeId)).toMatchObject({ ok: false, error: "conflict" });
    expect(await db.auditLog.count({ where: { action: "customer.merge_undo" } })).toBe(1);
  });

  it("refuses undo after 30 days and after the survivor was merged again", async () => {
    const first = await pair("3003");
    const [va, vb] = await versions(first.a.id, first.b.id);
    const merged = await mergeCustomers(supervisor.actor, {
      survivorId: first.a.id,
      mergedId: first.b.id,
      survivorVersion: va,
      mergedVersion: vb,
    });
    if (!merged.ok) throw new Error(merged.message);
    const in31Days = new Date(Date.now() + 31 * 86_400_000);
    expect(await undoCustomerMerge(admin.actor, merged.mergeId, in31Days)).toMatchObject({
      ok: false,
      error: "unprocessable",
      details: { reason: "expired" },
    });

    const third = await makeCustomer({ name: "第三人", phone: "13912340000" });
    await makeComplaint({ customerId: third.id, teamId: team.id });
    const [v3, vA] = await versions(third.id, first.a.id);
    const again = await mergeCustomers(supervisor.actor, {
      survivorId: third.id,
      mergedId: first.a.id,
      survivorVersion: v3,
      mergedVersion: vA,
    });
    expect(again.ok).toBe(true);
    expect(await undoCustomerMerge(admin.actor, merged.mergeId)).toMatchObject({
      ok: false,
      error: "unprocessable",
      details: { reason: "survivor_merged" },
    });
  });

  it("rejects stale versions, merged records, a customer with itself and agents", async () => {
    const { a, b } = await pair("4004");
    const [va, vb] = await versions(a.id, b.id);
    expect(
      await mergeCustomers(agent.actor, { survivorId: a.id, mergedId: b.id, survivorVersion: va, mergedVersion: vb }),
    ).toMatchObject({ error: "forbidden" });
    expect(
      await mergeCustomers(supervisor.actor, {
        survivorId: a.id,
        mergedId: a.id,
        survivorVersion: va,
        mergedVersion: va,
      }),
    ).toMatchObject({ error: "invalid" });
    expect(
      await mergeCustomers(supervisor.actor, {
        survivorId: a.id,
        mergedId: b.id,
        survivorVersion: (va ?? 0) + 1,
        mergedVersion: vb,
      }),
    ).toMatchObject({ error: "conflict" });
  });

  it("lets one of two concurrent merges of the same customer win; the other gets a conflict", async () => {
    const { a, b } = await pair("5005");
    const c = await makeCustomer({ name: "陈5005明", phone: "13800005005" });
    await makeComplaint({ customerId: c.id, teamId: team.id });
    const [va, vb, vc] = await versions(a.id, b.id, c.id);
    const results = await Promise.all([
      mergeCustomers(supervisor.actor, { survivorId: a.id, mergedId: b.id, survivorVersion: va, mergedVersion: vb }),
      mergeCustomers(supervisor.actor, { survivorId: c.id, mergedId: b.id, survivorVersion: vc, mergedVersion: vb }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([expect.objectContaining({ ok: false, error: "conflict" })]);
    expect(await db.customerMerge.count({ where: { sourceId: b.id } })).toBe(1);
    const complaintsOfB = await db.complaint.count({ where: { customerId: b.id } });
    expect(complaintsOfB).toBe(0);
  });
});
