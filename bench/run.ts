// `npx tsx bench/run.ts [--seconds 20] [--connections 10] [--only create,queue,…]`
// Runs every scenario against the production build (`next start`) on loopback with autocannon, then the same database
// work as bare SQL (the ceiling), and prints req/s, p50/p95/p99, errors and app ÷ ceiling. Results: bench/results/.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { databaseUrl, startDatabaseServer } from "../scripts/lib/postgres";
import { BENCH_APP_PORT, BENCH_DB, BENCH_PG_DIR, BENCH_PG_PORT, RESULTS_DIR } from "./lib/config";
import { buildApp, createApiToken, signIn, startApp } from "./lib/app";
import {
  createCeiling,
  dashboardCeiling,
  queueCeiling,
  searchCeiling,
  workspaceCeiling,
  type CreationShape,
  type QueueActor,
} from "./lib/ceilings";
import { runHttp, type HttpScenario } from "./lib/http";
import { closedLoop, type Stats } from "./lib/measure";
import { answeredCount, prepareSurveys, surveyScenario } from "./lib/survey";
import { TARGETS, verdict } from "./lib/targets";
import { DASHBOARD_PATH } from "./lib/paths";

const SEARCH_TERMS = { zh: "行李", en: "delayed" } as const;

function option(name: string, fallback: string) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

function say(message: string) {
  process.stdout.write(`[bench] ${message}\n`);
}

type ScenarioResult = {
  name: string;
  app: Stats;
  ceiling?: Stats;
  ratio?: number;
  target?: string;
  met?: boolean | null;
};

const randomOf = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

async function main() {
  const seconds = Number(option("seconds", "20"));
  const connections = Number(option("connections", "10"));
  const only = option("only", "").split(",").filter(Boolean);
  const wanted = (name: string) => only.length === 0 || only.some((prefix) => name.startsWith(prefix));

  const server = await startDatabaseServer(BENCH_PG_DIR, BENCH_PG_PORT);
  const url = databaseUrl(server.adminUrl, BENCH_DB);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection cut when the bench server stops at the end must not crash the run after its results.
  pool.on("error", () => undefined);
  const results: ScenarioResult[] = [];
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  try {
    const size = await pool.query<{ complaints: number; customers: number }>(
      `SELECT (SELECT count(*) FROM complaints)::int AS complaints, (SELECT count(*) FROM customers)::int AS customers`,
    );
    const { complaints, customers } = size.rows[0]!;
    say(`database: ${complaints} complaints, ${customers} customers`);
    if (complaints < 1000)
      throw new Error("The bench database is empty: run `npx tsx bench/generate.ts --complaints 20000` first.");

    say("building (if sources changed) and starting next start…");
    await buildApp(url, BENCH_APP_PORT);
    app = await startApp(url, BENCH_APP_PORT);
    const agentCookie = await signIn(app.url, "agent@skyline.example");
    const managerCookie = await signIn(app.url, "manager@skyline.example");

    // Inputs: the demo agent (team 1), references the agent may open, customers, reference ids of a valid creation.
    const agent = await pool.query<{ id: number; teams: number[] }>(
      `SELECT u.id, array_agg(m."teamId") AS teams FROM users u JOIN team_memberships m ON m."userId" = u.id WHERE u.email = 'agent@skyline.example' GROUP BY u.id`,
    );
    const actor: QueueActor = { userId: agent.rows[0]!.id, teamIds: agent.rows[0]!.teams };
    const references = (
      await pool.query<{ reference: string }>(
        `SELECT reference FROM complaints TABLESAMPLE SYSTEM (2) WHERE "teamId" = ANY($1) LIMIT 2000`,
        [actor.teamIds],
      )
    ).rows.map((row) => row.reference);
    const shape = (
      await pool.query<CreationShape>(
        `SELECT (SELECT id FROM channels WHERE code = 'phone') AS "channelId", (SELECT id FROM severities WHERE code = 'yellow') AS "severityId",
                (SELECT id FROM categories WHERE code = 'BAG') AS "categoryId", (SELECT id FROM categories WHERE code = 'BAG-LOST') AS "subcategoryId",
                $1::int AS "teamId", (SELECT id FROM sla_policies WHERE code = 'airline-phone') AS "policyId",
                (SELECT "calendarId" FROM sla_policies WHERE code = 'airline-phone') AS "calendarId", 0 AS "customerId"`,
        [actor.teamIds[0]],
      )
    ).rows[0]!;
    const customerIds = (
      await pool.query<{ id: number }>(`SELECT id FROM customers TABLESAMPLE SYSTEM (5) LIMIT 5000`)
    ).rows.map((row) => row.id);
    // The API allows 600 requests a minute per token: spread the create load over enough tokens.
    const tokens = await Promise.all(Array.from({ length: 40 }, (_, index) => createApiToken(pool, `bench-${index}`)));

    const createBody = () =>
      JSON.stringify({
        customer: { id: randomOf(customerIds) },
        channelId: shape.channelId,
        severityId: shape.severityId,
        categoryId: shape.categoryId,
        subcategoryId: shape.subcategoryId,
        subject: "行李破损：CA1234 北京航班",
        description: "托运的行李到达后发现拉杆损坏，外壳有明显裂痕，要求赔偿。",
      });
    let tokenIndex = 0;
    const scenarios: { name: string; http: HttpScenario; ceiling?: (iteration: number) => Promise<void> }[] = [
      {
        name: "create complaint (API)",
        http: {
          method: "POST",
          headers: { "content-type": "application/json" },
          next: () => ({
            path: "/api/v1/complaints",
            body: createBody(),
            headers: { authorization: `Bearer ${tokens[tokenIndex++ % tokens.length]}` },
          }),
          ok: (status) => status === 201,
        },
        ceiling: (iteration) => createCeiling(pool, { ...shape, customerId: randomOf(customerIds) }, iteration),
      },
      {
        name: "queue first page",
        http: { headers: { cookie: agentCookie }, next: () => ({ path: "/complaints" }) },
        ceiling: () => queueCeiling(pool, actor),
      },
      {
        name: "complaint workspace",
        http: { headers: { cookie: agentCookie }, next: () => ({ path: `/complaints/${randomOf(references)}` }) },
        ceiling: () => workspaceCeiling(pool, actor, randomOf(references)),
      },
      {
        name: `search zh "${SEARCH_TERMS.zh}"`,
        http: {
          headers: { cookie: agentCookie },
          next: () => ({ path: `/complaints?queue=all&q=${encodeURIComponent(SEARCH_TERMS.zh)}` }),
        },
        ceiling: () => searchCeiling(pool, actor, SEARCH_TERMS.zh),
      },
      {
        name: `search en "${SEARCH_TERMS.en}"`,
        http: {
          headers: { cookie: agentCookie },
          next: () => ({ path: `/complaints?queue=all&q=${SEARCH_TERMS.en}` }),
        },
        ceiling: () => searchCeiling(pool, actor, SEARCH_TERMS.en),
      },
      {
        name: "manager dashboard",
        http: { headers: { cookie: managerCookie }, next: () => ({ path: DASHBOARD_PATH }) },
        ceiling: () => dashboardCeiling(pool),
      },
    ];

    for (const scenario of scenarios.filter((candidate) => wanted(candidate.name))) {
      say(`${scenario.name}: app (${connections} connections, ${seconds} s)…`);
      await runHttp(app.url, scenario.http, 2, 2); // warm-up: compile caches, connection pool
      const appStats = await runHttp(app.url, scenario.http, connections, seconds);
      let ceiling: Stats | undefined;
      if (scenario.ceiling) {
        say(`${scenario.name}: ceiling (bare SQL, ${connections} concurrent, ${seconds} s)…`);
        ceiling = await closedLoop(connections, seconds, scenario.ceiling);
      }
      results.push(withVerdict(scenario.name, appStats, ceiling));
      printRow(results[results.length - 1]!);
    }

    if (wanted("survey")) {
      const surveys = await prepareSurveys(pool, 20_000);
      say(`public survey submit: app (${connections} connections, ${seconds} s)…`);
      const since = new Date();
      const appStats = await runHttp(app.url, await surveyScenario(app.url, surveys), connections, seconds);
      // Every 200 must have recorded an answer: count the rows, so a refused submission counts as an error.
      const answered = await answeredCount(pool, since);
      appStats.errors += Math.max(0, appStats.requests - answered);
      results.push(withVerdict("public survey submit", appStats));
      printRow(results[results.length - 1]!);
    }
    // The ceiling's complaints (references CEIL-…) stay: deleting them cascades through a million-row database for
    // minutes, longer than the benchmark. They are unassigned and invisible to the agent's "My open" queue.
  } finally {
    if (results.length) writeResults(results, { seconds, connections });
    await app?.stop();
    await pool.end();
    await server.stop();
  }
}

