// `npm run bench:loaders [-- --loads 20]`: the server loaders behind the two pages issue 6 sets targets for, called
// in-process against the bench database, p50/p95 over N sequential loads: the manager dashboard (lib/kpi/dashboard.ts
// loadManagerDashboard; 90 days is the target, a few other views for comparison) and the agent's queue first page
// (lib/complaints/queue.ts listQueue + queueCounts, "My open"), each next to the bare SQL it rests on
// (bench/lib/ceilings.ts), timed in the same run. Results also go to bench/results/loaders-<time>.json.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Actor } from "../lib/auth/permissions";
import { databaseUrl, startDatabaseServer } from "../scripts/lib/postgres";
import { dashboardCeiling, queueCeiling } from "./lib/ceilings";
import { BENCH_DB, BENCH_PG_DIR, BENCH_PG_PORT, BENCH_SECRET, RESULTS_DIR } from "./lib/config";
import { percentile } from "./lib/measure";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : (process.argv[index + 1] ?? fallback);
}

async function timeIt(loads: number, work: () => Promise<unknown>) {
  for (let warm = 0; warm < 2; warm++) await work();
  const times: number[] = [];
  for (let index = 0; index < loads; index++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return { loads, p50: round(percentile(times, 0.5)), p95: round(percentile(times, 0.95)), max: round(times.at(-1) ?? 0) };
}

async function main() {
  const loads = Number(option("loads", "20"));
  const server = await startDatabaseServer(BENCH_PG_DIR, BENCH_PG_PORT);
  const url = databaseUrl(server.adminUrl, BENCH_DB);
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= BENCH_SECRET;
  // Imported after DATABASE_URL is set: lib/db reads it when first loaded.
  const { db } = await import("../lib/db");
  const { permissionsOf } = await import("../lib/auth/permissions");
  const { loadManagerDashboard } = await import("../lib/kpi/dashboard");
  const { dashboardFilterSchema } = await import("../lib/kpi/filters");
  const { listQueue, queueCounts } = await import("../lib/complaints/queue");
  const { OPEN_STATUSES } = await import("../lib/complaints/transitions");
  const { queueFilterSchema } = await import("../lib/complaints/schema");
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection cut when the bench server stops at the end must not crash the run after its results.
  pool.on("error", () => undefined);
  const say = (line: string) => process.stdout.write(`[bench:loaders] ${line}\n`);
  try {
    const manager = await db.user.findFirstOrThrow({ where: { role: "manager", active: true }, select: { id: true } });
    const actor: Actor = { kind: "user", userId: manager.id, role: "manager", teamIds: [], permissions: permissionsOf("manager") };
    const [category, channel, team] = await Promise.all([
      db.category.findFirstOrThrow({ where: { parentId: null }, orderBy: { id: "asc" }, select: { id: true } }),
      db.channel.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } }),
      db.team.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } }),
    ]);
    const facts = await db.kpiComplaintFact.count();
    say(`${facts} complaints with KPI facts; ${loads} loads per view after 2 warm-ups`);
    const views: [string, Record<string, string>][] = [
      ["90 days (target ≤ 300 ms)", { preset: "90d" }],
      ["30 days", { preset: "30d" }],
      ["90 days, one team", { preset: "90d", team: String(team.id) }],
      ["90 days, category × channel (reads the facts)", { preset: "90d", category: String(category.id), channel: String(channel.id) }],
    ];
    const results: Record<string, unknown>[] = [];
    for (const [name, params] of views) {
      const filters = dashboardFilterSchema.parse(params);
      const stats = await timeIt(loads, () => loadManagerDashboard(actor, filters));
      results.push({ view: name, ...stats });
      say(`loadManagerDashboard ${name.padEnd(48)} p50 ${stats.p50} ms  p95 ${stats.p95} ms  max ${stats.max} ms`);
    }
    const ceiling = await timeIt(loads, () => dashboardCeiling(pool));
    results.push({ view: "bare SQL of the 90-day view (pg, in parallel)", ...ceiling });
    say(`bare SQL of the 90-day view (pg, all statements in parallel)      p50 ${ceiling.p50} ms  p95 ${ceiling.p95} ms  max ${ceiling.max} ms`);
    const target = results[0] as { p95: number };
    say(`dashboard target p95 ≤ 300 ms: ${target.p95 <= 300 ? "met" : "MISSED"}; bare SQL ÷ loader (p95) ${((ceiling.p95 / target.p95) * 100).toFixed(0)} %`);

    const { loadAgentDashboard, loadTeamDashboard } = await import("../lib/kpi/team");
    const staffActor = async (email: string): Promise<Actor> => {
      const row = await db.user.findFirstOrThrow({ where: { email }, select: { id: true, role: true, memberships: { select: { teamId: true } } } });
      return { kind: "user", userId: row.id, role: row.role, teamIds: row.memberships.map((m) => m.teamId), permissions: permissionsOf(row.role) };
    };
    const ninety = dashboardFilterSchema.parse({ preset: "90d" });
    for (const [name, load] of [
      ["supervisor team view, 90 days (loadTeamDashboard: tiles + agents' table)", async () => loadTeamDashboard(await staffActor("supervisor@skyline.example"), ninety)],
      ["agent's own view, 90 days (loadAgentDashboard: own + team tiles)", async () => loadAgentDashboard(await staffActor("agent@skyline.example"), ninety)],
    ] as const) {
      const stats = await timeIt(loads, load);
      results.push({ view: name, ...stats });
      say(`${name.padEnd(72)} p50 ${stats.p50} ms  p95 ${stats.p95} ms`);
    }

    const agentRow = await db.user.findFirstOrThrow({ where: { email: "agent@skyline.example" }, select: { id: true, role: true, memberships: { select: { teamId: true } } } });
    const agent: Actor = { kind: "user", userId: agentRow.id, role: agentRow.role, teamIds: agentRow.memberships.map((row) => row.teamId), permissions: permissionsOf(agentRow.role) };
    const open = await db.complaint.count({ where: { assigneeId: agent.userId, status: { in: [...OPEN_STATUSES] } } });
    const mine = queueFilterSchema.parse({ queue: "mine" });
    const queue = await timeIt(loads, () => Promise.all([listQueue(agent, mine), queueCounts(agent)]));
    results.push({ view: `agent queue first page ("My open", ${open} open)`, ...queue });
    say(`agent queue first page, "My open" (${open} open), listQueue + queueCounts  p50 ${queue.p50} ms  p95 ${queue.p95} ms  max ${queue.max} ms`);
    const queueSql = await timeIt(loads, () => queueCeiling(pool, { userId: agent.userId, teamIds: agent.teamIds }));
    results.push({ view: "bare SQL of the queue first page", ...queueSql });
    say(`bare SQL of the queue first page (pg, in parallel)                 p50 ${queueSql.p50} ms  p95 ${queueSql.p95} ms  max ${queueSql.max} ms`);
    say(`queue target p95 ≤ 50 ms: ${queue.p95 <= 50 ? "met" : "MISSED"}`);
    mkdirSync(RESULTS_DIR, { recursive: true });
    const date = new Date().toISOString();
    const file = path.join(RESULTS_DIR, `loaders-${date.slice(0, 19).replace(/:/g, "-")}Z.json`);
    writeFileSync(file, `${JSON.stringify({ date, facts, loadAverage: os.loadavg(), results }, null, 2)}\n`);
    say(`load average ${os.loadavg().map((value) => value.toFixed(2)).join(" ")}; results written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await pool.end();
    await db.$disconnect();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:loaders] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
