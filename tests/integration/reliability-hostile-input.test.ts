// Reliability (issues 8 and 14): property-based hostile input over every REST input schema, the inbound e-mail
// webhook, the SMS gateway's callback and the public forms. Never a 5xx, always a structured 4xx (`{ error: { code,
// message } }`); SQL-injection
// and XSS strings are stored verbatim; lone UTF-16 surrogates are refused field by field. Server actions, pages and
// the other routes: reliability-hostile-actions.test.ts.
// CI runs ≥ 500 cases in all; the long run: RELIABILITY_FUZZ_RUNS=10000 npm test -- integration
// tests/integration/reliability-hostile-*.test.ts
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// env() caches on first use: the webhook's secret must be in place before anything reads it.
const INBOUND_SECRET = vi.hoisted(() => (process.env.INBOUND_EMAIL_SECRET = "hostile-input-inbound-secret-0123"));
const SMS_SECRET = vi.hoisted(() => (process.env.SMS_CALLBACK_SECRET = "hostile-input-sms-callback-secret-0123"));

vi.mock("@/lib/mail/flush", () => ({ requestMailFlush: vi.fn(async () => true) }));

import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { hashToken } from "@/lib/complaints/tracking-token";
import * as listRoute from "@/app/api/v1/complaints/route";
import * as itemRoute from "@/app/api/v1/complaints/[reference]/route";
import * as transitionsRoute from "@/app/api/v1/complaints/[reference]/transitions/route";
import * as commentsRoute from "@/app/api/v1/complaints/[reference]/comments/route";
import * as customersRoute from "@/app/api/v1/customers/route";
import * as customerRoute from "@/app/api/v1/customers/[id]/route";
import * as inboundRoute from "@/app/api/inbound/email/route";
import * as smsCallbackRoute from "@/app/api/sms/callback/route";
import { submitPublicComplaint } from "@/lib/public/intake";
import { submitSurveyAnswer } from "@/lib/surveys/answer-survey";
import {
  makeApiToken,
  makeChannel,
  makeComplaint,
  makeCustomer,
  makePublicIntakeSetup,
  makeSeverity,
} from "@/tests/integration/factories";

/** Cases per property: the create endpoint gets the full count, the others a share (≥ 500 in all by default). */
const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 250);
/** The long run on a shared 2-core machine: ~0.15 s a case at worst, never less than 10 minutes. */
const LONG_TIMEOUT = Math.max(600_000, RUNS * 150);
const SHARE = Math.max(40, Math.round(RUNS / 5));

const SQL_INJECTION = [
  "'; DROP TABLE complaints; --",
  "1' OR '1'='1",
  '" OR 1=1 --',
  "1); DELETE FROM customers; --",
  "%' AND pg_sleep(5) --",
  "\\x00",
];
const XSS = [
  "<script>window.__xss=1</script>",
  '<img src=x onerror="window.__xss=1">',
  "javascript:alert(1)",
  '"><svg onload=alert(1)>',
  "{{constructor.constructor('alert(1)')()}}",
];
const UNICODE = ["投诉", "😀🛫", "\u202Eevil", "\u0000", "a".repeat(20_000), "", " ", "\n\t"];
/**
 * Lone UTF-16 surrogates: valid JSON (`"\ud800"`), but no valid text; Prisma and PostgreSQL refused them with a 500.
 */
const LONE_SURROGATES = ["a\ud800", "\udc00b", "x\ud83d", "\ud800\ud800", "投诉\udfff"];

