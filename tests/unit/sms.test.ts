import { describe, expect, it } from "vitest";
import { concatenationUdh, detectEncoding, isMobileNumber, layoutSms, normaliseMsisdn } from "@/lib/sms/segments";
import { earliestSendTime, isQuietHour } from "@/lib/sms/quiet-hours";
import { isOptOutReply } from "@/lib/sms/incoming";
import { parseReceiptText } from "@/lib/sms/provider";
import { fillTemplate, gatewayAccepted } from "@/lib/sms/http-gateway";
import { smsUrlProblem } from "@/lib/env";
import { parseSmsSettings } from "@/lib/sms/settings";

describe("SMS segments", () => {
  it("uses GSM 7-bit for plain Latin text: 160 in one part, 153 per part beyond", () => {
    expect(layoutSms("a".repeat(160))).toMatchObject({ encoding: "gsm7", segments: 1 });
    expect(layoutSms("a".repeat(161))).toMatchObject({ encoding: "gsm7", segments: 2 });
    expect(layoutSms("a".repeat(306))).toMatchObject({ encoding: "gsm7", segments: 2 });
    expect(layoutSms("a".repeat(307))).toMatchObject({ encoding: "gsm7", segments: 3 });
  });

  it("counts GSM extension characters as two septets", () => {
    expect(layoutSms("€".repeat(80))).toMatchObject({ encoding: "gsm7", units: 160, segments: 1 });
    expect(layoutSms("€".repeat(81))).toMatchObject({ encoding: "gsm7", segments: 2 });
  });

  it("uses UCS-2 for Chinese and for the 【】 signature: 70 in one part, 67 per part beyond", () => {
    expect(detectEncoding("【Skyline】hello")).toBe("ucs2");
    expect(layoutSms("投".repeat(70))).toMatchObject({ encoding: "ucs2", segments: 1 });
    expect(layoutSms("投".repeat(71))).toMatchObject({ encoding: "ucs2", segments: 2 });
    const layout = layoutSms("投".repeat(135));
    expect(layout.segments).toBe(3);
    expect(layout.parts.join("")).toBe("投".repeat(135));
    expect(layout.parts.map((part) => part.length)).toEqual([67, 67, 1]);
  });

  it("never cuts a surrogate pair (emoji) between parts", () => {
    const layout = layoutSms(`${"投".repeat(66)}😀${"投".repeat(10)}`);
    expect(layout.parts[0]).toBe("投".repeat(66));
    expect(layout.parts[1]?.startsWith("😀")).toBe(true);
  });

  it("builds the 6-byte concatenation header", () => {
    expect([...concatenationUdh(300, 3, 2)]).toEqual([5, 0, 3, 44, 3, 2]);
  });

  it("tells mobile numbers from landlines", () => {
    expect(isMobileNumber("13800138000")).toBe(true);
    expect(isMobileNumber("+86 138 0013 8000")).toBe(true);
    expect(isMobileNumber("+447700900123")).toBe(true);
    expect(isMobileNumber("010-65123456")).toBe(false);
    expect(isMobileNumber("+86 10 6512 3456")).toBe(false);
    expect(isMobileNumber("12345")).toBe(false);
    expect(normaliseMsisdn("+86 138-0013 8000")).toBe("8613800138000");
  });
});

describe("quiet hours", () => {
  it("wraps around midnight", () => {
    expect(isQuietHour(21, 21, 8)).toBe(true);
    expect(isQuietHour(7, 21, 8)).toBe(true);
    expect(isQuietHour(8, 21, 8)).toBe(false);
    expect(isQuietHour(20, 21, 8)).toBe(false);
  });

  it("defers to 08:00 local: the next day in the evening, the same day after midnight", () => {
    // 22:30 in Hong Kong (UTC+8) → 08:00 next day = 00:00 UTC
    expect(earliestSendTime(new Date("2026-12-07T14:30:00Z"), "Asia/Hong_Kong", 21, 8).toISOString()).toBe(
      "2026-12-08T00:00:00.000Z",
    );
    // 03:00 in Hong Kong → 08:00 the same day
    expect(earliestSendTime(new Date("2026-12-07T19:00:00Z"), "Asia/Hong_Kong", 21, 8).toISOString()).toBe(
      "2026-12-08T00:00:00.000Z",
    );
    // 10:00 in Hong Kong: now
    const now = new Date("2026-12-08T02:00:00Z");
    expect(earliestSendTime(now, "Asia/Hong_Kong", 21, 8)).toBe(now);
    // New York in summer time (UTC-4): 23:00 → 08:00 = 12:00 UTC
    expect(earliestSendTime(new Date("2026-07-02T03:00:00Z"), "America/New_York", 21, 8).toISOString()).toBe(
      "2026-07-02T12:00:00.000Z",
    );
  });
});

