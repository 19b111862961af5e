// Pure parts of escalation: which creation rule applies, the setting's defaults, and how notification e-mails read.
import { describe, expect, it } from "vitest";
import { creationEscalationReason, escalateOnCreateSettingSchema } from "@/lib/escalations/on-create";
import { composeEmail } from "@/lib/notifications/digest";

const defaults = escalateOnCreateSettingSchema.parse({});
const plain = { severity: { escalateOnCreate: false }, tier: null, channel: { isRegulator: false } };

describe("creationEscalationReason", () => {
  it("defaults: every rule on, third complaint in 90 days", () => {
    expect(defaults).toEqual({ critical: true, vip: true, regulator: true, repeatComplaint: { count: 3, days: 90 } });
  });

  it("takes the first rule that applies: severity, VIP, regulator, repeat complaint", () => {
    const all = {
      severity: { escalateOnCreate: true },
      tier: { escalateOnCreate: true },
      channel: { isRegulator: true },
    };
    expect(creationEscalationReason(defaults, all, 5)).toBe("severity");
    expect(creationEscalationReason(defaults, { ...all, severity: { escalateOnCreate: false } }, 5)).toBe("vip");
    expect(creationEscalationReason(defaults, { ...plain, channel: { isRegulator: true } }, 5)).toBe("regulator");
    expect(creationEscalationReason(defaults, plain, 3)).toBe("repeat_complaint");
    expect(creationEscalationReason(defaults, plain, 2)).toBeNull();
    expect(creationEscalationReason(defaults, plain, null)).toBeNull();
  });

  it("respects switched-off rules and a custom repeat count", () => {
    const setting = escalateOnCreateSettingSchema.parse({ critical: false, repeatComplaint: { count: 5, days: 30 } });
    expect(creationEscalationReason(setting, { ...plain, severity: { escalateOnCreate: true } }, 1)).toBeNull();
    expect(creationEscalationReason(setting, plain, 4)).toBeNull();
    expect(creationEscalationReason(setting, plain, 5)).toBe("repeat_complaint");
    expect(
      creationEscalationReason(escalateOnCreateSettingSchema.parse({ repeatComplaint: false }), plain, 99),
    ).toBeNull();
  });

  it("rejects nonsense in the setting", () => {
    expect(escalateOnCreateSettingSchema.safeParse({ repeatComplaint: { count: 0, days: 90 } }).success).toBe(false);
    expect(escalateOnCreateSettingSchema.safeParse({ vip: "yes" }).success).toBe(false);
  });
});

describe("notification e-mails", () => {
  const breach = (n: number) => ({
    kind: "escalation.assigned",
    params: { reference: `CMP-2026-00000${n}`, subject: "航班延误", level: 2, reason: "sla_breach" },
  });
  const warning = {
    kind: "sla.warning",
    params: {
      reference: "CMP-2026-000009",
      subject: "行李",
      clockKind: "resolution",
      dueAt: "2026-11-20T06:00:00.000Z",
    },
  };

  it("a digest of one kind is titled by that kind, with one line and link per complaint", async () => {
    const email = await composeEmail("en", "Asia/Shanghai", [breach(1), breach(2), breach(3)], "https://csm.test");
    expect(email.subject).toBe("3 complaints breached their SLA");
    expect(email.text).toContain(
      '• CMP-2026-000001 "航班延误" breached its SLA and was escalated to you (L2)\n  https://csm.test/complaints/CMP-2026-000001',
    );
    expect(email.html).toContain("CMP-2026-000003");
  });

  it("a mixed digest groups by kind under headings; times are in the recipient's zone", async () => {
    const email = await composeEmail("zh-CN", "Asia/Shanghai", [breach(1), warning, breach(2)], "https://csm.test");
    expect(email.subject).toBe("Skyline CSM：您有 3 条新通知");
    expect(email.text).toContain("2 宗投诉超出 SLA 时限并已升级至您");
    expect(email.text).toContain("1 宗投诉即将超出 SLA 时限");
    expect(email.text).toContain("14:00"); // 06:00 UTC is 14:00 in Shanghai
  });

  it("unknown parameters do not break the e-mail, and no raw kind code reaches the reader", async () => {
    const email = await composeEmail(
      "en",
      "UTC",
      [{ kind: "something.new", params: { level: "x" } }],
      "https://csm.test",
    );
    expect(email.subject).toBe("New notification");
    expect(email.text).not.toContain("something.new");
  });

  it("a department request reads in the recipient's language and links a liaison to the request, the agent to the complaint", async () => {
    const params = { reference: "CMP-2026-000007", requestId: 42, dueAt: "2026-12-08T06:00:00.000Z" };
    const liaison = await composeEmail(
      "zh-CN",
      "Asia/Shanghai",
      [{ kind: "investigation.reminder", params, complaintId: null }],
      "https://csm.test",
    );
    expect(liaison.subject).toMatch(/^CMP-2026-000007 的部门协办单将于 .*14:00 到期$/);
    expect(liaison.text).toContain("https://csm.test/department-requests/42");
    expect(liaison.text).not.toContain("/complaints/");
    const agent = await composeEmail(
      "en",
      "UTC",
      [{ kind: "investigation.answered", params, complaintId: 7 }],
      "https://csm.test",
    );
    expect(agent.subject).toBe("CMP-2026-000007: the department has answered");
    expect(agent.text).toContain("https://csm.test/complaints/CMP-2026-000007");
  });
});
