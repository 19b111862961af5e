// Fills the dashboards' KPI facts (lib/kpi/refresh.ts) for a generated database, as the app's kpi.refresh job would
// over time: run by bench/generate.ts so that /dashboard is measured on complete data.
import { db } from "../lib/db";
import { refreshAllKpiFacts } from "../lib/kpi/refresh";

async function main() {
  const started = Date.now();
  const rows = await refreshAllKpiFacts(db, { limit: 20_000 });
  process.stdout.write(`[bench:generate] kpi facts: ${rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  await db.$disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:refresh-kpi] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
