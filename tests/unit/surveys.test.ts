import { describe, expect, it } from "vitest";
import { surveyIneligibility, type EligibilityInput } from "@/lib/surveys/eligibility";
import { DEFAULT_SURVEY_SETTINGS, parseSurveySettings } from "@/lib/surveys/settings";
import { renderSurveyEmail } from "@/lib/surveys/email";
import { deriveSurveyToken, isWellFormedSurveyToken } from "@/lib/surveys/token";
import { isLowScore } from "@/lib/surveys/metrics";

const eligible: EligibilityInput = {
  complaintStatus: "resolved",
  customer: { email: "a@example.com", consentSurvey: true, anonymizedAt: null },
  recentSurvey: false,
};

describe("survey eligibility", () => {
  it("allows resolved complaints of consenting customers with an e-mail", () => {
    expect(surveyIneligibility(eligible)).toBeNull();
    expect(surveyIneligibility({ ...eligible, complaintStatus: "closed" })).toBeNull();
  });
  it("gives the reason for each exclusion", () => {
    expect(surveyIneligibility({ ...eligible, complaintStatus: "duplicate" })).toBe("excluded_status");
    expect(surveyIneligibility({ ...eligible, complaintStatus: "rejected" })).toBe("excluded_status");
    expect(surveyIneligibility({ ...eligible, complaintStatus: "in_progress" })).toBe("not_resolved");
    expect(surveyIneligibility({ ...eligible, customer: { ...eligible.customer, email: null } })).toBe("no_email");
    expect(surveyIneligibility({ ...eligible, customer: { ...eligible.customer, email: "  " } })).toBe("no_email");
    expect(surveyIneligibility({ ...eligible, customer: { ...eligible.customer, anonymizedAt: new Date() } })).toBe(
      "no_email",
    );
    expect(surveyIneligibility({ ...eligible, customer: { ...eligible.customer, consentSurvey: false } })).toBe(
      "no_consent",
    );
    expect(surveyIneligibility({ ...eligible, recentSurvey: true })).toBe("recent_survey");
  });
  it("low score means CSAT ≤ 2 or not solved", () => {
    expect(isLowScore({ csat: 2 })).toBe(true);
    expect(isLowScore({ csat: 3 })).toBe(false);
    expect(isLowScore({ csat: 5, resolved: false })).toBe(true);
    expect(isLowScore({ csat: 5, resolved: true })).toBe(false);
  });
});

describe("survey settings", () => {
  it("defaults to immediate send, 14-day expiry, 3-day reminder, 7 days per customer", () => {
    expect(DEFAULT_SURVEY_SETTINGS).toEqual({
      delayMinutes: 0,
      expiryDays: 14,
      reminderDays: 3,
      perCustomerDays: 7,
      excludeTags: [],
      excludeCategoryIds: [],
      excludeChannelIds: [],
      reopenOnLowScore: false,
      excludePhoneFromAgentFigures: false,
    });
    expect(parseSurveySettings(null)).toEqual(DEFAULT_SURVEY_SETTINGS);
  });
  it("keeps valid fields and replaces invalid ones by their default", () => {
    expect(parseSurveySettings({ delayMinutes: 30, expiryDays: -1, reminderDays: "x", perCustomerDays: 10 })).toEqual({
      ...DEFAULT_SURVEY_SETTINGS,
      delayMinutes: 30,
      perCustomerDays: 10,
    });
  });
});

describe("survey tokens and e-mail", () => {
  const secret = "unit-test-secret-0123456789abcdef0123";
  it("derives a 256-bit base64url token, different per complaint and time, and stores only its hash", () => {
    const a = deriveSurveyToken({ complaintId: 1, scheduledAt: new Date(0) }, secret);
    expect(isWellFormedSurveyToken(a.token)).toBe(true);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(deriveSurveyToken({ complaintId: 1, scheduledAt: new Date(0) }, secret)).toEqual(a);
    expect(deriveSurveyToken({ complaintId: 2, scheduledAt: new Date(0) }, secret).token).not.toBe(a.token);
    expect(deriveSurveyToken({ complaintId: 1, scheduledAt: new Date(1) }, secret).token).not.toBe(a.token);
    expect(deriveSurveyToken({ complaintId: 1, scheduledAt: new Date(0) }, `${secret}x`).token).not.toBe(a.token);
    for (const bad of ["", "a".repeat(42), "a".repeat(44), `${"a".repeat(42)}=`, 1, null])
      expect(isWellFormedSurveyToken(bad)).toBe(false);
  });
  it("renders five one-click links and the full-survey link in both languages, escaping the name", async () => {
    const token = "A".repeat(43);
    for (const locale of ["zh-CN", "en"] as const) {
      const mail = await renderSurveyEmail(
        locale,
        { reference: "CMP-2026-000001", token, customerName: "<b>Li\nNa</b>" },
        "https://csm.example/",
      );
      for (const score of [1, 2, 3, 4, 5]) {
        expect(mail.text).toContain(`https://csm.example/survey/${token}?score=${score}`);
        expect(mail.html).toContain(`href="https://csm.example/survey/${token}?score=${score}"`);
      }
      expect(mail.html).toContain(`href="https://csm.example/survey/${token}"`);
      expect(mail.html).not.toContain("<b>Li");
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.html).toContain(`lang="${locale}"`);
    }
    expect(
      (await renderSurveyEmail("en", { reference: "R", token, reminder: true }, "https://x.example")).subject,
    ).toContain("Reminder");
  });
});
