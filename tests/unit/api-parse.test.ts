import { describe, expect, it } from "vitest";
import { readJson } from "@/lib/api/parse";

const request = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/v1/x", { method: "POST", body, headers });

describe("readJson", () => {
  it("parses a body within the limit", async () => {
    const parsed = await readJson(request(JSON.stringify({ a: "航班" })), { maxBytes: 100 });
    expect(parsed).toEqual({ ok: true, data: { a: "航班" } });
  });

  it("refuses a declared Content-Length over the limit with 413", async () => {
    const parsed = await readJson(request("{}", { "content-length": "5000" }), { maxBytes: 100 });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.response.status).toBe(413);
  });

  it("stops reading a streamed body once it passes the limit, whatever the header said", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 1000) return controller.close();
        controller.enqueue(new Uint8Array(64).fill(0x20));
      },
    });
    const parsed = await readJson(
      new Request("http://localhost/x", { method: "POST", body: stream, duplex: "half" } as RequestInit),
      { maxBytes: 256 },
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.response.status).toBe(413);
    expect(pulled).toBeLessThan(20);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const parsed = await readJson(request("{ nope"));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.response.status).toBe(400);
  });
});

describe("id fields", () => {
  it("refuse ids and versions beyond PostgreSQL's integer range with a field error, not a database error", async () => {
    const { createComplaintSchema, updateComplaintSchema } = await import("@/lib/complaints/schema");
    const tooBig = Number.MAX_SAFE_INTEGER;
    const created = createComplaintSchema.safeParse({
      customer: { id: tooBig },
      channelId: 1,
      severityId: tooBig,
      type: "complaint",
      subject: "Lost bag",
      description: "My bag did not arrive at all.",
    });
    expect(created.success).toBe(false);
    if (!created.success)
      expect(created.error.issues.map((issue) => issue.path.join("."))).toEqual(
        expect.arrayContaining(["customer.id", "severityId"]),
      );
    const updated = updateComplaintSchema.safeParse({ version: 2_147_483_648 });
    expect(updated.success).toBe(false);
    expect(
      createComplaintSchema.safeParse({
        customer: { id: 2_147_483_647 },
        channelId: 1,
        severityId: 1,
        type: "complaint",
        subject: "Lost bag",
        description: "My bag did not arrive at all.",
      }).success,
    ).toBe(true);
  });
});
