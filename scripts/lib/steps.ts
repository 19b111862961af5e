// Steps shared by the start and test scripts: generate the client, migrate, seed, build, run child processes.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { BIN, DATA_DIR, ROOT } from "./paths";

/** Extra variables for a child process (merged over this process's environment). */
export type ChildEnv = Record<string, string | undefined>;

export function log(message: string) {
  process.stdout.write(`\x1b[36m[skyline]\x1b[0m ${message}\n`);
}

/** Runs a command to completion, streaming its output; rejects with a clear message on a non-zero exit. */
export function run(command: string, args: string[], env: ChildEnv = {}, options: { quiet?: boolean } = {}) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit ${code}`})${output ? `\n${output.slice(-4000)}` : ""}`,
          ),
        );
    });
  });
}

export function start(command: string, args: string[], env: ChildEnv = {}): ChildProcess {
  return spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: "inherit",
  });
}

export const bin = (name: string) => path.join(BIN, name);

export async function prismaGenerate() {
  await run(bin("prisma"), ["generate"], { DATABASE_URL: "postgresql://unused@127.0.0.1/unused" }, { quiet: true });
}

function migrationNames() {
  const dir = path.join(ROOT, "prisma", "migrations");
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort();
}

/** Applies pending migrations; skips the ~12 s `migrate deploy` when every migration is already recorded. */
export async function migrate(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let applied = new Set<string>();
  try {
    const table = await client.query("select to_regclass('public._prisma_migrations') as name");
    if (table.rows[0]?.name) {
      const rows = await client.query<{ migration_name: string }>(
        "select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null",
      );
      applied = new Set(rows.rows.map((row) => row.migration_name));
    }
  } finally {
    await client.end();
  }
  const pending = migrationNames().filter((name) => !applied.has(name));
  if (pending.length === 0) return false;
  log(`applying ${pending.length} migration(s)…`);
  await run(bin("prisma"), ["migrate", "deploy"], { DATABASE_URL: databaseUrl }, { quiet: true });
  return true;
}

/** Node flags for tsx runs of project code outside Next.js: `import "server-only"` is a no-op there (see the file). */
export const OUTSIDE_NEXT = ["--require", path.join(ROOT, "scripts", "lib", "outside-next.cjs")];

/** Seeds once; the session secret lets seeded complaints get working tracking links. */
export async function seed(databaseUrl: string, sessionSecret: string, extraArgs: string[] = []) {
  await run(bin("tsx"), [...OUTSIDE_NEXT, path.join("prisma", "seed", "cli.ts"), ...extraArgs], {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: sessionSecret,
  });
}

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "i18n",
  "messages",
  "types",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "proxy.ts",
  "instrumentation.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

function hashTree(hash: ReturnType<typeof createHash>, target: string) {
  if (!existsSync(target)) return;
  const stat = statSync(target);
  if (stat.isDirectory()) {
    if (target.endsWith(`${path.sep}generated`)) return;
    for (const entry of readdirSync(target).sort()) hashTree(hash, path.join(target, entry));
  } else {
    hash.update(path.relative(ROOT, target));
    hash.update(readFileSync(target));
  }
}

function sourceHash() {
  const hash = createHash("sha256");
  // A build made by another Node major is rebuilt: CI's Node 24 leg builds with Node 24 rather than reusing Node 20's.
  hash.update(`node ${process.versions.node.split(".")[0]}`);
  for (const input of BUILD_INPUTS) hashTree(hash, path.join(ROOT, input));
  return hash.digest("hex");
}

/** `next build` unless the last build was made from exactly these sources. */
export async function buildIfStale(env: ChildEnv) {
  const marker = path.join(ROOT, ".next", "skyline-source-hash");
  const current = sourceHash();
  if (
    existsSync(marker) &&
    readFileSync(marker, "utf8") === current &&
    existsSync(path.join(ROOT, ".next", "BUILD_ID"))
  ) {
    return false;
  }
  log("building the app (first start or changed sources; takes a minute or two)…");
  await run(bin("next"), ["build"], env);
  writeFileSync(marker, current);
  return true;
}

/** A stable per-installation secret (session signing, inbound e-mail webhook), generated once under .data/. */
export function installationSecret(name: "session-secret" | "inbound-email-secret") {
  mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

export async function waitForHealthy(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`The app did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}
