// Next.js calls register() once when a server instance starts: start the background job workers there.
export async function register() {
  // NEXT_RUNTIME is set by Next itself; the edge runtime must not bundle pg-boss, hence the dynamic imports.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (!env().JOBS_ENABLED) return;
  const { startWorkers } = await import("@/lib/jobs/worker");
  try {
    await startWorkers();
  } catch (error) {
    // The web app can still serve requests; e-mails stay in the outbox until the workers run again.
    console.error("[jobs] could not start the job workers; outbox e-mails will not be sent by this instance", {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
