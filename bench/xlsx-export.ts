// `npm run bench:xlsx [-- --rows 100000]`: issue 19's streaming export. ROWS dashboard-like rows (a Chinese/English
// name, five numbers, one empty cell) are generated one at a time and written through lib/exports/xlsx (exceljs'
// streaming WorkbookWriter) to a file; prints rows, seconds, file size and peak RSS (sampled every 20 ms and the
// process's max RSS). With `--buffered` the rows are first collected in an array (as a whole-table export would)
// for comparison. Results also go to bench/results/.
import { createWriteStream, mkdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { writeXlsx, type SheetCell } from "../lib/exports/xlsx";
import { RESULTS_DIR } from "./lib/config";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? Number.NaN : Number(process.argv[index + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function* rows(count: number): Generator<SheetCell[]> {
  for (let index = 0; index < count; index++) {
    const name =
      index % 8 === 0
        ? `Passenger ${index} — baggage delayed at PEK`
        : `旅客 ${index} 行李延误（航班 CA${1000 + (index % 900)}）`;
    yield [
      name,
      index,
      (index * 37) % 1000,
      Math.round(((index * 7919) % 10000) / 7) / 100,
      index % 3 === 0 ? null : (index % 100) / 10,
      `2026-${String((index % 12) + 1).padStart(2, "0")}-15`,
      index % 5,
    ];
  }
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function main() {
  const count = option("rows", 100_000);
  const buffered = process.argv.includes("--buffered");
  const file = path.join(os.tmpdir(), `skyline-xlsx-bench-${process.pid}.xlsx`);
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const source = buffered ? [...rows(count)] : rows(count);
  const header = ["Name", "Handled", "FRT (min)", "Resolution (min)", "SLA %", "Day", "Reopened"];
  const output = createWriteStream(file);
  const closed = new Promise<void>((resolve, reject) => output.on("close", resolve).on("error", reject));
  await writeXlsx(output, "bench", header, source);
  await closed;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const result = {
    command: `npm run bench:xlsx -- --rows ${count}${buffered ? " --buffered" : ""}`,
    rows: count,
    mode: buffered ? "buffered rows" : "streamed rows",
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(count / seconds),
    fileMB: mb(statSync(file).size),
    baselineRssMB: mb(baseline),
    peakRssMB: mb(peak),
    maxRssMB: mb(process.resourceUsage().maxRSS * 1024),
    load: os.loadavg().map((value) => Math.round(value * 100) / 100),
    cpus: os.cpus().length,
    date: new Date().toISOString(),
  };
  unlinkSync(file);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, `xlsx-export-${Date.now()}.json`), `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
