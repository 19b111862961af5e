// pg-boss wiring: on-demand flush requests coalesce, and the mail.flush worker delivers the outbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailCatcher, type MailCatcher } from "@/scripts/lib/mail-catcher";
import { db } from "@/lib/db";
import { JOB_SCHEMA, QUEUES, stopBoss } from "@/lib/jobs/boss";
import { startWorkers } from "@/lib/jobs/worker";
import { requestMailFlush } from "@/lib/mail/flush";
import { enqueueEmail } from "@/lib/mail/outbox";

let catcher: MailCatcher;

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is set by tests/integration/setup.ts");
  catcher = await startMailCatcher({ port: 0, databaseUrl });
  // env() is parsed on first use, which comes after this: the worker's sender then uses the catcher.
  process.env.SMTP_URL = catcher.smtpUrl;
  process.env.JOBS_ENABLED = "true";
});

afterAll(async () => {
  await stopBoss();
  await catcher.stop();
});

describe("mail.flush job", () => {
  it("coalesces a burst of flush requests into one waiting job", async () => {
    const results = await Promise.all([requestMailFlush(), requestMailFlush(), requestMailFlush()]);
    expect(results).toEqual([true, true, true]);
    const rows = await db.$queryRawUnsafe<Array<{ count: bigint }>>(
      `SELECT count(*) AS count FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state = 'created'`,
      QUEUES.mailFlush.name,
    );
    expect(Number(rows[0]?.count)).toBe(1);
  });

  it("delivers enqueued e-mails once the workers run", async () => {
    const { id } = await db.$transaction((tx) =>
      enqueueEmail(tx, { to: "job@test.example", subject: "From the job", text: "Hello", kind: "notification" }),
    );
    await startWorkers();
    await requestMailFlush();

    const row = await waitFor(
      () => db.outboundEmail.findUniqueOrThrow({ where: { id }, select: { status: true } }),
      (value) => value.status !== "pending",
    );
    expect(row.status).toBe("sent");
    const caught = await db.$queryRaw<Array<{ to: string }>>`SELECT "to" FROM devmail.dev_mailbox`;
    expect(caught.map((message) => message.to)).toEqual(["job@test.example"]);

    const schedules = await db.$queryRawUnsafe<Array<{ cron: string }>>(
      `SELECT cron FROM ${JOB_SCHEMA}.schedule WHERE name = $1`,
      QUEUES.mailFlush.name,
    );
    expect(schedules).toEqual([{ cron: "* * * * *" }]);
  });
});