function withVerdict(name: string, app: Stats, ceiling?: Stats): ScenarioResult {
  const target = TARGETS.find((candidate) => name.startsWith(candidate.scenario));
  const ratio = ceiling && ceiling.rps > 0 ? Math.round((app.rps / ceiling.rps) * 1000) / 1000 : undefined;
  return { name, app, ceiling, ratio, target: target?.text, met: target ? verdict(target, app, ratio) : null };
}

function printRow(result: ScenarioResult) {
  const { app, ceiling } = result;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  say(
    `${result.name.padEnd(26)} app ${app.rps.toFixed(1).padStart(7)} req/s  p50 ${ms(app.p50)}  p95 ${ms(app.p95)}  p99 ${ms(app.p99)}  errors ${app.errors}` +
      (ceiling
        ? ` | SQL ${ceiling.rps.toFixed(1)} req/s p95 ${ms(ceiling.p95)} | app ÷ ceiling ${((result.ratio ?? 0) * 100).toFixed(0)} %`
        : "") +
      (result.target ? ` | target ${result.target}: ${result.met ? "met" : "MISSED"}` : ""),
  );
}

function writeResults(results: ScenarioResult[], settings: { seconds: number; connections: number }) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const date = new Date().toISOString();
  const file = path.join(RESULTS_DIR, `${date.slice(0, 19).replace(/:/g, "-")}Z.json`);
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg(),
  };
  writeFileSync(file, `${JSON.stringify({ date, settings, machine, results }, null, 2)}\n`);
  say(`load average ${machine.loadAverage.map((value) => value.toFixed(2)).join(" ")} on ${machine.cpus} CPUs`);
  say(`results written to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
