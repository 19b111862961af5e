// `npx tsx bench/lighthouse.ts`: Lighthouse (performance, accessibility) in Debian Chromium for the login page, the
// agent queue and the manager's dashboard, signed in through a session cookie; production build on the bench database.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { databaseUrl, startDatabaseServer } from "../scripts/lib/postgres";
import { bin } from "../scripts/lib/steps";
import { BENCH_APP_PORT, BENCH_DB, BENCH_PG_DIR, BENCH_PG_PORT } from "./lib/config";
import { buildApp, signIn, startApp } from "./lib/app";
import { DASHBOARD_PATH } from "./lib/paths";

const run = promisify(execFile);
const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";

export type LighthouseRow = {
  page: string;
  path: string;
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
};

async function audit(
  url: string,
  cookie: string | null,
): Promise<{ performance: number; accessibility: number; lcpMs: number; tbtMs: number }> {
  const dir = path.join(os.tmpdir(), `lh-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, "report.json");
  const args = [
    url,
    "--quiet",
    "--output=json",
    `--output-path=${out}`,
    "--only-categories=performance,accessibility",
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    "--form-factor=desktop",
    "--screenEmulation.disabled",
    "--throttling-method=provided",
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  await run(bin("lighthouse"), args, { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(readFileSync(out, "utf8")) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
  };
  rmSync(dir, { recursive: true, force: true });
  const score = (name: string) => Math.round((report.categories[name]?.score ?? 0) * 100);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    lcpMs: Math.round(report.audits["largest-contentful-paint"]?.numericValue ?? 0),
    tbtMs: Math.round(report.audits["total-blocking-time"]?.numericValue ?? 0),
  };
}

export async function runLighthouse(): Promise<LighthouseRow[]> {
  const server = await startDatabaseServer(BENCH_PG_DIR, BENCH_PG_PORT);
  const url = databaseUrl(server.adminUrl, BENCH_DB);
  await buildApp(url, BENCH_APP_PORT);
  const app = await startApp(url, BENCH_APP_PORT);
  try {
    const agent = await signIn(app.url, "agent@skyline.example");
    const manager = await signIn(app.url, "manager@skyline.example");
    const pages = [
      { page: "login", path: "/login", cookie: null },
      { page: "queue (agent)", path: "/complaints", cookie: agent },
      { page: "dashboard (manager)", path: DASHBOARD_PATH, cookie: manager },
    ];
    const rows: LighthouseRow[] = [];
    for (const page of pages) {
      await fetch(`${app.url}${page.path}`, { headers: page.cookie ? { cookie: page.cookie } : {} }); // warm the server
      rows.push({ page: page.page, path: page.path, ...(await audit(`${app.url}${page.path}`, page.cookie)) });
      process.stdout.write(`[lighthouse] ${JSON.stringify(rows[rows.length - 1])}\n`);
    }
    return rows;
  } finally {
    await app.stop();
    await server.stop();
  }
}

if (require.main === module) {
  runLighthouse().catch((error: unknown) => {
    process.stderr.write(`[lighthouse] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
