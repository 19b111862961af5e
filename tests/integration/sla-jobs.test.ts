// pg-boss wiring of the SLA sweep and the notification digest: both scheduled every minute, and a requested sweep
// records a due breach through the job worker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { JOB_SCHEMA, QUEUES, stopBoss } from "@/lib/jobs/boss";
import { startWorkers } from "@/lib/jobs/worker";
import { requestSlaSweep } from "@/lib/sla/sweep-request";
import { insertDueComplaints, makeSlaWorld, MINUTE } from "./sla-fixtures";

beforeAll(() => {
  process.env.JOBS_ENABLED = "true";
});

afterAll(async () => {
  await stopBoss();
});

describe("sla.sweep and notifications.digest jobs", () => {
  it("are scheduled every minute, and a requested sweep breaches a due clock", async () => {
    const world = await makeSlaWorld();
    const [id] = await insertDueComplaints(world, 1, [{ kind: "resolution", dueAt: new Date(Date.now() - MINUTE) }]);
    await startWorkers();
    expect(await requestSlaSweep()).toBe(true);

    const deadline = Date.now() + 30_000;
    let breached = 0;
    while (Date.now() < deadline && breached === 0) {
      breached = await db.slaEvent.count({ where: { complaintId: id, kind: "breached" } });
      if (breached === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(breached).toBe(1);
    expect(await db.escalation.count({ where: { complaintId: id } })).toBe(1);

    const schedules = await db.$queryRawUnsafe<Array<{ name: string; cron: string }>>(
      `SELECT name, cron FROM ${JOB_SCHEMA}.schedule WHERE name = ANY($1) ORDER BY name`,
      [QUEUES.notificationDigest.name, QUEUES.slaSweep.name],
    );
    expect(schedules).toEqual([
      { name: "notifications.digest", cron: "* * * * *" },
      { name: "sla.sweep", cron: "* * * * *" },
    ]);
  });
});
