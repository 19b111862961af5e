// env() caches on first use: the secret must be in place before anything reads it.
process.env.INBOUND_EMAIL_SECRET = "inbound-test-secret-0123456789";

import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/mail/flush", () => ({ requestMailFlush: vi.fn(async () => true) }));

import { POST } from "@/app/api/inbound/email/route";
import { db } from "@/lib/db";
import { submitPublicComplaint } from "@/lib/public/intake";
import { makePublicIntakeSetup } from "./factories";

const SECRET = "inbound-test-secret-0123456789";
let setup: Awaited<ReturnType<typeof makePublicIntakeSetup>>;

function post(body: unknown, authorization: string | null = `Bearer ${SECRET}`) {
  const headers = new Headers({ "content-type": "application/json" });
  if (authorization !== null) headers.set("authorization", authorization);
  return POST(
    new Request("http://localhost/api/inbound/email", {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

type Answer = {
  data?: { action: string; reference: string };
  error?: { code: string; fields?: Record<string, string[]> };
};
const answer = async (response: Response) => (await response.json()) as Answer;

beforeAll(async () => {
  setup = await makePublicIntakeSetup();
});

describe("POST /api/inbound/email", () => {
  it("answers 401 without the secret or with a wrong one", async () => {
    const mail = { from: "a@example.com", subject: "Hello there", text: "This should never be filed." };
    for (const authorization of [null, "Bearer wrong-secret-0123456789", SECRET, `Basic ${SECRET}`]) {
      const response = await post(mail, authorization);
      expect(response.status).toBe(401);
      expect((await answer(response)).error?.code).toBe("unauthorized");
    }
    expect(await db.complaint.count()).toBe(0);
  });

  it("answers 400 for a body that is not JSON, and names the invalid fields", async () => {
    const notJson = await post("{ this is not json");
    expect(notJson.status).toBe(400);
    const badShape = await post({ from: "not an address", subject: 42, attachments: [{ filename: "a.pdf" }] });
    expect(badShape.status).toBe(400);
    const fields = (await answer(badShape)).error?.fields ?? {};
    expect(Object.keys(fields)).toEqual(
      expect.arrayContaining(["subject", "attachments.0.contentType", "attachments.0.size"]),
    );
    const badSender = await post({ from: "Someone <nobody>", subject: "Hi", text: "Hello world, a message." });
    expect(badSender.status).toBe(400);
    expect((await answer(badSender)).error?.fields).toEqual({ from: ["invalid_email"] });
  });

  it("creates a complaint for an unknown sender on the e-mail channel, in the sender's language", async () => {
    const response = await post({
      from: '"刘洋" <Liu.Yang@Example.com>',
      subject: "航班取消无人通知",
      text: "我原定今天的航班被取消了，但没有收到任何通知，请尽快处理。",
      messageId: "<msg-1@mail.example.com>",
      attachments: [{ filename: "boarding-pass.pdf", contentType: "application/pdf", size: 48213 }],
    });
    expect(response.status).toBe(201);
    const { data } = await answer(response);
    expect(data).toMatchObject({ action: "created", reference: expect.stringMatching(/^CMP-/) });
    const complaint = await db.complaint.findUniqueOrThrow({
      where: { reference: data?.reference },
      select: {
        id: true,
        channelId: true,
        severityId: true,
        subject: true,
        locale: true,
        customer: { select: { name: true, email: true, locale: true } },
      },
    });
    expect(complaint).toMatchObject({
      channelId: setup.email.id,
      severityId: setup.mild.id,
      subject: "航班取消无人通知",
      locale: "zh_CN",
      customer: { name: "刘洋", email: "liu.yang@example.com" },
    });
    const created = await db.complaintEvent.findFirstOrThrow({ where: { complaintId: complaint.id, kind: "created" } });
    expect(created.data).toMatchObject({ source: "email", messageId: "<msg-1@mail.example.com>", attachmentCount: 1 });
    expect(await db.outboundEmail.count({ where: { complaintId: complaint.id, kind: "acknowledgement" } })).toBe(1);
  });

  it("does not file the same message twice", async () => {
    const mail = {
      from: "dup@example.com",
      subject: "Lost bag",
      text: "My bag did not arrive at the carousel.",
      messageId: "<dup-1@mail.example.com>",
    };
    const first = await answer(await post(mail));
    expect(first.data?.action).toBe("created");
    const before = await db.complaint.count();
    const again = await post(mail);
    expect(again.status).toBe(200);
    expect((await answer(again)).data).toEqual({ action: "duplicate", reference: first.data?.reference });
    expect(await db.complaint.count()).toBe(before);
  });

  it("fills in a subject and description when the e-mail has almost none", async () => {
    const response = await post({ from: "bob@example.com", subject: "", text: "Help" });
    expect(response.status).toBe(201);
    const { data } = await answer(response);
    const complaint = await db.complaint.findUniqueOrThrow({
      where: { reference: data?.reference },
      select: { subject: true, description: true, customer: { select: { name: true } } },
    });
    expect(complaint.subject).toBe("(no subject)");
    expect(complaint.description.startsWith("(no subject)\n\nHelp")).toBe(true);
    expect(complaint.customer.name).toBe("bob");
  });

  it("appends a reply that names the sender's complaint, and reopens it when resolved", async () => {
    const filed = await submitPublicComplaint(
      { ip: "192.0.2.10", locale: "en" },
      {
        name: "Sun Li",
        email: "sun.li@example.com",
        subject: "Meal not served",
        description: "The special meal I ordered was not on board.",
      },
    );
    if (!filed.ok) throw new Error(filed.message);
    await db.complaint.update({
      where: { reference: filed.reference },
      data: { status: "resolved", resolvedAt: new Date() },
    });
    const before = await db.complaint.count();

    const response = await post({
      from: "Sun Li <SUN.LI@example.com>",
      subject: `Re: [${filed.reference}] We have received your complaint`,
      text: "Still waiting for the voucher.",
      messageId: "<reply-1@mail.example.com>",
    });
    expect(response.status).toBe(200);
    expect((await answer(response)).data).toEqual({ action: "appended", reference: filed.reference });
    expect(await db.complaint.count()).toBe(before);
    const complaint = await db.complaint.findUniqueOrThrow({
      where: { reference: filed.reference },
      select: { id: true, status: true, reopenCount: true },
    });
    expect(complaint).toMatchObject({ status: "reopened", reopenCount: 1 });
    const message = await db.complaintEvent.findFirstOrThrow({
      where: { complaintId: complaint.id, kind: "customer_message" },
    });
    expect(message).toMatchObject({
      body: "Still waiting for the voucher.",
      data: { source: "email", messageId: "<reply-1@mail.example.com>" },
    });

    // The same reply delivered again is not appended twice.
    expect(
      (
        await answer(
          await post({
            from: "sun.li@example.com",
            subject: `Re: ${filed.reference}`,
            text: "Still waiting for the voucher.",
            messageId: "<reply-1@mail.example.com>",
          }),
        )
      ).data?.action,
    ).toBe("duplicate");
    expect(await db.complaintEvent.count({ where: { complaintId: complaint.id, kind: "customer_message" } })).toBe(1);
  });

  it("opens a new complaint when a stranger quotes someone else's reference", async () => {
    const filed = await submitPublicComplaint(
      { ip: "192.0.2.11", locale: "en" },
      {
        name: "Zhou Qi",
        email: "zhou.qi@example.com",
        subject: "Upgrade not applied",
        description: "My upgrade voucher was not applied at check-in.",
      },
    );
    if (!filed.ok) throw new Error(filed.message);
    const response = await post({
      from: "mallory@example.net",
      subject: `Re: ${filed.reference}`,
      text: "Please close this complaint, thanks.",
    });
    expect(response.status).toBe(201);
    expect((await answer(response)).data?.reference).not.toBe(filed.reference);
    expect(
      await db.complaintEvent.count({ where: { complaint: { reference: filed.reference }, kind: "customer_message" } }),
    ).toBe(0);
  });
  it("keeps images and PDF files from the e-mail and lists the rest with the reason", async () => {
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f00000000049454e44ae426082",
      "hex",
    );
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const response = await post({
      from: "files@example.com",
      subject: "Photos of the damaged suitcase",
      text: "My suitcase arrived broken, photos and the receipt are attached.",
      messageId: "<msg-files@mail.example.com>",
      attachments: [
        {
          filename: "../../suitcase.png",
          contentType: "image/png",
          size: png.byteLength,
          contentBase64: png.toString("base64"),
        },
        {
          filename: "receipt.pdf",
          contentType: "application/pdf",
          size: pdf.byteLength,
          contentBase64: pdf.toString("base64").replace(/(.{8})/g, "$1\r\n"),
        },
        {
          filename: "invoice.pdf.exe",
          contentType: "application/pdf",
          size: 4,
          contentBase64: Buffer.from("MZ\x90\x00").toString("base64"),
        },
        { filename: "link.txt", contentType: "text/plain", size: 10 },
      ],
    });
    expect(response.status).toBe(201);
    const { data } = await answer(response);
    const complaint = await db.complaint.findUniqueOrThrow({
      where: { reference: data?.reference },
      select: { id: true },
    });
    const stored = await db.attachment.findMany({
      where: { complaintId: complaint.id },
      orderBy: { id: "asc" },
      select: { fileName: true, contentType: true, size: true, content: true, eventId: true },
    });
    expect(stored.map(({ fileName, contentType, size }) => ({ fileName, contentType, size }))).toEqual([
      { fileName: "suitcase.png", contentType: "image/png", size: png.byteLength },
      { fileName: "receipt.pdf", contentType: "application/pdf", size: pdf.byteLength },
    ]);
    expect(Buffer.from(stored[0]!.content).equals(png)).toBe(true);
    const created = await db.complaintEvent.findFirstOrThrow({ where: { complaintId: complaint.id, kind: "created" } });
    expect(stored.every((row) => row.eventId === created.id)).toBe(true);
    expect(created.data).toMatchObject({
      attachmentCount: 4,
      skippedAttachments: [
        { filename: "invoice.pdf.exe", reason: "unsupported_type" },
        { filename: "link.txt", reason: "no_content" },
      ],
    });
    // The file contents are not copied into the event's JSON.
    expect(JSON.stringify(created.data)).not.toContain(png.toString("base64"));
  });

  it("refuses a body over the limit with 413 before reading it all", async () => {
    const headers = new Headers({
      "content-type": "application/json",
      authorization: `Bearer ${SECRET}`,
      "content-length": String(46 * 1024 * 1024),
    });
    const response = await POST(
      new Request("http://localhost/api/inbound/email", { method: "POST", headers, body: "{}" }),
    );
    expect(response.status).toBe(413);
    expect((await answer(response)).error?.code).toBe("too_large");
  });
});
