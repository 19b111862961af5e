// `npm run bench:create-stages [-- --creates 300]`: where the time of one complaint creation goes. Runs the steps of
// POST /api/v1/complaints in-process against the bench database, one creation at a time (no HTTP, no concurrency):
// authentication (token look-up + rate-limit bookkeeping), body parsing and validation, createComplaint (reference
// number, transaction), the outbox flush request, and times every SQL statement on the client side (round trip
// included) by wrapping pg's Client#query. Prints the mean per stage and per statement, then 1,000 sequential creates
// through the real route handler (the "1,000 sequential creates" figure, minus HTTP). Results also go to
// bench/results/create-stages-<time>.json.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { databaseUrl, startDatabaseServer } from "../scripts/lib/postgres";
import { createApiToken } from "./lib/app";
import { BENCH_DB, BENCH_PG_DIR, BENCH_PG_PORT, BENCH_SECRET, RESULTS_DIR } from "./lib/config";
import { percentile } from "./lib/measure";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : (process.argv[index + 1] ?? fallback);
}

type Statement = { label: string; ms: number };
let recording: Statement[] | null = null;

/** A short, parameter-free name for a statement: its verb and main table. */
function labelOf(text: string): string {
  const sql = text.replace(/\s+/g, " ").trim();
  const verb =
    /^(WITH|SELECT|INSERT INTO|UPDATE|DELETE FROM|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|DEALLOCATE)\b/i
      .exec(sql)?.[1]
      ?.toUpperCase() ?? sql.slice(0, 20);
  if (/^(BEGIN|COMMIT|ROLLBACK)$/.test(verb)) return verb;
  const table = /(?:INTO|UPDATE|FROM)\s+"?(?:public"?\."?)?"?([a-z_]+)"?/i.exec(sql)?.[1] ?? "";
  if (verb === "SELECT" && /pgboss/i.test(sql)) return "SELECT pgboss.*";
  if (verb === "WITH" && /pgboss/i.test(sql)) return "WITH … pgboss.job (send)";
  if (verb === "WITH") return `WITH … (${table || "cte"})`;
  return `${verb} ${table}`.trim();
}

