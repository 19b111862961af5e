// Asks the job workers to deliver the SMS outbox now instead of at the next minute's scheduled flush.
import { getBoss, jobData, QUEUES } from "@/lib/jobs/boss";
import { logger } from "@/lib/observability/log";

/** Call after the transaction that enqueued SMS has committed. Coalesces; never throws (the schedule catches up). */
export async function requestSmsFlush(): Promise<boolean> {
  try {
    const boss = await getBoss();
    await boss.send(QUEUES.smsFlush.name, jobData(), { singletonKey: QUEUES.smsFlush.name });
    return true;
  } catch (error) {
    logger.warn("[sms] could not request an outbox flush; the scheduled flush will deliver", {
      error: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
}
