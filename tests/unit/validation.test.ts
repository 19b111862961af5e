import { describe, expect, it } from "vitest";
import { MAX_INT4, parseId, textProblems } from "@/lib/validation";
import { serviceDateInWindow } from "@/lib/complaints/schema";
import { isBase64 } from "@/lib/inbound/schema";

describe("parseId (the one parser of ids from URLs)", () => {
  it("accepts positive int4 ids only", () => {
    expect(parseId("1")).toBe(1);
    expect(parseId(String(MAX_INT4))).toBe(MAX_INT4);
    for (const raw of [
      "2147483648",
      "99999999999999999999",
      "0",
      "-1",
      "1.5",
      "1e3",
      " 1",
      "abc",
      "",
      "0x10",
      undefined,
      null,
    ])
      expect(parseId(raw), String(raw)).toBeNull();
  });
});

describe("textProblems (NUL and lone surrogates, field by field)", () => {
  it("names each field holding text PostgreSQL or Prisma cannot take", () => {
    expect(
      textProblems({
        subject: "ok",
        customer: { name: "a\ud800", email: "x@example.com" },
        tags: ["vip", "\udc00"],
        note: "NUL \u0000",
      }),
    ).toEqual({
      "customer.name": ["ill_formed_unicode"],
      "tags.1": ["ill_formed_unicode"],
      note: ["contains_nul"],
    });
    expect(textProblems("a\ud83d")).toEqual({ _: ["ill_formed_unicode"] });
    expect(textProblems({ ["bad\ud800key"]: 1 })).toEqual({ "bad\ud800key": ["ill_formed_unicode"] });
  });

  it("accepts well-formed text, including astral characters and CJK", () => {
    expect(textProblems({ subject: "行李 😀🛫", list: [1, null, true, "\u202E"] })).toEqual({});
  });

  it("stops at cycles and refuses nesting deeper than 32 levels", () => {
    const node: Record<string, unknown> = { name: "x" };
    node.self = node;
    expect(textProblems(node)).toEqual({});
    let deep: unknown = "leaf";
    for (let level = 0; level < 40; level += 1) deep = [deep];
    expect(Object.values(textProblems(deep)).flat()).toContain("too_deep");
  });
});

describe("serviceDateInWindow (2 years back, 30 days ahead)", () => {
  const now = new Date("2026-12-07T10:00:00Z");
  it("accepts the window and refuses outside it", () => {
    expect(serviceDateInWindow("2024-12-07", now)).toBe(true);
    expect(serviceDateInWindow("2024-12-06", now)).toBe(false);
    expect(serviceDateInWindow("2027-01-06", now)).toBe(true);
    expect(serviceDateInWindow("2027-01-07", now)).toBe(false);
  });
});

describe("isBase64 (inbound attachments)", () => {
  it("accepts padded standard base64 with line breaks, refuses anything else", () => {
    expect(isBase64("QUJD")).toBe(true);
    expect(isBase64("QUI=\r\n")).toBe(true);
    expect(isBase64("QU\nJD")).toBe(true);
    expect(isBase64("")).toBe(true);
    for (const bad of ["QUJ", "QUJD!", "QU=D", "not base64", "QUJD===", "QUI-"]) expect(isBase64(bad), bad).toBe(false);
  });
});
