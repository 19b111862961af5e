// Reliability (issue 8): server-rendered pages during a database outage. A second `next start` of the same build
// reaches the e2e database through a TCP relay this test controls; closing the relay (and cutting its connections)
// is the outage, reopening it the recovery — the shared e2e database server itself is never stopped.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { loginAs } from "./fixtures";

const PORT = Number(process.env.SKYLINE_E2E_PORT ?? 3100) + 1;
const BASE = `http://127.0.0.1:${PORT}`;

/** Forwards connections from a local port to the real database; `cut()` is the outage, `restore()` the recovery. */
function databaseRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  let port = 0;
  const listen = () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return {
    async start() {
      await listen();
      port = (server.address() as net.AddressInfo).port;
      return port;
    },
    async cut() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    restore: listen,
  };
}

async function timed(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  const started = Date.now();
  const response = await request.get(`${BASE}${path}`, { headers, maxRedirects: 0, timeout: 15_000 });
  return { response, ms: Date.now() - started, body: await response.text() };
}

test.describe("pages while the database is away", () => {
  let app: ChildProcess | undefined;
  const relay = databaseRelay(new URL(process.env.DATABASE_URL!));

  test.beforeAll(async () => {
    const relayPort = await relay.start();
    const databaseUrl = Object.assign(new URL(process.env.DATABASE_URL!), { port: String(relayPort) }).toString();
    app = spawn("node_modules/.bin/next", ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        JOBS_ENABLED: "false",
        NEXTAUTH_URL: BASE,
        APP_URL: BASE,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "ignore"],
    });
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const healthy = await fetch(`${BASE}/api/health`)
        .then((response) => response.ok)
        .catch(() => false);
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    throw new Error(`the second app instance did not become healthy on ${BASE}`);
  });

  test.afterAll(async () => {
    app?.kill("SIGTERM");
    await relay.cut().catch(() => undefined);
  });

  test("answer 503 with Retry-After and a self-retrying page in the user's language, then recover by themselves", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ baseURL: BASE, locale: "en-US" });
    const page = await context.newPage();
    await loginAs(page, "agent");
    const cookie = (await context.cookies()).map((entry) => `${entry.name}=${entry.value}`).join("; ");
    expect((await timed(context.request, "/complaints", { cookie })).response.status()).toBe(200);

    await relay.cut();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the app's pooled connection sees the cut

    // Fail fast: every page request answers within 5 s; the outage is known at once (the cut pooled connection), so
    // pages answer 503 + Retry-After rather than the 500 error page.
    const first = await timed(context.request, "/complaints", { cookie, "accept-language": "en-GB,en;q=0.8" });
    expect(first.ms).toBeLessThan(5_000);
    expect(first.response.status()).toBe(503);
    expect(first.response.headers()["retry-after"]).toBe("5");
    expect(first.body).toContain('http-equiv="refresh"');
    expect(first.body).toContain("Service temporarily unavailable");

    for (const path of ["/dashboard", "/login", "/"]) {
      const outcome = await timed(context.request, path, { cookie: "NEXT_LOCALE=zh-CN" });
      expect(outcome.ms, path).toBeLessThan(5_000);
      expect(outcome.response.status(), path).toBe(503);
      expect(outcome.response.headers()["retry-after"], path).toBe("5");
      expect(outcome.body, path).toContain("服务暂时不可用");
    }
    // The API keeps its own JSON 503.
    const api = await timed(context.request, "/api/health");
    expect(api.response.status()).toBe(503);

    // In the browser: the friendly page, which reloads by itself and shows the queue once the database is back.
    await page.goto("/complaints");
    await expect(page.getByRole("heading", { name: "Service temporarily unavailable" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("Retrying automatically");

    await relay.restore();
    await expect(page.getByRole("heading", { name: "Service temporarily unavailable" })).toBeHidden({
      timeout: 30_000,
    });
    await expect(page).toHaveURL(/\/complaints/);
    await expect(page.getByTestId("user-menu")).toBeVisible();
    expect((await timed(context.request, "/complaints", { cookie })).response.status()).toBe(200);
    await context.close();
  });
});
