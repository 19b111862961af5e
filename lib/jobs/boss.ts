// The one pg-boss instance of this process, started on first use. pg-boss coordinates through PostgreSQL (schema
// "pgboss"), so every app instance can run it: a job is fetched by one worker, a cron schedule fires once per minute.
import PgBoss from "pg-boss";
import { env } from "@/lib/env";

export const JOB_SCHEMA = "pgboss";

/** The queues this app uses. "stately": at most one job waiting and one running, so bursts of requests coalesce. */
export const QUEUES = {
  mailFlush: { name: "mail.flush", policy: "stately", retryLimit: 1, expireInSeconds: 5 * 60 },
  // SMS outbox (lib/sms/sender.ts): same claim-per-row design as mail.flush; back-off is per row.
  smsFlush: { name: "sms.flush", policy: "stately", retryLimit: 1, expireInSeconds: 5 * 60 },
  // SLA warnings and breaches (lib/sla/sweeper.ts): one sweep at a time across all instances; SKIP LOCKED makes
  // overlapping sweeps safe anyway. A failed sweep (e.g. a killed worker) is retried; its batch rolled back.
  slaSweep: { name: "sla.sweep", policy: "stately", retryLimit: 3, retryDelay: 10, expireInSeconds: 10 * 60 },
  // Per-user notification e-mails (lib/notifications/digest.ts).
  notificationDigest: { name: "notifications.digest", policy: "stately", retryLimit: 1, expireInSeconds: 5 * 60 },
  // Satisfaction surveys: delayed sends, reminders after N days, expiry (lib/surveys/jobs.ts; each safe to run twice).
  surveyHousekeeping: { name: "surveys.housekeeping", policy: "stately", retryLimit: 1, expireInSeconds: 10 * 60 },
  // Outbound webhooks (lib/webhooks/deliver.ts): due deliveries are claimed with SKIP LOCKED, back-off is per row.
  webhookDelivery: { name: "webhooks.deliver", policy: "stately", retryLimit: 1, expireInSeconds: 10 * 60 },
  // Retention (lib/customers/retention.ts): daily anonymisation of customers whose complaints are all old and finished.
  customerRetention: { name: "customers.retention", policy: "stately", retryLimit: 2, retryDelay: 60, expireInSeconds: 30 * 60 },
  // KPI facts for the dashboards (lib/kpi/refresh.ts): changed complaints since the last run; advisory lock + whole-row
  // rewrites make overlapping runs harmless.
  kpiRefresh: { name: "kpi.refresh", policy: "stately", retryLimit: 2, retryDelay: 10, expireInSeconds: 10 * 60 },
  // Bounded tables (lib/housekeeping/purge.ts): hourly deletes of rows past their retention; batches, safe twice.
  housekeepingPurge: { name: "housekeeping.purge", policy: "stately", retryLimit: 2, retryDelay: 60, expireInSeconds: 30 * 60 },
  // Sign-in throttle rows idle for a day (lib/auth/throttle.ts), hourly: keeps sign_in_throttles bounded.
  signInThrottlePurge: { name: "auth.throttle-purge", policy: "stately", retryLimit: 1, expireInSeconds: 5 * 60 },
} as const satisfies Record<string, PgBoss.Queue>;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]["name"];

// Kept on globalThis so that dev hot reloads and the several module graphs of a Next server share one instance.
const globalForBoss = globalThis as unknown as { skylineBoss?: Promise<PgBoss> };

async function createBoss(): Promise<PgBoss> {
  const config = env();
  const boss = new PgBoss({
    connectionString: config.DATABASE_URL,
    schema: JOB_SCHEMA,
    application_name: "skyline-jobs",
    max: 4,
    // An instance with JOBS_ENABLED=false only sends jobs: no maintenance, no cron.
    supervise: config.JOBS_ENABLED,
    schedule: config.JOBS_ENABLED,
  });
  boss.on("error", (error) => console.error("[jobs] pg-boss error", { error: error.message }));
  await boss.start();
  for (const queue of Object.values(QUEUES)) {
    // Idempotent (INSERT … ON CONFLICT DO NOTHING in pg-boss), so every instance may run it at start.
    await boss.createQueue(queue.name, queue);
  }
  return boss;
}

/** The started pg-boss instance; the first call starts it (creating its schema and the queues). */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.skylineBoss ??= createBoss().catch((error: unknown) => {
    // Let the next call try again instead of caching a failed start forever.
    globalForBoss.skylineBoss = undefined;
    throw error;
  });
  return globalForBoss.skylineBoss;
}

/** Stops workers gracefully (running jobs may finish within `timeoutMs`) and closes pg-boss's pool. */
export async function stopBoss(timeoutMs = 10_000): Promise<void> {
  const pending = globalForBoss.skylineBoss;
  if (!pending) return;
  globalForBoss.skylineBoss = undefined;
  const boss = await pending;
  await boss.stop({ graceful: true, timeout: timeoutMs, wait: true });
}