const loneSurrogate = fc
  .tuple(fc.string({ maxLength: 8 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 8 }))
  .map(([before, unit, after]) => before + String.fromCharCode(unit) + after);
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(...SQL_INJECTION, ...XSS, ...UNICODE, ...LONE_SURROGATES),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  loneSurrogate,
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, -1, 0, 2 ** 31, Number.MAX_SAFE_INTEGER, "1e309", [], {}),
  fc.array(hostileString, { maxLength: 3 }),
  fc.anything({ maxDepth: 2 }),
);
/** Either a valid value or something hostile in its place, field by field. */
const maybe = <T>(valid: T) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(valid) }, { weight: 1, arbitrary: hostileValue });
/** A record near the valid one: each field kept, replaced, or dropped. */
function nearValid(valid: Record<string, unknown>) {
  const fields = Object.fromEntries(Object.entries(valid).map(([key, value]) => [key, maybe(value)]));
  return fc.record(fields, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
}
/** A whole body: near-valid, arbitrary JSON, or bytes that are not JSON at all. */
function body(valid: Record<string, unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: nearValid(valid).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string() },
  );
}

let tokens: string[] = [];
let tokenIndex = 0;
let channelId: number;
let severityId: number;
let reference: string;
let customerId: number;
/** Web and e-mail channels, grades and a category: the public form and the inbound webhook need them. */
let setup: Awaited<ReturnType<typeof makePublicIntakeSetup>>;

function request(method: string, path: string, rawBody?: string, query = "") {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    authorization: `Bearer ${tokens[tokenIndex++ % tokens.length]}`,
  };
  return new Request(`http://localhost/api/v1${path}${query}`, { method, headers, body: rawBody });
}

/** Never 5xx; every 4xx carries `{ error: { code, message } }`. Returns the parsed body. */
async function expectHandled(response: Response) {
  expect(response.status, await response.clone().text()).toBeLessThan(500);
  const json = (await response.json()) as { data?: unknown; error?: { code: unknown; message: unknown } };
  if (response.status >= 400) {
    expect(typeof json.error?.code).toBe("string");
    expect(typeof json.error?.message).toBe("string");
  }
  return json;
}

function validComplaint() {
  return {
    customer: { name: "王芳", phone: "+86 138 0000 1111", email: "wang.fang@example.com", locale: "zh-CN" },
    channelId,
    severityId,
    subject: "Lost baggage on MU5101",
    description: "My suitcase did not arrive in Shanghai and nobody called me back.",
  };
}

beforeAll(async () => {
  const permissions = [
    "complaint.read",
    "complaint.read_all",
    "complaint.create",
    "complaint.update",
    "complaint.transition",
    "complaint.reply",
    "customer.read",
    "customer.update",
  ];
  // The API allows 600 requests a minute per token: enough tokens that the fuzzer is never rate-limited into 429s only.
  tokens = await Promise.all(
    Array.from(
      { length: Math.max(4, Math.ceil((RUNS * 2) / 500)) },
      async () => (await makeApiToken(permissions)).token,
    ),
  );
  const [channel, severity] = await Promise.all([makeChannel(), makeSeverity()]);
  setup = await makePublicIntakeSetup();
  channelId = channel.id;
  severityId = severity.id;
  const created = await expectHandled(
    await listRoute.POST(request("POST", "/complaints", JSON.stringify(validComplaint()))),
  );
  reference = (created.data as { reference: string }).reference;
  const customers = await expectHandled(
    await customersRoute.GET(request("GET", "/customers", undefined, "?q=%E7%8E%8B")),
  );
  customerId = ((customers.data as { id: number }[])[0] ?? { id: 1 }).id;
});

afterAll(async () => {
  await stopBoss();
});

const ref = (value: string) => ({ params: Promise.resolve({ reference: value }) });

