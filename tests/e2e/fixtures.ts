// Shared e2e fixtures: scripted sign-in (no clicking through the form), a database handle, and a guard that fails
// a test on any unexpected console.error in the browser.
import { randomInt } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../prisma/seed/demo-logins";

export type DemoRole = (typeof DEMO_LOGINS)[number]["role"];

export async function loginAs(page: Page, role: DemoRole) {
  const login = DEMO_LOGINS.find((candidate) => candidate.role === role);
  if (!login) throw new Error(`no demo login for ${role}`);
  await signInWithPassword(page, login.email, DEMO_PASSWORD);
}

/**
 * A client address of its own for a simulated user. The e2e server trusts loopback as its reverse proxy
 * (TRUSTED_PROXIES in scripts/test.ts), so this is the address per-IP limits count: the whole suite signing in from
 * one address would otherwise hit the per-IP sign-in limit.
 */
export const simulatedClientAddress = () => `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}`;

export async function signInWithPassword(page: Page, email: string, password: string) {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: "/" },
    headers: { "x-forwarded-for": simulatedClientAddress() },
  });
  expect(response.ok()).toBeTruthy();
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.name.endsWith("next-auth.session-token"))).toBeTruthy();
}

export async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// Messages the browser logs on purpose (e.g. a 401 from a failed sign-in, a 404 page sent with its status);
// anything else fails the test.
const EXPECTED_CONSOLE_ERRORS = [/401 \(Unauthorized\)/, /403 \(Forbidden\)/, /404 \(Not Found\)/];

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && !EXPECTED_CONSOLE_ERRORS.some((pattern) => pattern.test(message.text()))) {
          errors.push(message.text());
        }
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "unexpected errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * E-mails the e2e run's mail catcher received for one recipient, newest first (scripts/test.ts starts the catcher
 * and points the app's SMTP_URL at it; its table lives in a database of its own).
 */
export async function caughtMailTo(
  to: string,
): Promise<{ subject: string; text: string | null; html: string | null; kind: string | null }[]> {
  const connectionString = process.env.SKYLINE_E2E_MAIL_DATABASE_URL;
  if (!connectionString) throw new Error("SKYLINE_E2E_MAIL_DATABASE_URL is set by scripts/test.ts");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{
      subject: string;
      text: string | null;
      html: string | null;
      kind: string | null;
    }>(
      `SELECT subject, text, html, kind FROM devmail.dev_mailbox WHERE "to" ILIKE $1 ORDER BY received_at DESC, id DESC`,
      [`%${to}%`],
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** SMS the e2e run's development SMS centre received for one number (digits), newest first (scripts/test.ts). */
export async function caughtSmsTo(digits: string): Promise<{ text: string; encoding: string; segments: number }[]> {
  const connectionString = process.env.SKYLINE_E2E_MAIL_DATABASE_URL;
  if (!connectionString) throw new Error("SKYLINE_E2E_MAIL_DATABASE_URL is set by scripts/test.ts");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const exists = await client.query<{ exists: boolean }>(
      `SELECT to_regclass('devsms.dev_sms') IS NOT NULL AS "exists"`,
    );
    if (!exists.rows[0]?.exists) return [];
    const { rows } = await client.query<{ text: string; encoding: string; segments: number }>(
      `SELECT text, encoding, segments FROM devsms.dev_sms WHERE destination LIKE $1 ORDER BY received_at DESC, id DESC`,
      [`%${digits}`],
    );
    return rows;
  } finally {
    await client.end();
  }
}
