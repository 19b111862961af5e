// `npx tsx bench/generate.ts [--complaints 1000000] [--customers 200000] [--days 540]`
// Builds the benchmark database: a fresh database on the bench PostgreSQL (.data/pg-bench, port SKYLINE_PG_PORT or
// 54920), migrated and seeded with the airline template and demo logins, then bulk-filled with generated complaints.
import pg from "pg";
import {
  createDatabaseIfMissing,
  databaseUrl,
  dropDatabase,
  startDatabaseServer,
  withAdminClient,
} from "../scripts/lib/postgres";
import { bin, migrate, OUTSIDE_NEXT, run, seed } from "../scripts/lib/steps";
import { BENCH_BASE_DB, BENCH_DB, BENCH_PG_DIR, BENCH_PG_PORT, BENCH_SECRET } from "./lib/config";
import {
  clockRowsStatement,
  clockStatement,
  compensationStatement,
  complaintStatement,
  customerStatement,
  escalationStatement,
  doneSpanStatement,
  eventStatement,
  factStatement,
  fateStatement,
  lookupStatements,
  planStatement,
  sequenceStatement,
  slaEventStatement,
  surveyStatements,
  type GenerateOptions,
} from "./lib/generate-sql";

const BULK_TABLES = [
  "customers",
  "complaints",
  "complaint_events",
  "sla_clocks",
  "sla_events",
  "escalations",
  "surveys",
  "survey_responses",
  "compensations",
  "kpi_complaint_facts",
  "kpi_done_spans",
];

function option(name: string, fallback: number) {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

function say(message: string) {
  process.stdout.write(`[bench:generate] ${message}\n`);
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  say(`${label.padEnd(28)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`);
  return result;
}

/** Secondary indexes are dropped during the load and rebuilt afterwards: one sort per index instead of 1M inserts. */
async function dropSecondaryIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [BULK_TABLES],
  );
  for (const row of rows) await client.query(`DROP INDEX "${row.indexname}"`);
  return rows.map((row) => row.indexdef);
}

async function generate(url: string, options: GenerateOptions) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET TIME ZONE 'UTC'");
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '256MB'");
    await client.query("SET work_mem = '128MB'");
    // Bulk load of rows whose references are correct by construction: skip per-row foreign-key triggers.
    await client.query("SET session_replication_role = replica");
    await client.query(`SELECT setseed(${options.seed})`);
    const bases = await client.query<{ customers: number; complaints: number }>(
      "SELECT coalesce((SELECT max(id) FROM customers), 0)::int AS customers, coalesce((SELECT max(id) FROM complaints), 0)::int AS complaints",
    );
    const { customers: customerBase, complaints: complaintBase } = bases.rows[0]!;
    const indexes = await timed("drop secondary indexes", () => dropSecondaryIndexes(client));
    for (const statement of lookupStatements()) await client.query(statement);
    await timed(`customers (${options.customers})`, () => client.query(customerStatement(options)));
    await timed("plan", () => client.query(planStatement(options, customerBase)));
    await timed("fates", () => client.query(fateStatement()));
    await timed("clock plan", async () => {
      await client.query(clockStatement());
      await client.query("CREATE INDEX ON k (n)");
      await client.query("ANALYZE f; ANALYZE k");
    });
    await timed(`complaints (${options.complaints})`, () => client.query(complaintStatement(complaintBase)));
    await timed("timeline events", () => client.query(eventStatement(complaintBase)));
    await timed("sla clocks + events", async () => {
      await client.query(clockRowsStatement(complaintBase));
      await client.query(slaEventStatement(complaintBase));
    });
    await timed("escalations", () => client.query(escalationStatement(complaintBase)));
    await timed("surveys + answers", async () => {
      for (const statement of surveyStatements(complaintBase)) await client.query(statement);
    });
    await timed("compensation", () => client.query(compensationStatement(complaintBase)));
    await timed("kpi facts", () => client.query(factStatement(complaintBase)));
    await timed("kpi done spans", () => client.query(doneSpanStatement(complaintBase)));
    await client.query("SET session_replication_role = origin");
    await timed("sequences", async () => {
      await client.query(sequenceStatement());
      for (const table of BULK_TABLES.filter((name) => name !== "kpi_complaint_facts" && name !== "kpi_done_spans")) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT coalesce(max(id), 1) FROM ${table}))`,
        );
      }
    });
    await timed(`rebuild ${indexes.length} indexes`, async () => {
      // Two sessions build indexes side by side (2 cores); each index is independent.
      const second = new pg.Client({ connectionString: url });
      await second.connect();
      try {
        await second.query("SET maintenance_work_mem = '256MB'");
        const queue = [...indexes];
        const worker = async (session: pg.Client) => {
          for (let next = queue.shift(); next; next = queue.shift()) await session.query(next);
        };
        await Promise.all([worker(client), worker(second)]);
      } finally {
        await second.end();
      }
    });
    await timed("analyze", () => client.query(`ANALYZE ${BULK_TABLES.join(", ")}`));
    const counts = await client.query(
      `SELECT ${BULK_TABLES.map((table) => `(SELECT count(*) FROM ${table})::int AS ${table}`).join(", ")}`,
    );
    say(
      `rows: ${Object.entries(counts.rows[0] as Record<string, number>)
        .map(([table, count]) => `${table}=${count}`)
        .join(" ")}`,
    );
  } finally {
    await client.end();
  }
}

async function main() {
  const options: GenerateOptions = {
    complaints: option("complaints", 1_000_000),
    customers: option("customers", 0) || 0,
    days: option("days", 540),
    seed: 0.42,
  };
  if (!options.customers) options.customers = Math.max(1000, Math.round(options.complaints / 5));
  const server = await startDatabaseServer(BENCH_PG_DIR, BENCH_PG_PORT);
  try {
    const url = databaseUrl(server.adminUrl, BENCH_DB);
    const started = Date.now();
    // A migrated and seeded template database is kept between runs; the bench database is a fresh copy of it.
    const baseUrl = databaseUrl(server.adminUrl, BENCH_BASE_DB);
    await createDatabaseIfMissing(server.adminUrl, BENCH_BASE_DB);
    if (await timed("migrate template", () => migrate(baseUrl))) {
      await timed("seed template (airline + demo)", () => seed(baseUrl, BENCH_SECRET));
    }
    await dropDatabase(server.adminUrl, BENCH_DB);
    await withAdminClient(server.adminUrl, (client) =>
      client.query(`CREATE DATABASE "${BENCH_DB}" TEMPLATE "${BENCH_BASE_DB}"`),
    );
    const loadStarted = Date.now();
    await generate(url, options);
    say(
      `generated ${options.complaints} complaints / ${options.customers} customers in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s (bulk load), ${((Date.now() - started) / 1000).toFixed(1)} s in total`,
    );
    // The dashboard reads KPI facts that the app's kpi.refresh job keeps current; fill them now so /dashboard is
    // measured on complete data (not counted in the bulk-load time above).
    await timed("dashboard rollups + kpi job", () =>
      run(bin("tsx"), [...OUTSIDE_NEXT, "bench/refresh-kpi.ts"], { DATABASE_URL: url, NEXTAUTH_SECRET: BENCH_SECRET }),
    );
    say(`ready, dashboards included, in ${((Date.now() - started) / 1000).toFixed(1)} s in total`);
    say(`DATABASE_URL=${url}`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:generate] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
