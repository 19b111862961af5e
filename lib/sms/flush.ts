// Asks the job workers to deliver the SMS outbox now instead of at the next minute's scheduled flush.
import { getBoss, QUEUES } from "@/lib/jobs/boss";

/** Call after the transaction that enqueued SMS has committed. Coalesces; never throws (the schedule catches up). */
export async function requestSmsFlush(): Promise<boolean> {
  try {
    const boss = await getBoss();
    await boss.send(QUEUES.smsFlush.name, {}, { singletonKey: QUEUES.smsFlush.name });
    return true;
  } catch (error) {
    console.warn("[sms] could not request an outbox flush; the scheduled flush will deliver", {
      error: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
}
