// Issue 20, target 4: each API token has its own requests per minute, set on the token page and enforced by the API
// rate limiter; and the in-memory token cache honours revocations made elsewhere (LISTEN/NOTIFY, two clients).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken, updateApiTokenLimit } from "@/lib/api-tokens/service";
import { hitRateLimitReserved, reservationSize } from "@/lib/security/rate-limit";
import { CacheHub, ReferenceCache } from "@/lib/reference/cache";
import * as customersRoute from "@/app/api/v1/customers/route";
import { makeStaff } from "@/tests/integration/factories";

const listCustomers = (token: string) =>
  customersRoute.GET(
    new Request("http://localhost/api/v1/customers", { headers: { authorization: `Bearer ${token}` } }),
  );

async function tokenWith(permissions: string[], rateLimitPerMinute?: number) {
  const { actor } = await makeStaff("admin");
  const created = await createApiToken(actor, {
    name: `limit ${rateLimitPerMinute ?? "default"}`,
    permissions,
    ...(rateLimitPerMinute ? { rateLimitPerMinute } : {}),
  });
  if (!created.ok) throw new Error(created.message);
  return { actor, ...created };
}

/** Polls until `check` holds (notifications arrive asynchronously after commit), failing after `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 3_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("condition not reached in time");
}

describe("per-token API limits", () => {
  it("a token with limit N gets 429 with Retry-After on request N+1 in the window; another token is unaffected", async () => {
    // Start right after a minute boundary would split the burst over two windows: wait out the last 3 s of a minute.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 57_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    const limited = await tokenWith(["customer.read"], 5);
    const other = await tokenWith(["customer.read"]);
    expect(limited.apiToken.rateLimitPerMinute).toBe(5);
    expect(other.apiToken.rateLimitPerMinute).toBe(600);
    for (let request = 1; request <= 5; request++) expect((await listCustomers(limited.token)).status).toBe(200);
    const refused = await listCustomers(limited.token);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ error: { code: "rate_limited" } });
    for (let request = 1; request <= 10; request++) expect((await listCustomers(other.token)).status).toBe(200);

    // Raised on the token page: the next request passes, no code change, no restart.
    const raised = await updateApiTokenLimit(limited.actor, {
      id: limited.apiToken.id,
      rateLimitPerMinute: "3000",
      expectedRateLimitPerMinute: 5,
    });
    expect(raised).toEqual({ ok: true, rateLimitPerMinute: 3000 });
    expect((await listCustomers(limited.token)).status).toBe(200);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "api_token.update", entityId: String(limited.apiToken.id) },
    });
    expect(audit.changes).toMatchObject({ rateLimitPerMinute: { from: 5, to: 3000 } });
  });

  it("validates the limit with field messages, refuses a stale form as a conflict, and needs admin.tokens", async () => {
    const { actor, apiToken } = await tokenWith(["customer.read"]);
    const field = async (value: unknown) => {
      const result = await updateApiTokenLimit(actor, {
        id: apiToken.id,
        rateLimitPerMinute: value,
        expectedRateLimitPerMinute: 600,
      });
      return result.ok ? "ok" : result.fields?.rateLimitPerMinute?.[0];
    };
    expect(await field(0)).toBe("limit_too_low");
    expect(await field(100_001)).toBe("limit_too_high");
    expect(await field(2.5)).toBe("limit_whole");
    expect(await field("many")).toBe("limit_invalid");
    expect(await field("")).toBe("limit_invalid");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).rateLimitPerMinute).toBe(600);
    expect(
      await createApiToken(actor, { name: "Too fast", permissions: ["customer.read"], rateLimitPerMinute: 0 }),
    ).toMatchObject({
      ok: false,
      fields: { rateLimitPerMinute: ["limit_too_low"] },
    });

    expect(
      await updateApiTokenLimit(actor, { id: apiToken.id, rateLimitPerMinute: 1200, expectedRateLimitPerMinute: 600 }),
    ).toMatchObject({ ok: true });
    // A second admin still looking at 600:
    expect(
      await updateApiTokenLimit(actor, { id: apiToken.id, rateLimitPerMinute: 900, expectedRateLimitPerMinute: 600 }),
    ).toMatchObject({ ok: false, error: "conflict" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).rateLimitPerMinute).toBe(1200);
    const { actor: agent } = await makeStaff("agent");
    expect(
      await updateApiTokenLimit(agent, { id: apiToken.id, rateLimitPerMinute: 5, expectedRateLimitPerMinute: 1200 }),
    ).toMatchObject({ ok: false, error: "forbidden" });
    expect(
      await updateApiTokenLimit(actor, { id: 999_999, rateLimitPerMinute: 5, expectedRateLimitPerMinute: 600 }),
    ).toMatchObject({ ok: false, error: "not_found" });
  });

  it("reserving hits in batches never lets the instances together exceed the limit", async () => {
    const key = `test-reserved:${Date.now()}`;
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 1_000);
    expect(reservationSize(600)).toBe(12);
    // Another instance already used 590 of 600 this minute.
    await db.rateLimitBucket.create({
      data: { key, windowStart: new Date(Math.floor(now.getTime() / 60_000) * 60_000), count: 590 },
    });
    let allowed = 0;
    for (let hit = 0; hit < 30; hit++) if ((await hitRateLimitReserved(key, 600, 60, now)).allowed) allowed += 1;
    expect(allowed).toBe(10);
  });
});

describe("in-process caches invalidated across instances (LISTEN/NOTIFY)", () => {
  it("two clients each drop their cached rows when a third connection changes the table", async () => {
    const url = () => process.env.DATABASE_URL!;
    const instances = [new CacheHub(url), new CacheHub(url)];
    try {
      for (const hub of instances) expect(await hub.whenReady()).toBe(true);
      const caches = instances.map((hub) => new ReferenceCache<string, number>(hub, ["api_tokens"], { ttlMs: 60_000 }));
      const { apiToken } = await tokenWith(["customer.read"]);
      // The token's own INSERT notifies too: wait until both clients heard a marker sent after it (delivery is in
      // order).
      const heard = instances.map((hub) => new Promise<void>((resolve) => hub.subscribe(["test_marker"], resolve)));
      await db.$executeRaw`SELECT pg_notify('skyline_cache', 'test_marker')`;
      await Promise.all(heard);
      const read = async () => (await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).rateLimitPerMinute;
      for (const cache of caches) expect(await cache.get("limit", read)).toBe(600);
      // Not re-read while nothing changed:
      await db.$executeRaw`UPDATE api_tokens SET "lastUsedAt" = now() WHERE id = ${apiToken.id}`; // a column no cache holds: no notification
      await db.$executeRaw`UPDATE rate_limit_buckets SET count = count WHERE false`;
      for (const cache of caches) expect(await cache.get("limit", async () => -1)).toBe(600);
      // Changed by "someone else" (psql, another instance): both caches drop the row.
      await db.$executeRaw`UPDATE api_tokens SET "rateLimitPerMinute" = 42 WHERE id = ${apiToken.id}`;
      for (const cache of caches) await eventually(async () => (await cache.get("limit", read)) === 42);
    } finally {
      await Promise.all(instances.map((hub) => hub.close()));
    }
  });

  it("a token revoked directly in the database stops working on the next requests (cached before)", async () => {
    const { token, apiToken } = await tokenWith(["customer.read"]);
    expect((await listCustomers(token)).status).toBe(200); // now cached
    expect((await listCustomers(token)).status).toBe(200);
    await db.$executeRaw`UPDATE api_tokens SET "revokedAt" = now() WHERE id = ${apiToken.id}`;
    await eventually(async () => (await listCustomers(token)).status === 401);
  });
});
