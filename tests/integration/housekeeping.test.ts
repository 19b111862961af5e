// Bounded tables (issue 14 item 9): the hourly housekeeping.purge job deletes rows past their retention and keeps live
// ones (the SMS outbox and inbound SMS log too, added by issue 16); the audit log, the PII access log and the SMS
// consent record are never purged (they are the trail).
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { JOB_SCHEMA, QUEUES, getBoss, stopBoss } from "@/lib/jobs/boss";
import { startWorkers } from "@/lib/jobs/worker";
import { PURGE_BATCH, RETENTION_DAYS, purgeExpiredRows } from "@/lib/housekeeping/purge";
import { makeCustomer, makeStaff } from "./factories";

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

afterAll(async () => {
  await stopBoss();
});

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("purgeExpiredRows", () => {
  it("deletes expired rows of every bounded table, keeps live ones, and never touches the audit and PII access logs", async () => {
    const now = new Date();
    const user = await makeStaff("agent");
    const customer = await makeCustomer();
    const webhook = await db.webhook.create({
      data: { url: "https://example.com/hook", events: ["complaint.created"], secret: "whsec_x" },
      select: { id: true },
    });

    await db.rateLimitBucket.createMany({
      data: [
        { key: "public-complaint:ip:old", windowStart: daysAgo(now, RETENTION_DAYS.rateLimitBuckets + 1), count: 3 },
        {
          key: "public-complaint:ip:live",
          windowStart: new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000),
          count: 1,
        },
      ],
    });
    await db.loginAttempt.createMany({
      data: [
        { email: "old@test.example", succeeded: false, createdAt: daysAgo(now, RETENTION_DAYS.loginAttempts + 1) },
        { email: "live@test.example", succeeded: false, createdAt: daysAgo(now, RETENTION_DAYS.loginAttempts - 1) },
      ],
    });
    await db.passwordToken.createMany({
      data: [
        {
          userId: user.user.id,
          purpose: "invite",
          tokenHash: "old-token",
          expiresAt: daysAgo(now, RETENTION_DAYS.passwordTokens + 1),
        },
        { userId: user.user.id, purpose: "invite", tokenHash: "live-token", expiresAt: new Date(now.getTime() + DAY) },
      ],
    });
    await db.notification.createMany({
      data: [
        {
          userId: user.user.id,
          kind: "old.read",
          readAt: daysAgo(now, 100),
          createdAt: daysAgo(now, RETENTION_DAYS.readNotifications + 10),
        },
        { userId: user.user.id, kind: "old.unread", createdAt: daysAgo(now, RETENTION_DAYS.notifications + 1) },
        { userId: user.user.id, kind: "live.unread", createdAt: daysAgo(now, RETENTION_DAYS.readNotifications + 10) },
        { userId: user.user.id, kind: "live.read", readAt: now, createdAt: daysAgo(now, 5) },
      ],
    });
    await db.outboundEmail.createMany({
      data: [
        {
          to: "a@test.example",
          subject: "old sent",
          text: "x",
          kind: "reply",
          status: "sent",
          createdAt: daysAgo(now, RETENTION_DAYS.outboundEmails + 1),
        },
        {
          to: "a@test.example",
          subject: "old failed",
          text: "x",
          kind: "reply",
          status: "failed",
          createdAt: daysAgo(now, RETENTION_DAYS.outboundEmails + 1),
        },
        {
          to: "a@test.example",
          subject: "old pending",
          text: "x",
          kind: "reply",
          status: "pending",
          createdAt: daysAgo(now, RETENTION_DAYS.outboundEmails + 1),
        },
        {
          to: "a@test.example",
          subject: "live sent",
          text: "x",
          kind: "reply",
          status: "sent",
          createdAt: daysAgo(now, RETENTION_DAYS.outboundEmails - 1),
        },
      ],
    });
    await db.webhookDelivery.createMany({
      data: [
        {
          webhookId: webhook.id,
          event: "old.sent",
          payload: {},
          status: "sent",
          createdAt: daysAgo(now, RETENTION_DAYS.webhookDeliveries + 1),
        },
        {
          webhookId: webhook.id,
          event: "old.pending",
          payload: {},
          status: "pending",
          createdAt: daysAgo(now, RETENTION_DAYS.webhookDeliveries + 1),
        },
        {
          webhookId: webhook.id,
          event: "live.failed",
          payload: {},
          status: "failed",
          createdAt: daysAgo(now, RETENTION_DAYS.webhookDeliveries - 1),
        },
      ],
    });
    await db.outboundSms.createMany({
      data: [
        {
          to: "+8613900000001",
          text: "old sent",
          kind: "reply",
          encoding: "ucs2",
          segments: 1,
          status: "sent",
          createdAt: daysAgo(now, RETENTION_DAYS.outboundSms + 1),
        },
        {
          to: "+8613900000001",
          text: "old failed",
          kind: "reply",
          encoding: "ucs2",
          segments: 1,
          status: "failed",
          createdAt: daysAgo(now, RETENTION_DAYS.outboundSms + 1),
        },
        {
          to: "+8613900000001",
          text: "old pending",
          kind: "reply",
          encoding: "ucs2",
          segments: 1,
          status: "pending",
          createdAt: daysAgo(now, RETENTION_DAYS.outboundSms + 1),
        },
        {
          to: "+8613900000001",
          text: "live sent",
          kind: "reply",
          encoding: "ucs2",
          segments: 1,
          status: "sent",
          createdAt: daysAgo(now, RETENTION_DAYS.outboundSms - 1),
        },
      ],
    });
    await db.inboundSms.createMany({
      data: [
        { from: "+8613900000001", text: "old reply", receivedAt: daysAgo(now, RETENTION_DAYS.inboundSms + 1) },
        { from: "+8613900000001", text: "live reply", receivedAt: daysAgo(now, RETENTION_DAYS.inboundSms - 1) },
      ],
    });
    // The consent record (PIPL) is kept like the audit trail, however old.
    await db.customerConsentEvent.create({
      data: {
        customerId: customer.id,
        channel: "sms",
        granted: false,
        source: "sms_reply",
        createdAt: daysAgo(now, 3 * 365),
      },
    });
    await db.auditLog.create({
      data: {
        actorType: "user",
        actorId: user.user.id,
        action: "complaint.update",
        entityType: "complaint",
        entityId: "1",
        createdAt: daysAgo(now, 3 * 365),
      },
    });
    await db.piiAccessLog.create({
      data: { userId: user.user.id, customerId: customer.id, field: "phone", createdAt: daysAgo(now, 3 * 365) },
    });

    const result = await purgeExpiredRows(now);
    expect(result).toEqual({
      rateLimitBuckets: 1,
      loginAttempts: 1,
      passwordTokens: 1,
      notifications: 2,
      outboundEmails: 2,
      webhookDeliveries: 1,
      outboundSms: 2,
      inboundSms: 1,
      hasMore: false,
    });

    expect((await db.rateLimitBucket.findMany()).map((row) => row.key)).toEqual(["public-complaint:ip:live"]);
    expect((await db.loginAttempt.findMany()).map((row) => row.email)).toEqual(["live@test.example"]);
    expect((await db.passwordToken.findMany({ select: { tokenHash: true } })).map((row) => row.tokenHash)).toEqual([
      "live-token",
    ]);
    expect((await db.notification.findMany({ orderBy: { kind: "asc" } })).map((row) => row.kind)).toEqual([
      "live.read",
      "live.unread",
    ]);
    expect((await db.outboundEmail.findMany({ orderBy: { subject: "asc" } })).map((row) => row.subject)).toEqual([
      "live sent",
      "old pending",
    ]);
    expect((await db.webhookDelivery.findMany({ orderBy: { event: "asc" } })).map((row) => row.event)).toEqual([
      "live.failed",
      "old.pending",
    ]);
    expect((await db.outboundSms.findMany({ orderBy: { text: "asc" } })).map((row) => row.text)).toEqual([
      "live sent",
      "old pending",
    ]);
    expect((await db.inboundSms.findMany()).map((row) => row.text)).toEqual(["live reply"]);
    expect(await db.customerConsentEvent.count({ where: { customerId: customer.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "complaint.update" } })).toBe(1);
    expect(await db.piiAccessLog.count()).toBe(1);

    // Nothing left to do: a second run deletes nothing.
    expect(await purgeExpiredRows(now)).toMatchObject({
      rateLimitBuckets: 0,
      loginAttempts: 0,
      notifications: 0,
      hasMore: false,
    });
  });

  it("deletes more than one batch", async () => {
    const now = new Date();
    const old = daysAgo(now, 2);
    await db.$executeRaw`INSERT INTO rate_limit_buckets (key, "windowStart", count) SELECT 'bulk:' || n, ${old}, 1 FROM generate_series(1, ${PURGE_BATCH + 7}) AS n`;
    expect((await purgeExpiredRows(now)).rateLimitBuckets).toBe(PURGE_BATCH + 7);
    expect(await db.rateLimitBucket.count({ where: { key: { startsWith: "bulk:" } } })).toBe(0);
  });
});

