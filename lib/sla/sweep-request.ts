// Asks the job workers to run the SLA sweep now (besides its every-minute schedule), e.g. to continue a large sweep
// or after changing due times in bulk.
import { getBoss, jobData, QUEUES } from "@/lib/jobs/boss";
import { logger } from "@/lib/observability/log";

/** Never throws: when the request cannot be queued, the scheduled sweep runs within a minute anyway. */
export async function requestSlaSweep(): Promise<boolean> {
  try {
    const boss = await getBoss();
    await boss.send(QUEUES.slaSweep.name, jobData(), { singletonKey: QUEUES.slaSweep.name });
    return true;
  } catch (error) {
    logger.warn("[sla] could not request a sweep; the scheduled sweep will run", {
      error: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
}
