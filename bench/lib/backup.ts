// pg_dump / pg_restore round trip: dump a database, restore it into a fresh one, and check that every complaint is
// there. pg_dump refuses servers newer than itself, so the client tools must be at least the server's major version
// (the embedded server is PostgreSQL 17; Debian 12's packaged pg_dump is 15 — see bench/README.md).
import { execFile } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

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
export async function findPgDump(serverMajor: number): Promise<{ pgDump: string; pgRestore: string } | { missing: string }> {
  const candidates = [
    process.env.PG_DUMP,
    ...(existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").map((version) => `/usr/lib/postgresql/${version}/bin/pg_dump`) : []),
    "pg_dump",
  ].filter((candidate): candidate is string => Boolean(candidate));
  const found: string[] = [];
  for (const candidate of candidates) {
    const major = await majorOf(candidate);
    if (major === null) continue;
    found.push(`${candidate} (${major})`);
    if (major >= serverMajor) return { pgDump: candidate, pgRestore: candidate.includes("/") ? path.join(path.dirname(candidate), "pg_restore") : "pg_restore" };
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

async function references(url: string): Promise<{ count: number; digest: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number; digest: string }>(
      `SELECT count(*)::int AS count, coalesce(md5(string_agg(reference, ',' ORDER BY id)), '') AS digest FROM complaints`,
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

/** Dumps `sourceUrl` (custom format), restores into the fresh database `targetUrl`, compares the complaints. */
export async function roundTrip(tools: { pgDump: string; pgRestore: string }, sourceUrl: string, targetUrl: string) {
  const file = path.join(os.tmpdir(), `skyline-backup-${process.pid}-${Date.now()}.dump`);
  try {
    const started = Date.now();
    await run(tools.pgDump, ["--format=custom", "--no-owner", `--file=${file}`, sourceUrl], { maxBuffer: 16 * 1024 * 1024 });
    const dumped = Date.now();
    await run(tools.pgRestore, ["--no-owner", "--exit-on-error", `--dbname=${targetUrl}`, file], { maxBuffer: 16 * 1024 * 1024 });
    const [source, restored] = await Promise.all([references(sourceUrl), references(targetUrl)]);
    return { source, restored, same: source.count === restored.count && source.digest === restored.digest, dumpMs: dumped - started, restoreMs: Date.now() - dumped };
  } finally {
    rmSync(file, { force: true });
  }
}