describe("REST API under hostile input", () => {
  it(
    `POST /complaints: ${RUNS} cases`,
    async () => {
      const nul = [
        [JSON.stringify({ ...validComplaint(), description: "NUL \u0000 inside the text" })],
        [JSON.stringify({ ...validComplaint(), severityId: Number.MAX_SAFE_INTEGER })],
        [JSON.stringify({ ...validComplaint(), description: "Lone surrogate \ud800 inside the text" })],
        [JSON.stringify({ ...validComplaint(), customer: { name: "\udc00", email: "x\ud800@example.com" } })],
        [JSON.stringify({ ...validComplaint(), serviceDate: "1999-01-01" })],
      ] as [string][];
      await fc.assert(
        fc.asyncProperty(
          body(validComplaint()),
          async (raw) => void (await expectHandled(await listRoute.POST(request("POST", "/complaints", raw)))),
        ),
        { numRuns: RUNS, examples: nul },
      );
    },
    LONG_TIMEOUT,
  );

  it(
    `GET /complaints with hostile query strings: ${SHARE} cases`,
    async () => {
      const query = fc.dictionary(
        fc.constantFrom(
          "queue",
          "q",
          "status",
          "severity",
          "sort",
          "cursor",
          "limit",
          "from",
          "to",
          "sla",
          "category",
          "x",
        ),
        hostileString,
        { maxKeys: 4 },
      );
      await fc.assert(
        fc.asyncProperty(query, async (params) => {
          const search = new URLSearchParams(params as Record<string, string>).toString();
          await expectHandled(await listRoute.GET(request("GET", "/complaints", undefined, `?${search}`)));
        }),
        { numRuns: SHARE },
      );
    },
    LONG_TIMEOUT,
  );

  it(
    `PATCH /complaints/{reference}: ${SHARE} cases`,
    async () => {
      const valid = {
        version: 1,
        subject: "New subject",
        priority: "high",
        flightNumber: "MU5101",
        serviceDate: "2026-11-02",
      };
      await fc.assert(
        // A URL cannot carry a lone surrogate (percent-decoding yields U+FFFD), so path keys are made well-formed.
        fc.asyncProperty(
          body(valid),
          fc.oneof(
            fc.constant(reference),
            hostileString.map((key) => key.toWellFormed()),
          ),
          async (raw, key) => {
            await expectHandled(
              await itemRoute.PATCH(request("PATCH", `/complaints/${encodeURIComponent(key)}`, raw), ref(key)),
            );
          },
        ),
        { numRuns: SHARE },
      );
    },
    LONG_TIMEOUT,
  );

  it(
    `POST transitions and comments: ${SHARE} cases each`,
    async () => {
      await fc.assert(
        fc.asyncProperty(body({ version: 1, to: "in_progress", reason: "checking" }), async (raw) => {
          await expectHandled(
            await transitionsRoute.POST(request("POST", `/complaints/${reference}/transitions`, raw), ref(reference)),
          );
        }),
        { numRuns: SHARE },
      );
      await fc.assert(
        fc.asyncProperty(body({ body: "We are checking.", visibility: "internal" }), async (raw) => {
          await expectHandled(
            await commentsRoute.POST(request("POST", `/complaints/${reference}/comments`, raw), ref(reference)),
          );
        }),
        { numRuns: SHARE },
      );
    },
    LONG_TIMEOUT,
  );

  it(
    `customers: POST, PATCH and GET: ${SHARE} cases each`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          body({ name: "李雷", phone: "+86 139 0000 0001", email: "li@example.com", locale: "en" }),
          async (raw) => {
            await expectHandled(await customersRoute.POST(request("POST", "/customers", raw)));
          },
        ),
        { numRuns: SHARE },
      );
      await fc.assert(
        fc.asyncProperty(
          body({ version: 1, name: "李雷", tags: ["vip"] }),
          fc.oneof(
            fc.constant(String(customerId)),
            hostileString.map((id) => id.toWellFormed()),
          ),
          async (raw, id) => {
            await expectHandled(
              await customerRoute.PATCH(request("PATCH", `/customers/${encodeURIComponent(id)}`, raw), {
                params: Promise.resolve({ id }),
              }),
            );
          },
        ),
        { numRuns: SHARE },
      );
      await fc.assert(
        fc.asyncProperty(
          hostileString.map((q) => q.toWellFormed()),
          async (q) => {
            await expectHandled(
              await customersRoute.GET(request("GET", "/customers", undefined, `?q=${encodeURIComponent(q)}`)),
            );
          },
        ),
        { numRuns: SHARE },
      );
    },
    LONG_TIMEOUT,
  );

  it("refuses lone surrogates in every text field with 400 and a field-level code (was a 500 on seven entry points)", async () => {
    const refused = async (response: Response, field: string) => {
      expect(response.status, field).toBe(400);
      const json = (await response.json()) as { error: { code: string; fields?: Record<string, string[]> } };
      expect(json.error.code).toBe("invalid");
      expect(json.error.fields?.[field], field).toEqual(["ill_formed_unicode"]);
    };
    for (const text of LONE_SURROGATES) {
      await refused(
        await listRoute.POST(
          request("POST", "/complaints", JSON.stringify({ ...validComplaint(), subject: `Subject ${text}` })),
        ),
        "subject",
      );
      await refused(
        await listRoute.POST(
          request(
            "POST",
            "/complaints",
            JSON.stringify({ ...validComplaint(), customer: { ...validComplaint().customer, name: text } }),
          ),
        ),
        "customer.name",
      );
      await refused(
        await itemRoute.PATCH(
          request("PATCH", `/complaints/${reference}`, JSON.stringify({ version: 1, flightNumber: text })),
          ref(reference),
        ),
        "flightNumber",
      );
      await refused(
        await transitionsRoute.POST(
          request(
            "POST",
            `/complaints/${reference}/transitions`,
            JSON.stringify({ version: 1, to: "in_progress", reason: text }),
          ),
          ref(reference),
        ),
        "reason",
      );
      await refused(
        await commentsRoute.POST(
          request(
            "POST",
            `/complaints/${reference}/comments`,
            JSON.stringify({ body: `Reply ${text}`, visibility: "internal" }),
          ),
          ref(reference),
        ),
        "body",
      );
      await refused(
        await customersRoute.POST(
          request("POST", "/customers", JSON.stringify({ name: text, email: "li@example.com" })),
        ),
        "name",
      );
      await refused(
        await customerRoute.PATCH(
          request("PATCH", `/customers/${customerId}`, JSON.stringify({ version: 1, tags: ["vip", text] })),
          { params: Promise.resolve({ id: String(customerId) }) },
        ),
        "tags.1",
      );
    }
  }, 120_000);

  it("refuses a service date more than 2 years back or 30 days ahead with a field error", async () => {
    const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
    for (const serviceDate of [day(-800), day(45), "1900-01-01", "2999-12-31"]) {
      const created = await listRoute.POST(
        request("POST", "/complaints", JSON.stringify({ ...validComplaint(), serviceDate })),
      );
      expect(created.status, serviceDate).toBe(400);
      expect(
        ((await created.json()) as { error: { fields: Record<string, string[]> } }).error.fields.serviceDate,
      ).toEqual(["service_date_range"]);
      const patched = await itemRoute.PATCH(
        request("PATCH", `/complaints/${reference}`, JSON.stringify({ version: 1, serviceDate })),
        ref(reference),
      );
      expect(patched.status, serviceDate).toBe(400);
    }
    const recent = await listRoute.POST(
      request("POST", "/complaints", JSON.stringify({ ...validComplaint(), serviceDate: day(-30) })),
    );
    expect(recent.status).toBe(201);
  }, 120_000);

  it("stores SQL-injection and XSS strings verbatim", async () => {
    for (const hostile of [...SQL_INJECTION.slice(0, 4), ...XSS]) {
      const subject = `Hostile ${hostile}`;
      const description = `Description with ${hostile} inside it.`;
      const created = await listRoute.POST(
        request("POST", "/complaints", JSON.stringify({ ...validComplaint(), subject, description })),
      );
      expect(created.status).toBe(201);
      const { reference: stored } = ((await created.json()) as { data: { reference: string } }).data;
      const read = (await (await itemRoute.GET(request("GET", `/complaints/${stored}`), ref(stored))).json()) as {
        data: { subject: string; description: string };
      };
      expect(read.data.subject).toBe(subject);
      expect(read.data.description).toBe(description);
      const search = await listRoute.GET(request("GET", "/complaints", undefined, `?q=${encodeURIComponent(hostile)}`));
      expect(search.status).toBe(200);
    }
  }, 120_000);
});

