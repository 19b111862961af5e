// Reliability (issue 14): property-based hostile input over every server action, every page and every route
// handler outside /api/v1 (found on disk, so a new one is fuzzed without touching this file). A server action is a
// public POST endpoint: an exception in it is a 500. Every call must return a value (a Failure, a form state) or end
// in Next's own interrupts (redirect to sign-in, 403, 404); a page or route called with ids beyond int4 answers 404.
// Long run: RELIABILITY_FUZZ_RUNS=10000 npm test -- integration tests/integration/reliability-hostile-*.test.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

class Interrupt extends Error {
  constructor(readonly kind: "login" | "forbidden" | "not_found") {
    super(kind);
  }
}
const session = vi.hoisted(() => ({ current: null as null | { userId: number; sessionVersion: number } }));

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: vi.fn(async () => session.current),
}));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  redirect: () => {
    throw new Interrupt("login");
  },
  forbidden: () => {
    throw new Interrupt("forbidden");
  },
  notFound: () => {
    throw new Interrupt("not_found");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    set: () => undefined,
    delete: () => undefined,
  }),
}));
vi.mock("@/lib/mail/flush", () => ({ requestMailFlush: vi.fn(async () => true) }));
vi.mock("next-intl/server", () => {
  const t = Object.assign((key: string) => key, {
    rich: (key: string) => key,
    markup: (key: string) => key,
    raw: (key: string) => key,
    has: () => true,
  });
  const format = new Proxy(
    {},
    { get: (_target, key) => (key === "then" ? undefined : (value: unknown) => String(value)) },
  );
  return {
    getTranslations: async () => t,
    getLocale: async () => "en",
    getFormatter: async () => format,
    getNow: async () => new Date(),
    getTimeZone: async () => "UTC",
    // The real catalogue: pages that read message trees (the audit log's labels) need its shape.
    getMessages: async () => (await import("@/messages/en.json")).default,
    setRequestLocale: () => undefined,
    getRequestConfig: (factory: unknown) => factory,
  };
});

import { stopBoss } from "@/lib/jobs/boss";
import { makeComplaint, makeCustomer, makeStaff, makeTeam } from "./factories";

const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 250);
/** The long run on a shared 2-core machine: ~0.15 s a case at worst, never less than 10 minutes. */
const LONG_TIMEOUT = Math.max(600_000, RUNS * 150);
/** Cases per action / page / route: the whole budget spread over them, at least 8 each. */
const ROOT = path.resolve(import.meta.dirname, "../..");
const BEYOND_INT4 = ["2147483648", "99999999999999999999", "4294967296"];
const LONE_SURROGATES = ["a\ud800", "\udc00b", "x\ud83d", "\ud800\ud800"];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? (name === "generated" || name === "node_modules" ? [] : walk(full)) : [full];
  });
}
const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");
const appFiles = walk(path.join(ROOT, "app")).map(relative);
const sourceFiles = [
  ...appFiles,
  ...walk(path.join(ROOT, "lib")).map(relative),
  ...walk(path.join(ROOT, "components")).map(relative),
];
const actionFiles = sourceFiles.filter(
  (file) => /\.tsx?$/.test(file) && /^\s*["']use server["']/.test(readFileSync(path.join(ROOT, file), "utf8")),
);
const pages = appFiles.filter((file) => file.endsWith("/page.tsx"));
const routes = appFiles.filter(
  (file) =>
    file.endsWith("/route.ts") &&
    !file.startsWith("app/api/v1/") &&
    !file.startsWith("app/api/auth/") &&
    !file.startsWith("app/api/inbound/"),
);

type Loaded = Record<string, unknown>;
const load = async (file: string) => (await import(/* @vite-ignore */ path.join(ROOT, file))) as Loaded;

/** A call ended acceptably: a returned value, or one of Next's interrupts. Anything thrown otherwise is a 500. */
async function settles(call: () => Promise<unknown>) {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Interrupt) return error;
    throw error;
  }
}

