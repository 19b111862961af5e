// The one pg-boss instance of this process, started on first use. pg-boss coordinates through PostgreSQL (schema
// "pgboss"), so every app instance can run it: a job is fetched by one worker, a cron schedule fires once per minute.
import PgBoss from "pg-boss";
import pg from "pg";
import { env } from "@/lib/env";
import { currentRequestId, workContext } from "@/lib/observability/context";
import { logger } from "@/lib/observability/log";

export const JOB_SCHEMA = "pgboss";
// Advisory lock key serialising pg-boss start-up across instances ("skyline-jobs-start" as a stable 32-bit number).
const JOB_START_LOCK = 0x736b6a73;

/** The queues this app uses. "stately": at most one job waiting and one running, so bursts of requests coalesce. */
export const QUEUES = {
  // Expiries are short where runs are short: a job on an instance that died (SIGKILL, power) stays "active" until it
  // expires, and a stately queue runs nothing else meanwhile. Overlap after an expiry is safe: rows are claimed with
  // FOR UPDATE SKIP LOCKED (tests/e2e/load-balancer.spec.ts kills an instance mid-run).
  mailFlush: { name: "mail.flush", policy: "stately", retryLimit: 1, expireInSeconds: 60 },
  // SMS outbox (lib/sms/sender.ts): same claim-per-row design as mail.flush; back-off is per row.
  smsFlush: { name: "sms.flush", policy: "stately", retryLimit: 1, expireInSeconds: 2 * 60 },
  // SLA warnings and breaches (lib/sla/sweeper.ts): one sweep at a time across all instances; SKIP LOCKED makes
  // overlapping sweeps safe anyway. A failed sweep (e.g. a killed worker) is retried; its batch rolled back.
  slaSweep: { name: "sla.sweep", policy: "stately", retryLimit: 3, retryDelay: 10, expireInSeconds: 2 * 60 },
  // Per-user notification e-mails (lib/notifications/digest.ts).
  notificationDigest: { name: "notifications.digest", policy: "stately", retryLimit: 1, expireInSeconds: 5 * 60 },
  // Satisfaction surveys: delayed sends, reminders after N days, expiry (lib/surveys/jobs.ts; each safe to run twice).
  surveyHousekeeping: { name: "surveys.housekeeping", policy: "stately", retryLimit: 1, expireInSeconds: 10 * 60 },
  // Outbound webhooks (lib/webhooks/deliver.ts): due deliveries are claimed with SKIP LOCKED, back-off is per row.
  webhookDelivery: { name: "webhooks.deliver", policy: "stately", retryLimit: 1, expireInSeconds: 2 * 60 },
  // Retention (lib/customers/retention.ts): daily anonymisation of customers whose complaints are all old and finished.
  customerRetention: {
    name: "customers.retention",
    policy: "stately",
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 30 * 60,
  },
  // KPI facts for the dashboards (lib/kpi/refresh.ts): changed complaints since the last run; advisory lock + whole-row
  // rewrites make overlapping runs harmless.
  kpiRefresh: { name: "kpi.refresh", policy: "stately", retryLimit: 2, retryDelay: 10, expireInSeconds: 10 * 60 },
  // Bounded tables (lib/housekeeping/purge.ts): hourly deletes of rows past their retention; batches, safe twice.
  housekeepingPurge: {
    name: "housekeeping.purge",
    policy: "stately",
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 30 * 60,
  },
  // Sign-in throttle rows idle for a day (lib/auth/throttle.ts), hourly: keeps sign_in_throttles bounded.
  signInThrottlePurge: { name: "auth.throttle-purge", policy: "stately", retryLimit: 1, expireInSeconds: 5 * 60 },
  // Knowledge articles past their review date (lib/knowledge/reviews.ts), daily: one deduplicated notification each.
  knowledgeReviews: {
    name: "knowledge.reviews",
    policy: "stately",
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 10 * 60,
  },
  // Weekly digest of open and overdue department requests to each department head
  // (lib/investigations/weekly-digest.ts).
  departmentDigest: {
    name: "investigations.weekly-digest",
    policy: "stately",
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 10 * 60,
  },
  // Incident bulk runs (lib/incidents/runs.ts): link, notify, resolve. Each run resumes from its committed cursor, so a
  // retry after a crash continues without doing an item twice; runs of different incidents may queue side by side.
  incidentRun: { name: "incidents.run", policy: "standard", retryLimit: 5, retryDelay: 5, expireInSeconds: 5 * 60 },
  // Incident report clock (lib/incidents/clock-sweep.ts): records a missed first report / status update once.
  incidentClock: { name: "incidents.clock", policy: "stately", retryLimit: 1, expireInSeconds: 2 * 60 },
  // Quality sampling (lib/quality/sample.ts), monthly and on request: inserts skip complaints already sampled, so a
  // retry or two runs of the same month never sample a case twice. The job's data may name the month.
  qualitySample: {
    name: "quality.sample",
    policy: "standard",
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 15 * 60,
  },
  // Monthly appraisals (lib/quality/appraise.ts), and on request: recomputes a month's rows, keeping comments and
  // acknowledgements.
  qualityAppraise: {
    name: "quality.appraise",
    policy: "standard",
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 15 * 60,
  },
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
    // Expired jobs of dead instances are failed (and retried) at maintenance: every 30 s instead of 120 s.
    maintenanceIntervalSeconds: 30,
  });
  boss.on("error", (error) => logger.error("pg-boss error", { error: error.message }));
  // Instances starting together on a fresh database deadlocked in pg-boss's schema and queue creation (seen in
  // tests/e2e/load-balancer.spec.ts: the loser ran without workers). One instance at a time, under an advisory lock.
  const lock = new pg.Client({ connectionString: config.DATABASE_URL, application_name: "skyline-jobs-start" });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [JOB_START_LOCK]);
    await boss.start();
    for (const queue of Object.values(QUEUES)) {
      // Idempotent (INSERT … ON CONFLICT DO NOTHING in pg-boss), so every instance may run it at start.
      await boss.createQueue(queue.name, queue);
      // createQueue keeps an existing queue's settings: apply this release's (e.g. shorter expiries) on upgrade.
      await boss.updateQueue(queue.name, queue);
    }
  } finally {
    await lock.end().catch(() => undefined); // ending the session releases the lock
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

/** The data of a job queued by a request: its request id, so the job's logs can be traced back to it. */
export function jobData(): { requestId?: string } {
  const requestId = currentRequestId();
  return requestId ? { requestId } : {};
}

/**
 * Wraps a worker so each job runs in a work context (the request id that queued it, else "job:<id>") and logs its
 * start, end and failure as structured lines.
 */
export function traced(queue: string, handler: () => Promise<void>) {
  return async (jobs: PgBoss.Job<object>[]) => {
    for (const job of jobs) {
      const data = job.data as { requestId?: unknown } | null;
      const requestId = typeof data?.requestId === "string" ? data.requestId : `job:${job.id}`;
      await workContext.run({ requestId, job: queue, jobId: job.id }, async () => {
        const started = performance.now();
        logger.debug("job started");
        try {
          await handler();
          logger.debug("job finished", { durationMs: Math.round(performance.now() - started) });
        } catch (error) {
          logger.error("job failed", { durationMs: Math.round(performance.now() - started), error });
          throw error;
        }
      });
    }
  };
}
