// The SMS outbox end to end against the real development SMSC (SMPP) and a local HTTP gateway stub: enqueue in a
// transaction → sendPendingSms → provider; receipts and opt-out replies come back over SMPP.
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSmsCatcher, type SmsCatcher } from "@/scripts/lib/sms-catcher";
import { db } from "@/lib/db";
import { enqueueSms } from "@/lib/sms/outbox";
import { sendPendingSms } from "@/lib/sms/sender";
import { createSmppProvider, parseSmppUrl } from "@/lib/sms/smpp";
import { startSmsReceiver, type SmsReceiver } from "@/lib/sms/receiver";
import { createHttpGatewayProvider } from "@/lib/sms/http-gateway";
import { makeCustomer } from "./factories";

let catcher: SmsCatcher;
let receiver: SmsReceiver | null = null;

type CaughtSms = { destination: string; text: string; encoding: string; segments: number; message_ids: string[] };
async function caught() {
  return db.$queryRaw<
    CaughtSms[]
  >`SELECT destination, text, encoding, segments, message_ids FROM devsms.dev_sms ORDER BY id`;
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One flush through a fresh SMPP session, closed afterwards (as the job does). */
async function flush(now?: Date, provider = createSmppProvider(parseSmppUrl(catcher.smppUrl))) {
  try {
    return await sendPendingSms({ provider, now });
  } finally {
    await provider.close();
  }
}

async function queue(
  customer: { id: number; phone: string | null; smsOptedOutAt: Date | null; timeZone: string | null },
  body: string,
  kind: "reply" | "survey" | "legal_notice" = "reply",
  now = new Date(),
) {
  return db.$transaction((tx) => enqueueSms(tx, { customer, body, kind }, now));
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is set by tests/integration/setup.ts");
  catcher = await startSmsCatcher({ port: 0, databaseUrl });
});

afterAll(async () => {
  await receiver?.stop();
  await catcher.stop();
});

beforeEach(async () => {
  await receiver?.stop();
  receiver = null;
  await db.outboundSms.deleteMany();
  await db.$executeRaw`TRUNCATE devsms.dev_sms`;
});

