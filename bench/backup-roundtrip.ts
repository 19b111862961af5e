// `npx tsx bench/backup-roundtrip.ts`: pg_dump the bench database, pg_restore it into a fresh database, and check
// that every complaint came back (count and an ordered digest of the references). Needs pg_dump ≥ the server's major.
import { databaseUrl, dropDatabase, startDatabaseServer, withAdminClient } from "../scripts/lib/postgres";
import { BENCH_DB, BENCH_PG_DIR, BENCH_PG_PORT } from "./lib/config";
import { findPgDump, roundTrip, serverMajor } from "./lib/backup";

async function main() {
  const server = await startDatabaseServer(BENCH_PG_DIR, BENCH_PG_PORT);
  const source = databaseUrl(server.adminUrl, BENCH_DB);
  const target = `${BENCH_DB}_restored`;
  try {
    const tools = await findPgDump(await serverMajor(source));
    if ("missing" in tools) throw new Error(tools.missing);
    await dropDatabase(server.adminUrl, target);
    await withAdminClient(server.adminUrl, (client) => client.query(`CREATE DATABASE "${target}"`));
    const result = await roundTrip(tools, source, databaseUrl(server.adminUrl, target));
    process.stdout.write(`${JSON.stringify(result)}\n${result.same ? "every complaint restored" : "MISMATCH"}\n`);
    process.exitCode = result.same ? 0 : 1;
    await dropDatabase(server.adminUrl, target);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[backup] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
