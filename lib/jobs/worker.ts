// Registers this instance's job workers and the cron schedules. Called once per server process from
// instrumentation.ts; safe on every instance: pg-boss hands each job to one worker and fires each schedule once.
import "server-only";
import { remindOverdueReviews } from "@/lib/knowledge/reviews";
import { getBoss, jobData, QUEUES, stopBoss, traced } from "@/lib/jobs/boss";
import { sendPendingEmails } from "@/lib/mail/sender";
import { expireSurveys, sendScheduledSurveys, sendSurveyReminders } from "@/lib/surveys/jobs";
import { requestMailFlush } from "@/lib/mail/flush";
import { processDueClocks } from "@/lib/sla/sweeper";
import { processDueInvestigations } from "@/lib/investigations/sweep";
import { sendDepartmentDigests } from "@/lib/investigations/weekly-digest";
import { requestSlaSweep } from "@/lib/sla/sweep-request";
import { sendNotificationDigests } from "@/lib/notifications/digest";
import { deliverPendingWebhooks } from "@/lib/webhooks/deliver";
import { runRetention } from "@/lib/customers/retention";
import { db } from "@/lib/db";
import { refreshKpiFacts } from "@/lib/kpi/refresh";
import { purgeExpiredRows } from "@/lib/housekeeping/purge";
import { purgeSignInThrottles } from "@/lib/auth/throttle";
import { sendPendingSms } from "@/lib/sms/sender";
import { startSmsReceiver } from "@/lib/sms/receiver";
import { processIncidentRun } from "@/lib/incidents/runs";
import { sweepIncidentClocks } from "@/lib/incidents/clock-sweep";
import { logger } from "@/lib/observability/log";
import { sweepBreachClocks } from "@/lib/incidents/breach";
import { runSampling } from "@/lib/quality/sample";
import { computeAppraisals } from "@/lib/quality/appraise";
import { MONTH_PATTERN, previousMonth } from "@/lib/quality/appraisal";
import { BUSINESS_TIME_ZONE } from "@/lib/time/zone";

const MAIL_FLUSH_BATCH = 100;
const SMS_FLUSH_BATCH = 500;
// Clocks per sweep job; a larger backlog continues in a follow-up job right away instead of one endless job.
const SLA_SWEEP_LIMIT = 5_000;

const globalForWorkers = globalThis as unknown as { skylineWorkersStarted?: boolean };

