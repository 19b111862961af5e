// Under `next start`, the app sees each request's socket address (instrumentation.ts → lib/security/peer-address.ts):
// the e2e server trusts loopback as its reverse proxy (scripts/test.ts), so X-Forwarded-For names the client that
// per-IP limits count, and X-Forwarded-Proto: https makes next-auth's cookies Secure and prefixed and adds HSTS.
// A second `next start` without TRUSTED_PROXIES shows a direct client's made-up headers changing nothing.
import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, withDb } from "./fixtures";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../prisma/seed/demo-logins";

test.describe("behind a trusted proxy", () => {
  test("X-Forwarded-Proto: https gives HSTS and __Host-/__Secure- cookies; plain http gives neither", async ({
    request,
  }) => {
    const tls = await request.get("/api/auth/csrf", { headers: { "x-forwarded-proto": "https" } });
    const tlsCookies = tls
      .headersArray()
      .filter((header) => header.name.toLowerCase() === "set-cookie")
      .map((header) => header.value);
    expect(tlsCookies.find((cookie) => cookie.startsWith("__Host-next-auth.csrf-token="))).toMatch(
      /; Path=\/;.*Secure/i,
    );
    expect(tlsCookies.find((cookie) => cookie.startsWith("__Secure-next-auth.callback-url="))).toMatch(/Secure/i);
    const page = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(page.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");

    const plain = await request.get("/api/auth/csrf");
    const plainCookies = plain
      .headersArray()
      .filter((header) => header.name.toLowerCase() === "set-cookie")
      .map((header) => header.value);
    const csrf = plainCookies.find((cookie) => cookie.startsWith("next-auth.csrf-token="));
    expect(csrf).toBeDefined();
    expect(csrf).not.toMatch(/Secure/i);
    expect((await request.get("/login")).headers()["strict-transport-security"]).toBeUndefined();
  });

  test("a sign-in is recorded under the right-most untrusted X-Forwarded-For address, and the session works over TLS", async ({
    request,
  }) => {
    const login = DEMO_LOGINS.find((candidate) => candidate.role === "agent");
    if (!login) throw new Error("no agent login");
    const client = `198.18.${Date.now() % 250}.${((Date.now() >> 8) % 250) + 1}`;
    const headers = { "x-forwarded-proto": "https", "x-forwarded-for": `203.0.113.66, ${client}` };
    const csrf = await request.get("/api/auth/csrf", { headers });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await request.post("/api/auth/callback/credentials", {
      headers,
      form: { csrfToken, email: login.email, password: DEMO_PASSWORD, json: "true", callbackUrl: "/" },
    });
    expect(signIn.ok()).toBeTruthy();
    const session = signIn
      .headersArray()
      .find(
        (header) =>
          header.name.toLowerCase() === "set-cookie" && header.value.startsWith("__Secure-next-auth.session-token="),
      );
    expect(session?.value).toMatch(/HttpOnly/i);
    expect(session?.value).toMatch(/Secure/i);

    // The server components read the prefixed cookie back: the signed-in home page, not the sign-in page.
    const home = await request.get("/api/auth/session", { headers });
    expect(((await home.json()) as { userId?: number }).userId).toEqual(expect.any(Number));

    const ips = await withDb(
      async (db) =>
        (
          await db.query<{ ip: string | null }>(
            `SELECT ip FROM login_attempts WHERE email = $1 ORDER BY id DESC LIMIT 1`,
            [login.email],
          )
        ).rows,
    );
    expect(ips).toEqual([{ ip: client }]);
  });
});

// Same port as db-outage.spec.ts (specs run one at a time); each spec stops its instance.
const DIRECT_PORT = Number(process.env.SKYLINE_E2E_PORT ?? 3100) + 1;
const DIRECT = `http://127.0.0.1:${DIRECT_PORT}`;

test.describe("without trusted proxies", () => {
  let app: ChildProcess | undefined;

  test.beforeAll(async () => {
    app = spawn("node_modules/.bin/next", ["start", "-p", String(DIRECT_PORT), "-H", "127.0.0.1"], {
      env: {
        ...process.env,
        TRUSTED_PROXIES: "",
        JOBS_ENABLED: "false",
        NEXTAUTH_URL: DIRECT,
        APP_URL: DIRECT,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "ignore"],
    });
    for (let attempt = 0; attempt < 200; attempt += 1) {
      if (
        await fetch(`${DIRECT}/api/health`)
          .then((response) => response.ok)
          .catch(() => false)
      )
        return;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    throw new Error(`the second app instance did not become healthy on ${DIRECT}`);
  });

  test.afterAll(() => {
    app?.kill("SIGTERM");
  });

  test("a client's own X-Forwarded-For and X-Forwarded-Proto are ignored: the socket address counts, no HSTS, plain cookies", async ({
    request,
  }) => {
    const spoof = { "x-forwarded-for": "203.0.113.99", "x-forwarded-proto": "https", "x-real-ip": "203.0.113.98" };
    const page = await request.get(`${DIRECT}/login`, { headers: spoof });
    expect(page.headers()["strict-transport-security"]).toBeUndefined();
    const csrf = await request.get(`${DIRECT}/api/auth/csrf`, { headers: spoof });
    const cookies = csrf
      .headersArray()
      .filter((header) => header.name.toLowerCase() === "set-cookie")
      .map((header) => header.value);
    expect(cookies.some((cookie) => cookie.startsWith("next-auth.csrf-token="))).toBe(true);
    expect(cookies.some((cookie) => cookie.startsWith("__Host-"))).toBe(false);

    const email = `nobody-${Date.now()}@spoof.example`;
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    for (let index = 0; index < 3; index++) {
      await request.post(`${DIRECT}/api/auth/callback/credentials`, {
        headers: { ...spoof, "x-forwarded-for": `198.18.9.${index + 1}` },
        form: { csrfToken, email, password: "wrong-password", json: "true", callbackUrl: "/" },
      });
    }
    const ips = await withDb(
      async (db) =>
        (await db.query<{ ip: string | null }>(`SELECT ip FROM login_attempts WHERE email = $1`, [email])).rows,
    );
    expect(ips).toEqual([{ ip: "127.0.0.1" }, { ip: "127.0.0.1" }, { ip: "127.0.0.1" }]);
  });
});
