// SMS administration and consent: the signature setting applies to the next SMS; an agent records an opt-out (consent
// event, pending SMS cancelled); the HTTPS gateway's callback applies receipts and 退订 replies; bad input gets a 400.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { enqueueSms } from "@/lib/sms/outbox";
import { DEFAULT_SMS_SETTINGS } from "@/lib/sms/settings";
import { readSmsSettingsForAdmin, saveSmsSettings } from "@/lib/sms/admin";
import { setSmsOptOut } from "@/lib/sms/consent";
import { anonymiseCustomerData, ANONYMISED_TEXT } from "@/lib/customers/anonymise";
import { makeCustomer, makeStaff, makeTeam } from "./factories";

const SECRET = "sms-callback-secret-0123456789";
vi.stubEnv("SMS_CALLBACK_SECRET", SECRET);

let admin: Awaited<ReturnType<typeof makeStaff>>;
let agent: Awaited<ReturnType<typeof makeStaff>>;

beforeAll(async () => {
  const team = await makeTeam();
  admin = await makeStaff("admin", [team]);
  agent = await makeStaff("agent", [team]);
});

async function queue(customerId: number, kind: "reply" | "survey" = "reply") {
  const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
  return db.$transaction((tx) => enqueueSms(tx, { customer, body: "测试", kind }));
}

describe("SMS settings", () => {
  it("saves the signature (admin only, version-checked) and the next SMS carries it", async () => {
    const { version } = await readSmsSettingsForAdmin();
    const input = {
      signature: "天际航空",
      quietStartHour: 22,
      quietEndHour: 7,
      defaultTimeZone: "Asia/Urumqi",
      version,
    };
    expect(await saveSmsSettings(agent.actor, input)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await saveSmsSettings(admin.actor, { ...input, signature: "【天际】" })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { signature: ["no_brackets"] },
    });
    expect(await saveSmsSettings(admin.actor, { ...input, defaultTimeZone: "Mars/Olympus" })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { defaultTimeZone: ["invalid_time_zone"] },
    });
    expect(await saveSmsSettings(admin.actor, { ...input, quietStartHour: 24 })).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { quietStartHour: expect.any(Array) },
    });
    const saved = await saveSmsSettings(admin.actor, input);
    expect(saved).toMatchObject({ ok: true });
    // A second save with the old version is a conflict, not a silent overwrite.
    expect(await saveSmsSettings(admin.actor, { ...input, signature: "别的" })).toMatchObject({
      ok: false,
      error: "conflict",
    });

    const customer = await makeCustomer({ phone: "13811112222" });
    const queued = await queue(customer.id);
    if (!queued.queued) throw new Error("not queued");
    expect((await db.outboundSms.findUniqueOrThrow({ where: { id: queued.id } })).text).toBe("【天际航空】测试");
    if (saved.ok)
      await saveSmsSettings(admin.actor, {
        signature: "Skyline",
        quietStartHour: 21,
        quietEndHour: 8,
        defaultTimeZone: DEFAULT_SMS_SETTINGS.defaultTimeZone,
        version: saved.version,
      });
  });
});

describe("SMS opt-out by an agent", () => {
  it("records the withdrawal, cancels pending non-mandatory SMS, and can be undone (consent recorded again)", async () => {
    const customer = await makeCustomer({ phone: "13811113333" });
    const pending = await queue(customer.id, "survey");
    expect(pending.queued).toBe(true);
    expect(await setSmsOptOut(agent.actor, customer.id, "yes")).toMatchObject({ ok: false, error: "invalid" });
    expect(await setSmsOptOut(agent.actor, customer.id, true)).toMatchObject({ ok: true });
    expect(await setSmsOptOut(agent.actor, customer.id, true)).toMatchObject({ ok: true }); // idempotent
    expect(
      await db.outboundSms.findFirstOrThrow({
        where: { customerId: customer.id },
        select: { status: true, lastError: true },
      }),
    ).toEqual({ status: "failed", lastError: "opted_out" });
    expect(await queue(customer.id)).toEqual({ queued: false, reason: "opted_out" });
    expect(await setSmsOptOut(agent.actor, customer.id, false)).toMatchObject({ ok: true, smsOptedOutAt: null });
    expect(
      await db.customerConsentEvent.findMany({
        where: { customerId: customer.id },
        orderBy: { id: "asc" },
        select: { granted: true, source: true, actorId: true },
      }),
    ).toEqual([
      { granted: false, source: "agent", actorId: agent.user.id },
      { granted: true, source: "agent", actorId: agent.user.id },
    ]);
    expect(
      await db.auditLog.count({
        where: {
          entityType: "customer",
          entityId: String(customer.id),
          action: { in: ["customer.sms_opt_out", "customer.sms_opt_in"] },
        },
      }),
    ).toBe(2);
  });
});

