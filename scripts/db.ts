// `npm run db`: starts the embedded PostgreSQL for development and keeps it running until Ctrl-C.
import { createDatabaseIfMissing, databaseUrl, startDatabaseServer } from "./lib/postgres";
import { DATA_DIR_PG, DB_NAME, PG_PORT } from "./lib/paths";

async function main() {
  const server = await startDatabaseServer(DATA_DIR_PG, PG_PORT);
  await createDatabaseIfMissing(server.adminUrl, DB_NAME);
  process.stdout.write(`PostgreSQL ready: DATABASE_URL=${databaseUrl(server.adminUrl, DB_NAME)}\n`);
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
