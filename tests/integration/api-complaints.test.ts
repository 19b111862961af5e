// REST API /api/v1/complaints: every endpoint's happy path and its 400/401/403/404/409 answers, through the real
// handlers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import * as listRoute from "@/app/api/v1/complaints/route";
import * as itemRoute from "@/app/api/v1/complaints/[reference]/route";
import * as transitionsRoute from "@/app/api/v1/complaints/[reference]/transitions/route";
import * as commentsRoute from "@/app/api/v1/complaints/[reference]/comments/route";
import { makeApiToken, makeChannel, makeSeverity } from "@/tests/integration/factories";

type Init = { token?: string; body?: unknown; rawBody?: string; query?: string };

function request(method: string, path: string, init: Init = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  return new Request(`http://localhost/api/v1${path}${init.query ?? ""}`, { method, headers, body });
}

const ref = (reference: string) => ({ params: Promise.resolve({ reference }) });

async function read(response: Response) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions walk arbitrary JSON
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

const ALL = [
  "complaint.read",
  "complaint.read_all",
  "complaint.create",
  "complaint.update",
  "complaint.transition",
  "complaint.reply",
  "customer.read",
];
let token: string;
let readOnly: string;
let channelId: number;
let severityId: number;

function validBody(overrides: Record<string, unknown> = {}) {
  return {
    customer: { name: "王芳", phone: "+86 138 0000 1111", email: "wang.fang@example.com", locale: "zh-CN" },
    channelId,
    severityId,
    subject: "Lost baggage on MU5101",
    description: "My suitcase did not arrive in Shanghai and nobody called me back.",
    ...overrides,
  };
}

async function createOne(overrides: Record<string, unknown> = {}) {
  const { body } = await read(
    await listRoute.POST(request("POST", "/complaints", { token, body: validBody(overrides) })),
  );
  return body.data as { id: number; reference: string };
}

beforeAll(async () => {
  token = (await makeApiToken(ALL)).token;
  readOnly = (await makeApiToken(["complaint.read", "complaint.read_all"])).token;
  channelId = (await makeChannel()).id;
  severityId = (await makeSeverity()).id;
});

// Replies and acknowledgements request an outbox flush through pg-boss; stop it before the database is dropped.
afterAll(() => stopBoss());

describe("POST /api/v1/complaints", () => {
  it("creates the complaint: 201, Location, reference and a tracking link", async () => {
    const { status, headers, body } = await read(
      await listRoute.POST(request("POST", "/complaints", { token, body: validBody() })),
    );
    expect(status).toBe(201);
    expect(body.data.reference).toMatch(/^CMP-\d{4}-\d{6}$/);
    expect(body.data.status).toBe("new");
    expect(body.data.trackingUrl).toMatch(/\/track\/[\w-]+$/);
    expect(headers.get("location")).toBe(`/api/v1/complaints/${body.data.reference}`);
    const event = await db.complaintEvent.findFirstOrThrow({ where: { complaintId: body.data.id, kind: "created" } });
    expect(event.actorType).toBe("api_token");
  });

  it.each([
    ["channelId", (b: Record<string, unknown>) => delete b.channelId],
    ["severityId", (b: Record<string, unknown>) => delete b.severityId],
    ["subject", (b: Record<string, unknown>) => delete b.subject],
    ["description", (b: Record<string, unknown>) => delete b.description],
    ["customer.name", (b: Record<string, unknown>) => (b.customer = { phone: "+86 138 0000 1111" })],
    ["customer.phone", (b: Record<string, unknown>) => (b.customer = { name: "王芳" })],
    ["customer", (b: Record<string, unknown>) => delete b.customer],
  ])("answers 400 naming %s when it is missing", async (field, strip) => {
    const body = validBody();
    strip(body);
    const response = await read(await listRoute.POST(request("POST", "/complaints", { token, body })));
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid");
    expect(Object.keys(response.body.error.fields)).toContain(field);
  });

  it("names a reference that does not exist, a too-short subject and a bad e-mail", async () => {
    const body = validBody({ channelId: 999_999, subject: "ab", customer: { name: "X", email: "not-an-email" } });
    const invalid = await read(await listRoute.POST(request("POST", "/complaints", { token, body })));
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.fields).toMatchObject({ subject: ["too_short"], "customer.email": ["invalid_email"] });
    const unknown = await read(
      await listRoute.POST(request("POST", "/complaints", { token, body: validBody({ channelId: 999_999 }) })),
    );
    expect(unknown.body.error.fields).toEqual({ channelId: ["unknown"] });
  });

  it("answers 400 for a body that is not JSON", async () => {
    const { status, body } = await read(
      await listRoute.POST(request("POST", "/complaints", { token, rawBody: "{nope" })),
    );
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: "invalid", message: "Body is not valid JSON" });
  });

  it("answers 401 with WWW-Authenticate for a missing or wrong token, 403 without complaint.create", async () => {
    const missing = await listRoute.POST(request("POST", "/complaints", { body: validBody() }));
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const wrong = await listRoute.POST(
      request("POST", "/complaints", { token: `sk_00000000_${"0".repeat(64)}`, body: validBody() }),
    );
    expect(wrong.status).toBe(401);
    const forbidden = await read(
      await listRoute.POST(request("POST", "/complaints", { token: readOnly, body: validBody() })),
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("forbidden");
  });
});

