// The e-mail line of a missed incident report (the owner's bell, e-mailed by the notification digest), in both
// languages, with the due time in the reader's time zone and no raw codes.
import { describe, expect, it } from "vitest";
import { composeEmail } from "@/lib/notifications/digest";
import { notificationLine } from "@/lib/notifications/email-copy";

const overdue = (stage: "first" | "update") => ({
  kind: "incident.report_overdue",
  params: { incidentId: 12, title: "台风停航", stage, dueAt: "2026-12-07T08:10:00Z" },
});

describe("missed incident report e-mail", () => {
  it("names the incident and the report in the reader's language and time zone", () => {
    expect(notificationLine("zh-CN", overdue("first"), "Asia/Shanghai")).toMatch(
      /^突发事件“台风停航”的首次报告已于 .*16:10.* 逾期，请立即报告$/,
    );
    expect(notificationLine("en", overdue("update"), "Asia/Shanghai")).toMatch(
      /^The status update of the incident “台风停航” was due at .*4:10.*; please report now$/,
    );
  });

  it("links the incident page", async () => {
    const email = await composeEmail(
      "en",
      "Asia/Shanghai",
      [{ ...overdue("first"), complaintId: null, reference: null, subject: null }],
      "https://csm.example",
    );
    expect(email.text).toContain("https://csm.example/incidents/12");
    expect(email.text).not.toContain("incident.report_overdue");
  });
});