describe("inbound e-mail webhook under hostile input", () => {
  const inbound = (raw: string) =>
    inboundRoute.POST(
      new Request("http://localhost/api/inbound/email", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${INBOUND_SECRET}` },
        body: raw,
      }),
    );
  const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex").toString("base64");
  const validMail = {
    from: "Wang Fang <wang.fang@example.com>",
    subject: "Bag missing after MU5101",
    text: "My suitcase did not arrive and nobody called me back.",
    messageId: "<m-1@example.com>",
    attachments: [{ filename: "tag.png", contentType: "image/png", size: 29, contentBase64: png }],
  };

  it(
    `POST /api/inbound/email: ${SHARE} cases, explicit examples first`,
    async () => {
      let serial = 0;
      const unique = (raw: string) => raw.replace("<m-1@example.com>", `<m-${(serial += 1)}@example.com>`);
      const examples: [string][] = [
        ...LONE_SURROGATES.map((text) => [JSON.stringify({ ...validMail, subject: text })] as [string]),
        [JSON.stringify({ ...validMail, from: "wang\ud800@example.com" })],
        [JSON.stringify({ ...validMail, attachments: [{ ...validMail.attachments[0], filename: "a\udc00.png" }] })],
        [
          JSON.stringify({
            ...validMail,
            attachments: [{ ...validMail.attachments[0], contentBase64: "not base64 at all!" }],
          }),
        ],
        [JSON.stringify({ ...validMail, attachments: [{ ...validMail.attachments[0], contentBase64: "QUJD=A" }] })],
        [JSON.stringify({ ...validMail, attachments: [{ ...validMail.attachments[0], size: 2 ** 53 }] })],
        ['{"from": "truncated@example.com", "subj'],
      ];
      await fc.assert(
        fc.asyncProperty(body(validMail), async (raw) => void (await expectHandled(await inbound(unique(raw))))),
        { numRuns: SHARE, examples },
      );
    },
    LONG_TIMEOUT,
  );

  it("answers 400 naming the field for lone surrogates and for invalid base64", async () => {
    const fieldsOf = async (response: Response) => {
      expect(response.status).toBe(400);
      return ((await response.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
    };
    expect(await fieldsOf(await inbound(JSON.stringify({ ...validMail, text: "Hello \ud800" })))).toEqual({
      text: ["ill_formed_unicode"],
    });
    expect(
      await fieldsOf(
        await inbound(
          JSON.stringify({ ...validMail, attachments: [{ ...validMail.attachments[0], contentBase64: "****" }] }),
        ),
      ),
    ).toEqual({ "attachments.0.contentBase64": ["invalid_base64"] });
    // Line breaks inside base64 (as mail gateways wrap it) are fine.
    const wrapped = await inbound(
      JSON.stringify({
        ...validMail,
        messageId: "<wrapped@example.com>",
        attachments: [{ ...validMail.attachments[0], contentBase64: `${png.slice(0, 20)}\r\n${png.slice(20)}` }],
      }),
    );
    expect(wrapped.status).toBe(201);
  });
});

describe("SMS gateway callback under hostile input", () => {
  const callback = (raw: string) =>
    smsCallbackRoute.POST(
      new Request("http://localhost/api/sms/callback", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${SMS_SECRET}` },
        body: raw,
      }),
    );
  const validReply = { type: "message", from: "+8613912345678", text: "谢谢，行李已经收到" };
  const validReceipt = { type: "receipt", messageId: "msg-1", status: "DELIVRD" };

  it(
    `POST /api/sms/callback: ${SHARE} cases of replies and receipts, explicit examples first`,
    async () => {
      const examples: [string][] = [
        ...LONE_SURROGATES.map((text) => [JSON.stringify({ ...validReply, text })] as [string]),
        [JSON.stringify({ ...validReceipt, messageId: "m\ud800" })],
        [JSON.stringify({ ...validReply, text: "\u0000TD" })],
        [JSON.stringify([validReceipt, { ...validReply, from: "+86139\udc00" }])],
        [JSON.stringify(Array.from({ length: 501 }, () => validReceipt))],
        [JSON.stringify({ ...validReceipt, messageId: "x".repeat(10_000) })],
        ['[{"type": "message", "fr'],
      ];
      const reply = fc.oneof(
        body(validReply),
        body(validReceipt),
        fc.array(nearValid(validReply), { maxLength: 3 }).map((items) => JSON.stringify(items)),
      );
      await fc.assert(
        fc.asyncProperty(reply, async (raw) => void (await expectHandled(await callback(raw)))),
        { numRuns: SHARE, examples },
      );
    },
    LONG_TIMEOUT,
  );

  it("answers 400 naming the field for a lone surrogate in a reply", async () => {
    const response = await callback(JSON.stringify({ ...validReply, text: "TD\ud800" }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toEqual({
      text: ["ill_formed_unicode"],
    });
  });
});

