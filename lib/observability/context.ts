// The request id of the work in progress (an HTTP request, or a job a request queued), kept in AsyncLocalStorage so
// that logs and queued jobs carry it without being passed around.
import { AsyncLocalStorage } from "node:async_hooks";

// readOnly: a GET/HEAD request of a user who has not just written — its lagging reads may use the replica
// (lib/db-replica.ts).
export type WorkContext = { requestId: string; readOnly?: boolean; jobId?: string; job?: string };

// On globalThis: Next bundles the instrumentation hook, route handlers and proxy apart; they must share one store.
const globalForContext = globalThis as unknown as { skylineWorkContext?: AsyncLocalStorage<WorkContext> };
export const workContext = (globalForContext.skylineWorkContext ??= new AsyncLocalStorage<WorkContext>());

/** The current request id, or undefined outside a request or job (e.g. a cron-scheduled job). */
export function currentRequestId(): string | undefined {
  return workContext.getStore()?.requestId;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** An incoming X-Request-Id (e.g. nginx's $request_id) when it looks like one, else undefined. */
export function acceptableRequestId(value: string | string[] | undefined): string | undefined {
  const candidate = Array.isArray(value) ? value[0] : value;
  return candidate && REQUEST_ID.test(candidate) ? candidate : undefined;
}
