// Brings the dashboards' data of a generated database up to date: the daily rollups over every generated fact, built
// in two transactions side by side (2 cores; the app's job builds them in one after an upgrade), then the kpi.refresh
// job for the complaints the generator did not cover (the seeded ones). Run by bench/generate.ts.
import { db } from "../lib/db";
import { addDays, reportDay } from "../lib/kpi/filters";
import { markRollupsBuilt, refreshAllKpiFacts } from "../lib/kpi/refresh";
import { rebuildRollupDays } from "../lib/kpi/rollup";

async function main() {
  let started = Date.now();
  const now = new Date();
  const [range] = await db.$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT min("createdAt") AS first, greatest(max("createdAt"), max("resolvedAt"), max("doneAt")) AS last FROM kpi_complaint_facts`;
  const days: string[] = [];
  if (range?.first && range.last) {
    for (let day = reportDay(range.first); day <= reportDay(range.last); day = addDays(day, 1)) days.push(day);
  }
  // Alternate 31-day blocks between the two builders so both get old (quiet) and recent (busy) months.
  const halves: string[][] = [[], []];
  days.forEach((day, index) => halves[Math.floor(index / 31) % 2]!.push(day));
  await db.kpiDailyRollup.deleteMany({});
  const written = await Promise.all(
    halves.map((half) =>
      db.$transaction((tx) => rebuildRollupDays(tx, half), { timeout: 30 * 60_000, maxWait: 10_000 }),
    ),
  );
  await db.$transaction((tx) => markRollupsBuilt(tx, now, written[0]! + written[1]!));
  process.stdout.write(
    `[bench:generate] daily rollups: ${written[0]! + written[1]!} rows over ${days.length} days in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  started = Date.now();
  const rows = await refreshAllKpiFacts(db, { limit: 20_000 });
  process.stdout.write(
    `[bench:generate] kpi.refresh job: ${rows} fact rows in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  await db.$disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench:refresh-kpi] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
