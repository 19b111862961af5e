// Brings the dashboards' data of a generated database up to date, as the app's kpi.refresh job would: the facts of
// complaints the generator did not cover (the seeded ones), then — as on the job's first run after an upgrade — the
// daily rollups in full. Run by bench/generate.ts.
import { db } from "../lib/db";
import { refreshAllKpiFacts } from "../lib/kpi/refresh";

async function main() {
  const started = Date.now();
  // The template may carry rollups of its seeded complaints only: make the job rebuild them over all facts.
  await db.kpiRefreshState.deleteMany({ where: { key: "daily_rollups" } });
  const rows = await refreshAllKpiFacts(db, { limit: 20_000 });
  const rollups = await db.kpiDailyRollup.count();
  process.stdout.write(
    `[bench:generate] kpi.refresh job: ${rows} fact rows, then ${rollups} daily rollup rows in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  await db.$disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:refresh-kpi] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