const FIELD_NAMES = [
  "version",
  "subject",
  "description",
  "body",
  "name",
  "email",
  "phone",
  "id",
  "customerId",
  "taskId",
  "survivorId",
  "mergedId",
  "to",
  "reason",
  "kind",
  "visibility",
  "status",
  "title",
  "dueAt",
  "token",
  "password",
  "confirmation",
  "field",
  "context",
  "code",
  "teamIds",
  "ids",
  "amount",
  "currency",
  "rootCauseId",
  "categoryId",
  "serviceDate",
  "months",
  "url",
  "events",
  "q",
];
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    ...LONE_SURROGATES,
    ...BEYOND_INT4,
    "'; DROP TABLE complaints; --",
    "<script>alert(1)</script>",
    "\u0000",
    "",
    "CMP-2026-000001",
    "__proto__",
    "constructor",
    "a".repeat(5_000),
  ),
  fc
    .tuple(fc.string({ maxLength: 5 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 5 }))
    .map(([before, unit, after]) => before + String.fromCharCode(unit) + after),
);
const hostileScalar = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, undefined, true, false, 0, -1, 2 ** 31, 2 ** 53, Number.NaN, Infinity, 1e309),
);
const hostileObject = fc.dictionary(
  fc.constantFrom(...FIELD_NAMES),
  fc.oneof(hostileScalar, fc.array(hostileScalar, { maxLength: 3 })),
  { maxKeys: 6 },
);
const hostileArgument: fc.Arbitrary<unknown> = fc.oneof(
  hostileScalar,
  hostileObject,
  fc.array(hostileScalar, { maxLength: 4 }),
  fc.anything({ maxDepth: 3 }),
);
const hostileArguments = fc.array(hostileArgument, { maxLength: 5 });

function deep(levels: number): unknown {
  let value: unknown = "leaf";
  for (let level = 0; level < levels; level += 1) value = { nested: value, list: [value] };
  return value;
}
function cyclic(): unknown {
  const node: Record<string, unknown> = { subject: "cycle" };
  node.self = node;
  return node;
}

let reference = "";
let customerId = 0;
const sessions: { userId: number; sessionVersion: number }[] = [];
let turn = 0;
/** Each call runs as the next role in turn (agent, supervisor, manager, admin), so permission checks pass sometimes. */
const asSomeone = () => {
  session.current = sessions[turn++ % sessions.length] ?? null;
};

beforeAll(async () => {
  const team = await makeTeam();
  const staff = [
    await makeStaff("agent", [team]),
    await makeStaff("supervisor", [team]),
    await makeStaff("manager"),
    await makeStaff("admin"),
    await makeStaff("liaison"),
  ];
  for (const member of staff) sessions.push({ userId: member.user.id, sessionVersion: member.user.sessionVersion });
  const customer = await makeCustomer({ name: "Hostile Tester", email: "hostile@example.com" });
  const complaint = await makeComplaint({
    customerId: customer.id,
    teamId: team.id,
    assigneeId: staff[0]!.user.id,
    status: "in_progress",
  });
  reference = complaint.reference;
  customerId = customer.id;
});

afterAll(async () => {
  await stopBoss();
});