describe("SMS over SMPP (development SMSC)", () => {
  it("binds, submits Chinese text in UCS-2 with the signature, exactly once, and applies the delivery receipt", async () => {
    const customer = await makeCustomer({ phone: "+86 138 0013 8000" });
    const queued = await queue(customer, "您的投诉 CMP-2026-000001 已受理。");
    expect(queued).toMatchObject({ queued: true, segments: 1 });
    receiver = await startSmsReceiver(catcher.smppUrl);

    const result = await flush();
    expect(result).toMatchObject({ sent: 1, failed: 0, retrying: 0 });
    expect(await flush()).toMatchObject({ sent: 0 });

    const messages = await eventually(caught, (rows) => rows.length === 1);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      destination: "8613800138000",
      text: "【Skyline】您的投诉 CMP-2026-000001 已受理。",
      encoding: "ucs2",
      segments: 1,
    });

    const row = await eventually(
      () =>
        db.outboundSms.findFirstOrThrow({
          select: { status: true, providerMessageIds: true, receiptStatus: true, deliveredAt: true },
        }),
      (sms) => sms.receiptStatus !== null,
      15_000, // the receiver retries an early receipt for ~6 s; a loaded machine adds to it
    );
    expect(row.status).toBe("sent");
    expect(row.providerMessageIds).toEqual(messages[0]?.message_ids);
    expect(row.receiptStatus).toBe("DELIVRD");
    expect(row.deliveredAt).not.toBeNull();
  });

  it("two flushes running at once (two instances) send each message exactly once", async () => {
    const customers = await Promise.all(
      Array.from({ length: 12 }, (_, index) => makeCustomer({ phone: `1380000${String(index).padStart(4, "0")}` })),
    );
    for (const customer of customers) await queue(customer, `第 ${customer.id} 号通知`);
    const [first, second] = await Promise.all([flush(), flush()]);
    expect((first?.sent ?? 0) + (second?.sent ?? 0)).toBe(12);
    const messages = await eventually(caught, (rows) => rows.length >= 12);
    expect(messages).toHaveLength(12);
    expect(new Set(messages.map((message) => message.destination)).size).toBe(12);
  });

  it("splits a long Chinese message into UDH-concatenated parts that the SMSC reassembles", async () => {
    const customer = await makeCustomer({ phone: "13900139000" });
    const body = "尊敬的旅客，您好！".repeat(16); // 144 characters + signature → 3 parts of ≤ 67
    const queued = await queue(customer, body);
    expect(queued).toMatchObject({ queued: true, segments: 3 });
    expect(await flush()).toMatchObject({ sent: 1 });
    const messages = await eventually(caught, (rows) => rows.length === 1);
    expect(messages[0]).toMatchObject({ text: `【Skyline】${body}`, encoding: "ucs2", segments: 3 });
    const row = await db.outboundSms.findFirstOrThrow({ select: { segments: true, providerMessageIds: true } });
    expect(row.segments).toBe(3);
    expect(row.providerMessageIds).toHaveLength(3);
  });

  it("several long messages in flight at once keep their own concatenation reference", async () => {
    const customers = await Promise.all(
      Array.from({ length: 6 }, (_, index) => makeCustomer({ phone: `1370000${String(index).padStart(4, "0")}` })),
    );
    for (const [index, customer] of customers.entries())
      await queue(customer, `第${index}条：${"航班延误的处理结果与补偿说明。".repeat(8)}`);
    expect(await flush()).toMatchObject({ sent: 6 });
    const messages = await eventually(caught, (rows) => rows.length === 6);
    expect(messages).toHaveLength(6);
    for (const message of messages) {
      const index = Number(/第(\d)条/.exec(message.text)?.[1]);
      expect(message.text).toBe(`【Skyline】第${index}条：${"航班延误的处理结果与补偿说明。".repeat(8)}`);
      expect(message.segments).toBe(2);
    }
  });

  it("sends an international number; the 【】 signature makes even Latin text UCS-2 (70 characters a part)", async () => {
    const customer = await makeCustomer({ phone: "+447700900123" });
    const body = "Complaint CMP-2026-000002 received: x.test/t/abc";
    expect(await queue(customer, body)).toMatchObject({ queued: true, segments: 1 });
    await flush();
    const messages = await eventually(caught, (rows) => rows.length === 1);
    expect(messages[0]).toMatchObject({
      destination: "447700900123",
      text: `【Skyline】${body}`,
      encoding: "ucs2",
      segments: 1,
    });
  });

  it("retries after the SMSC refuses (throttled) with back-off, then delivers", async () => {
    const customer = await makeCustomer({ phone: "13700137000" });
    const now = new Date();
    await queue(customer, "稍后重试的消息", "reply", now);
    catcher.refuseNext(1);
    expect(await flush(now)).toMatchObject({ sent: 0, retrying: 1 });
    let row = await db.outboundSms.findFirstOrThrow({ select: { status: true, attempts: true, lastError: true } });
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toMatch(/submit_sm refused/);
    // Not due again before the back-off has passed.
    expect(await flush(now)).toMatchObject({ sent: 0, retrying: 0 });
    expect(await flush(new Date(now.getTime() + 2 * 60_000))).toMatchObject({ sent: 1 });
    row = await db.outboundSms.findFirstOrThrow({ select: { status: true, attempts: true, lastError: true } });
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(await eventually(caught, (rows) => rows.length === 1)).toHaveLength(1);
  });

  it("keeps messages pending when the SMSC is down, and loses none", async () => {
    const customer = await makeCustomer({ phone: "13600136000" });
    await queue(customer, "第一条");
    await queue(customer, "第二条");
    const down = createSmppProvider(parseSmppUrl(`smpp://skyline:dev@127.0.0.1:${await closedPort()}`));
    expect(await flush(undefined, down)).toMatchObject({ sent: 0, retrying: 2 });
    const rows = await db.outboundSms.findMany({ select: { status: true }, orderBy: { id: "asc" } });
    expect(rows.map((row) => row.status)).toEqual(["pending", "pending"]);
  });

  it("a customer's reply 退订 opts them out: consent recorded, pending non-mandatory SMS cancelled, legal notices still go", async () => {
    const customer = await makeCustomer({ phone: "+86 135 0013 5000" });
    await queue(customer, "满意度调查：https://x.test/s/abc", "survey");
    receiver = await startSmsReceiver(catcher.smppUrl);
    await catcher.sendFromCustomer("8613500135000", "退订");

    const updated = await eventually(
      () =>
        db.customer.findUniqueOrThrow({
          where: { id: customer.id },
          select: { smsOptedOutAt: true, phone: true, timeZone: true, id: true },
        }),
      (row) => row.smsOptedOutAt !== null,
    );
    expect(updated.smsOptedOutAt).not.toBeNull();
    expect(
      await db.customerConsentEvent.findMany({
        where: { customerId: customer.id },
        select: { channel: true, granted: true, source: true },
      }),
    ).toEqual([{ channel: "sms", granted: false, source: "sms_reply" }]);
    expect(
      await db.inboundSms.findFirst({ where: { customerId: customer.id }, select: { text: true, optOut: true } }),
    ).toEqual({ text: "退订", optOut: true });
    expect(await db.outboundSms.findFirstOrThrow({ select: { status: true, lastError: true } })).toEqual({
      status: "failed",
      lastError: "opted_out",
    });

    expect(await queue(updated, "回访短信", "reply")).toEqual({ queued: false, reason: "opted_out" });
    expect(await queue(updated, "依法告知", "legal_notice")).toMatchObject({ queued: true });
  });

  it("defers a survey SMS queued in the quiet hours to 08:00 in the customer's time zone; replies go at once", async () => {
    const customer = await makeCustomer({ phone: "13800000001", timeZone: "Europe/London" });
    const lateEvening = new Date("2026-12-07T22:30:00Z"); // 22:30 in London
    const survey = await queue(customer, "请为本次服务评分", "survey", lateEvening);
    expect(survey).toMatchObject({ queued: true, notBefore: new Date("2026-12-08T08:00:00Z") });
    const reply = await queue(customer, "我们已处理", "reply", lateEvening);
    expect(reply).toMatchObject({ queued: true, notBefore: lateEvening });
    expect(await flush(lateEvening)).toMatchObject({ sent: 1 });
    expect(await db.outboundSms.findFirstOrThrow({ where: { kind: "survey" }, select: { status: true } })).toEqual({
      status: "pending",
    });
  });

  it("refuses a landline: SMS is not possible", async () => {
    const customer = await makeCustomer({ phone: "010-6512 3456" });
    expect(await queue(customer, "x")).toEqual({ queued: false, reason: "not_mobile" });
  });
});