describe("GET /api/v1/complaints", () => {
  it("lists with filters and follows the cursor to the end", async () => {
    for (let i = 0; i < 3; i += 1) await createOne({ subject: `Cursor test ${i}` });
    const first = await read(
      await listRoute.GET(request("GET", "/complaints", { token, query: "?q=Cursor%20test&limit=2&sort=newest" })),
    );
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await read(
      await listRoute.GET(
        request("GET", "/complaints", {
          token,
          query: `?q=Cursor%20test&limit=2&sort=newest&cursor=${first.body.nextCursor}`,
        }),
      ),
    );
    expect(second.body.data).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const subjects = [...first.body.data, ...second.body.data].map((row: { subject: string }) => row.subject);
    expect(subjects).toEqual(["Cursor test 2", "Cursor test 1", "Cursor test 0"]);
    const none = await read(
      await listRoute.GET(request("GET", "/complaints", { token, query: "?q=Cursor%20test&status=closed" })),
    );
    expect(none.body.data).toEqual([]);
  });

  it("answers 400 naming a bad filter, 401 without token, 403 without complaint.read", async () => {
    const bad = await read(
      await listRoute.GET(request("GET", "/complaints", { token, query: "?status=nonsense&limit=500" })),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(["status", "limit"]));
    expect((await listRoute.GET(request("GET", "/complaints"))).status).toBe(401);
    const noRead = (await makeApiToken(["complaint.create"])).token;
    expect((await listRoute.GET(request("GET", "/complaints", { token: noRead }))).status).toBe(403);
  });
});

describe("GET and PATCH /api/v1/complaints/{reference}", () => {
  it("reads the complaint with its version and timeline; 404 for an unknown reference", async () => {
    const created = await createOne();
    const { status, body } = await read(
      await itemRoute.GET(request("GET", `/complaints/${created.reference}`, { token }), ref(created.reference)),
    );
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ reference: created.reference, version: 1, status: "new" });
    expect(body.data.events.map((event: { kind: string }) => event.kind)).toContain("created");
    expect(body.data.allowedTransitions).toContain("acknowledged");
    const missing = await itemRoute.GET(
      request("GET", "/complaints/CMP-2099-999999", { token }),
      ref("CMP-2099-999999"),
    );
    expect(missing.status).toBe(404);
    expect((await itemRoute.GET(request("GET", "/complaints/x", { token: "sk_bad" }), ref("x"))).status).toBe(401);
  });

  it("a token without complaint.read_all sees no complaints (it belongs to no team)", async () => {
    const created = await createOne();
    const teamless = (await makeApiToken(["complaint.read"])).token;
    expect(
      (
        await itemRoute.GET(
          request("GET", `/complaints/${created.reference}`, { token: teamless }),
          ref(created.reference),
        )
      ).status,
    ).toBe(404);
  });

  it("edits with the current version, 409 with details on a stale one, 400/403/404 otherwise", async () => {
    const created = await createOne();
    const path = `/complaints/${created.reference}`;
    const saved = await read(
      await itemRoute.PATCH(
        request("PATCH", path, { token, body: { version: 1, subject: "Lost baggage, found in Beijing" } }),
        ref(created.reference),
      ),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.data).toEqual({ reference: created.reference, version: 2, changed: ["subject"] });

    const stale = await read(
      await itemRoute.PATCH(
        request("PATCH", path, { token, body: { version: 1, subject: "Someone else's edit" } }),
        ref(created.reference),
      ),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("conflict");
    expect(stale.body.error.details.currentVersion).toBe(2);

    const noVersion = await read(
      await itemRoute.PATCH(request("PATCH", path, { token, body: { subject: "No version" } }), ref(created.reference)),
    );
    expect(noVersion.status).toBe(400);
    expect(Object.keys(noVersion.body.error.fields)).toContain("version");
    const forbidden = await itemRoute.PATCH(
      request("PATCH", path, { token: readOnly, body: { version: 2, subject: "Read-only token" } }),
      ref(created.reference),
    );
    expect(forbidden.status).toBe(403);
    const unknown = await itemRoute.PATCH(
      request("PATCH", "/complaints/CMP-2099-999999", { token, body: { version: 1, subject: "Nobody" } }),
      ref("CMP-2099-999999"),
    );
    expect(unknown.status).toBe(404);
  });
});

