// The one Prisma client, over the pg driver adapter. Secrets are omitted from every query by default.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { noteIfDatabaseUnreachable, reportDatabaseAvailable, reportDatabaseChecked, setDatabaseWatcher } from "@/lib/db-availability";
import { env } from "@/lib/env";

const WATCH_INTERVAL_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;

/**
 * During an outage, tries the database once a second on a connection of its own (not the pool's, which may be
 * full of requests waiting) until it answers, then reports it available: pages stop answering 503 without a restart.
 */
function databaseWatcher(connectionString: string) {
  let watching = false;
  const attempt = async () => {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
    client.on("error", () => undefined); // a cut connection must not become an unhandled 'error' event
    let back = false;
    try {
      await client.connect();
      await client.query("select 1");
      back = true;
    } catch {
      // still away: try again after the interval
    } finally {
      await client.end().catch(() => undefined);
    }
    reportDatabaseChecked();
    if (back) {
      watching = false;
      reportDatabaseAvailable();
    } else {
      setTimeout(() => void attempt(), WATCH_INTERVAL_MS).unref();
    }
  };
  return () => {
    if (watching) return;
    watching = true;
    void attempt();
  };
}

function createClient() {
  setDatabaseWatcher(databaseWatcher(env().DATABASE_URL));
  const adapter = new PrismaPg(
    {
      connectionString: env().DATABASE_URL,
      max: env().DATABASE_POOL_SIZE,
      connectionTimeoutMillis: 5_000,
    },
    {
      // A pooled connection cut by a stopping server: the outage is known before the next request fails.
      onPoolError: (error) => void noteIfDatabaseUnreachable(error),
      onConnectionError: (error) => void noteIfDatabaseUnreachable(error),
    },
  );
  return new PrismaClient({
    adapter,
    omit: {
      user: { passwordHash: true },
      apiToken: { tokenHash: true },
      survey: { tokenHash: true, shortTokenHash: true },
      passwordToken: { tokenHash: true },
      complaint: { trackingTokenHash: true, shortTrackingHash: true },
      webhook: { secret: true },
      attachment: { content: true },
    },
  });
}

export type Db = ReturnType<typeof createClient>;
/** A Prisma transaction client, for services that take part in a caller's transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// One client per process (kept on globalThis so dev hot reloads do not open new pools), created on first use so
// that importing this module (e.g. during `next build`) does not need a database.
const globalForDb = globalThis as unknown as { skylineDb?: Db };

function client(): Db {
  globalForDb.skylineDb ??= createClient();
  return globalForDb.skylineDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const instance = client();
    const value: unknown = Reflect.get(instance, property);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(instance) : value;
  },
});
