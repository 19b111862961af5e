import { describe, expect, it } from "vitest";
import { renderReplyTemplate, renderTemplate, type ReplyTemplateRow } from "@/lib/complaints/reply-templates";

const row: ReplyTemplateRow = {
  id: 1,
  code: "ack",
  categoryId: null,
  nameZh: "受理确认",
  nameEn: "Acknowledgement",
  subjectZh: "您的投诉已受理（{{complaint.reference}}）",
  subjectEn: "We have received your complaint ({{complaint.reference}})",
  bodyZh: "尊敬的{{customer.name}}：关于“{{complaint.subject}}”，编号 {{complaint.reference}}。客服专员 {{agent.name}}",
  bodyEn:
    "Dear {{customer.name}}, about “{{complaint.subject}}” ({{complaint.reference}}). Kind regards, {{agent.name}}",
};

const values = {
  "customer.name": "王芳",
  "complaint.reference": "CMP-2026-000123",
  "complaint.subject": "行李延误",
  "agent.name": "李娜",
};

describe("renderTemplate", () => {
  it("fills every known placeholder, wherever and however often it appears", () => {
    expect(renderTemplate("{{customer.name}} / {{ customer.name }} / {{complaint.reference}}", values)).toBe(
      "王芳 / 王芳 / CMP-2026-000123",
    );
  });

  it("leaves unknown and empty placeholders in place so the agent sees what is missing", () => {
    const text = "Flight {{complaint.flightNumber}}, amount {{compensation.amount}}, {{unknown.thing}}";
    expect(renderTemplate(text, { "complaint.flightNumber": "", "compensation.amount": null })).toBe(text);
  });

  it("does not interpret values as placeholders or patterns", () => {
    expect(renderTemplate("Hi {{customer.name}}", { "customer.name": "$& {{agent.name}}" })).toBe(
      "Hi $& {{agent.name}}",
    );
  });

  it("trims values", () => {
    expect(renderTemplate("[{{agent.name}}]", { "agent.name": "  Li Na " })).toBe("[Li Na]");
  });
});

describe("renderReplyTemplate", () => {
  it("renders in the customer's language: Chinese", () => {
    const rendered = renderReplyTemplate(row, "zh-CN", values);
    expect(rendered.subject).toBe("您的投诉已受理（CMP-2026-000123）");
    expect(rendered.body).toBe("尊敬的王芳：关于“行李延误”，编号 CMP-2026-000123。客服专员 李娜");
    expect(rendered.generic).toBe(true);
  });

  it("renders in the customer's language: English, keeping both names for the picker", () => {
    const rendered = renderReplyTemplate({ ...row, categoryId: 7 }, "en", {
      ...values,
      "customer.name": "Mary Smith",
      "agent.name": "Li Na",
    });
    expect(rendered.body).toBe("Dear Mary Smith, about “行李延误” (CMP-2026-000123). Kind regards, Li Na");
    expect(rendered).toMatchObject({ nameZh: "受理确认", nameEn: "Acknowledgement", generic: false });
  });
});

describe("unknownPlaceholders", () => {
  it("lists placeholders the renderer would not fill, once each", async () => {
    const { unknownPlaceholders, KNOWN_PLACEHOLDERS } = await import("@/lib/complaints/render-template");
    expect(unknownPlaceholders("Hi {{customer.name}} {{ customer.nick }} {{x}} {{x}}")).toEqual(["customer.nick", "x"]);
    expect(unknownPlaceholders(KNOWN_PLACEHOLDERS.map((key) => `{{${key}}}`).join(" "))).toEqual([]);
  });
});
