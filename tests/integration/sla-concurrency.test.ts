// SPEC §4 / issue 4: timers fire exactly once with several app instances. Two separate worker processes race over
// 1,000 complaints made due at once; a worker killed (SIGKILL) mid-batch, and one that throws mid-batch, lose nothing.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { processDueClocks, type SweepResult } from "@/lib/sla/sweeper";
import { countBy, insertDueComplaints, makeSlaWorld, MINUTE, type SlaWorld } from "./sla-fixtures";

const NOW = new Date("2026-11-20T08:00:00Z");
const WORKER = path.resolve(import.meta.dirname, "sla-sweep-worker.ts");
// The child runs the app's modules outside Next and vitest: `import "server-only"` is a no-op there (the preload).
const OUTSIDE_NEXT_PRELOAD = path.resolve(import.meta.dirname, "..", "..", "scripts", "lib", "outside-next.cjs");
let world: SlaWorld;

beforeAll(async () => {
  world = await makeSlaWorld();
});

type WorkerMessage =
  | { type: "ready" }
  | { type: "hanging"; processed: number }
  | { type: "done"; result: SweepResult }
  | { type: "error"; message: string };

function startWorker(args: string[]) {
  const child = fork(WORKER, args, {
    execArgv: ["--require", OUTSIDE_NEXT_PRELOAD, "--import", "tsx"],
    env: process.env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = (type: WorkerMessage["type"]) =>
    new Promise<WorkerMessage>((resolve, reject) => {
      const onMessage = (message: WorkerMessage) => {
        if (message.type === type || message.type === "error") {
          child.off("message", onMessage);
          resolve(message);
        }
      };
      child.on("message", onMessage);
      child.once("exit", (code) => reject(new Error(`worker exited with ${code} before "${type}"`)));
    });
  return { child, next };
}

function exited(child: ChildProcess) {
  return new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );
}

async function expectExactlyOnce(complaintIds: number[]) {
  const counts = await countBy({ complaintIds });
  expect(counts).toEqual({
    breached: complaintIds.length,
    warned: complaintIds.length,
    escalations: complaintIds.length,
    notifications: complaintIds.length,
  });
  const levels = await db.complaint.groupBy({
    by: ["escalationLevel", "slaBreached"],
    where: { id: { in: complaintIds } },
    _count: { _all: true },
  });
  expect(levels).toEqual([{ escalationLevel: 2, slaBreached: true, _count: { _all: complaintIds.length } }]);
  const escalations = await db.escalation.findMany({
    where: { complaintId: { in: complaintIds } },
    select: { complaintId: true, dedupeKey: true, ownerId: true, level: true },
  });
  const clockOf = new Map(
    (
      await db.slaClock.findMany({
        where: { complaintId: { in: complaintIds } },
        select: { id: true, complaintId: true },
      })
    ).map((clock) => [clock.complaintId, clock.id]),
  );
  expect(new Set(escalations.map((row) => row.complaintId)).size).toBe(complaintIds.length); // one per complaint
  for (const row of escalations)
    expect(row).toMatchObject({
      dedupeKey: `breach:${clockOf.get(row.complaintId)}`,
      ownerId: world.supervisor.user.id,
      level: 2,
    });
  const clocks = await db.slaClock.count({ where: { complaintId: { in: complaintIds }, breachedAt: null } });
  expect(clocks).toBe(0);
}

describe("SLA sweep with two worker processes", () => {
  it("escalates each of 1,000 simultaneously due complaints exactly once", async () => {
    const ids = await insertDueComplaints(world, 1_000, [
      { kind: "resolution", dueAt: new Date(NOW.getTime() - MINUTE), warnAt: new Date(NOW.getTime() - 20 * MINUTE) },
    ]);
    const workers = [startWorker(["race", NOW.toISOString()]), startWorker(["race", NOW.toISOString()])];
    await Promise.all(workers.map((worker) => worker.next("ready")));
    const done = workers.map((worker) => worker.next("done"));
    for (const worker of workers) worker.child.send("go");
    const results = await Promise.all(done);
    await Promise.all(workers.map((worker) => exited(worker.child)));

    const claimed = results.map((message) => (message.type === "done" ? message.result.claimed : -1));
    expect(claimed.every((count) => count > 0)).toBe(true); // both really took part
    expect(claimed.reduce((sum, count) => sum + count, 0)).toBe(1_000);
    await expectExactlyOnce(ids);
    const notified = await db.notification.count({
      where: { complaintId: { in: ids }, userId: world.supervisor.user.id, kind: "escalation.assigned" },
    });
    expect(notified).toBe(1_000);
  });

  it("a worker killed mid-batch loses nothing: its open batch rolls back and the next run finishes exactly once", async () => {
    const now = new Date(NOW.getTime() + 10 * MINUTE);
    const ids = await insertDueComplaints(world, 300, [
      { kind: "resolution", dueAt: new Date(now.getTime() - MINUTE), warnAt: new Date(now.getTime() - 20 * MINUTE) },
    ]);
    const worker = startWorker(["hang", now.toISOString(), "130"]); // batches of 50: two commit, the third hangs at 30
    await worker.next("ready");
    const hanging = worker.next("hanging");
    worker.child.send("go");
    expect(await hanging).toMatchObject({ type: "hanging", processed: 130 });
    worker.child.kill("SIGKILL");
    await exited(worker.child);

    // Only the committed batches are visible, each complete; the killed batch left no trace.
    await expect
      .poll(() => countBy({ complaintIds: ids }), { timeout: 10_000 })
      .toEqual({ breached: 100, warned: 100, escalations: 100, notifications: 100 });

    const rest = await processDueClocks({ now, batchSize: 50 });
    expect(rest.breached).toBe(200);
    await expectExactlyOnce(ids);
  });

  it("a worker that throws mid-batch rolls its batch back; a second run finishes exactly once", async () => {
    const now = new Date(NOW.getTime() + 20 * MINUTE);
    const ids = await insertDueComplaints(world, 120, [
      { kind: "resolution", dueAt: new Date(now.getTime() - MINUTE), warnAt: new Date(now.getTime() - 20 * MINUTE) },
    ]);
    const crash = processDueClocks({
      now,
      batchSize: 50,
      onClockProcessed: ({ processed }) => {
        if (processed === 75) throw new Error("worker crashed");
      },
    });
    await expect(crash).rejects.toThrow("worker crashed");
    expect(await countBy({ complaintIds: ids })).toEqual({
      breached: 50,
      warned: 50,
      escalations: 50,
      notifications: 50,
    });

    const again = await processDueClocks({ now, batchSize: 50 });
    expect(again).toMatchObject({ claimed: 70, breached: 70, escalated: 70, hasMore: false });
    await expectExactlyOnce(ids);
    // Nothing left to do: a third run finds no due clock.
    expect(await processDueClocks({ now })).toMatchObject({ claimed: 0 });
  });
});
