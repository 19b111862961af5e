// Improvement actions: permission (managers edit, supervisors read), linking by reference, optimistic locking, and
// the before/after numbers against a hand-computed fixture.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  canReadImprovements,
  createImprovement,
  linkComplaints,
  unlinkComplaint,
  updateImprovement,
} from "@/lib/improvements/service";
import { beforeAfter } from "@/lib/improvements/queries";
import { makeComplaint, makeCustomer, makeStaff } from "./factories";

const DAY = 24 * 60 * 60 * 1000;

describe("improvement actions", () => {
  it("managers create and link complaints; supervisors read only; agents neither", async () => {
    const { actor: manager, user } = await makeStaff("manager");
    const { actor: supervisor } = await makeStaff("supervisor");
    const { actor: agent } = await makeStaff("agent");
    expect(canReadImprovements(supervisor)).toBe(true);
    expect(canReadImprovements(agent)).toBe(false);
    const cause = await db.rootCause.create({
      data: { code: "RC-IMP-1", kind: "process", nameZh: "行李分拣", nameEn: "Bag sorting" },
    });
    const customer = await makeCustomer();
    const [a, b, c] = await Promise.all(
      [1, 2, 3].map(() => makeComplaint({ customerId: customer.id, rootCauseId: cause.id })),
    );
    if (!a || !b || !c) throw new Error("fixture");
    const input = {
      title: "Fix the sorting belt",
      kind: "corrective",
      rootCauseId: cause.id,
      ownerId: user.id,
      dueOn: "2026-12-31",
      complaintReferences: [a.reference, b.reference.toLowerCase()],
    };

    expect(await createImprovement(supervisor, input)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await createImprovement(manager, { ...input, title: "", kind: "magic", dueOn: "31/12/2026" })).toMatchObject(
      { ok: false, fields: { title: ["required"], kind: ["required"] } },
    );
    expect(await createImprovement(manager, { ...input, complaintReferences: ["CMP-NOPE"] })).toMatchObject({
      ok: false,
      fields: { complaintReferences: ["unknown:CMP-NOPE"] },
    });
    const created = await createImprovement(manager, input);
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await db.improvementActionComplaint.count({ where: { actionId: created.id } })).toBe(2);

    expect(await linkComplaints(manager, created.id, { references: [b.reference, c.reference] })).toMatchObject({
      ok: true,
      linked: 1,
    });
    expect(await unlinkComplaint(manager, created.id, a.id)).toMatchObject({ ok: true });
    expect(await linkComplaints(supervisor, created.id, { references: [a.reference] })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(
      (await db.improvementActionComplaint.findMany({ where: { actionId: created.id } }))
        .map((row) => row.complaintId)
        .sort(),
    ).toEqual([b.id, c.id].sort());
    expect(await db.auditLog.count({ where: { entityType: "improvement_action", entityId: String(created.id) } })).toBe(
      3,
    );
  });

  it("sets completedAt when done and refuses a stale version", async () => {
    const { actor: manager } = await makeStaff("manager");
    const created = await createImprovement(manager, { title: "Train counter staff", kind: "preventive" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const doneAt = new Date("2026-11-01T00:00:00Z");
    const base = { title: "Train counter staff", kind: "preventive", status: "done", version: 1 };
    expect(await updateImprovement(manager, created.id, base, doneAt)).toMatchObject({ ok: true, version: 2 });
    expect((await db.improvementAction.findUniqueOrThrow({ where: { id: created.id } })).completedAt).toEqual(doneAt);
    expect(await updateImprovement(manager, created.id, { ...base, status: "in_progress" })).toMatchObject({
      ok: false,
      error: "conflict",
    });
    expect(await updateImprovement(manager, created.id, { ...base, status: "in_progress", version: 2 })).toMatchObject({
      ok: true,
    });
    expect((await db.improvementAction.findUniqueOrThrow({ where: { id: created.id } })).completedAt).toBeNull();
  });

  it("counts complaints of the root cause per week before and after the anchor", async () => {
    const cause = await db.rootCause.create({
      data: { code: "RC-IMP-2", kind: "system", nameZh: "值机系统", nameEn: "Check-in system" },
    });
    const otherCause = await db.rootCause.create({
      data: { code: "RC-IMP-3", kind: "system", nameZh: "其他", nameEn: "Other" },
    });
    const customer = await makeCustomer();
    const anchor = new Date("2026-09-01T00:00:00Z");
    // Hand-made fixture: complaints at anchor + day + 1 h (day 0 exactly at the anchor); week = floor(offset / 7 days).
    //   day -29 → w-5 · -28, -27 → w-4 · -20, -15 → w-3 · -8 → w-2 · -1, -1 → w-1      before: 8 in 6 weeks
    //   day 0, 6 → w0 · 13 → w1 · 30 → w4                                                after: 4 in 5 ended weeks
    //   plus one complaint of another root cause at day 1, which must not count.
    const days = [-28, -27, -20, -15, -8, -1, -1, 0, 6, 13, 30, -29];
    for (const day of days)
      await makeComplaint({
        customerId: customer.id,
        rootCauseId: cause.id,
        createdAt: new Date(anchor.getTime() + day * DAY + 3_600_000 * (day === 0 ? 0 : 1)),
      });
    await makeComplaint({
      customerId: customer.id,
      rootCauseId: otherCause.id,
      createdAt: new Date(anchor.getTime() + DAY),
    });

    // "now" = anchor + 5 weeks + 1 day: the after weeks 0…4 have ended, in an 6-week window week 5 has not.
    const now = new Date(anchor.getTime() + 36 * DAY);
    const result = await beforeAfter(cause.id, anchor, "completed", 6, now);
    expect(result.series.map((point) => [point.week, point.count])).toEqual([
      [-6, 0],
      [-5, 1],
      [-4, 2],
      [-3, 2],
      [-2, 1],
      [-1, 2],
      [0, 2],
      [1, 1],
      [2, 0],
      [3, 0],
      [4, 1],
      [5, null],
    ]);
    expect(result.before).toEqual({ total: 8, perWeek: 8 / 6 });
    expect(result.after).toEqual({ total: 4, perWeek: 4 / 5, weeksElapsed: 5 });
    expect(result.change).toBeCloseTo((4 / 5 - 8 / 6) / (8 / 6), 10);
  });
});
