// `npm run bench:dashboard [-- --loads 20]`: the manager dashboard's server loader (lib/kpi/dashboard.ts
// loadManagerDashboard) called in-process against the bench database — p50/p95 over N sequential loads for the 90-day
// view (the target) and a few other views — next to the bare SQL the 90-day view sends (bench/lib/ceilings.ts), timed
// in the same run. Results also go to bench/results/dashboard-<time>.json.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Actor } from "../lib/auth/permissions";
import { databaseUrl, startDatabaseServer } from "../scripts/lib/postgres";
import { dashboardCeiling } from "./lib/ceilings";
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
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const say = (line: string) => process.stdout.write(`[bench:dashboard] ${line}\n`);
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
    say(`target p95 ≤ 300 ms: ${target.p95 <= 300 ? "met" : "MISSED"}; app ÷ ceiling (p95) ${(ceiling.p95 / target.p95 * 100).toFixed(0)} %`);
    mkdirSync(RESULTS_DIR, { recursive: true });
    const date = new Date().toISOString();
    const file = path.join(RESULTS_DIR, `dashboard-${date.slice(0, 19).replace(/:/g, "-")}Z.json`);
    writeFileSync(file, `${JSON.stringify({ date, facts, loadAverage: os.loadavg(), results }, null, 2)}\n`);
    say(`load average ${os.loadavg().map((value) => value.toFixed(2)).join(" ")}; results written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await pool.end();
    await db.$disconnect();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:dashboard] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
