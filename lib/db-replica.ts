// Reads that may lag — dashboards, reports, exports, searches — go to the read replica (DATABASE_REPLICA_URL, a hot
// standby) when one is configured. Everything else, and every read of a user who has just written, uses the primary:
// - a request that is not GET/HEAD (server actions, API writes) reads from the primary throughout (read-your-writes
//   within the request), and proxy.ts then sets a short-lived cookie (PRIMARY_COOKIE) so the pages the user opens
//   right after the action read from the primary too, until the replica has surely replayed the write;
// - work outside a request (jobs) reads from the primary;
// - a replica that fails to answer is skipped for REPLICA_RETRY_MS: the read is repeated on the primary.
import "server-only";
import { createPrismaClient, db, type Db } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db-availability";
import { env } from "@/lib/env";
import { workContext } from "@/lib/observability/context";

const REPLICA_RETRY_MS = 5_000;
const STATUS_TTL_MS = 2_000;
const STATUS_TIMEOUT_MS = 1_500;

export type ReplicaStatus = { up: boolean; lagSeconds: number | null };

type ReplicaState = { client?: Db; downUntil: number; status?: { at: number; value: ReplicaStatus } };
const globalForReplica = globalThis as unknown as { skylineReplica?: ReplicaState };
const state = (globalForReplica.skylineReplica ??= { downUntil: 0 });

function replicaClient(): Db | null {
  const url = env().DATABASE_REPLICA_URL;
  if (!url) return null;
  state.client ??= createPrismaClient(url, "replica", { onError: () => markReplicaDown() });
  return state.client;
}

function markReplicaDown(now = Date.now()) {
  state.downUntil = now + REPLICA_RETRY_MS;
  state.status = { at: now, value: { up: false, lagSeconds: null } };
}

/**
 * Whether a read here may be served by the replica: a replica is configured and up, and this is a read-only request.
 */
export function readsFromReplica(now = Date.now()): boolean {
  if (!env().DATABASE_REPLICA_URL || now < state.downUntil) return false;
  return workContext.getStore()?.readOnly === true;
}

/**
 * A hot standby cancels queries that conflict with replay (SQLSTATE 40001 "conflict with recovery"): retry on the
 * primary.
 */
function worthRetryingOnPrimary(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  const text =
    error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
  return /conflict with recovery|recovery is in progress/i.test(text);
}

async function withFallback<T>(onReplica: () => PromiseLike<T>, onPrimary: () => PromiseLike<T>): Promise<T> {
  try {
    return await onReplica();
  } catch (error) {
    if (!worthRetryingOnPrimary(error)) throw error;
    markReplicaDown();
    return onPrimary();
  }
}

function callable(target: object, property: PropertyKey): ((...args: unknown[]) => PromiseLike<unknown>) | null {
  const value: unknown = Reflect.get(target, property);
  return typeof value === "function" ? (value as (...args: unknown[]) => PromiseLike<unknown>).bind(target) : null;
}

/**
 * The client for reads that may lag: behaves like `db`, but inside a read-only request with a healthy replica each
 * query runs on the replica (and again on the primary if the replica fails). Only for reads.
 */
export const readDb: Db = new Proxy({} as Db, {
  get(_target, property) {
    const replica = replicaClient();
    if (!replica || !readsFromReplica()) return Reflect.get(db, property);
    const onReplica: unknown = Reflect.get(replica, property);
    if (typeof onReplica === "function") {
      // $queryRaw, $queryRawUnsafe, $transaction(…) for reads.
      return (...args: unknown[]) =>
        withFallback(
          () => (callable(replica, property) as (...a: unknown[]) => PromiseLike<unknown>)(...args),
          () => (callable(db, property) as (...a: unknown[]) => PromiseLike<unknown>)(...args),
        );
    }
    if (typeof onReplica !== "object" || onReplica === null) return onReplica;
    // A model delegate (readDb.complaint.findMany …).
    return new Proxy(onReplica, {
      get(delegate, method) {
        const replicaMethod = callable(delegate, method);
        if (!replicaMethod) return Reflect.get(delegate, method);
        return (...args: unknown[]) =>
          withFallback(
            () => replicaMethod(...args),
            () =>
              (callable(Reflect.get(db, property) as object, method) as (...a: unknown[]) => PromiseLike<unknown>)(
                ...args,
              ),
          );
      },
    });
  },
});

/**
 * The replica's state for the dashboard's "data as of" and /api/metrics: null without a replica; `up: false` when it
 * does not answer; lag = how far its replay is behind (0 when it has replayed everything it received).
 */
export async function replicaStatus(now = Date.now()): Promise<ReplicaStatus | null> {
  const replica = replicaClient();
  if (!replica) return null;
  if (state.status && now - state.status.at < STATUS_TTL_MS) return state.status.value;
  try {
    const rows = await Promise.race([
      replica.$queryRaw<{ lag: number | null; recovering: boolean }[]>`
        SELECT pg_is_in_recovery() AS recovering,
               CASE WHEN NOT pg_is_in_recovery() THEN 0
                    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                    ELSE EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp())::float8 END AS lag`,
      new Promise<never>((_resolve, reject) =>
        setTimeout(() => reject(new Error("replica status timed out")), STATUS_TIMEOUT_MS).unref(),
      ),
    ]);
    const value = { up: true, lagSeconds: rows[0]?.lag ?? null };
    state.status = { at: now, value };
    return value;
  } catch {
    markReplicaDown(now);
    return { up: false, lagSeconds: null };
  }
}

/** Where this request's lagging reads come from, for the dashboard's freshness line. */
export async function readSource(): Promise<{ source: "replica" | "primary"; lagSeconds: number | null } | null> {
  if (!env().DATABASE_REPLICA_URL) return null;
  if (!readsFromReplica()) return { source: "primary", lagSeconds: null };
  const status = await replicaStatus();
  return status?.up ? { source: "replica", lagSeconds: status.lagSeconds } : { source: "primary", lagSeconds: null };
}

/** Closes the replica's pool (tests; a server process keeps it for its lifetime). */
export async function disconnectReplica(): Promise<void> {
  await state.client?.$disconnect();
  state.client = undefined;
}