describe("anonymisation", () => {
  it("removes the number and text of the customer's SMS, sent and received", async () => {
    const customer = await makeCustomer({ phone: "13811115555", timeZone: "Europe/Paris" });
    const queued = await queue(customer.id);
    if (!queued.queued) throw new Error("not queued");
    await db.inboundSms.create({ data: { from: "8613811115555", text: "请尽快处理", customerId: customer.id } });
    await db.$transaction((tx) => anonymiseCustomerData(tx, customer.id, new Date()));
    expect(
      await db.outboundSms.findUniqueOrThrow({
        where: { id: queued.id },
        select: { to: true, text: true, segments: true },
      }),
    ).toEqual({ to: "", text: ANONYMISED_TEXT, segments: 1 });
    expect(
      await db.inboundSms.findFirstOrThrow({ where: { customerId: customer.id }, select: { from: true, text: true } }),
    ).toEqual({ from: "", text: ANONYMISED_TEXT });
    expect(
      await db.customer.findUniqueOrThrow({ where: { id: customer.id }, select: { timeZone: true, phone: true } }),
    ).toEqual({ timeZone: null, phone: null });
  });
});

describe("HTTPS gateway callback", () => {
  async function post(body: unknown, secret: string | null = SECRET) {
    const { POST } = await import("@/app/api/sms/callback/route");
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (secret) headers.authorization = `Bearer ${secret}`;
    return POST(
      new Request("http://localhost/api/sms/callback", {
        method: "POST",
        headers,
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    );
  }

  it("needs the shared secret", async () => {
    expect((await post({ type: "message", from: "13800000000", text: "TD" }, null)).status).toBe(401);
    expect((await post({ type: "message", from: "13800000000", text: "TD" }, "wrong-secret-wrong-secret")).status).toBe(
      401,
    );
  });

  it("answers bad input with 400 and field messages, never 5xx", async () => {
    const malformed = await post("{not json");
    expect(malformed.status).toBe(400);
    const invalid = await post({ type: "message", from: "abc", text: "TD" });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(await invalid.json())).toContain("from");
    expect((await post({ type: "unknown" })).status).toBe(400);
  });

  it("applies a delivery receipt and an opt-out reply", async () => {
    const customer = await makeCustomer({ phone: "+86 138 1111 4444" });
    const queued = await queue(customer.id);
    if (!queued.queued) throw new Error("not queued");
    await db.outboundSms.update({ where: { id: queued.id }, data: { status: "sent", providerMessageIds: ["GW-77"] } });
    const response = await post([
      { type: "receipt", messageId: "GW-77", status: "delivrd" },
      { type: "message", from: "8613811114444", text: "TD" },
    ]);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { received: 2, receipts: 1, optOuts: 1 } });
    expect(
      await db.outboundSms.findUniqueOrThrow({ where: { id: queued.id }, select: { receiptStatus: true } }),
    ).toEqual({ receiptStatus: "DELIVRD" });
    const after = await db.customer.findUniqueOrThrow({ where: { id: customer.id }, select: { smsOptedOutAt: true } });
    expect(after.smsOptedOutAt).not.toBeNull();
    expect(
      await db.customerConsentEvent.findFirst({
        where: { customerId: customer.id },
        select: { source: true, granted: true },
      }),
    ).toEqual({ source: "gateway_callback", granted: false });
  });
});
