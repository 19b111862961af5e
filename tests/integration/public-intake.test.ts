import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/mail/flush", () => ({ requestMailFlush: vi.fn(async () => true) }));

import { db } from "@/lib/db";
import { requestMailFlush } from "@/lib/mail/flush";
import { PUBLIC_COMPLAINT_LIMIT, submitPublicComplaint } from "@/lib/public/intake";
import { HONEYPOT_FIELD } from "@/lib/public/spam";
import { makeCustomer, makePublicIntakeSetup } from "./factories";

let setup: Awaited<ReturnType<typeof makePublicIntakeSetup>>;
let ipNumber = 0;
/** Each test posts from its own address, so the per-IP limit of one test does not spill into the next. */
let ip = "";

const form = (overrides: Record<string, string> = {}) => ({
  name: "Wang Fang",
  email: "wang.fang@example.com",
  phone: "",
  locale: "en",
  membershipNumber: "SK 1234 5678",
  type: "complaint",
  categoryId: String(setup.category.id),
  bookingReference: "QX7P2M",
  flightNumber: "sk1234",
  serviceDate: "2026-11-02",
  subject: "Bag missing after flight SK1234",
  description: "My suitcase did not arrive in Shanghai and nobody at the desk could tell me where it is.",
  [HONEYPOT_FIELD]: "",
  ...overrides,
});

beforeAll(async () => {
  setup = await makePublicIntakeSetup();
});

beforeEach(() => {
  ipNumber += 1;
  ip = `203.0.113.${ipNumber}`;
  vi.mocked(requestMailFlush).mockClear();
});

