// Read replica (DATABASE_REPLICA_URL) on a real streaming-replication pair of the distribution's PostgreSQL: a primary
// and a pg_basebackup hot standby. Reads that may lag go to the standby only inside a read-only request; a request
// that writes, and work outside requests (jobs), read the primary; the lag is reported; a standby that is down is
// skipped and the read answered by the primary.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findDistroPostgres,
  INSTALL_HINT,
  startReplicationPair,
  type ReplicationPair,
} from "@/bench/lib/scratch-postgres";
import { migrate } from "@/scripts/lib/steps";
import { db } from "@/lib/db";
import { disconnectReplica, readDb, readSource, replicaStatus } from "@/lib/db-replica";
import { readBacklog } from "@/lib/metrics/backlog";
import { metrics } from "@/lib/metrics/registry";
import { workContext } from "@/lib/observability/context";

const distro = findDistroPostgres();
let pair: ReplicationPair | null = null;
const DATABASE = "skyline_replica";
const inDatabase = (adminUrl: string) => Object.assign(new URL(adminUrl), { pathname: `/${DATABASE}` }).toString();

async function onServer<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function eventually(probe: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A read as a GET request of a user who has not just written would make it. */
const asReadOnlyRequest = <T>(fn: () => Promise<T>) =>
  workContext.run({ requestId: "replica-test-get", readOnly: true }, fn);
/** A read inside a request that writes (server action, API POST). */
const asWritingRequest = <T>(fn: () => Promise<T>) =>
  workContext.run({ requestId: "replica-test-post", readOnly: false }, fn);
const setting = (key: string) => readDb.setting.findUnique({ where: { key }, select: { key: true } });
/** The replica's series in this instance's /api/metrics text. */
async function replicaSeries() {
  const text = await metrics().scrape();
  const value = (name: string) => {
    const match = text.match(new RegExp(`^${name}\\{pool="replica"\\} (\\S+)$`, "m"));
    return match ? Number(match[1]) : null;
  };
  return { up: value("skyline_db_replica_up"), lag: value("skyline_db_replica_lag_seconds") };
}

describe("read replica on a streaming-replication pair", () => {
  beforeAll(async () => {
    if (!distro) throw new Error(`the read-replica test needs the distribution's PostgreSQL: ${INSTALL_HINT}`);
    pair = await startReplicationPair(distro);
    await onServer(pair.primary.adminUrl, `CREATE DATABASE ${DATABASE}`);
    await migrate(inDatabase(pair.primary.adminUrl));
    // Nothing has used the app's clients yet (they are created on first use): point them at the pair.
    process.env.DATABASE_URL = inDatabase(pair.primary.adminUrl);
    process.env.DATABASE_REPLICA_URL = inDatabase(pair.standby.adminUrl);
    await eventually(
      async () =>
        (
          await onServer<{ n: number }>(
            inDatabase(pair!.standby.adminUrl),
            "select count(*)::int as n from _prisma_migrations",
          )
        )[0]!.n > 0,
    );
  }, 180_000);

  afterAll(async () => {
    await disconnectReplica();
    await db.$disconnect();
    await pair?.stop();
  });

  it("sends a read-only request's reads to the standby, and a writing request's and jobs' reads to the primary", async () => {
    const standby = inDatabase(pair!.standby.adminUrl);
    await onServer(standby, "select pg_wal_replay_pause()");
    await db.setting.create({ data: { key: "replica.test.1", value: true } });

    // The standby has not replayed the insert: a read-only request does not see it yet (it really read the standby).
    expect(await asReadOnlyRequest(() => setting("replica.test.1"))).toBeNull();
    // The user who wrote reads the primary within the writing request, and jobs (no request) do too.
    expect(await asWritingRequest(() => setting("replica.test.1"))).toEqual({ key: "replica.test.1" });
    expect(await setting("replica.test.1")).toEqual({ key: "replica.test.1" });

    // The lag is reported while replay is behind, for the dashboard's "data as of" and /api/metrics.
    await new Promise((resolve) => setTimeout(resolve, 2_100)); // past the status cache
    const behind = await asReadOnlyRequest(() => readSource());
    expect(behind?.source).toBe("replica");
    expect(behind?.lagSeconds ?? 0).toBeGreaterThan(0);
    const scraped = await replicaSeries();
    expect(scraped.up).toBe(1);
    expect(scraped.lag ?? 0).toBeGreaterThan(0);

    await onServer(standby, "select pg_wal_replay_resume()");
    await eventually(async () => (await asReadOnlyRequest(() => setting("replica.test.1"))) !== null);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await replicaStatus())?.lagSeconds).toBe(0);
  });

  it("answers from the primary while the standby is down, and reports it", async () => {
    await pair!.standby.stop();
    await db.setting.create({ data: { key: "replica.test.2", value: true } });
    expect(await asReadOnlyRequest(() => setting("replica.test.2"))).toEqual({ key: "replica.test.2" });
    expect(await asReadOnlyRequest(() => readSource())).toEqual({ source: "primary", lagSeconds: null });
    expect((await readBacklog()).replica).toEqual({ up: false, lagSeconds: null });
    expect(await replicaSeries()).toEqual({ up: 0, lag: null });

    // Back up: after the retry pause the standby serves read-only requests again.
    await pair!.standby.start();
    await db.setting.create({ data: { key: "replica.test.3", value: true } });
    await eventually(async () => (await asReadOnlyRequest(() => readSource()))?.source === "replica", 30_000);
    await onServer(inDatabase(pair!.standby.adminUrl), "select pg_wal_replay_pause()");
    await db.setting.create({ data: { key: "replica.test.4", value: true } });
    expect(await asReadOnlyRequest(() => setting("replica.test.4"))).toBeNull();
    await onServer(inDatabase(pair!.standby.adminUrl), "select pg_wal_replay_resume()");
  });
});