describe("SMS over a generic HTTPS gateway (local stub)", () => {
  type Received = { method: string; headers: http.IncomingHttpHeaders; body: string };
  let server: http.Server;
  let url: string;
  const received: Received[] = [];
  let answers: Array<{ status: number; body: string }> = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        received.push({ method: request.method ?? "", headers: request.headers, body });
        const answer = answers.shift() ?? { status: 200, body: '{"code":"OK","data":{"bizId":"B-1"}}' };
        response.writeHead(answer.status, { "Content-Type": "application/json" });
        response.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/sms/send`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    received.length = 0;
    answers = [];
  });

  function gateway() {
    return createHttpGatewayProvider({
      url,
      method: "POST",
      headers: { Authorization: "Bearer test-key" },
      bodyTemplate: '{"phone":"{to}","content":"{text}","outId":"{id}"}',
      success: "json:code=OK",
      idPath: "data.bizId",
    });
  }

  it("posts the filled template with headers, reads the id, and marks the message sent", async () => {
    const customer = await makeCustomer({ phone: "13800138001" });
    const queued = await queue(customer, '您的"投诉"已受理\n谢谢');
    if (!queued.queued) throw new Error("not queued");
    expect(await flush(undefined, gateway())).toMatchObject({ sent: 1 });
    expect(received).toHaveLength(1);
    expect(received[0]?.headers.authorization).toBe("Bearer test-key");
    expect(JSON.parse(received[0]?.body ?? "")).toEqual({
      phone: "13800138001",
      content: '【Skyline】您的"投诉"已受理\n谢谢',
      outId: String(queued.id),
    });
    expect(await db.outboundSms.findFirstOrThrow({ select: { status: true, providerMessageIds: true } })).toEqual({
      status: "sent",
      providerMessageIds: ["B-1"],
    });
  });

  it("retries on 503 and on a 2xx that fails the success rule; gives up at once on a 4xx", async () => {
    const customer = await makeCustomer({ phone: "13800138002" });
    const now = new Date();
    await queue(customer, "一", "reply", now);
    answers = [{ status: 503, body: "busy" }];
    expect(await flush(now, gateway())).toMatchObject({ retrying: 1 });
    answers = [{ status: 200, body: '{"code":"isv.BUSINESS_LIMIT_CONTROL"}' }];
    expect(await flush(new Date(now.getTime() + 2 * 60_000), gateway())).toMatchObject({ retrying: 1 });
    expect(await db.outboundSms.findFirstOrThrow({ select: { status: true, attempts: true } })).toEqual({
      status: "pending",
      attempts: 2,
    });
    await db.outboundSms.deleteMany();
    await queue(customer, "二", "reply", now);
    answers = [{ status: 400, body: '{"code":"isv.MOBILE_NUMBER_ILLEGAL"}' }];
    expect(await flush(now, gateway())).toMatchObject({ failed: 1 });
    expect(await db.outboundSms.findFirstOrThrow({ select: { status: true } })).toEqual({ status: "failed" });
  });
});