describe("public complaint form", () => {
  it("creates the customer and the complaint on the web channel, least severe, and queues the acknowledgement in the customer's language", async () => {
    const result = await submitPublicComplaint({ ip, locale: "zh-CN" }, form());
    expect(result).toMatchObject({
      ok: true,
      acknowledgementSent: true,
      reference: expect.stringMatching(/^CMP-\d{4}-\d{6}$/),
    });
    if (!result.ok) return;
    expect(result.trackingToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const complaint = await db.complaint.findUniqueOrThrow({
      where: { reference: result.reference },
      select: {
        channelId: true,
        severityId: true,
        categoryId: true,
        type: true,
        flightNumber: true,
        locale: true,
        status: true,
        customer: { select: { name: true, email: true, locale: true, membershipNumber: true } },
      },
    });
    expect(complaint).toMatchObject({
      channelId: setup.web.id,
      severityId: setup.mild.id,
      categoryId: setup.category.id,
      type: "complaint",
      flightNumber: "SK1234",
      status: "new",
      locale: "en",
      customer: { name: "Wang Fang", email: "wang.fang@example.com", locale: "en", membershipNumber: "SK 1234 5678" },
    });
    const mail = await db.outboundEmail.findFirstOrThrow({
      where: { complaint: { reference: result.reference }, kind: "acknowledgement" },
    });
    expect(mail.to).toBe("wang.fang@example.com");
    expect(mail.text).toContain(result.reference);
    expect(mail.text).toContain(`/track/${result.trackingToken}`);
    expect(mail.subject).toMatch(/we have received your complaint/i);
    expect(requestMailFlush).toHaveBeenCalledTimes(1);
  });

  it("writes the acknowledgement in Chinese for a customer who prefers Chinese", async () => {
    const result = await submitPublicComplaint(
      { ip, locale: "en" },
      form({ locale: "zh-CN", name: "张伟", email: "zhang.wei@example.com" }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const mail = await db.outboundEmail.findFirstOrThrow({
      where: { complaint: { reference: result.reference }, kind: "acknowledgement" },
    });
    expect(mail.subject).toBe(`【${result.reference}】我们已收到您的投诉`);
  });

  it("defaults the customer's language to the UI language and accepts a phone number instead of an e-mail", async () => {
    const result = await submitPublicComplaint(
      { ip, locale: "zh-CN" },
      form({ locale: "", email: "", phone: "+86 138 0000 1111", name: "王芳" }),
    );
    expect(result).toMatchObject({ ok: true, acknowledgementSent: false });
    if (!result.ok) return;
    const complaint = await db.complaint.findUniqueOrThrow({
      where: { reference: result.reference },
      select: { locale: true, customer: { select: { phone: true, locale: true } } },
    });
    expect(complaint).toMatchObject({ locale: "zh_CN", customer: { phone: "+86 138 0000 1111", locale: "zh_CN" } });
    expect(await db.outboundEmail.count({ where: { complaint: { reference: result.reference } } })).toBe(0);
  });

  it("reuses a known customer with the same e-mail instead of creating a duplicate", async () => {
    const known = await makeCustomer({ name: "Li Lei", email: "li.lei@example.com", phone: null });
    const before = await db.customer.count();
    const result = await submitPublicComplaint(
      { ip, locale: "en" },
      form({ name: "Lei Li", email: "Li.Lei@Example.com" }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await db.customer.count()).toBe(before);
    const complaint = await db.complaint.findUniqueOrThrow({
      where: { reference: result.reference },
      select: { customerId: true },
    });
    expect(complaint.customerId).toBe(known.id);
  });

  it("reports field errors under the form's own field names, without creating anything", async () => {
    const before = await db.complaint.count();
    const result = await submitPublicComplaint(
      { ip, locale: "en" },
      form({ name: "", email: "", phone: "", subject: "x", description: "short" }),
    );
    expect(result).toMatchObject({ ok: false, error: "invalid" });
    if (result.ok) return;
    expect(result.fields).toMatchObject({
      name: ["required"],
      phone: ["contact_required"],
      subject: ["too_short"],
      description: ["too_short"],
    });
    expect(await db.complaint.count()).toBe(before);
  });

  it("rejects a category that is not a top-level category", async () => {
    const child = await db.category.create({
      data: { code: `child-${ipNumber}`, parentId: setup.category.id, nameZh: "行李延误", nameEn: "Delayed bag" },
    });
    const result = await submitPublicComplaint({ ip, locale: "en" }, form({ categoryId: String(child.id) }));
    expect(result).toMatchObject({ ok: false, error: "invalid", fields: { categoryId: ["unknown"] } });
  });

  it("pretends success when the honeypot is filled, and creates nothing", async () => {
    const [complaints, customers, mails] = await Promise.all([
      db.complaint.count(),
      db.customer.count(),
      db.outboundEmail.count(),
    ]);
    const result = await submitPublicComplaint(
      { ip, locale: "en" },
      form({ [HONEYPOT_FIELD]: "https://spam.example" }),
    );
    expect(result).toMatchObject({ ok: true, reference: expect.stringMatching(/^CMP-/) });
    expect(await Promise.all([db.complaint.count(), db.customer.count(), db.outboundEmail.count()])).toEqual([
      complaints,
      customers,
      mails,
    ]);
    expect(requestMailFlush).not.toHaveBeenCalled();
  });

  it(`refuses the ${PUBLIC_COMPLAINT_LIMIT + 1}th submission from one address within an hour`, async () => {
    const now = new Date("2026-11-20T03:10:00Z");
    for (let i = 0; i < PUBLIC_COMPLAINT_LIMIT; i += 1) {
      const result = await submitPublicComplaint({ ip, locale: "en", now }, form({ subject: `Submission ${i + 1}` }));
      expect(result.ok).toBe(true);
    }
    const before = await db.complaint.count();
    const blocked = await submitPublicComplaint({ ip, locale: "en", now }, form());
    expect(blocked).toMatchObject({ ok: false, error: "rate_limited" });
    expect(await db.complaint.count()).toBe(before);
    // Another address is not affected.
    expect((await submitPublicComplaint({ ip: `${ip}0`, locale: "en", now }, form())).ok).toBe(true);
  });

  it("counts an IPv6 client per /64: a fresh address of the same network per request does not escape the limit", async () => {
    const now = new Date("2026-11-20T04:10:00Z");
    for (let i = 0; i < PUBLIC_COMPLAINT_LIMIT; i += 1) {
      expect(
        (
          await submitPublicComplaint(
            { ip: `2001:db8:77:${ipNumber}::${i + 1}`, locale: "en", now },
            form({ subject: `IPv6 ${i + 1}` }),
          )
        ).ok,
      ).toBe(true);
    }
    expect(
      await submitPublicComplaint({ ip: `2001:db8:77:${ipNumber}:ffff::9`, locale: "en", now }, form()),
    ).toMatchObject({ ok: false, error: "rate_limited" });
    expect((await submitPublicComplaint({ ip: `2001:db8:78:${ipNumber}::1`, locale: "en", now }, form())).ok).toBe(
      true,
    );
  });

  it("does not count invalid submissions against the limit", async () => {
    const now = new Date("2026-11-20T05:10:00Z");
    for (let i = 0; i < PUBLIC_COMPLAINT_LIMIT + 2; i += 1) {
      expect((await submitPublicComplaint({ ip, locale: "en", now }, form({ subject: "" }))).ok).toBe(false);
    }
    expect((await submitPublicComplaint({ ip, locale: "en", now }, form())).ok).toBe(true);
  });
});
