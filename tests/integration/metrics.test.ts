// /api/metrics (issue 21 item 5): Prometheus text through prom-client behind METRICS_TOKEN, with every figure the
// issue lists — request durations by route, job queue depths and ages, SLA sweep lag, the outboxes' and webhooks'
// backlogs, the database pool and (without a replica) no replica series — and a request's id carried into the job it
// queues. Requests go through a real HTTP server observed the way instrumentation.ts observes `next start`.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.METRICS_TOKEN = "metrics-test-token-0123456789";
});

import { GET as metricsRoute } from "@/app/api/metrics/route";
import { db } from "@/lib/db";
import { JOB_SCHEMA, QUEUES, stopBoss, traced } from "@/lib/jobs/boss";
import { observeHttpRequests } from "@/lib/observability/http";
import { requestMailFlush } from "@/lib/mail/flush";
import { insertDueComplaints, makeSlaWorld, MINUTE } from "./sla-fixtures";

const TOKEN = "metrics-test-token-0123456789";
let server: Server;
let base = "";

beforeAll(async () => {
  observeHttpRequests();
  // A stand-in for a route that queues work: it asks for an outbox flush (e-mail and SMS) in the request's work
  // context.
  server = createServer((request, response) => {
    void requestMailFlush().then((queued) => response.writeHead(queued ? 202 : 500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await stopBoss();
});

const scrape = (authorization?: string) =>
  metricsRoute(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

/** The value of one series (`name{labels} value`), or null when the scrape lacks it. */
function series(text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split("\n")) {
    const match = line.match(/^(\w+)(?:\{([^}]*)\})? (\S+)$/);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return null;
}

describe("/api/metrics", () => {
  it("refuses a scrape without the bearer token or with a wrong one", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer not-the-token-0123456789")).status).toBe(401);
    expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401);
  });

  it("reports request durations by route, queue depth and age, SLA lag, outbox, SMS and webhook backlogs and the pool", async () => {
    const now = Date.now();
    // Backlogs: an e-mail and an SMS waiting for five minutes, a webhook delivery waiting, an SMS held by quiet hours.
    await db.outboundEmail.create({
      data: { to: "wait@test.example", subject: "s", text: "t", kind: "reply", createdAt: new Date(now - 5 * MINUTE) },
    });
    await db.outboundSms.createMany({
      data: [
        {
          to: "+8613900000002",
          text: "due",
          kind: "reply",
          encoding: "ucs2",
          segments: 1,
          notBefore: new Date(now - 5 * MINUTE),
          createdAt: new Date(now - 5 * MINUTE),
        },
        {
          to: "+8613900000003",
          text: "quiet hours",
          kind: "reply",
          encoding: "ucs2",
          segments: 1,
          notBefore: new Date(now + 8 * 60 * MINUTE),
        },
      ],
    });
    const webhook = await db.webhook.create({
      data: { url: "https://example.com/hook", events: ["complaint.created"], secret: "whsec_m" },
      select: { id: true },
    });
    await db.webhookDelivery.create({
      data: { webhookId: webhook.id, event: "complaint.created", payload: {}, createdAt: new Date(now - 2 * MINUTE) },
    });
    // An SLA breach due ten minutes ago that no sweep has recorded yet.
    const world = await makeSlaWorld();
    await insertDueComplaints(world, 1, [{ kind: "resolution", dueAt: new Date(now - 10 * MINUTE) }]);

    // A request through an observed HTTP server: it gets a request id, and the job it queues carries that id.
    const response = await fetch(`${base}/complaints/CMP-2026-000123?tab=timeline`, {
      headers: { "x-request-id": "feedc0de".repeat(4) },
    });
    expect(response.status).toBe(202);
    expect(response.headers.get("x-request-id")).toBe("feedc0de".repeat(4));
    const jobs = await db.$queryRawUnsafe<{ id: string; data: { requestId?: string } }[]>(
      `SELECT id, data FROM ${JOB_SCHEMA}.job WHERE name = $1`,
      QUEUES.smsFlush.name,
    );
    expect(jobs.map((job) => job.data)).toEqual([{ requestId: "feedc0de".repeat(4) }]);

    const scraped = await scrape(`Bearer ${TOKEN}`);
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await scraped.text();

    // The route label replaces the reference (bounded label set); the query string is not part of it.
    expect(
      series(text, "skyline_http_request_duration_seconds_count", {
        route: "/complaints/:reference",
        method: "GET",
        status: "202",
      }),
    ).toBe(1);
    expect(series(text, "skyline_job_queue_depth", { queue: QUEUES.smsFlush.name, state: "created" })).toBe(1);
    expect(
      series(text, "skyline_job_queue_oldest_age_seconds", { queue: QUEUES.smsFlush.name, state: "created" }),
    ).toBeGreaterThanOrEqual(0);
    expect(series(text, "skyline_sla_sweep_due_clocks")).toBe(1);
    expect(series(text, "skyline_sla_sweep_lag_seconds")).toBeGreaterThanOrEqual(9 * 60);
    expect(series(text, "skyline_outbox_pending_emails")).toBe(1);
    expect(series(text, "skyline_outbox_oldest_age_seconds")).toBeGreaterThanOrEqual(4.5 * 60);
    expect(series(text, "skyline_outbox_pending_sms")).toBe(2);
    // Counted from when the SMS may go: the one held by quiet hours is not "late".
    expect(series(text, "skyline_outbox_oldest_sms_age_seconds")).toBeGreaterThanOrEqual(4.5 * 60);
    expect(series(text, "skyline_outbox_oldest_sms_age_seconds")).toBeLessThan(60 * 60);
    expect(series(text, "skyline_webhook_pending_deliveries")).toBe(1);
    expect(series(text, "skyline_webhook_oldest_age_seconds")).toBeGreaterThanOrEqual(1.5 * 60);
    expect(series(text, "skyline_db_pool_connections", { pool: "primary", state: "total" })).toBeGreaterThanOrEqual(1);
    // Without DATABASE_REPLICA_URL there is no replica series (tests/integration/read-replica.test.ts covers one).
    expect(series(text, "skyline_db_replica_lag_seconds")).toBeNull();
    expect(series(text, "skyline_db_replica_up")).toBeNull();
    expect(text).toMatch(/^# TYPE skyline_db_replica_lag_seconds gauge$/m);
  });

  it("runs a queued job in its request's context: the job's log lines carry the request id", async () => {
    const [job] = await db.$queryRawUnsafe<{ id: string; data: object }[]>(
      `SELECT id, data FROM ${JOB_SCHEMA}.job WHERE name = $1`,
      QUEUES.smsFlush.name,
    );
    expect(job).toBeDefined();
    const lines: string[] = [];
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const { logger, setLogLevel } = await import("@/lib/observability/log");
      setLogLevel("debug");
      await traced(QUEUES.smsFlush.name, async () => logger.info("flushing"))([
        { id: job!.id, name: QUEUES.smsFlush.name, data: job!.data } as never,
      ]);
      setLogLevel("info");
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.map((entry) => entry.msg)).toEqual(["job started", "flushing", "job finished"]);
    for (const entry of entries)
      expect(entry).toMatchObject({ requestId: "feedc0de".repeat(4), job: QUEUES.smsFlush.name, jobId: job!.id });
  });
});
