// REST API /api/v1/customers: list/search with cursor, create, read, edit with version; 400/401/403/404/409.
import { beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/v1/customers/route";
import * as itemRoute from "@/app/api/v1/customers/[id]/route";
import { makeApiToken, makeCustomer } from "@/tests/integration/factories";

type Init = { token?: string; body?: unknown; query?: string };

function request(method: string, path: string, init: Init = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  return new Request(`http://localhost/api/v1${path}${init.query ?? ""}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

const byId = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });

async function read(response: Response) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions walk arbitrary JSON
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

let full: string;
let masked: string;
let readOnly: string;

beforeAll(async () => {
  full = (
    await makeApiToken(["customer.read", "customer.update", "complaint.create", "complaint.read_all", "pii.view"])
  ).token;
  masked = (await makeApiToken(["customer.read", "complaint.read_all"])).token;
  readOnly = (await makeApiToken(["customer.read"])).token;
});

describe("POST /api/v1/customers", () => {
  it("registers a customer: 201 with Location", async () => {
    const { status, headers, body } = await read(
      await listRoute.POST(
        request("POST", "/customers", {
          token: full,
          body: { name: "李雷", email: "Li.Lei@Example.com", locale: "en" },
        }),
      ),
    );
    expect(status).toBe(201);
    expect(body.data).toMatchObject({ name: "李雷", email: "li.lei@example.com", locale: "en", version: 1 });
    expect(headers.get("location")).toBe(`/api/v1/customers/${body.data.id}`);
  });

  it("answers 400 naming the missing name or contact, 401 and 403", async () => {
    const noName = await read(
      await listRoute.POST(request("POST", "/customers", { token: full, body: { phone: "+86 139 1234 5678" } })),
    );
    expect(noName.status).toBe(400);
    expect(Object.keys(noName.body.error.fields)).toContain("name");
    const noContact = await read(
      await listRoute.POST(request("POST", "/customers", { token: full, body: { name: "韩梅梅" } })),
    );
    expect(noContact.body.error.fields).toEqual({ phone: ["contact_required"] });
    expect(
      (await listRoute.POST(request("POST", "/customers", { body: { name: "x", phone: "+86 139 1234 5678" } }))).status,
    ).toBe(401);
    expect(
      (
        await listRoute.POST(
          request("POST", "/customers", { token: readOnly, body: { name: "x", phone: "+86 139 1234 5678" } }),
        )
      ).status,
    ).toBe(403);
  });
});

describe("GET /api/v1/customers", () => {
  it("searches and pages by cursor, masking contact data without pii.view", async () => {
    for (const name of ["游标甲", "游标乙", "游标丙"]) await makeCustomer({ name, phone: "+86 138 1234 5678" });
    const first = await read(
      await listRoute.GET(
        request("GET", "/customers", { token: masked, query: `?q=${encodeURIComponent("游标")}&limit=2` }),
      ),
    );
    expect(first.status).toBe(200);
    expect(first.body.data.map((row: { name: string }) => row.name)).toEqual(["游标丙", "游标乙"]);
    expect(first.body.data[0].phone).toBe("+86 138****5678");
    const second = await read(
      await listRoute.GET(
        request("GET", "/customers", {
          token: masked,
          query: `?q=${encodeURIComponent("游标")}&limit=2&cursor=${first.body.nextCursor}`,
        }),
      ),
    );
    expect(second.body.data.map((row: { name: string }) => row.name)).toEqual(["游标甲"]);
    expect(second.body.nextCursor).toBeNull();
    const unmasked = await read(
      await listRoute.GET(request("GET", "/customers", { token: full, query: `?q=${encodeURIComponent("游标甲")}` })),
    );
    expect(unmasked.body.data[0].phone).toBe("+86 138 1234 5678");
  });

  it("answers 400 for a bad limit, 401 and 403", async () => {
    const bad = await read(await listRoute.GET(request("GET", "/customers", { token: full, query: "?limit=0" })));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["limit"]);
    expect((await listRoute.GET(request("GET", "/customers", { token: "sk_nope" }))).status).toBe(401);
    const noRead = (await makeApiToken(["complaint.create"])).token;
    expect((await listRoute.GET(request("GET", "/customers", { token: noRead }))).status).toBe(403);
  });
});

describe("GET and PATCH /api/v1/customers/{id}", () => {
  it("reads a customer; 404 for unknown or malformed ids", async () => {
    const customer = await makeCustomer({ name: "周杰", email: "zhou@example.com" });
    const { status, body } = await read(
      await itemRoute.GET(request("GET", `/customers/${customer.id}`, { token: full }), byId(customer.id)),
    );
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      id: customer.id,
      name: "周杰",
      email: "zhou@example.com",
      recentComplaints: [],
      lastCsat: null,
    });
    expect((await itemRoute.GET(request("GET", "/customers/999999", { token: full }), byId(999_999))).status).toBe(404);
    expect((await itemRoute.GET(request("GET", "/customers/abc", { token: full }), byId("abc"))).status).toBe(404);
    expect((await itemRoute.GET(request("GET", `/customers/${customer.id}`), byId(customer.id))).status).toBe(401);
  });

  it("edits with the current version; 409 stale, 400 bad field, 403, 404", async () => {
    const customer = await makeCustomer({ name: "赵敏", email: "zhao@example.com" });
    const path = `/customers/${customer.id}`;
    const call = (body: unknown, token = full, id: number = customer.id) =>
      itemRoute.PATCH(request("PATCH", path, { token, body }), byId(id));

    const saved = await read(await call({ version: 1, email: "Zhao.Min@Example.com", tags: ["vip"] }));
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({ email: "zhao.min@example.com", tags: ["vip"], version: 2 });
    const stale = await read(await call({ version: 1, company: "Skyline" }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(2);
    const bad = await read(await call({ version: 2, email: "nope" }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ email: ["invalid_email"] });
    const noVersion = await read(await call({ company: "Skyline" }));
    expect(Object.keys(noVersion.body.error.fields)).toEqual(["version"]);
    expect((await call({ version: 2, company: "Skyline" }, readOnly)).status).toBe(403);
    expect((await call({ version: 1, company: "Skyline" }, full, 999_999)).status).toBe(404);
  });
});