describe("server actions under hostile input", () => {
  it("every exported server action goes through defineAction (lib/actions/define.ts) or guardAction (lib/actions/guard.ts)", () => {
    expect(actionFiles.length).toBeGreaterThan(15);
    // Server actions live in lib/<domain>/actions.ts (issue 19), never under app/ or components/.
    expect(actionFiles.filter((file) => !/^lib\/[\w-]+\/actions\.ts$/.test(file))).toEqual([]);
    for (const file of actionFiles) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      expect(text.match(/^export async function \w+/gm) ?? [], `${file}: unguarded actions`).toEqual([]);
      expect(
        text.match(/^export const \w+ = (?:guardAction|defineAction|definePublicAction)\(/gm)?.length ?? 0,
        `${file}: guarded actions`,
      ).toBeGreaterThan(0);
    }
  });

  it("refuses lone surrogates with a field-level code instead of reaching the database", async () => {
    session.current = sessions[3]!; // admin
    const { updateAction } = (await load("lib/complaints/actions.ts")) as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    expect(await updateAction!(reference, { version: 1, subject: "Lost bag \ud800" })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { subject: ["ill_formed_unicode"] },
    });
    const { createComplaintAction } = (await load("lib/complaints/actions.ts")) as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    expect(await createComplaintAction!({ customer: { name: "x\udc00y", email: "a@example.com" } })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { "customer.name": ["ill_formed_unicode"] },
    });
    session.current = sessions[0]!; // the team's agent may edit customers
    const { updateCustomerAction } = (await load("lib/customers/actions.ts")) as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    expect(await updateCustomerAction!(2 ** 31, { version: 1, name: "ok" })).toMatchObject({
      ok: false,
      error: "invalid",
    });
    expect(await updateCustomerAction!(customerId)).toMatchObject({ ok: false });
  });

  it(
    `every action: explicit hostile examples and ${RUNS} random calls in all, never an exception`,
    async () => {
      const actions: { file: string; name: string; fn: (...args: unknown[]) => Promise<unknown> }[] = [];
      for (const file of actionFiles) {
        for (const [name, value] of Object.entries(await load(file)))
          if (typeof value === "function")
            actions.push({ file, name, fn: value as (...args: unknown[]) => Promise<unknown> });
      }
      expect(actions.length).toBeGreaterThan(50);
      const form = new FormData();
      form.set("token", "a".repeat(43));
      form.set("body", "hello");
      const examples: unknown[][] = [
        [],
        [1, 2, 3, 4, 5, 6, 7],
        ["a\ud800"],
        [{ subject: "a\ud800", name: "\udc00", body: "x\ud83d", title: "\ud800" }],
        [reference, { version: 1, subject: "a\ud800" }],
        [reference, { version: 2 ** 31 }],
        [Number(BEYOND_INT4[0])],
        [Number(BEYOND_INT4[0]), {}],
        [BEYOND_INT4[0], {}],
        [BEYOND_INT4[0], { version: 1 }],
        [customerId, { version: 2 ** 31, name: "x" }],
        ["acknowledge", 2 ** 31, reference, {}],
        [cyclic()],
        [reference, cyclic()],
        [deep(200)],
        [reference, deep(200)],
        [{}, {}],
        [{}, "not form data"],
        [{}, form],
        [null, null],
        [{ __proto__: { polluted: true } }],
        [{ ids: [2 ** 31] }],
        [{ customerId: 2 ** 31, field: "email", context: "x" }],
        ["all"],
      ];
      for (const { name, fn } of actions) {
        for (const args of examples) {
          asSomeone();
          await settles(() => fn(...args)).catch((error: unknown) => {
            throw new Error(
              `${name}(${JSON.stringify(args, (_key, item: unknown) => (typeof item === "object" && item !== null && "self" in item ? "[cycle]" : item))?.slice(0, 200)}) threw: ${String(error)}`,
            );
          });
        }
      }
      const perAction = Math.max(8, Math.round(RUNS / actions.length));
      for (const { name, fn } of actions) {
        const plausible = fc.oneof(
          hostileArguments,
          fc.tuple(fc.constantFrom<unknown>(reference, customerId, 1, null), hostileObject),
          fc.tuple(
            fc.constantFrom<unknown>("acknowledge", "extend"),
            fc.integer({ min: 1, max: 5 }),
            fc.constant(reference),
            hostileObject,
          ),
        );
        await fc.assert(
          fc.asyncProperty(plausible, async (args) => {
            asSomeone();
            try {
              await settles(() => fn(...(args as unknown[])));
            } catch (error) {
              throw new Error(`${name} threw: ${String(error)}`);
            }
          }),
          { numRuns: perAction },
        );
      }
    },
    LONG_TIMEOUT,
  );
});

