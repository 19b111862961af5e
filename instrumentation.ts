// Next.js calls register() once when a server instance starts: stamp requests with their socket address and start
// the background job workers there.
export async function register() {
  // NEXT_RUNTIME is set by Next itself; the edge runtime must not bundle pg-boss, hence the dynamic imports.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before anything else: per-IP limits need each request's socket address (lib/security/peer-address.ts).
  const { installPeerAddressStamp } = await import("@/lib/security/peer-address");
  installPeerAddressStamp();
  const { env } = await import("@/lib/env");
  const { logger, setLogLevel } = await import("@/lib/observability/log");
  setLogLevel(env().LOG_LEVEL);
  // Request ids, the read-replica routing context and request-duration metrics (lib/observability/http.ts).
  const { observeHttpRequests } = await import("@/lib/observability/http");
  observeHttpRequests();
  if (!env().JOBS_ENABLED) return;
  const { startWorkers } = await import("@/lib/jobs/worker");
  try {
    await startWorkers();
  } catch (error) {
    // The web app can still serve requests; e-mails stay in the outbox until the workers run again.
    logger.error("[jobs] could not start the job workers; outbox e-mails will not be sent by this instance", {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * Next.js calls this for every error a page, route handler or server action throws. A database outage seen here is
 * remembered, so proxy.ts answers the following page requests with 503 + Retry-After until the database is back.
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { noteIfDatabaseUnreachable } = await import("@/lib/db-availability");
  noteIfDatabaseUnreachable(error);
}
