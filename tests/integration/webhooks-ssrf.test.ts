// Webhook SSRF (issue 14 item 1): an IPv6 notation that carries a loopback or link-local IPv4 is refused when the
// webhook is saved, and a webhook that already holds such a URL is never delivered to: a real loopback listener
// receives nothing.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent, fetch as pinnedFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createWebhook, setAllowPrivateNetworks, updateWebhook } from "@/lib/webhooks/service";
import { deliverPendingWebhooks } from "@/lib/webhooks/deliver";
import { guardedLookup } from "@/lib/webhooks/url-guard";
import type { Actor } from "@/lib/auth/permissions";
import { makeStaff } from "./factories";

let server: Server;
let port: number;
let hits = 0;
let admin: Actor;

beforeAll(async () => {
  server = createServer((request, response) => {
    hits++;
    request.resume();
    response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  admin = (await makeStaff("admin")).actor;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const mappedLoopback = () => [
  `http://[::ffff:127.0.0.1]:${port}/hook`,
  `http://[::ffff:7f00:1]:${port}/hook`,
  `http://[0:0:0:0:0:ffff:127.0.0.1]:${port}/hook`,
  `http://[::127.0.0.1]:${port}/hook`,
];

describe("webhook targets in IPv6 notations that carry an IPv4", () => {
  it("the listener is reachable through the mapped address (so the refusals below are what stops it)", async () => {
    const response = await fetch(`http://[::ffff:127.0.0.1]:${port}/probe`);
    expect(response.status).toBe(200);
    expect(hits).toBe(1);
    hits = 0;
  });

  it("refuses mapped/compatible loopback at save time while private networks are off, and metadata always", async () => {
    await setAllowPrivateNetworks(admin, false);
    for (const url of mappedLoopback()) {
      expect(await createWebhook(admin, { url, events: ["complaint.created"] })).toMatchObject({
        ok: false,
        error: "invalid",
        fields: { url: ["private_network"] },
      });
    }
    await setAllowPrivateNetworks(admin, true);
    for (const url of [
      "http://[::ffff:a9fe:a9fe]/latest",
      "http://[64:ff9b::a9fe:a9fe]/latest",
      "http://[2002:a9fe:a9fe::]/latest",
    ]) {
      expect(await createWebhook(admin, { url, events: ["complaint.created"] })).toMatchObject({
        ok: false,
        error: "invalid",
        fields: { url: ["link_local"] },
      });
    }
    // An edit cannot smuggle it in either.
    await setAllowPrivateNetworks(admin, false);
    const created = await createWebhook(admin, {
      url: "https://example.com/hook",
      events: ["complaint.created"],
      active: false,
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const { updatedAt } = await db.webhook.findUniqueOrThrow({
      where: { id: created.webhook.id },
      select: { updatedAt: true },
    });
    const edit = await updateWebhook(admin, created.webhook.id, {
      url: `http://[::ffff:7f00:1]:${port}/hook`,
      events: ["complaint.created"],
      active: false,
      version: updatedAt.toISOString(),
    });
    expect(edit).toMatchObject({ ok: false, fields: { url: ["private_network"] } });
    expect(await db.webhook.count({ where: { url: { contains: "ffff" } } })).toBe(0);
    expect(hits).toBe(0);
  });

  it("never delivers to a mapped loopback URL already in the table", async () => {
    await setAllowPrivateNetworks(admin, false);
    for (const url of mappedLoopback()) {
      const webhook = await db.webhook.create({
        data: { url, events: ["complaint.created"], secret: "whsec_test" },
        select: { id: true },
      });
      await db.webhookDelivery.create({
        data: {
          webhookId: webhook.id,
          event: "complaint.created",
          payload: { event: "complaint.created" },
          nextAttemptAt: new Date(),
        },
      });
    }
    expect(await deliverPendingWebhooks()).toEqual({ sent: 0, retrying: 4, failed: 0 });
    expect(hits).toBe(0);
    const rows = await db.webhookDelivery.findMany({ select: { lastError: true, status: true, responseStatus: true } });
    expect(rows).toHaveLength(4);
    for (const row of rows)
      expect(row).toEqual({ lastError: "url_refused:private_network", status: "pending", responseStatus: null });
  });

  it("the delivery's connection resolves through the guard: a name that resolves to loopback is refused at connect time", async () => {
    hits = 0;
    const refusing = new Agent({ connect: { lookup: guardedLookup(false) } });
    const refused = await pinnedFetch(`http://localhost:${port}/pinned`, { dispatcher: refusing }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).cause).toMatchObject({
      name: "RefusedAddressError",
      message: "url_refused:private_network",
    });
    expect(hits).toBe(0);
    const allowing = new Agent({ connect: { lookup: guardedLookup(true) } });
    expect((await pinnedFetch(`http://localhost:${port}/pinned`, { dispatcher: allowing })).status).toBe(200);
    expect(hits).toBe(1);
    await Promise.all([refusing.close(), allowing.close()]);
  });
});