describe("pages and routes outside /api/v1 under hostile parameters", () => {
  const hostileParam = fc.oneof(
    fc.constantFrom(
      ...BEYOND_INT4,
      "-1",
      "0",
      "1e9",
      "abc",
      "CMP-2026-000001",
      "%00",
      "1.5",
      " 1",
      "0x10",
      "a:2147483648",
      "c:99999999999999",
      "%",
      "%E0%A4%A",
    ),
    fc.string({ maxLength: 30 }),
  );
  const paramsFor = (file: string, value: () => string) =>
    Object.fromEntries([...file.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((match) => [match[1], value()]));

  it("an id beyond int4 in a page's URL is a 404, not a 500", async () => {
    const withIds = pages.filter((file) => /\[(id|reference)\]/.test(file));
    expect(withIds.length).toBeGreaterThanOrEqual(7);
    for (const file of withIds) {
      const page = (await load(file)).default as (props: object) => Promise<unknown>;
      for (const raw of BEYOND_INT4) {
        // Every role: a refusal (403 for a role without the permission, else 404), and a 404 for those with it.
        const outcomes = new Set<string>();
        for (const current of sessions) {
          session.current = current;
          const outcome = await settles(() =>
            page({ params: Promise.resolve(paramsFor(file, () => raw)), searchParams: Promise.resolve({}) }),
          );
          outcomes.add(outcome instanceof Interrupt ? outcome.kind : "rendered");
        }
        expect(
          [...outcomes].filter((kind) => kind !== "forbidden"),
          `${file} with ${raw}`,
        ).toEqual(["not_found"]);
      }
    }
  }, 300_000);

  it("an id beyond int4 in a route's URL is a 404, not a 500", async () => {
    for (const [file, method] of [
      ["app/api/attachments/[id]/route.ts", "GET"],
      ["app/api/admin/privacy/customers/[id]/export/route.ts", "GET"],
      ["app/api/complaints/[reference]/attachments/route.ts", "POST"],
    ] as const) {
      const handler = (await load(file))[method] as (
        request: Request,
        context: { params: Promise<object> },
      ) => Promise<Response>;
      for (const raw of BEYOND_INT4) {
        const statuses = new Set<number>();
        for (const current of sessions) {
          session.current = current;
          const body = new FormData();
          body.set(
            "file",
            new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: "image/png" }),
            "a.png",
          );
          const request = new Request(`http://localhost/x/${raw}`, method === "POST" ? { method, body } : { method });
          statuses.add((await handler(request, { params: Promise.resolve(paramsFor(file, () => raw)) })).status);
        }
        expect(
          [...statuses].filter((status) => status !== 403),
          `${method} ${file} with ${raw}`,
        ).toEqual([404]);
      }
    }
  });

  it(
    `every page and route: hostile path and query parameters, ${RUNS} calls in all, never an exception`,
    async () => {
      const targets = [
        ...pages.map((file) => ({ file, kind: "page" as const })),
        ...routes.map((file) => ({ file, kind: "route" as const })),
      ];
      const perTarget = Math.max(5, Math.round(RUNS / targets.length));
      const queryKeys = [
        "id",
        "page",
        "cursor",
        "before",
        "timeline",
        "survivor",
        "merged",
        "rootCauseId",
        "year",
        "status",
        "q",
        "from",
        "to",
        "team",
        "preset",
        "format",
        "kpi",
        "queue",
        "sort",
        "callbackUrl",
      ];
      for (const { file, kind } of targets) {
        const loaded = await load(file);
        await fc.assert(
          fc.asyncProperty(
            fc.dictionary(
              fc.constantFrom(...queryKeys),
              fc.oneof(hostileParam, fc.array(hostileParam, { maxLength: 2 })),
              { maxKeys: 4 },
            ),
            fc.array(hostileParam, { minLength: 1, maxLength: 1 }),
            async (query, [segment]) => {
              asSomeone();
              const params = Promise.resolve(paramsFor(file, () => segment ?? ""));
              try {
                if (kind === "page") {
                  await settles(() =>
                    (loaded.default as (props: object) => Promise<unknown>)({
                      params,
                      searchParams: Promise.resolve(query),
                    }),
                  );
                } else {
                  const search = new URLSearchParams();
                  for (const [key, value] of Object.entries(query))
                    for (const item of [value].flat()) search.append(key, String(item));
                  for (const method of ["GET", "POST"] as const) {
                    const handler = loaded[method] as
                      ((request: Request, context: { params: Promise<object> }) => Promise<Response>) | undefined;
                    if (!handler) continue;
                    const response = (await settles(() =>
                      handler(
                        new Request(`http://localhost/x?${search}`, {
                          method,
                          body: method === "POST" ? "{" : undefined,
                        }),
                        { params },
                      ),
                    )) as Response | Interrupt;
                    if (response instanceof Response) expect(response.status, `${method} ${file}`).toBeLessThan(500);
                  }
                }
              } catch (error) {
                throw new Error(`${file} threw: ${String(error)}`);
              }
            },
          ),
          { numRuns: perTarget },
        );
      }
    },
    LONG_TIMEOUT,
  );
});