describe("SMS replies, receipts, gateway rules, configuration", () => {
  it("recognises opt-out replies", () => {
    for (const text of ["退订", "TD", " td ", "T", "STOP", "退订。"]) expect(isOptOutReply(text)).toBe(true);
    for (const text of ["谢谢", "TD please call me", "好的"]) expect(isOptOutReply(text)).toBe(false);
  });

  it("parses an SMPP receipt text", () => {
    expect(
      parseReceiptText(
        "id:0a1b2c sub:001 dlvrd:001 submit date:2612071700 done date:2612071701 stat:DELIVRD err:000 text:",
      ),
    ).toEqual({ messageId: "0a1b2c", status: "DELIVRD" });
    expect(parseReceiptText("hello")).toBeNull();
  });

  it("fills gateway templates escaped for JSON or forms", () => {
    expect(fillTemplate('{"t":"{text}"}', { text: 'a "b"\n' }, "json")).toBe('{"t":"a \\"b\\"\\n"}');
    expect(fillTemplate("to={to}&text={text}", { to: "138", text: "你 好&" }, "form")).toBe(
      "to=138&text=%E4%BD%A0%20%E5%A5%BD%26",
    );
    expect(gatewayAccepted("json:result.code=0", '{"result":{"code":0}}')).toBe(true);
    expect(gatewayAccepted("json:result.code=0", '{"result":{"code":1}}')).toBe(false);
    expect(gatewayAccepted("body~^OK", "OK 123")).toBe(true);
    expect(gatewayAccepted("status:2xx", "")).toBe(true);
  });

  it("validates SMS_URL", () => {
    expect(smsUrlProblem("smpp://user:pass@smsc.example.com:2775?source=10690000")).toBeNull();
    expect(smsUrlProblem("https://sms.example.com/send")).toBeNull();
    expect(smsUrlProblem("http://127.0.0.1:9000/send")).toBeNull();
    expect(smsUrlProblem("smpp://smsc.example.com:2775")).toMatch(/system_id/);
    expect(smsUrlProblem("http://sms.example.com/send")).toMatch(/https/);
    expect(smsUrlProblem("not a url")).toMatch(/SMS_URL must be/);
  });

  it("falls back to defaults per setting field", () => {
    expect(parseSmsSettings({ signature: "天际航空", quietStartHour: 99 })).toMatchObject({
      signature: "天际航空",
      quietStartHour: 21,
      quietEndHour: 8,
    });
  });
});

describe("chooseWrittenChannel", () => {
  const base = { email: "a@example.com", phone: "13800138000", preferredChannel: null, smsOptedOutAt: null } as const;
  it("prefers e-mail without a preference, SMS for SMS- and phone-first customers, and falls back to what there is", async () => {
    const { chooseWrittenChannel } = await import("@/lib/customers/contact-channel");
    expect(chooseWrittenChannel(base)).toBe("email");
    expect(chooseWrittenChannel({ ...base, preferredChannel: "sms" })).toBe("sms");
    expect(chooseWrittenChannel({ ...base, preferredChannel: "phone" })).toBe("sms");
    expect(chooseWrittenChannel({ ...base, preferredChannel: "email", email: null })).toBe("sms");
    expect(chooseWrittenChannel({ ...base, preferredChannel: "sms", phone: "010-65123456" })).toBe("email");
    expect(chooseWrittenChannel({ ...base, preferredChannel: "sms", smsOptedOutAt: new Date() })).toBe("email");
    expect(chooseWrittenChannel({ ...base, email: null, smsOptedOutAt: new Date() })).toBeNull();
    expect(chooseWrittenChannel({ ...base, email: null, smsOptedOutAt: new Date() }, { mandatory: true })).toBe("sms");
    expect(chooseWrittenChannel({ ...base, anonymizedAt: new Date() })).toBeNull();
  });
});
