import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/mail/flush", () => ({ requestMailFlush: vi.fn(async () => true) }));

import { db } from "@/lib/db";
import { addStaffMessage } from "@/lib/complaints/add-message";
import {
  TRACKING_REPLY_IP_LIMIT,
  TRACKING_REPLY_LIMIT,
  getTrackingView,
  postTrackingReply,
} from "@/lib/public/tracking";
import { submitPublicComplaint } from "@/lib/public/intake";
import { makePublicIntakeSetup, makeStaff } from "./factories";

let agent: Awaited<ReturnType<typeof makeStaff>>;
let filed = 0;

/** Files a complaint through the public form and returns its reference, id and tracking token. */
async function fileComplaint(email = `customer${filed}@example.com`) {
  filed += 1;
  const result = await submitPublicComplaint(
    { ip: `198.51.100.${filed}`, locale: "en" },
    {
      name: "Chen Jing",
      email,
      subject: "Seat not as booked",
      description: "I paid for an aisle seat and was given a middle seat without explanation.",
    },
  );
  if (!result.ok) throw new Error(`filing failed: ${result.message}`);
  const { id, version } = await db.complaint.findUniqueOrThrow({
    where: { reference: result.reference },
    select: { id: true, version: true },
  });
  return { ...result, id, version };
}

beforeAll(async () => {
  // The web channel and severities the public form needs.
  await makePublicIntakeSetup();
  agent = await makeStaff("manager", [], "Zhao Min");
});

describe("tracking page read model", () => {
  it("shows the status and only customer-facing events, never internal notes or staff names", async () => {
    const filedComplaint = await fileComplaint();
    const reply = await addStaffMessage(agent.actor, filedComplaint.id, {
      kind: "reply",
      body: "We have asked the airport team to check.",
      version: filedComplaint.version,
    });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const note = await addStaffMessage(agent.actor, filedComplaint.id, {
      kind: "note",
      body: "INTERNAL: customer is a frequent complainer",
      version: reply.version,
    });
    expect(note.ok).toBe(true);
    if (!note.ok) return;
    const call = await addStaffMessage(agent.actor, filedComplaint.id, {
      kind: "call",
      body: "Called, customer upset about fee",
      version: note.version,
      call: { outcome: "reached", durationMinutes: 4 },
    });
    expect(call.ok).toBe(true);
    await postTrackingReply(filedComplaint.trackingToken, { body: "Thank you, I will wait." });

    const view = await getTrackingView(filedComplaint.trackingToken);
    expect(view).toMatchObject({
      reference: filedComplaint.reference,
      subject: "Seat not as booked",
      status: "new",
      resolutionSummary: null,
      locale: "en",
    });
    expect(view?.events.map((event) => [event.kind, event.from])).toEqual([
      ["reply", "service"],
      ["call", "service"],
      ["customer_message", "customer"],
    ]);
    const serialised = JSON.stringify(view);
    expect(serialised).not.toContain("INTERNAL");
    expect(serialised).not.toContain("Called, customer upset");
    expect(serialised).not.toContain("Zhao Min");
  });

  it("finds nothing for a wrong, truncated or empty token", async () => {
    const filedComplaint = await fileComplaint();
    expect(await getTrackingView(`${filedComplaint.trackingToken}x`)).toBeNull();
    expect(await getTrackingView(filedComplaint.trackingToken.slice(0, -1))).toBeNull();
    expect(await getTrackingView("")).toBeNull();
    expect(await postTrackingReply("not-a-token", { body: "hello" })).toMatchObject({ ok: false, error: "not_found" });
  });

  it("shows the resolution summary once resolved, not before", async () => {
    const filedComplaint = await fileComplaint();
    await db.complaint.update({
      where: { id: filedComplaint.id },
      data: { resolutionSummary: "Draft: refund seat fee" },
    });
    expect((await getTrackingView(filedComplaint.trackingToken))?.resolutionSummary).toBeNull();
    await db.complaint.update({
      where: { id: filedComplaint.id },
      data: { status: "resolved", resolvedAt: new Date(), resolutionSummary: "We refunded the seat fee of 120 CNY." },
    });
    expect(await getTrackingView(filedComplaint.trackingToken)).toMatchObject({
      status: "resolved",
      resolutionSummary: "We refunded the seat fee of 120 CNY.",
    });
  });
});

