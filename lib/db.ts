// The one Prisma client, over the pg driver adapter. Secrets are omitted from every query by default.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import {
  noteIfDatabaseUnreachable,
  reportDatabaseAvailable,
  reportDatabaseChecked,
  setDatabaseWatcher,
} from "@/lib/db-availability";
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
    const client = new pg.Client({
      connectionString,
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      query_timeout: PROBE_TIMEOUT_MS,
    });
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

type PoolStats = { total: number; idle: number; waiting: number };
// The pools of this process by name ("primary", "replica"), for /api/metrics (lib/metrics/registry.ts).
const globalForPools = globalThis as unknown as { skylinePools?: Map<string, pg.Pool> };
const pools = (globalForPools.skylinePools ??= new Map<string, pg.Pool>());

export function databasePoolStats(): Record<string, PoolStats> {
  return Object.fromEntries(
    [...pools].map(([name, pool]) => [
      name,
      { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount },
    ]),
  );
}

/** A Prisma client on its own pool (the primary's here; lib/db-replica.ts makes the read replica's the same way). */
export function createPrismaClient(
  connectionString: string,
  poolName: string,
  handlers: { onError?: (error: Error) => void } = {},
) {
  const pool = new pg.Pool({ connectionString, max: env().DATABASE_POOL_SIZE, connectionTimeoutMillis: 5_000 });
  pools.set(poolName, pool);
  // A server that shuts down (or a standby that stops) may cut a connection just as the pool retires it; without a
  // listener on the client that 'error' event would be an uncaught exception. Queries still reject as usual.
  pool.on("connect", (connection) => connection.on("error", (error) => handlers.onError?.(error)));
  // An idle connection's error is re-emitted by the pool: keep a listener even after $disconnect (the adapter's goes).
  pool.on("error", (error) => handlers.onError?.(error));
  // $disconnect ends the pool, as it did when the adapter made the pool itself.
  const adapter = new PrismaPg(pool, {
    onPoolError: handlers.onError,
    onConnectionError: handlers.onError,
    disposeExternalPool: true,
  });
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

function createClient() {
  setDatabaseWatcher(databaseWatcher(env().DATABASE_URL));
  // A pooled connection cut by a stopping server: the outage is known before the next request fails.
  return createPrismaClient(env().DATABASE_URL, "primary", {
    onError: (error) => void noteIfDatabaseUnreachable(error),
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