describe("housekeeping.purge job", () => {
  it("is scheduled hourly and purges expired rate-limit windows and sign-in attempts when it runs", async () => {
    const now = new Date();
    await db.rateLimitBucket.createMany({
      data: [
        { key: "sign-in:ip:job-old", windowStart: daysAgo(now, 3), count: 9 },
        { key: "sign-in:ip:job-live", windowStart: new Date(Math.floor(now.getTime() / 900_000) * 900_000), count: 1 },
      ],
    });
    await db.loginAttempt.create({
      data: { email: "job-old@test.example", succeeded: false, createdAt: daysAgo(now, 400) },
    });

    await startWorkers();
    const schedules = await db.$queryRawUnsafe<{ cron: string }[]>(
      `SELECT cron FROM ${JOB_SCHEMA}.schedule WHERE name = $1`,
      QUEUES.housekeepingPurge.name,
    );
    expect(schedules).toEqual([{ cron: "41 * * * *" }]);

    const boss = await getBoss();
    await boss.send(QUEUES.housekeepingPurge.name, {}, { singletonKey: QUEUES.housekeepingPurge.name });
    const keys = await waitFor(
      async () =>
        (await db.rateLimitBucket.findMany({ where: { key: { startsWith: "sign-in:ip:job-" } } })).map(
          (row) => row.key,
        ),
      (value) => value.length === 1,
    );
    expect(keys).toEqual(["sign-in:ip:job-live"]);
    expect(await db.loginAttempt.count({ where: { email: "job-old@test.example" } })).toBe(0);
  }, 60_000);
});