describe("POST /api/v1/complaints/{reference}/transitions", () => {
  it("moves the status; 409 stale, 422 illegal, 400 bad field, 403, 404", async () => {
    const created = await createOne();
    const path = `/complaints/${created.reference}/transitions`;
    const call = (body: unknown, tokenValue = token, key = created.reference) =>
      transitionsRoute.POST(request("POST", path, { token: tokenValue, body }), ref(key));

    const moved = await read(await call({ version: 1, to: "acknowledged" }));
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({ reference: created.reference, status: "acknowledged", version: 2 });
    expect((await call({ version: 1, to: "in_progress" })).status).toBe(409);
    const illegal = await read(await call({ version: 2, to: "closed" }));
    expect(illegal.status).toBe(422);
    const badTarget = await read(await call({ version: 2, to: "teleported" }));
    expect(badTarget.status).toBe(400);
    expect(Object.keys(badTarget.body.error.fields)).toEqual(["to"]);
    const needsReason = await read(await call({ version: 2, to: "rejected" }));
    expect(needsReason.status).toBe(400);
    expect(needsReason.body.error.fields).toEqual({ reason: ["required"] });
    expect((await call({ version: 2, to: "in_progress" }, readOnly)).status).toBe(403);
    expect((await call({ version: 1, to: "in_progress" }, token, "CMP-2099-999999")).status).toBe(404);
  });
});

describe("POST /api/v1/complaints/{reference}/comments", () => {
  it("adds a note and a reply (queued as e-mail); 409, 400, 403, 404 otherwise", async () => {
    const created = await createOne();
    const path = `/complaints/${created.reference}/comments`;
    const call = (body: unknown, tokenValue = token, key = created.reference) =>
      commentsRoute.POST(request("POST", path, { token: tokenValue, body }), ref(key));

    const note = await read(await call({ kind: "note", body: "Called the baggage desk.", version: 1 }));
    expect(note.status).toBe(201);
    expect(note.body.data).toMatchObject({ kind: "note", version: 2 });
    const reply = await read(await call({ kind: "reply", body: "We found your suitcase.", version: 2 }));
    expect(reply.status).toBe(201);
    const event = await db.complaintEvent.findUniqueOrThrow({ where: { id: reply.body.data.id } });
    expect(event).toMatchObject({ kind: "reply", visibility: "customer" });

    expect((await call({ kind: "note", body: "Stale", version: 1 })).status).toBe(409);
    const empty = await read(await call({ kind: "note", body: "  ", version: 3 }));
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.error.fields)).toEqual(["body"]);
    const call_ = await read(await call({ kind: "call", body: "Logged call", version: 3 }));
    expect(Object.keys(call_.body.error.fields)).toEqual(["kind"]);
    expect((await call({ kind: "note", body: "No rights", version: 3 }, readOnly)).status).toBe(403);
    const noteOnly = (await makeApiToken(["complaint.read_all", "complaint.update"])).token;
    expect((await call({ kind: "reply", body: "Not allowed to reply", version: 3 }, noteOnly)).status).toBe(403);
    expect((await call({ kind: "note", body: "Nobody", version: 1 }, token, "CMP-2099-999999")).status).toBe(404);
  });
});
