// Two `next start` instances behind nginx (deploy/nginx/skyline-proxy.conf, round robin, no sticky sessions): a user
// signs in through one and carries on through the other; one instance is killed mid-run; the user sees at most one
// failed (retried) request, and the background jobs (outbox e-mail, webhooks, SLA sweep) carry on on the survivor,
// each effect exactly once. Runs on its own copy of the seeded e2e data (scripts/test.ts: SKYLINE_E2E_LB_DATABASE_URL).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../prisma/seed/demo-logins";
import { caughtMailTo, expect, test } from "./fixtures";

const NGINX = "/usr/sbin/nginx";
const ROOT = path.resolve(__dirname, "..", "..");
// Ports 3807x: nginx, instance A, instance B, the webhook receiver.
const LB_PORT = 38070;
const INSTANCE_PORTS = { A: 38071, B: 38072 } as const;
const RECEIVER_PORT = 38073;
const LB = `http://127.0.0.1:${LB_PORT}`;
type Instance = keyof typeof INSTANCE_PORTS;

const databaseUrl = process.env.SKYLINE_E2E_LB_DATABASE_URL;
const METRICS_TOKEN = "load-balancer-metrics-token-0123456789";

test.skip(!databaseUrl, "SKYLINE_E2E_LB_DATABASE_URL is set by scripts/test.ts");
test.skip(
  !existsSync(NGINX),
  "nginx is not installed (apt-get install nginx; scripts/test.sh and .ci/run install it as root)",
);

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function upstreamOf(headers: Record<string, string>): Instance | null {
  const addr = headers["x-skyline-upstream"] ?? "";
  // After a failed attempt nginx lists every upstream it tried ("127.0.0.1:38071, 127.0.0.1:38072"): the last served.
  const last = addr.split(",").pop()?.trim() ?? "";
  if (last.endsWith(`:${INSTANCE_PORTS.A}`)) return "A";
  if (last.endsWith(`:${INSTANCE_PORTS.B}`)) return "B";
  return null;
}

const instances = new Map<Instance, ChildProcess>();
let nginx: ChildProcess | null = null;
let nginxDir = "";
let receiver: http.Server | null = null;
const received: { delivery: string; event: string; reference: string }[] = [];

function startInstance(name: Instance) {
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(INSTANCE_PORTS[name])], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: LB,
      APP_URL: LB,
      JOBS_ENABLED: "true",
      METRICS_TOKEN,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[instance ${name}] ${chunk.toString()}`));
  instances.set(name, child);
}

function startNginx() {
  nginxDir = mkdtempSync(path.join(os.tmpdir(), "skyline-nginx-"));
  chmodSync(nginxDir, 0o755);
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    mkdirSync(path.join(nginxDir, sub));
    chmodSync(path.join(nginxDir, sub), 0o777); // nginx's workers run as an unprivileged user when started as root
  }
  const config = `
daemon off;
worker_processes 1;
pid ${nginxDir}/nginx.pid;
error_log ${nginxDir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${nginxDir}/access.log;
  client_body_temp_path ${nginxDir}/body;
  proxy_temp_path ${nginxDir}/proxy;
  fastcgi_temp_path ${nginxDir}/fastcgi;
  uwsgi_temp_path ${nginxDir}/uwsgi;
  scgi_temp_path ${nginxDir}/scgi;
  upstream skyline {
    server 127.0.0.1:${INSTANCE_PORTS.A} max_fails=1 fail_timeout=10s;
    server 127.0.0.1:${INSTANCE_PORTS.B} max_fails=1 fail_timeout=10s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${LB_PORT};
    add_header X-Skyline-Upstream $upstream_addr always;
    include ${path.join(ROOT, "deploy", "nginx", "skyline-proxy.conf")};
  }
}
`;
  writeFileSync(path.join(nginxDir, "nginx.conf"), config);
  nginx = spawn(NGINX, ["-p", nginxDir, "-c", path.join(nginxDir, "nginx.conf")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  nginx.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[nginx] ${chunk.toString()}`));
}

