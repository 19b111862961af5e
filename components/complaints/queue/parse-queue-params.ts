// Server side of the queue URL (the page parses its search params); kept apart from queue-params.ts, which client
// components import, so the queue page does not ship zod to the browser.
import { queueFilterSchema, type QueueFilter } from "@/lib/complaints/schema";
import type { RawSearchParams } from "@/components/complaints/queue/queue-params";

/**
 * Parses the page's search params. Anything not understood (an unknown status, a malformed date, a queue the user
 * may not open) falls back to the default view with `invalid: true`, so a bad link shows a notice, never an error.
 */
export function parseQueueParams(
  raw: RawSearchParams,
  allowedQueues: readonly QueueFilter["queue"][],
): { filter: QueueFilter; invalid: boolean } {
  const defaults = queueFilterSchema.parse({});
  const parsed = queueFilterSchema.safeParse(raw);
  if (!parsed.success || !allowedQueues.includes(parsed.data.queue)) return { filter: defaults, invalid: true };
  if (parsed.data.from && parsed.data.to && parsed.data.from > parsed.data.to)
    return { filter: defaults, invalid: true };
  return { filter: parsed.data, invalid: false };
}
