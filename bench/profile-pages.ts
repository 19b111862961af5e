// `npx tsx bench/profile-pages.ts <workspace|queue|dashboard> [seconds]`: `next start` under `node --cpu-prof` on the
// bench database; one connection for 10 s, then 10 connections for the given seconds; prints req/s and latency of
// both and where the server's CPU went during the 10-connection phase (self time by package, top functions).
import pg from "pg";
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { summarizeProfile } from "./lib/cpu-profile";
import { appEnv, signIn } from "./lib/app";
import { BENCH_APP_PORT } from "./lib/config";
import { waitForHealthy } from "../scripts/lib/steps";
import { ROOT } from "../scripts/lib/paths";
import { runHttp } from "./lib/http";
const url = process.env.BENCH_DATABASE_URL ?? "postgresql://skyline:skyline@127.0.0.1:54920/skyline_bench";
const page = process.argv[2] ?? "workspace";
const seconds = Number(process.argv[3] ?? 20);
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const port = BENCH_APP_PORT;
  const child = spawn(
    process.execPath,
    [
      "--cpu-prof",
      "--cpu-prof-dir",
      path.resolve(process.env.PROFILE_DIR ?? `bench/results/profile-${page}`),
      path.join(ROOT, "node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...appEnv(url, port) },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const app = {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGINT");
      }),
  };
  await waitForHealthy(`${app.url}/api/health`, 90_000);
  try {
    const agent = await signIn(app.url, "agent@skyline.example");
    const manager = await signIn(app.url, "manager@skyline.example");
    const team = (
      await pool
        .query(
          `SELECT t."teamId" FROM team_memberships t JOIN users u ON u.id = t."userId" WHERE u.email = 'agent@skyline.example'`,
        )
        .catch(() => ({ rows: [] as { teamId: number }[] }))
    ).rows.map((r) => r.teamId);
    const refs = (
      await pool.query<{ reference: string }>(
        `SELECT reference FROM complaints TABLESAMPLE SYSTEM (2) WHERE "teamId" = ANY($1) LIMIT 2000`,
        [team.length ? team : [1]],
      )
    ).rows.map((r) => r.reference);
    const pick = () => refs[Math.floor(Math.random() * refs.length)]!;
    const scenario =
      page === "workspace"
        ? { headers: { cookie: agent }, next: () => ({ path: `/complaints/${pick()}` }) }
        : page === "queue"
          ? { headers: { cookie: agent }, next: () => ({ path: `/complaints?queue=mine` }) }
          : { headers: { cookie: manager }, next: () => ({ path: `/dashboard?preset=90d` }) };
    // warm-up
    await runHttp(app.url, scenario, 2, 5);
    const one = await runHttp(app.url, scenario, 1, 10);
    const ten = await runHttp(app.url, scenario, 10, seconds);
    say(
      JSON.stringify({
        page,
        refs: refs.length,
        one: { rps: one.rps, p50: one.p50, p95: one.p95, errors: one.errors, statuses: one.statuses },
        ten: { rps: ten.rps, p50: ten.p50, p95: ten.p95, errors: ten.errors, statuses: ten.statuses },
      }),
    );
  } finally {
    await app.stop();
    await pool.end();
  }
  const dir = path.resolve(process.env.PROFILE_DIR ?? `bench/results/profile-${page}`);
  const file = readdirSync(dir)
    .filter((name) => name.endsWith(".cpuprofile"))
    .sort()
    .at(-1);
  if (!file) return;
  // The 10-connection phase: the last `seconds` before the shutdown (about a second).
  const summary = summarizeProfile(path.join(dir, file), { lastSeconds: seconds, tailSeconds: 1 });
  say(`CPU during the 10-connection phase: ${summary.totalMs} ms sampled`);
  for (const row of summary.buckets)
    say(`${String(row.ms).padStart(7)} ms ${(row.share * 100).toFixed(1).padStart(5)} %  ${row.name}`);
  say("top functions (self time):");
  for (const row of summary.functions)
    say(`${String(row.ms).padStart(7)} ms ${(row.share * 100).toFixed(1).padStart(5)} %  ${row.name}`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