function startReceiver() {
  receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const payload = JSON.parse(body) as { event: string; complaint: { reference: string } };
      received.push({
        delivery: String(request.headers["x-skyline-delivery"]),
        event: payload.event,
        reference: payload.complaint.reference,
      });
      response.writeHead(204).end();
    });
  });
  receiver.listen(RECEIVER_PORT, "127.0.0.1");
}

/** An API token for the admin, made the way lib/api-tokens/token.ts makes them (only the SHA-256 is stored). */
async function makeApiToken() {
  const prefix = randomBytes(4).toString("hex");
  const token = `sk_${prefix}_${randomBytes(32).toString("hex")}`;
  const [admin] = await query<{ id: number }>(`SELECT id FROM users WHERE email = $1`, [
    DEMO_LOGINS.find((login) => login.role === "admin")?.email,
  ]);
  await query(
    `INSERT INTO api_tokens (name, prefix, "tokenHash", permissions, "createdById") VALUES ('load balancer test', $1, $2, $3, $4)`,
    [
      prefix,
      createHash("sha256").update(token).digest("hex"),
      ["complaint.read", "complaint.read_all", "complaint.create"],
      admin?.id,
    ],
  );
  return token;
}

test.describe("two instances behind nginx", () => {
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // A webhook to the local receiver for every complaint event (private targets allowed, as an intranet install
    // would).
    await query(`INSERT INTO settings (key, value, "updatedAt") VALUES ('webhooks.allowPrivateNetworks', 'true', now())
                 ON CONFLICT (key) DO UPDATE SET value = 'true', "updatedAt" = now()`);
    await query(`INSERT INTO webhooks (url, events, secret, active, "updatedAt") VALUES ($1, $2, $3, true, now())`, [
      `http://127.0.0.1:${RECEIVER_PORT}/hook`,
      ["complaint.created", "complaint.escalated"],
      randomBytes(32).toString("hex"),
    ]);
    startReceiver();
    startInstance("A");
    startInstance("B");
    for (const name of ["A", "B"] as const) {
      await waitFor(
        `instance ${name}`,
        async () => (await fetch(`http://127.0.0.1:${INSTANCE_PORTS[name]}/api/health`)).ok,
        120_000,
      );
    }
    startNginx();
    await waitFor("nginx", async () => (await fetch(`${LB}/api/health`)).ok, 20_000);
  });

  test.afterAll(async () => {
    for (const child of instances.values()) child.kill("SIGKILL");
    nginx?.kill("SIGTERM");
    await new Promise((resolve) => receiver?.close(resolve) ?? resolve(null));
    if (nginxDir) rmSync(nginxDir, { recursive: true, force: true });
  });

  test("a session moves between instances, survives losing one, and jobs run once on the survivor", async ({
    browser,
  }) => {
    test.setTimeout(360_000);
    const context = await browser.newContext({ baseURL: LB });
    const page = await context.newPage();
    const agent = DEMO_LOGINS.find((login) => login.role === "agent");
    if (!agent) throw new Error("no demo agent");

    // 1. Sign in through the balancer, then keep working: round robin sends the pages to both instances.
    const csrf = await page.request.get("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: agent.email, password: DEMO_PASSWORD, json: "true", callbackUrl: "/" },
    });
    expect(signIn.ok()).toBeTruthy();
    const signedInOn = upstreamOf(signIn.headers());
    expect(signedInOn).not.toBeNull();
    const servedBy = new Set<Instance>();
    for (let i = 0; i < 4; i++) {
      const response = await page.goto("/complaints");
      expect(response?.status()).toBe(200);
      await expect(page).toHaveURL(/\/complaints$/); // not bounced to the sign-in page
      const instance = upstreamOf(response?.headers() ?? {});
      if (instance) servedBy.add(instance);
    }
    expect(
      [...servedBy].filter((instance) => instance !== signedInOn),
      "pages served by the instance the user did not sign in on",
    ).not.toEqual([]);

    // 2. An API client creates complaints through the balancer; instance A is killed (SIGKILL) while a request is in
    // flight. Each request that fails is retried once; at most one may fail, and every retry must succeed.
    const token = await makeApiToken();
    const [refs] = await query<{ channel: number; severity: number }>(
      `SELECT (SELECT id FROM channels ORDER BY id LIMIT 1) AS channel, (SELECT id FROM severities ORDER BY id LIMIT 1) AS severity`,
    );
    const stamp = Date.now().toString(36);
    const create = (i: number) =>
      fetch(`${LB}/api/v1/complaints`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          customer: { name: `负载 Balancer ${i}`, email: `lb-${stamp}-${i}@example.com`, locale: "zh-CN" },
          channelId: refs?.channel,
          severityId: refs?.severity,
          subject: `Load balancer run ${stamp} #${i}`,
          description: "Created through nginx while one instance is killed.",
        }),
      }).then(
        async (response) =>
          response.status === 201 ? ((await response.json()) as { data: { reference: string } }).data.reference : null,
        () => null,
      );
    const references: string[] = [];
    let failures = 0;
    for (let i = 0; i < 12; i++) {
      const attempt = create(i);
      if (i === 5) instances.get("A")?.kill("SIGKILL");
      let reference = await attempt;
      if (!reference) {
        failures += 1;
        reference = await create(i); // the user's one retry
      }
      expect(reference, `request ${i} after its retry`).not.toBeNull();
      if (reference) references.push(reference);
      // Reads keep working too, whichever instance the balancer picks.
      const list = await fetch(`${LB}/api/v1/complaints`, { headers: { authorization: `Bearer ${token}` } });
      if (!list.ok) failures += 1;
    }
    expect(failures, "requests that failed and had to be retried").toBeLessThanOrEqual(1);
    // A retried POST may have committed the first time too (nginx does not replay it): count what exists.
    const created = await query<{ reference: string }>(`SELECT reference FROM complaints WHERE subject LIKE $1`, [
      `Load balancer run ${stamp} #%`,
    ]);
    expect(created.length).toBeGreaterThanOrEqual(12);
    expect(created.length).toBeLessThanOrEqual(12 + failures);

    // 3. The browser session carries on through the survivor.
    for (let i = 0; i < 2; i++) {
      const response = await page.goto("/complaints");
      expect(response?.status()).toBe(200);
      await expect(page).toHaveURL(/\/complaints$/);
      expect(upstreamOf(response?.headers() ?? {})).toBe("B");
    }

    // Every answer carries the request id nginx made ($request_id, 32 hex digits), which the app logs and hands to
    // jobs.
    const traced = await fetch(`${LB}/api/health`);
    expect(traced.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);

    // The survivor's /api/metrics (Prometheus text; bearer token): request durations by route, backlogs, pool use.
    expect((await fetch(`http://127.0.0.1:${INSTANCE_PORTS.B}/api/metrics`)).status).toBe(401);
    const scrape = await fetch(`http://127.0.0.1:${INSTANCE_PORTS.B}/api/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(scrape.status).toBe(200);
    const text = await scrape.text();
    expect(text).toMatch(/skyline_http_request_duration_seconds_count\{[^}]*route="\/complaints"[^}]*\} [1-9]/);
    expect(text).toMatch(
      /skyline_http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/complaints"[^}]*method="POST"[^}]*\} [1-9]/,
    );
    for (const name of [
      "skyline_outbox_pending_emails",
      "skyline_webhook_pending_deliveries",
      "skyline_sla_sweep_lag_seconds",
      "skyline_db_pool_connections",
    ]) {
      expect(text, name).toMatch(new RegExp(`^${name}(\\{[^}]*\\})? \\d`, "m"));
    }

    // 4. Jobs on the survivor: every acknowledgement e-mail sent once, every complaint.created webhook delivered once.
    const all = created.map((row) => row.reference);
    await waitFor(
      "acknowledgement e-mails",
      async () => {
        const rows = await query<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbound_emails WHERE "to" LIKE $1 AND status = 'sent'`,
          [`lb-${stamp}-%`],
        );
        return (rows[0]?.n ?? 0) >= all.length;
      },
      150_000, // a flush that was running on the killed instance blocks the queue until it expires (60 s + maintenance)
    );
    // SMTP is at-least-once across a crash: an e-mail is claimed (row lock) and handed to the server in one
    // transaction,
    // so the one the killed instance had in flight may be sent again by the survivor after the lock is released. At
    // most
    // that one e-mail may arrive twice; every other is delivered exactly once (docs/decisions.md, 2026-12-07).
    let duplicates = 0;
    for (let i = 0; i < 12; i++) {
      const mails = await caughtMailTo(`lb-${stamp}-${i}@example.com`);
      expect(mails.length, `e-mails caught for complaint #${i}`).toBeGreaterThanOrEqual(1);
      const [outbox] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM outbound_emails WHERE "to" = $1`, [
        `lb-${stamp}-${i}@example.com`,
      ]);
      expect(mails.length, `each outbox e-mail of complaint #${i} delivered`).toBeGreaterThanOrEqual(outbox?.n ?? 1);
      duplicates += mails.length - (outbox?.n ?? 0);
    }
    expect(
      duplicates,
      "e-mails delivered twice (only the one in flight on the killed instance may be)",
    ).toBeLessThanOrEqual(1);
    await waitFor(
      "complaint.created webhooks",
      async () =>
        all.every((reference) =>
          received.some((hit) => hit.reference === reference && hit.event === "complaint.created"),
        ),
      150_000,
    );

    // 5. The SLA sweep on the survivor: make the clocks of three complaints overdue; each breaches exactly once.
    const overdue = all.slice(0, 3);
    await query(
      `UPDATE sla_clocks SET "dueAt" = now() - interval '1 minute', "warnAt" = now() - interval '2 minutes'
        WHERE "complaintId" IN (SELECT id FROM complaints WHERE reference = ANY($1)) AND "fulfilledAt" IS NULL`,
      [overdue],
    );
    const clocks = await query<{ id: number }>(
      `SELECT id FROM sla_clocks WHERE "complaintId" IN (SELECT id FROM complaints WHERE reference = ANY($1)) AND "fulfilledAt" IS NULL`,
      [overdue],
    );
    expect(clocks.length).toBeGreaterThan(0);
    await waitFor(
      "SLA breaches",
      async () => {
        const rows = await query<{ n: number }>(
          `SELECT count(DISTINCT "clockId")::int AS n FROM sla_events WHERE kind = 'breached' AND "clockId" = ANY($1)`,
          [clocks.map((clock) => clock.id)],
        );
        return (rows[0]?.n ?? 0) === clocks.length;
      },
      180_000,
    );
    // Give a second sweep (the next minute's schedule) the chance to double anything, then count.
    await page.waitForTimeout(5_000);
    const breaches = await query<{ clockId: number; n: number }>(
      `SELECT "clockId", count(*)::int AS n FROM sla_events WHERE kind = 'breached' AND "clockId" = ANY($1) GROUP BY "clockId"`,
      [clocks.map((clock) => clock.id)],
    );
    expect(
      breaches.every((row) => row.n === 1),
      JSON.stringify(breaches),
    ).toBe(true);

    // Every webhook delivery reached the receiver exactly once (the escalations' too, where the breach escalated).
    const counts = new Map<string, number>();
    for (const hit of received) counts.set(hit.delivery, (counts.get(hit.delivery) ?? 0) + 1);
    expect(
      [...counts.entries()].filter(([, n]) => n !== 1),
      "webhook deliveries sent more than once",
    ).toEqual([]);
    const sent = await query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'sent'`);
    expect(counts.size).toBeGreaterThanOrEqual(sent[0]?.n ?? 0);
    await context.close();
  });
});
