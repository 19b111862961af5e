// The app under test: production build, `next start` on loopback against the bench database, signed-in sessions
// and an API token created directly in the database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, createHash } from "node:crypto";
import pg from "pg";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-logins";
import { bin, buildIfStale, waitForHealthy } from "../../scripts/lib/steps";
import { ROOT } from "../../scripts/lib/paths";
import { BENCH_SECRET } from "./config";

export type RunningApp = { url: string; process: ChildProcess; stop: () => Promise<void> };

export function appEnv(databaseUrl: string, port: number) {
  return {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: BENCH_SECRET,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    APP_URL: `http://127.0.0.1:${port}`,
    NODE_ENV: "production" as const,
    // Background jobs (SLA sweep, mail) would compete with the measured requests; the bench measures requests only.
    JOBS_ENABLED: process.env.BENCH_JOBS_ENABLED ?? "false",
    SMTP_URL: "smtp://127.0.0.1:1",
    INBOUND_EMAIL_SECRET: "bench-inbound-secret-0123456789",
  };
}

export async function buildApp(databaseUrl: string, port: number) {
  return buildIfStale(appEnv(databaseUrl, port));
}

export async function startApp(
  databaseUrl: string,
  port: number,
  extraEnv: Record<string, string> = {},
): Promise<RunningApp> {
  const child: ChildProcess = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...appEnv(databaseUrl, port), ...extraEnv },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealthy(`${url}/api/health`, 60_000);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
  return { url, process: child, stop };
}

/** next-auth credentials sign-in without the form: csrf token, then the callback; returns the Cookie header. */
export async function signIn(url: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const csrfCookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`sign-in as ${email} failed (HTTP ${response.status})`);
  return session;
}

/** An API token with the create/read permissions, owned by the admin, written straight into the database. */
export async function createApiToken(client: pg.Client | pg.Pool, name = "bench"): Promise<string> {
  const prefix = randomBytes(4).toString("hex");
  const token = `sk_${prefix}_${randomBytes(32).toString("hex")}`;
  const hash = createHash("sha256").update(token).digest("hex");
  await client.query(
    `INSERT INTO api_tokens (name, prefix, "tokenHash", permissions, "createdById", "createdAt")
     VALUES ($1, $2, $3, $4, (SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1), now())`,
    [name, prefix, hash, ["complaint.create", "complaint.read", "complaint.read_all", "customer.read"]],
  );
  return token;
}