export async function startWorkers(): Promise<void> {
  // Dev hot reloads may re-run the instrumentation hook's import; register the workers only once per process.
  if (globalForWorkers.skylineWorkersStarted) return;
  globalForWorkers.skylineWorkersStarted = true;
  try {
    const boss = await getBoss();
    // Failed deliveries are logged by the sender; a thrown error (e.g. database down) fails the job for pg-boss to
    // retry.
    await boss.work(
      QUEUES.mailFlush.name,
      { pollingIntervalSeconds: 2, batchSize: 1 },
      traced(QUEUES.mailFlush.name, async () => {
        await sendPendingEmails({ limit: MAIL_FLUSH_BATCH });
      }),
    );
    // Upserted by name, so every instance may (re)declare it; the singletonKey coalesces it with on-demand flushes.
    await boss.schedule(QUEUES.mailFlush.name, "* * * * *", {}, { singletonKey: QUEUES.mailFlush.name });
    // SMS outbox: a full batch continues in a follow-up job at once (a burst of acknowledgements).
    await boss.work(
      QUEUES.smsFlush.name,
      { pollingIntervalSeconds: 2, batchSize: 1 },
      traced(QUEUES.smsFlush.name, async () => {
        const result = await sendPendingSms({ limit: SMS_FLUSH_BATCH });
        if (result.sent + result.failed >= SMS_FLUSH_BATCH)
          await boss.send(QUEUES.smsFlush.name, jobData(), { singletonKey: QUEUES.smsFlush.name });
      }),
    );
    await boss.schedule(QUEUES.smsFlush.name, "* * * * *", {}, { singletonKey: QUEUES.smsFlush.name });
    await startSmsReceiver();
    // SLA timers live in the database: every minute one sweep records due warnings/breaches (exactly once, see
    // lib/sla/sweeper.ts). Never setTimeout for business deadlines: they must survive restarts.
    await boss.work(
      QUEUES.slaSweep.name,
      { pollingIntervalSeconds: 2, batchSize: 1 },
      traced(QUEUES.slaSweep.name, async () => {
        const result = await processDueClocks({ limit: SLA_SWEEP_LIMIT });
        // Department requests' reminders and breaches ride on the same sweep (lib/investigations/sweep.ts).
        await processDueInvestigations();
        if (result.hasMore) await requestSlaSweep();
      }),
    );
    await boss.schedule(QUEUES.slaSweep.name, "* * * * *", {}, { singletonKey: QUEUES.slaSweep.name });
    await boss.work(
      QUEUES.notificationDigest.name,
      { pollingIntervalSeconds: 5, batchSize: 1 },
      traced(QUEUES.notificationDigest.name, async () => {
        const result = await sendNotificationDigests();
        if (result.emails > 0) await requestMailFlush();
      }),
    );
    await boss.schedule(
      QUEUES.notificationDigest.name,
      "* * * * *",
      {},
      { singletonKey: QUEUES.notificationDigest.name },
    );
    await boss.work(
      QUEUES.surveyHousekeeping.name,
      { pollingIntervalSeconds: 5, batchSize: 1 },
      traced(QUEUES.surveyHousekeeping.name, async () => {
        const now = new Date();
        await sendScheduledSurveys(now);
        await sendSurveyReminders(now);
        await expireSurveys(now);
        await requestMailFlush();
      }),
    );
    await boss.schedule(
      QUEUES.surveyHousekeeping.name,
      "*/5 * * * *",
      {},
      { singletonKey: QUEUES.surveyHousekeeping.name },
    );
    await boss.work(
      QUEUES.webhookDelivery.name,
      { pollingIntervalSeconds: 2, batchSize: 1 },
      traced(QUEUES.webhookDelivery.name, async () => {
        const result = await deliverPendingWebhooks({ limit: 200 });
        if (result.sent + result.retrying + result.failed >= 200)
          await boss.send(QUEUES.webhookDelivery.name, jobData(), { singletonKey: QUEUES.webhookDelivery.name });
      }),
    );
    await boss.schedule(QUEUES.webhookDelivery.name, "* * * * *", {}, { singletonKey: QUEUES.webhookDelivery.name });
    // Daily at 03:17 (server time): claims customers with SKIP LOCKED, so overlapping runs on several instances are
    // safe.
    await boss.work(
      QUEUES.customerRetention.name,
      { pollingIntervalSeconds: 30, batchSize: 1 },
      traced(QUEUES.customerRetention.name, async () => {
        await runRetention();
      }),
    );
    await boss.schedule(
      QUEUES.customerRetention.name,
      "17 3 * * *",
      {},
      { singletonKey: QUEUES.customerRetention.name },
    );
    // Daily at 07:05: owners of knowledge articles past their review date get a bell notification (deduplicated).
    await boss.work(
      QUEUES.knowledgeReviews.name,
      { pollingIntervalSeconds: 30, batchSize: 1 },
      traced(QUEUES.knowledgeReviews.name, async () => {
        await remindOverdueReviews();
      }),
    );
    await boss.schedule(QUEUES.knowledgeReviews.name, "5 7 * * *", {}, { singletonKey: QUEUES.knowledgeReviews.name });
    // Mondays 08:00 China time: department heads get their weekly digest (one per department and ISO week).
    await boss.work(
      QUEUES.departmentDigest.name,
      { pollingIntervalSeconds: 30, batchSize: 1 },
      traced(QUEUES.departmentDigest.name, async () => {
        const result = await sendDepartmentDigests();
        if (result.notified > 0)
          await sendNotificationDigests({ settleSeconds: 0 }).then((sent) =>
            sent.emails > 0 ? requestMailFlush() : false,
          );
      }),
    );
    await boss.schedule(
      QUEUES.departmentDigest.name,
      "0 8 * * 1",
      {},
      { singletonKey: QUEUES.departmentDigest.name, tz: BUSINESS_TIME_ZONE },
    );
    // Dashboards read KPI facts; a full batch continues in a follow-up job right away (initial fill of a big database).
    await boss.work(
      QUEUES.kpiRefresh.name,
      { pollingIntervalSeconds: 5, batchSize: 1 },
      traced(QUEUES.kpiRefresh.name, async () => {
        const result = await refreshKpiFacts(db);
        if (result.hasMore)
          await boss.send(QUEUES.kpiRefresh.name, jobData(), { singletonKey: QUEUES.kpiRefresh.name });
      }),
    );
    await boss.schedule(QUEUES.kpiRefresh.name, "* * * * *", {}, { singletonKey: QUEUES.kpiRefresh.name });
    // Hourly: rate-limit windows, old sign-in attempts, spent password links, old notifications, outbox and webhook
    // log rows; a backlog beyond one run's cap continues in a follow-up job.
    await boss.work(
      QUEUES.housekeepingPurge.name,
      { pollingIntervalSeconds: 5, batchSize: 1 },
      traced(QUEUES.housekeepingPurge.name, async () => {
        const result = await purgeExpiredRows();
        if (result.hasMore)
          await boss.send(QUEUES.housekeepingPurge.name, jobData(), { singletonKey: QUEUES.housekeepingPurge.name });
      }),
    );
    await boss.schedule(
      QUEUES.housekeepingPurge.name,
      "41 * * * *",
      {},
      { singletonKey: QUEUES.housekeepingPurge.name },
    );
    await boss.work(
      QUEUES.signInThrottlePurge.name,
      { pollingIntervalSeconds: 30, batchSize: 1 },
      traced(QUEUES.signInThrottlePurge.name, async () => {
        await purgeSignInThrottles(db);
      }),
    );
    await boss.schedule(
      QUEUES.signInThrottlePurge.name,
      "23 * * * *",
      {},
      { singletonKey: QUEUES.signInThrottlePurge.name },
    );
    // Incident bulk runs: each job names its run; the run resumes from its committed cursor after a crash.
    await boss.work<{ runId?: unknown }>(
      QUEUES.incidentRun.name,
      { pollingIntervalSeconds: 1, batchSize: 1 },
      async (jobs) => {
        for (const job of jobs) {
          const runId = job.data.runId;
          if (typeof runId === "number")
            await traced(QUEUES.incidentRun.name, async () => void (await processIncidentRun(runId)))([job]);
        }
      },
    );
    await boss.work(
      QUEUES.incidentClock.name,
      { pollingIntervalSeconds: 5, batchSize: 1 },
      traced(QUEUES.incidentClock.name, async () => {
        await sweepIncidentClocks();
        await sweepBreachClocks();
      }),
    );
    await boss.schedule(QUEUES.incidentClock.name, "* * * * *", {}, { singletonKey: QUEUES.incidentClock.name });
    // Quality (lib/quality): on the 1st of each month the previous month is sampled (02:10) and appraised (03:10, after
    // the KPI facts have caught up); a manager's "run now" sends a job naming the month.
    const monthOf = (data: { month?: unknown }) =>
      typeof data.month === "string" && MONTH_PATTERN.test(data.month) ? data.month : previousMonth(new Date());
    await boss.work<{ month?: unknown }>(
      QUEUES.qualitySample.name,
      { pollingIntervalSeconds: 5, batchSize: 1 },
      async (jobs) => {
        for (const job of jobs)
          await traced(QUEUES.qualitySample.name, async () => void (await runSampling(monthOf(job.data))))([job]);
      },
    );
    await boss.schedule(QUEUES.qualitySample.name, "10 2 1 * *", {}, { singletonKey: QUEUES.qualitySample.name });
    await boss.work<{ month?: unknown }>(
      QUEUES.qualityAppraise.name,
      { pollingIntervalSeconds: 5, batchSize: 1 },
      async (jobs) => {
        for (const job of jobs)
          await traced(
            QUEUES.qualityAppraise.name,
            async () => void (await computeAppraisals(monthOf(job.data))),
          )([job]);
      },
    );
    await boss.schedule(QUEUES.qualityAppraise.name, "10 3 1 * *", {}, { singletonKey: QUEUES.qualityAppraise.name });
  } catch (error) {
    globalForWorkers.skylineWorkersStarted = false;
    throw error;
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void shutdown(signal));
}

async function shutdown(signal: NodeJS.Signals) {
  try {
    await stopBoss();
  } catch (error) {
    logger.error("[jobs] stopping pg-boss failed", {
      signal,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  // Our listener replaced Node's default exit; if nobody else (e.g. the Next server) handles the signal, re-raise it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}