function instrumentPg() {
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === "string" ? first : ((first as { text?: string } | undefined)?.text ?? "?");
    const sink = recording;
    const started = performance.now();
    const last = args.at(-1);
    if (sink && typeof last === "function") {
      // callback form (pg's Pool#query uses it)
      args[args.length - 1] = (...results: unknown[]) => {
        sink.push({ label: labelOf(text), ms: performance.now() - started });
        return (last as (...values: unknown[]) => unknown)(...results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (sink && result && typeof (result as Promise<unknown>).then === "function") {
      (result as Promise<unknown>).then(
        () => sink.push({ label: labelOf(text), ms: performance.now() - started }),
        () => sink.push({ label: `${labelOf(text)} (failed)`, ms: performance.now() - started }),
      );
    }
    return result;
  } as typeof pg.Client.prototype.query;
}

const round = (value: number) => Math.round(value * 100) / 100;

async function main() {
  const creates = Number(option("creates", "300"));
  const sequential = Number(option("sequential", "1000"));
  const server = await startDatabaseServer(BENCH_PG_DIR, BENCH_PG_PORT);
  const url = databaseUrl(server.adminUrl, BENCH_DB);
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= BENCH_SECRET;
  instrumentPg();
  const { authenticate } = await import("../lib/api/auth");
  const { readJson, validate } = await import("../lib/api/parse");
  const { complaintCreationFieldErrors, createComplaintSchema } = await import("../lib/api/schemas");
  const { createComplaint } = await import("../lib/complaints/create-complaint");
  const { requestMailFlush } = await import("../lib/mail/flush");
  const { POST } = await import("../app/api/v1/complaints/route");
  const { db } = await import("../lib/db");
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", () => undefined);
  const say = (line: string) => process.stdout.write(`[bench:create-stages] ${line}\n`);
  try {
    const shape = (
      await pool.query<{ channelId: number; severityId: number; categoryId: number; subcategoryId: number }>(
        `SELECT (SELECT id FROM channels WHERE code = 'phone') AS "channelId", (SELECT id FROM severities WHERE code = 'yellow') AS "severityId",
                (SELECT id FROM categories WHERE code = 'BAG') AS "categoryId", (SELECT id FROM categories WHERE code = 'BAG-LOST') AS "subcategoryId"`,
      )
    ).rows[0]!;
    const customerIds = (
      await pool.query<{ id: number }>(`SELECT id FROM customers TABLESAMPLE SYSTEM (5) LIMIT 5000`)
    ).rows.map((row) => row.id);
    // Enough tokens that the per-token limit (600/min) never refuses the sequential run.
    const tokens = await Promise.all(Array.from({ length: 6 }, (_, index) => createApiToken(pool, `stages-${index}`)));
    let tokenIndex = 0;
    const request = () =>
      new Request("http://bench.local/api/v1/complaints", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${tokens[tokenIndex++ % tokens.length]}`,
        },
        body: JSON.stringify({
          customer: { id: customerIds[Math.floor(Math.random() * customerIds.length)] },
          channelId: shape.channelId,
          severityId: shape.severityId,
          categoryId: shape.categoryId,
          subcategoryId: shape.subcategoryId,
          subject: "行李破损：CA1234 北京航班",
          description: "托运的行李到达后发现拉杆损坏，外壳有明显裂痕，要求赔偿。",
        }),
      });

    // Stages, as the route handler runs them.
    const stageTotals = new Map<string, number[]>();
    const statementTotals = new Map<string, { stage: string; calls: number; ms: number }>();
    const add = (stage: string, ms: number) => stageTotals.set(stage, [...(stageTotals.get(stage) ?? []), ms]);
    async function stage<T>(name: string, work: () => Promise<T>, measured: boolean): Promise<T> {
      const statements: Statement[] = [];
      recording = statements;
      const started = performance.now();
      const value = await work();
      const ms = performance.now() - started;
      recording = null;
      await new Promise((resolve) => setImmediate(resolve)); // let the last statement's timing land
      if (measured) {
        add(name, ms);
        for (const statement of statements) {
          const key = `${name}|${statement.label}`;
          const entry = statementTotals.get(key) ?? { stage: name, calls: 0, ms: 0 };
          entry.calls += 1;
          entry.ms += statement.ms;
          statementTotals.set(key, entry);
        }
      }
      return value;
    }
    const warmups = 20;
    for (let index = 0; index < warmups + creates; index++) {
      const measured = index >= warmups;
      const started = performance.now();
      const req = request();
      const auth = await stage(
        "1 auth: token look-up + rate limit",
        () => authenticate(req, "complaint.create"),
        measured,
      );
      if (!auth.ok) throw new Error(`authentication refused: ${auth.response.status}`);
      const body = await stage("2 parse: read JSON + zod", () => readJson(req), measured);
      if (!body.ok) throw new Error("body refused");
      const input = validate(createComplaintSchema, body.data, complaintCreationFieldErrors(body.data));
      if (!input.ok) throw new Error("input refused");
      const result = await stage(
        "3 createComplaint (reference + transaction)",
        () => createComplaint({ kind: "api", actor: auth.actor }, input.data),
        measured,
      );
      if (!result.ok) throw new Error(`creation failed: ${result.error}`);
      await stage("4 outbox flush request (pg-boss)", () => requestMailFlush(), measured);
      if (measured) add("total", performance.now() - started);
    }
    const stages = [...stageTotals].map(([name, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return {
        stage: name,
        mean: round(values.reduce((sum, value) => sum + value, 0) / values.length),
        p50: round(percentile(sorted, 0.5)),
        p95: round(percentile(sorted, 0.95)),
      };
    });
    const statements = [...statementTotals].map(([key, entry]) => ({
      stage: entry.stage,
      statement: key.split("|")[1]!,
      perCreation: round(entry.calls / creates),
      meanMsPerCreation: round(entry.ms / creates),
    }));
    say(`${creates} creations one at a time after ${warmups} warm-ups (in-process, no HTTP)`);
    for (const row of stages) say(`${row.stage.padEnd(48)} mean ${row.mean} ms  p50 ${row.p50} ms  p95 ${row.p95} ms`);
    say("statements (client-side time incl. round trip, mean per creation):");
    for (const row of statements)
      say(`  ${row.stage.slice(0, 1)} ${row.statement.padEnd(44)} × ${row.perCreation}  ${row.meanMsPerCreation} ms`);
    const roundTrips = statements.reduce((sum, row) => sum + row.perCreation, 0);
    say(`round trips per creation: ${round(roundTrips)}`);

    // The sequential figure through the real route handler (minus HTTP).
    const sequentialTimes: number[] = [];
    const sequentialStarted = performance.now();
    for (let index = 0; index < sequential; index++) {
      const started = performance.now();
      const response = await POST(request());
      if (response.status !== 201) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
      sequentialTimes.push(performance.now() - started);
    }
    const sequentialSeconds = (performance.now() - sequentialStarted) / 1000;
    sequentialTimes.sort((a, b) => a - b);
    const sequentialStats = {
      creates: sequential,
      seconds: round(sequentialSeconds),
      p50: round(percentile(sequentialTimes, 0.5)),
      p95: round(percentile(sequentialTimes, 0.95)),
    };
    say(
      `${sequential} sequential creates through the route handler: ${sequentialStats.seconds} s, p50 ${sequentialStats.p50} ms, p95 ${sequentialStats.p95} ms`,
    );
    const load = os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(" ");
    say(`load average ${load} on ${os.cpus().length} CPUs`);
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(
      RESULTS_DIR,
      `create-stages-${new Date().toISOString().slice(0, 19).replace(/:/g, "-")}Z.json`,
    );
    writeFileSync(
      file,
      `${JSON.stringify({ date: new Date().toISOString(), creates, stages, statements, sequential: sequentialStats, loadAverage: os.loadavg() }, null, 2)}\n`,
    );
    say(`results written to ${path.relative(process.cwd(), file)}`);
  } catch (error) {
    process.stderr.write(
      `[bench:create-stages] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  } finally {
    await pool.end();
    await db.$disconnect();
    const { stopBoss } = await import("../lib/jobs/boss").catch(() => ({ stopBoss: undefined }));
    await stopBoss?.().catch(() => undefined);
    await server.stop();
    process.exit(process.exitCode ?? 0);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench:create-stages] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
