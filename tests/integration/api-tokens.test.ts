// API tokens (creation, hashing at rest, revocation, expiry, rate limit), the error mapper's 500, and openapi.json.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/api-tokens/service";
import { hashApiToken } from "@/lib/api-tokens/token";
import { API_RATE_LIMIT } from "@/lib/api/auth";
import { guarded } from "@/lib/api/respond";
import * as customersRoute from "@/app/api/v1/customers/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import { OPERATIONS } from "@/lib/api/openapi";
import { makeApiToken, makeStaff } from "@/tests/integration/factories";

const listCustomers = (token?: string) =>
  customersRoute.GET(
    new Request("http://localhost/api/v1/customers", { headers: token ? { authorization: `Bearer ${token}` } : {} }),
  );

describe("API token administration", () => {
  it("creates a token shown once, stores only its SHA-256, and the token works", async () => {
    const { actor } = await makeStaff("admin");
    const created = await createApiToken(actor, {
      name: "WeChat gateway",
      permissions: ["customer.read", "complaint.create"],
    });
    if (!created.ok) throw new Error(created.message);
    expect(created.token).toMatch(/^sk_[0-9a-f]{8}_[0-9a-f]{64}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.apiToken.id }, omit: { tokenHash: false } });
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(row.prefix).toBe(created.token.slice(3, 11));
    // The plain token appears in no column of the table.
    const hits = await db.$queryRaw<
      { count: bigint }[]
    >`SELECT count(*) FROM api_tokens WHERE row_to_json(api_tokens)::text LIKE ${`%${created.token.slice(12)}%`}`;
    expect(Number(hits[0]?.count)).toBe(0);
    // Listing never carries the hash.
    const listed = await listApiTokens(actor);
    expect(listed.find((token) => token.id === created.apiToken.id)).not.toHaveProperty("tokenHash");

    const response = await listCustomers(created.token);
    expect(response.status).toBe(200);
    const used = await db.apiToken.findUniqueOrThrow({ where: { id: created.apiToken.id } });
    expect(used.lastUsedAt).not.toBeNull();
  });

  it("validates the form and needs admin.tokens", async () => {
    const { actor } = await makeStaff("admin");
    const invalid = await createApiToken(actor, { name: " ", permissions: ["admin.users"] });
    expect(invalid).toMatchObject({ ok: false, error: "invalid" });
    if (!invalid.ok) expect(Object.keys(invalid.fields ?? {}).sort()).toEqual(["name", "permissions.0"]);
    const past = await createApiToken(actor, { name: "Old", permissions: ["customer.read"], expiresOn: "2020-01-01" });
    expect(past).toMatchObject({ ok: false, fields: { expiresOn: ["in_past"] } });
    const { actor: agent } = await makeStaff("agent");
    expect(await createApiToken(agent, { name: "Mine", permissions: ["customer.read"] })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
  });

  it("a revoked token, an expired token, a deactivated creator's token and a malformed one all get 401", async () => {
    const { actor } = await makeStaff("admin");
    const created = await createApiToken(actor, { name: "Soon revoked", permissions: ["customer.read"] });
    if (!created.ok) throw new Error(created.message);
    expect((await revokeApiToken(actor, created.apiToken.id)).ok).toBe(true);
    expect((await listCustomers(created.token)).status).toBe(401);
    expect((await revokeApiToken(actor, 999_999)).ok).toBe(false);

    const expired = await makeApiToken(["customer.read"], { expiresAt: new Date(Date.now() - 1000) });
    expect((await listCustomers(expired.token)).status).toBe(401);

    const orphan = await makeApiToken(["customer.read"]);
    await db.user.update({ where: { id: orphan.admin.id }, data: { active: false } });
    expect((await listCustomers(orphan.token)).status).toBe(401);

    for (const bad of ["", "sk_short", "Basic abc"]) expect((await listCustomers(bad)).status).toBe(401);
    const response = await listCustomers();
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("limits requests per token: 429 with Retry-After", async () => {
    const { id, token } = await makeApiToken(["customer.read"]);
    const windowMs = API_RATE_LIMIT.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
    await db.rateLimitBucket.create({ data: { key: `api-token:${id}`, windowStart, count: API_RATE_LIMIT.requests } });
    const response = await listCustomers(token);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("unexpected errors", () => {
  it("become a generic 500 without details, logged with context", async () => {
    const lines: string[] = [];
    const log = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const handler = guarded(async () => {
      throw new Error("secret internals at /srv/app.ts:12");
    });
    const response = await handler(new Request("http://localhost/api/v1/boom", { method: "POST" }));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("secret internals");
    expect(JSON.parse(text)).toMatchObject({ error: { code: "internal" } });
    // One JSON log line (lib/observability/log.ts) with the context, the error's message included for the operator.
    const entry = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.msg === "[api] unexpected error");
    expect(entry).toMatchObject({
      level: "error",
      method: "POST",
      path: "/api/v1/boom",
      error: { message: "secret internals at /srv/app.ts:12" },
    });
    log.mockRestore();
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document with every path, the bearer scheme and the error shape", async () => {
    const response = await openapiRoute.GET(new Request("http://localhost/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { parameters?: { name: string }[]; responses: Record<string, unknown>; requestBody?: unknown }>
      >;
      components: { securitySchemes: Record<string, unknown>; schemas: Record<string, { required?: string[] }> };
    };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual([
      "/api/v1/complaints",
      "/api/v1/complaints/{reference}",
      "/api/v1/complaints/{reference}/comments",
      "/api/v1/complaints/{reference}/transitions",
      "/api/v1/customers",
      "/api/v1/customers/{id}",
    ]);
    expect(OPERATIONS.every((operation) => document.paths[operation.path]?.[operation.method])).toBe(true);
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components.schemas.CreateComplaint?.required).toEqual([
      "customer",
      "channelId",
      "severityId",
      "subject",
      "description",
    ]);
    expect(document.components.schemas.Error).toBeDefined();
    const list = document.paths["/api/v1/complaints"]?.get;
    expect(list?.parameters?.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(["queue", "status", "q", "cursor", "limit"]),
    );
    expect(document.paths["/api/v1/complaints/{reference}"]?.patch?.responses).toHaveProperty("409");
  });
});
