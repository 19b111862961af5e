// Per-request observability without a custom server: Node's http diagnostics channels tell us when `next start`'s
// server receives a request and when the response is finished. At the start we give the request an id (nginx's
// X-Request-Id, or a new one), echo it in the response, and enter the work context (so logs and queued jobs carry
// it, and lib/db-replica.ts knows whether the request may read from the replica); at the end we observe its duration.
import { randomUUID } from "node:crypto";
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { mayWrite, PRIMARY_COOKIE } from "@/lib/db-replica-cookie";
import { metrics } from "@/lib/metrics/registry";
import { acceptableRequestId, workContext } from "@/lib/observability/context";
import { logger } from "@/lib/observability/log";
import { routeLabel } from "@/lib/observability/route-label";

type ServerMessage = { request: IncomingMessage; response: ServerResponse };

const started = new WeakMap<IncomingMessage, { at: number; requestId: string }>();

/** True when the request carries the "just wrote" cookie and it has not expired (its value is the expiry, ms). */
export function hasFreshWriteCookie(cookieHeader: string | undefined, now = Date.now()): boolean {
  if (!cookieHeader) return false;
  const match = cookieHeader.match(new RegExp(`(?:^|;\\s*)${PRIMARY_COOKIE}=(\\d+)`));
  return match ? Number(match[1]) > now : false;
}

function onStart(message: unknown) {
  const { request, response } = message as ServerMessage;
  const requestId = acceptableRequestId(request.headers["x-request-id"]) ?? randomUUID();
  started.set(request, { at: performance.now(), requestId });
  if (!response.headersSent) response.setHeader("X-Request-Id", requestId);
  const readOnly = !mayWrite(request.method ?? "GET") && !hasFreshWriteCookie(request.headers.cookie);
  // enterWith: the request handler runs after this synchronous publish, in this async context.
  workContext.enterWith({ requestId, readOnly });
}

function onFinish(message: unknown) {
  const { request, response } = message as ServerMessage;
  const start = started.get(request);
  if (!start) return;
  const seconds = (performance.now() - start.at) / 1000;
  const route = routeLabel(request.url ?? "/");
  metrics().requestDuration.observe(
    { route, method: request.method ?? "GET", status: String(response.statusCode) },
    seconds,
  );
  logger.debug("request", {
    requestId: start.requestId,
    method: request.method,
    route,
    status: response.statusCode,
    durationMs: Math.round(seconds * 1000),
  });
}

const globalForHttp = globalThis as unknown as { skylineHttpObserved?: boolean };

/** Called once per server process from instrumentation.ts. */
export function observeHttpRequests() {
  if (globalForHttp.skylineHttpObserved) return;
  globalForHttp.skylineHttpObserved = true;
  diagnostics.subscribe("http.server.request.start", onStart);
  diagnostics.subscribe("http.server.response.finish", onFinish);
}
