// Asks the job workers to deliver the outbox now instead of at the next minute's scheduled flush.
import { getBoss, jobData, QUEUES } from "@/lib/jobs/boss";
import { logger } from "@/lib/observability/log";

/**
 * Call after the transaction that enqueued e-mails (or SMS) has committed; both outboxes are flushed. Requests coalesce
 * (stately queue + singletonKey):
 * a burst of calls results in one waiting job. Never throws: if the request cannot be queued, the scheduled flush
 * sends the e-mails within a minute anyway, so the caller's operation must not fail because of it.
 * Within one process, calls made while a request is being sent share the next one (issue 20: two job inserts per
 * creation): that one starts after each of their commits, so none of them can be missed.
 */
export function requestMailFlush(): Promise<boolean> {
  if (!flushInFlight) {
    flushInFlight = sendFlushRequests().finally(() => (flushInFlight = null));
    return flushInFlight;
  }
  flushQueued ??= flushInFlight.then(() => {
    flushQueued = null;
    return requestMailFlush();
  });
  return flushQueued;
}

let flushInFlight: Promise<boolean> | null = null;
let flushQueued: Promise<boolean> | null = null;

async function sendFlushRequests(): Promise<boolean> {
  try {
    const boss = await getBoss();
    // Customer messages may have gone by SMS instead (lib/customers/contact-channel.ts): callers need not know which.
    await Promise.all([
      boss.send(QUEUES.mailFlush.name, jobData(), { singletonKey: QUEUES.mailFlush.name }),
      boss.send(QUEUES.smsFlush.name, jobData(), { singletonKey: QUEUES.smsFlush.name }),
    ]);
    return true;
  } catch (error) {
    logger.warn("[mail] could not request an outbox flush; the scheduled flush will deliver", {
      error: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
}