describe("public forms under hostile input", () => {
  it(
    `public complaint form: ${SHARE} cases, each a refusal or a complaint, never an exception`,
    async () => {
      const valid = {
        name: "Wang Fang",
        email: "wang.fang@example.com",
        phone: "",
        locale: "en",
        membershipNumber: "",
        type: "complaint",
        categoryId: String(setup.category.id),
        bookingReference: "",
        flightNumber: "sk1234",
        serviceDate: "2026-11-02",
        subject: "Bag missing after flight SK1234",
        description: "My suitcase did not arrive in Shanghai and nobody could tell me where it is.",
        website: "",
      };
      let ip = 0;
      await fc.assert(
        fc.asyncProperty(nearValid(valid), async (form) => {
          ip += 1;
          const result = await submitPublicComplaint({ ip: `198.51.${ip >> 8}.${ip & 255}`, locale: "en" }, form);
          if (!result.ok)
            expect(["invalid", "rate_limited", "unprocessable", "not_found", "forbidden"]).toContain(result.error);
        }),
        {
          numRuns: SHARE,
          examples: [
            [{ ...valid, description: "NUL \u0000 inside the description text" }],
            [{ ...valid, name: "\u0000" }],
            [{ ...valid, description: "!  \ud800     !" }],
          ],
        },
      );
    },
    LONG_TIMEOUT,
  );

  it(
    `survey answer: ${SHARE} cases with hostile tokens and answers`,
    async () => {
      // A live survey, so that hostile answers reach the database too (the first valid answer closes it).
      const token = randomBytes(32).toString("base64url");
      const customer = await makeCustomer();
      const complaint = await makeComplaint({ customerId: customer.id });
      await db.survey.create({
        data: {
          complaintId: complaint.id,
          customerId: customer.id,
          tokenHash: hashToken(token),
          locale: "en",
          status: "sent",
          sentAt: new Date(),
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.constant(token), hostileString, fc.string({ minLength: 43, maxLength: 43 })),
          nearValid({ csat: 5, resolved: true, nps: 9, ces: 2, comment: "ok", reasonCodes: [] }),
          async (token, answer) => {
            const result = await submitSurveyAnswer(token, answer);
            if (!result.ok) expect(["invalid", "not_found", "unprocessable", "conflict"]).toContain(result.error);
          },
        ),
        { numRuns: SHARE, examples: [[token, { csat: 5, comment: "NUL \u0000 in a comment" }]] },
      );
    },
    LONG_TIMEOUT,
  );
});
