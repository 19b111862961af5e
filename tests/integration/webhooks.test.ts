// Outbound webhooks: admin validation and permissions, rows queued in the complaint's transaction, signed delivery to a
// local receiver, back-off on failure, and two concurrent workers delivering each event once.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { transitionComplaint } from "@/lib/complaints/transition-complaint";
import { createWebhook, redeliver, setAllowPrivateNetworks, updateWebhook } from "@/lib/webhooks/service";
import { deliverPendingWebhooks, nextAttemptAfter } from "@/lib/webhooks/deliver";
import { verifySignature } from "@/lib/webhooks/signature";
import { checkWebhookUrl } from "@/lib/webhooks/url-guard";
import type { Actor } from "@/lib/auth/permissions";
import { makeChannel, makeSeverity, makeStaff, makeTeam } from "./factories";

type Received = { body: string; headers: IncomingHttpHeaders };
let server: Server;
let baseUrl: string;
const received: Received[] = [];
let respondWith = 200;

let admin: Actor;
let agent: Actor;
let channelId: number;
let severityId: number;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ body, headers: request.headers });
      response.statusCode = request.url === "/slow" ? 200 : respondWith;
      if (request.url === "/slow") setTimeout(() => response.end("late"), 6_000);
      else response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  admin = (await makeStaff("admin")).actor;
  const team = await makeTeam();
  agent = (await makeStaff("agent", [team])).actor;
  channelId = (await makeChannel()).id;
  severityId = (await makeSeverity()).id;
  await db.rootCause.create({ data: { code: "RC-WH", kind: "process", nameZh: "流程", nameEn: "Process" } });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function newComplaint() {
  const result = await createComplaint(
    { kind: "staff", actor: agent },
    {
      customer: { name: "王小明", phone: "+86 138 0000 1111", locale: "zh-CN" },
      channelId,
      severityId,
      subject: "行李延误",
      description: "托运行李延误三天仍未送达。",
    },
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.complaint;
}

describe("webhook administration", () => {
  it("validates the URL (scheme, metadata, private networks) and the events; agents are refused", async () => {
    expect(
      await createWebhook(agent, { url: "https://example.com/hook", events: ["complaint.created"] }),
    ).toMatchObject({ ok: false, error: "forbidden" });
    expect(await createWebhook(admin, { url: "ftp://example.com/x", events: ["complaint.created"] })).toMatchObject({
      ok: false,
      fields: { url: ["scheme"] },
    });
    expect(
      await createWebhook(admin, { url: "http://169.254.169.254/latest", events: ["complaint.created"] }),
    ).toMatchObject({ ok: false, fields: { url: ["link_local"] } });
    expect(await createWebhook(admin, { url: `${baseUrl}/hook`, events: ["complaint.created"] })).toMatchObject({
      ok: false,
      fields: { url: ["private_network"] },
    });
    expect(await createWebhook(admin, { url: "https://example.com/hook", events: [] })).toMatchObject({
      ok: false,
      fields: { events: ["event_required"] },
    });
    expect(
      await createWebhook(admin, { url: "https://example.com/hook", events: ["complaint.deleted"] }),
    ).toMatchObject({ ok: false, error: "invalid" });
    expect(checkWebhookUrl("http://[fe80::1]/", true)).toBe("link_local");
    expect(checkWebhookUrl("http://10.1.2.3/", false)).toBe("private_network");
    expect(checkWebhookUrl("http://10.1.2.3/", true)).toBeNull();
    expect(checkWebhookUrl("https://user:pw@example.com/", false)).toBe("credentials");
  });

  it("shows the secret once, audits, and refuses a stale edit", async () => {
    const created = await createWebhook(admin, {
      url: "https://example.com/hook",
      events: ["complaint.created"],
      active: false,
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(created.secret).toMatch(/^whsec_/);
    const listed = await db.webhook.findUniqueOrThrow({ where: { id: created.webhook.id } });
    expect("secret" in listed).toBe(false);
    const version = listed.updatedAt.toISOString();
    const first = await updateWebhook(admin, created.webhook.id, {
      url: "https://example.com/v2",
      events: ["complaint.resolved"],
      active: false,
      version,
    });
    expect(first.ok).toBe(true);
    const second = await updateWebhook(admin, created.webhook.id, {
      url: "https://example.com/v3",
      events: ["complaint.resolved"],
      active: false,
      version,
    });
    expect(second).toMatchObject({ ok: false, error: "conflict" });
    expect(await db.auditLog.count({ where: { entityType: "webhook", entityId: String(created.webhook.id) } })).toBe(2);
    await db.webhook.delete({ where: { id: created.webhook.id } });
  });
});

describe("webhook delivery", () => {
  let webhookId: number;
  let secret: string;

  it("queues one delivery per subscribed event in the complaint's transaction and delivers it signed", async () => {
    await setAllowPrivateNetworks(admin, true);
    const created = await createWebhook(admin, {
      url: `${baseUrl}/hook`,
      events: ["complaint.created", "complaint.resolved"],
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    webhookId = created.webhook.id;
    secret = created.secret;
    const complaint = await newComplaint();
    const queued = await db.webhookDelivery.findMany({ where: { webhookId } });
    expect(queued.map((row) => [row.event, row.status])).toEqual([["complaint.created", "pending"]]);

    const result = await deliverPendingWebhooks();
    expect(result).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const [hit] = received;
    if (!hit) throw new Error("nothing received");
    const header = String(hit.headers["x-skyline-signature"]);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, hit.body, header)).toBe(true);
    expect(verifySignature("whsec_wrong", hit.body, header)).toBe(false);
    expect(hit.headers["x-skyline-event"]).toBe("complaint.created");
    const body = JSON.parse(hit.body) as { event: string; complaint: { reference: string; status: string } };
    expect(body).toMatchObject({
      event: "complaint.created",
      complaint: { reference: complaint.reference, status: "new" },
    });
    const row = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId } });
    expect(row).toMatchObject({ status: "sent", attempts: 1, responseStatus: 200 });

    // complaint.updated is not subscribed; resolving is.
    const rootCause = await db.rootCause.findUniqueOrThrow({ where: { code: "RC-WH" } });
    const resolved = await transitionComplaint(agent, complaint.reference, {
      to: "resolved",
      version: 1,
      rootCauseId: rootCause.id,
      resolutionSummary: "Bag delivered.",
    });
    if (!resolved.ok) throw new Error(JSON.stringify(resolved));
    expect(
      (await db.webhookDelivery.findMany({ where: { webhookId }, orderBy: { id: "asc" } })).map((row) => row.event),
    ).toEqual(["complaint.created", "complaint.resolved"]);
  });

  it("schedules retries with exponential back-off and gives up after the last attempt", async () => {
    await db.webhookDelivery.deleteMany({ where: { webhookId } });
    received.length = 0;
    respondWith = 503;
    await newComplaint();
    let now = new Date();
    const expectedDelays = [1, 5, 30, 120, 720];
    for (const [index, delay] of expectedDelays.entries()) {
      const result = await deliverPendingWebhooks({ now: () => now });
      expect(result).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const row = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId } });
      expect(row).toMatchObject({ status: "pending", attempts: index + 1, responseStatus: 503, lastError: "http_503" });
      expect(row.nextAttemptAt?.getTime()).toBe(now.getTime() + delay * 60_000);
      // Not due yet: nothing happens a second before the next attempt.
      expect(await deliverPendingWebhooks({ now: () => new Date(now.getTime() + delay * 60_000 - 1_000) })).toEqual({
        sent: 0,
        retrying: 0,
        failed: 0,
      });
      now = new Date(now.getTime() + delay * 60_000);
    }
    expect(await deliverPendingWebhooks({ now: () => now })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { webhookId } })).toMatchObject({
      status: "failed",
      attempts: 6,
      nextAttemptAt: null,
    });
    expect(received).toHaveLength(6);
    expect(nextAttemptAfter(6, now)).toBeNull();

    // Redelivery makes a new log row, due at once, which succeeds now that the receiver is back.
    respondWith = 204;
    const failed = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId } });
    const again = await redeliver(admin, failed.id);
    if (!again.ok) throw new Error(JSON.stringify(again));
    expect(await deliverPendingWebhooks()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: again.delivery.id } })).toMatchObject({
      status: "sent",
      responseStatus: 204,
    });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "failed",
    });
  });

  it("times out a slow receiver after about five seconds and retries", async () => {
    await db.webhookDelivery.deleteMany({ where: { webhookId } });
    await db.webhook.update({ where: { id: webhookId }, data: { url: `${baseUrl}/slow` } });
    await newComplaint();
    const started = Date.now();
    expect(await deliverPendingWebhooks()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(Date.now() - started).toBeLessThan(5_900);
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { webhookId } })).toMatchObject({
      status: "pending",
      lastError: "timeout",
      attempts: 1,
    });
    await db.webhook.update({ where: { id: webhookId }, data: { url: `${baseUrl}/hook` } });
  }, 15_000);

  it("two workers running at once deliver each event exactly once", async () => {
    await db.webhookDelivery.deleteMany({ where: { webhookId } });
    received.length = 0;
    respondWith = 200;
    for (let index = 0; index < 6; index++) await newComplaint();
    const [a, b] = await Promise.all([deliverPendingWebhooks(), deliverPendingWebhooks()]);
    expect(a.sent + b.sent).toBe(6);
    expect(received).toHaveLength(6);
    expect(new Set(received.map((hit) => hit.headers["x-skyline-delivery"])).size).toBe(6);
    expect(await db.webhookDelivery.count({ where: { webhookId, status: "sent", attempts: 1 } })).toBe(6);
  });

  it("refuses a private address at delivery time once the setting is switched off", async () => {
    await db.webhookDelivery.deleteMany({ where: { webhookId } });
    received.length = 0;
    await setAllowPrivateNetworks(admin, false);
    await newComplaint();
    expect(await deliverPendingWebhooks()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(received).toHaveLength(0);
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { webhookId } })).toMatchObject({
      lastError: "url_refused:private_network",
    });
  });
});
