// pg_dump / pg_restore round trip: dump a database, restore it into a fresh one, and check that every complaint is
// there with its timeline and SLA clocks. pg_dump refuses servers newer than itself, so the client tools must be at
// least the server's major version (the embedded server is PostgreSQL 17; Debian 12's packaged pg_dump is 15): when
// they are older, the round trip runs on a scratch cluster of pg_dump's own major (bench/lib/scratch-postgres.ts).
import { execFile } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { findDistroPostgres, INSTALL_HINT, type DistroPostgres } from "./scratch-postgres";

const run = promisify(execFile);

async function majorOf(binary: string): Promise<number | null> {
  try {
    const { stdout } = await run(binary, ["--version"]);
    const match = /(\d+)\.\d+/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** A pg_dump (with its pg_restore beside it) able to dump a server of `serverMajor`, or why there is none. */
export async function findPgDump(
  serverMajor: number,
): Promise<{ pgDump: string; pgRestore: string } | { missing: string }> {
  const candidates = [
    process.env.PG_DUMP,
    ...(existsSync("/usr/lib/postgresql")
      ? readdirSync("/usr/lib/postgresql").map((version) => `/usr/lib/postgresql/${version}/bin/pg_dump`)
      : []),
    "pg_dump",
  ].filter((candidate): candidate is string => Boolean(candidate));
  const found: string[] = [];
  for (const candidate of candidates) {
    const major = await majorOf(candidate);
    if (major === null) continue;
    found.push(`${candidate} (${major})`);
    if (major >= serverMajor)
      return {
        pgDump: candidate,
        pgRestore: candidate.includes("/") ? path.join(path.dirname(candidate), "pg_restore") : "pg_restore",
      };
  }
  return { missing: `no pg_dump ≥ ${serverMajor} found (${found.join(", ") || "none on PATH"}); set PG_DUMP to one` };
}

export async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]!.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/** What must survive a round trip: the complaints (count + ordered digest of references) and their child rows. */
export type BackupSnapshot = {
  complaints: { count: number; digest: string };
  events: { count: number; digest: string };
  slaClocks: { count: number; digest: string };
  customers: number;
  /** Complaints lacking their creation event or SLA clocks (must stay 0). */
  partial: number;
};

export async function snapshot(url: string): Promise<BackupSnapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ row: BackupSnapshot }>(`SELECT json_build_object(
        'complaints', (SELECT json_build_object('count', count(*)::int, 'digest', coalesce(md5(string_agg(reference, ',' ORDER BY id)), '')) FROM complaints),
        'events', (SELECT json_build_object('count', count(*)::int, 'digest', coalesce(md5(string_agg("complaintId" || ':' || kind, ',' ORDER BY id)), '')) FROM complaint_events),
        'slaClocks', (SELECT json_build_object('count', count(*)::int, 'digest', coalesce(md5(string_agg("complaintId" || ':' || kind || ':' || "dueAt"::text, ',' ORDER BY id)), '')) FROM sla_clocks),
        'customers', (SELECT count(*)::int FROM customers),
        'partial', (SELECT count(*)::int FROM complaints c WHERE NOT EXISTS (SELECT 1 FROM complaint_events e WHERE e."complaintId" = c.id AND e.kind = 'created')
                                                  OR NOT EXISTS (SELECT 1 FROM sla_clocks k WHERE k."complaintId" = c.id))
      ) AS row`);
    return rows[0]!.row;
  } finally {
    await client.end();
  }
}

/** Dumps `sourceUrl` (custom format), restores into the fresh database `targetUrl`, compares the complaints. */
export async function roundTrip(tools: { pgDump: string; pgRestore: string }, sourceUrl: string, targetUrl: string) {
  const file = path.join(os.tmpdir(), `skyline-backup-${process.pid}-${Date.now()}.dump`);
  try {
    const started = Date.now();
    await run(tools.pgDump, ["--format=custom", "--no-owner", `--file=${file}`, sourceUrl], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const dumped = Date.now();
    await run(tools.pgRestore, ["--no-owner", "--exit-on-error", `--dbname=${targetUrl}`, file], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const [source, restored] = await Promise.all([snapshot(sourceUrl), snapshot(targetUrl)]);
    return {
      source,
      restored,
      same: JSON.stringify(source) === JSON.stringify(restored),
      dumpMs: dumped - started,
      restoreMs: Date.now() - dumped,
    };
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * How to run a round trip against a server of `major`: directly (a pg_dump ≥ major exists), on a scratch cluster of
 * the distribution's PostgreSQL (older pg_dump, server binaries beside it), or not at all (and what to install).
 */
export async function planRoundTrip(
  major: number,
): Promise<
  | { mode: "direct"; tools: { pgDump: string; pgRestore: string } }
  | { mode: "scratch"; tools: { pgDump: string; pgRestore: string }; distro: DistroPostgres }
  | { mode: "missing"; reason: string }
> {
  const tools = await findPgDump(major);
  if (!("missing" in tools)) return { mode: "direct", tools };
  const distro = findDistroPostgres();
  if (distro)
    return {
      mode: "scratch",
      tools: { pgDump: path.join(distro.bin, "pg_dump"), pgRestore: path.join(distro.bin, "pg_restore") },
      distro,
    };
  return {
    mode: "missing",
    reason: `${tools.missing}, and no PostgreSQL server binaries under /usr/lib/postgresql to run a scratch cluster: ${INSTALL_HINT}`,
  };
}
