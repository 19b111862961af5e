// `npm run bench:loaders [-- --loads 20 --fact-loads 5]`: the server loaders behind the dashboards and the queue,
// called
// in-process against the bench database, p50/p95 over N sequential loads: every dashboard view issue 20 (target 5)
// names — the manager's 90 days, each filter dimension alone, pairs and a triple, the supervisor's dashboard and team
// view, the agent's own view — each also read from the facts alone (`source: "facts"`, alternating); and the agent's
// queue first page
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
  return {
    loads,
    p50: round(percentile(times, 0.5)),
    p95: round(percentile(times, 0.95)),
    max: round(times.at(-1) ?? 0),
  };
}

async function main() {
  const loads = Number(option("loads", "20"));
  // Facts-only loads per view (the path the views without a rollup grain took before): fewer, they are slow.
  const factLoads = Number(option("fact-loads", "5"));
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
    const actor: Actor = {
      kind: "user",
      userId: manager.id,
      role: "manager",
      teamIds: [],
      permissions: permissionsOf("manager"),
    };
    const [category, channel, team, tier, severity] = await Promise.all([
      db.category.findFirstOrThrow({ where: { parentId: null }, orderBy: { id: "asc" }, select: { id: true } }),
      db.channel.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } }),
      db.team.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } }),
      db.customerTier.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } }),
      db.severity.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } }),
    ]);
    const facts = await db.kpiComplaintFact.count();
    say(
      `${facts} complaints with KPI facts; ${loads} loads per view after 2 warm-ups; each view also read from the facts alone (source: facts), alternating`,
    );
    const staffActor = async (email: string): Promise<Actor> => {
      const row = await db.user.findFirstOrThrow({
        where: { email },
        select: { id: true, role: true, memberships: { select: { teamId: true } } },
      });
      return {
        kind: "user",
        userId: row.id,
        role: row.role,
        teamIds: row.memberships.map((m) => m.teamId),
        permissions: permissionsOf(row.role),
      };
    };
    const [supervisor, agentActor] = await Promise.all([
      staffActor("supervisor@skyline.example"),
      staffActor("agent@skyline.example"),
    ]);
    const { loadAgentDashboard, loadTeamDashboard } = await import("../lib/kpi/team");
    type Source = { source?: "facts" };
    const f = (params: Record<string, string>) => dashboardFilterSchema.parse({ preset: "90d", ...params });
    const ids = {
      team: String(team.id),
      category: String(category.id),
      channel: String(channel.id),
      tier: String(tier.id),
      severity: String(severity.id),
    };
    // Every filter dimension alone, pairs, a triple (facts), and each role's views (issue 20, target 5: p95 ≤ 300 ms).
    const views: [string, (options: Source) => Promise<unknown>][] = [
      ["manager, 90 days", (o) => loadManagerDashboard(actor, f({}), undefined, o)],
      [
        "manager, 30 days",
        (o) => loadManagerDashboard(actor, dashboardFilterSchema.parse({ preset: "30d" }), undefined, o),
      ],
      ...(Object.keys(ids) as (keyof typeof ids)[]).map((dim): [string, (options: Source) => Promise<unknown>] => [
        `manager, 90 days, one ${dim}`,
        (o) => loadManagerDashboard(actor, f({ [dim]: ids[dim] }), undefined, o),
      ]),
      [
        "manager, 90 days, category × channel",
        (o) => loadManagerDashboard(actor, f({ category: ids.category, channel: ids.channel }), undefined, o),
      ],
      [
        "manager, 90 days, team × severity",
        (o) => loadManagerDashboard(actor, f({ team: ids.team, severity: ids.severity }), undefined, o),
      ],
      [
        "manager, 90 days, tier × severity",
        (o) => loadManagerDashboard(actor, f({ tier: ids.tier, severity: ids.severity }), undefined, o),
      ],
      [
        "manager, 90 days, category × channel × severity",
        (o) =>
          loadManagerDashboard(
            actor,
            f({ category: ids.category, channel: ids.channel, severity: ids.severity }),
            undefined,
            o,
          ),
      ],
      ["supervisor's dashboard (their teams), 90 days", (o) => loadManagerDashboard(supervisor, f({}), undefined, o)],
      [
        "supervisor's dashboard, 90 days, category × channel",
        (o) => loadManagerDashboard(supervisor, f({ category: ids.category, channel: ids.channel }), undefined, o),
      ],
      ["supervisor team view (tiles + agents), 90 days", (o) => loadTeamDashboard(supervisor, f({}), undefined, o)],
      [
        "supervisor team view, 90 days, one category",
        (o) => loadTeamDashboard(supervisor, f({ category: ids.category }), undefined, o),
      ],
      ["manager team view (all agents), 90 days", (o) => loadTeamDashboard(actor, f({}), undefined, o)],
      ["agent's own view (own + team tiles), 90 days", (o) => loadAgentDashboard(agentActor, f({}), undefined, o)],
      [
        "agent's own view, 90 days, one category",
        (o) => loadAgentDashboard(agentActor, f({ category: ids.category }), undefined, o),
      ],
    ];
    const results: Record<string, unknown>[] = [];
    say(`${"view".padEnd(52)} ${"rollups p50 / p95".padEnd(22)} facts only p50 / p95   load`);
    for (const [name, load] of views) {
      // Alternating: one facts-only load after each normal one, so both see the same machine load.
      const normal: number[] = [];
      const factsOnly: number[] = [];
      for (let warm = 0; warm < 2; warm++) await load({});
      await load({ source: "facts" });
      for (let index = 0; index < loads; index++) {
        let started = performance.now();
        await load({});
        normal.push(performance.now() - started);
        if (index < factLoads) {
          started = performance.now();
          await load({ source: "facts" });
          factsOnly.push(performance.now() - started);
        }
      }
      const stats = (times: number[]) => {
        const sorted = [...times].sort((a, b) => a - b);
        return { p50: Math.round(percentile(sorted, 0.5)), p95: Math.round(percentile(sorted, 0.95)) };
      };
      const rollups = stats(normal);
      const fromFacts = stats(factsOnly);
      const load1 = os.loadavg()[0]!.toFixed(1);
      results.push({ view: name, loads, ...rollups, facts: fromFacts, loadAverage: load1, met: rollups.p95 <= 300 });
      say(
        `${name.padEnd(52)} ${`${rollups.p50} / ${rollups.p95} ms${rollups.p95 <= 300 ? "" : " (over 300)"}`.padEnd(22)} ${`${fromFacts.p50} / ${fromFacts.p95} ms`.padEnd(22)} ${load1}`,
      );
    }
    const ceiling = await timeIt(loads, () => dashboardCeiling(pool));
    results.push({ view: "bare SQL of the 90-day view (pg, in parallel)", ...ceiling });
    say(
      `bare SQL of the manager's 90-day view (pg, all statements in parallel)  p50 ${ceiling.p50} ms  p95 ${ceiling.p95} ms  max ${ceiling.max} ms`,
    );
    const over = results.filter((row) => row.met === false).map((row) => row.view);
    say(`dashboard target p95 ≤ 300 ms for every view: ${over.length === 0 ? "met" : `MISSED by ${over.join(", ")}`}`);

    const agentRow = await db.user.findFirstOrThrow({
      where: { email: "agent@skyline.example" },
      select: { id: true, role: true, memberships: { select: { teamId: true } } },
    });
    const agent: Actor = {
      kind: "user",
      userId: agentRow.id,
      role: agentRow.role,
      teamIds: agentRow.memberships.map((row) => row.teamId),
      permissions: permissionsOf(agentRow.role),
    };
    const open = await db.complaint.count({ where: { assigneeId: agent.userId, status: { in: [...OPEN_STATUSES] } } });
    const mine = queueFilterSchema.parse({ queue: "mine" });
    const queue = await timeIt(loads, () => Promise.all([listQueue(agent, mine), queueCounts(agent)]));
    results.push({ view: `agent queue first page ("My open", ${open} open)`, ...queue });
    say(
      `agent queue first page, "My open" (${open} open), listQueue + queueCounts  p50 ${queue.p50} ms  p95 ${queue.p95} ms  max ${queue.max} ms`,
    );
    const queueSql = await timeIt(loads, () => queueCeiling(pool, { userId: agent.userId, teamIds: agent.teamIds }));
    results.push({ view: "bare SQL of the queue first page", ...queueSql });
    say(
      `bare SQL of the queue first page (pg, in parallel)                 p50 ${queueSql.p50} ms  p95 ${queueSql.p95} ms  max ${queueSql.max} ms`,
    );
    say(`queue target p95 ≤ 50 ms: ${queue.p95 <= 50 ? "met" : "MISSED"}`);
    mkdirSync(RESULTS_DIR, { recursive: true });
    const date = new Date().toISOString();
    const file = path.join(RESULTS_DIR, `loaders-${date.slice(0, 19).replace(/:/g, "-")}Z.json`);
    writeFileSync(file, `${JSON.stringify({ date, facts, loadAverage: os.loadavg(), results }, null, 2)}\n`);
    say(
      `load average ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(" ")}; results written to ${path.relative(process.cwd(), file)}`,
    );
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