describe("customer reply from the tracking page", () => {
  it("reopens a resolved complaint", async () => {
    const filedComplaint = await fileComplaint();
    await db.complaint.update({
      where: { id: filedComplaint.id },
      data: { status: "resolved", resolvedAt: new Date(), resolutionSummary: "Refunded." },
    });
    const result = await postTrackingReply(filedComplaint.trackingToken, { body: "The refund has not arrived." });
    expect(result).toEqual({ ok: true, reopened: true });
    const complaint = await db.complaint.findUniqueOrThrow({
      where: { id: filedComplaint.id },
      select: { status: true, reopenCount: true },
    });
    expect(complaint).toEqual({ status: "reopened", reopenCount: 1 });
    const event = await db.complaintEvent.findFirstOrThrow({
      where: { complaintId: filedComplaint.id, kind: "customer_message" },
    });
    expect(event).toMatchObject({
      visibility: "customer",
      actorType: "customer",
      body: "The refund has not arrived.",
      data: { source: "tracking_page" },
    });
  });

  it("resumes a complaint that was waiting for the customer", async () => {
    const filedComplaint = await fileComplaint();
    await db.complaint.update({ where: { id: filedComplaint.id }, data: { status: "pending_customer" } });
    expect(await postTrackingReply(filedComplaint.trackingToken, { body: "My seat was 32E." })).toEqual({
      ok: true,
      reopened: false,
    });
    expect(
      (await db.complaint.findUniqueOrThrow({ where: { id: filedComplaint.id }, select: { status: true } })).status,
    ).toBe("in_progress");
  });

  it("refuses an empty message without counting it, and limits messages per link", async () => {
    const filedComplaint = await fileComplaint();
    const now = new Date("2026-11-21T02:00:00Z");
    expect(await postTrackingReply(filedComplaint.trackingToken, { body: "   " }, now)).toMatchObject({
      ok: false,
      error: "invalid",
      fields: { body: ["required"] },
    });
    for (let i = 0; i < TRACKING_REPLY_LIMIT; i += 1) {
      expect((await postTrackingReply(filedComplaint.trackingToken, { body: `Message ${i + 1}` }, now)).ok).toBe(true);
    }
    expect(await postTrackingReply(filedComplaint.trackingToken, { body: "One more" }, now)).toMatchObject({
      ok: false,
      error: "rate_limited",
    });
    expect(await db.complaintEvent.count({ where: { complaintId: filedComplaint.id, kind: "customer_message" } })).toBe(
      TRACKING_REPLY_LIMIT,
    );
  });

  it("limits messages per client address across links", async () => {
    const now = new Date("2026-11-21T04:00:00Z");
    const links = await Promise.all(
      Array.from({ length: Math.ceil(TRACKING_REPLY_IP_LIMIT / TRACKING_REPLY_LIMIT) + 1 }, () => fileComplaint()),
    );
    let sent = 0;
    for (const link of links) {
      for (let i = 0; i < TRACKING_REPLY_LIMIT && sent < TRACKING_REPLY_IP_LIMIT; i += 1) {
        expect(
          (await postTrackingReply(link.trackingToken, { body: `Message ${sent + 1}` }, now, "203.0.113.200")).ok,
        ).toBe(true);
        sent += 1;
      }
    }
    expect(sent).toBe(TRACKING_REPLY_IP_LIMIT);
    const fresh = links[links.length - 1];
    if (!fresh) throw new Error("no link");
    expect(await postTrackingReply(fresh.trackingToken, { body: "One more" }, now, "203.0.113.200")).toMatchObject({
      ok: false,
      error: "rate_limited",
    });
    expect((await postTrackingReply(fresh.trackingToken, { body: "From elsewhere" }, now, "203.0.113.201")).ok).toBe(
      true,
    );
  });
});
