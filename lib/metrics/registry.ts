// Prometheus metrics of this instance (prom-client), served by /api/metrics. Request durations are observed by
// lib/observability/http.ts; the backlog gauges are read from PostgreSQL at scrape time (lib/metrics/backlog.ts).
import "server-only";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { readBacklog } from "@/lib/metrics/backlog";
import { databasePoolStats } from "@/lib/db";

type Metrics = {
  registry: Registry;
  requestDuration: Histogram<"route" | "method" | "status">;
  /** The Prometheus text of this instance, the backlog gauges read from the database for this very scrape. */
  scrape: () => Promise<string>;
};

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "skyline_" });

  const requestDuration = new Histogram({
    name: "skyline_http_request_duration_seconds",
    help: "HTTP request duration by route (ids, references and tokens replaced by placeholders), method and status.",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const queueDepth = new Gauge({
    name: "skyline_job_queue_depth",
    help: "pg-boss jobs per queue and state (created, retry, active).",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
  });
  const queueAge = new Gauge({
    name: "skyline_job_queue_oldest_age_seconds",
    help: "Age of the oldest job per queue and state (waiting: since created; active: since started).",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
  });
  const slaLag = new Gauge({
    name: "skyline_sla_sweep_lag_seconds",
    help: "How long the most overdue SLA warning or breach has waited for the sweep (0: none due).",
    registers: [registry],
  });
  const slaDue = new Gauge({
    name: "skyline_sla_sweep_due_clocks",
    help: "SLA clocks whose warning or breach is due and not yet recorded.",
    registers: [registry],
  });
  const outbox = new Gauge({
    name: "skyline_outbox_pending_emails",
    help: "E-mails waiting in the outbox.",
    registers: [registry],
  });
  const outboxAge = new Gauge({
    name: "skyline_outbox_oldest_age_seconds",
    help: "Age of the oldest e-mail waiting in the outbox.",
    registers: [registry],
  });
  const smsOutbox = new Gauge({
    name: "skyline_outbox_pending_sms",
    help: "SMS waiting in the SMS outbox (including those held by quiet hours).",
    registers: [registry],
  });
  const smsOutboxAge = new Gauge({
    name: "skyline_outbox_oldest_sms_age_seconds",
    help: "How long the oldest SMS that may be sent now has been waiting.",
    registers: [registry],
  });
  const webhooks = new Gauge({
    name: "skyline_webhook_pending_deliveries",
    help: "Webhook deliveries not yet sent (including retries waiting for their back-off).",
    registers: [registry],
  });
  const webhooksAge = new Gauge({
    name: "skyline_webhook_oldest_age_seconds",
    help: "Age of the oldest pending webhook delivery.",
    registers: [registry],
  });
  // Labelled (pool="replica", as in skyline_db_pool_connections) so that without DATABASE_REPLICA_URL there is no
  // sample at all: an unlabelled gauge would report up = 0 and fire the "replica down" alert on every install.
  const replicaLag = new Gauge({
    name: "skyline_db_replica_lag_seconds",
    help: "Replay lag of the read replica (DATABASE_REPLICA_URL); absent without one.",
    labelNames: ["pool"] as const,
    registers: [registry],
  });
  const replicaUp = new Gauge({
    name: "skyline_db_replica_up",
    help: "1 when the read replica answers, 0 when reads fall back to the primary; absent without one.",
    labelNames: ["pool"] as const,
    registers: [registry],
  });

  new Gauge({
    name: "skyline_db_pool_connections",
    help: "Connections of this instance's database pool by state (total, idle, waiting requests).",
    labelNames: ["pool", "state"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [pool, stats] of Object.entries(databasePoolStats())) {
        this.set({ pool, state: "total" }, stats.total);
        this.set({ pool, state: "idle" }, stats.idle);
        this.set({ pool, state: "waiting" }, stats.waiting);
      }
    },
  });

  const scrapeDatabase = new Gauge({
    name: "skyline_metrics_scrape_database_seconds",
    help: "Time spent reading the backlog figures for this scrape.",
    registers: [registry],
  });

  // One database read per scrape for every backlog gauge, finished before the registry is serialised. (Not in a
  // gauge's collect(): prom-client reads all metrics concurrently, so gauges set there would show the previous scrape.)
  async function refreshBacklog() {
    const started = performance.now();
    const backlog = await readBacklog();
    queueDepth.reset();
    queueAge.reset();
    for (const row of backlog.queues) {
      queueDepth.set({ queue: row.queue, state: row.state }, row.count);
      queueAge.set({ queue: row.queue, state: row.state }, row.oldestSeconds);
    }
    slaLag.set(backlog.sla.lagSeconds);
    slaDue.set(backlog.sla.due);
    outbox.set(backlog.outbox.pending);
    outboxAge.set(backlog.outbox.oldestSeconds);
    smsOutbox.set(backlog.smsOutbox.pending);
    smsOutboxAge.set(backlog.smsOutbox.oldestSeconds);
    webhooks.set(backlog.webhooks.pending);
    webhooksAge.set(backlog.webhooks.oldestSeconds);
    replicaLag.reset();
    replicaUp.reset();
    if (backlog.replica) {
      replicaUp.set({ pool: "replica" }, backlog.replica.up ? 1 : 0);
      if (backlog.replica.lagSeconds !== null) replicaLag.set({ pool: "replica" }, backlog.replica.lagSeconds);
    }
    scrapeDatabase.set((performance.now() - started) / 1000);
  }

  const scrape = async () => {
    await refreshBacklog();
    return registry.metrics();
  };

  return { registry, requestDuration, scrape };
}

// On globalThis: the instrumentation hook (which observes requests) and the route handler are bundled apart.
const globalForMetrics = globalThis as unknown as { skylineMetrics?: Metrics };

export function metrics(): Metrics {
  globalForMetrics.skylineMetrics ??= createMetrics();
  return globalForMetrics.skylineMetrics;
}
