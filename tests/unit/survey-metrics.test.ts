import { describe, expect, it } from "vitest";
import {
  csatPercent,
  customerEffortScore,
  isLowScore,
  netPromoterScore,
  responseRate,
  solvedPercent,
  summarizeSurveys,
} from "@/lib/surveys/metrics";
import { surveyIneligibility, type EligibilityInput } from "@/lib/surveys/eligibility";
import { DEFAULT_SURVEY_SETTINGS } from "@/lib/surveys/settings";
import { fillSurveyText } from "@/lib/surveys/text-keys";
import { sameDigest } from "@/lib/surveys/token";

describe("SPEC §5 figures", () => {
  it("CSAT % counts 4–5 among all answers, ignoring missing ones", () => {
    expect(csatPercent([5, 4, 3, 2, 1])).toBe(40);
    expect(csatPercent([5, null, 4, 1])).toBeCloseTo(200 / 3);
    expect(csatPercent([])).toBeNull();
    expect(csatPercent([null])).toBeNull();
  });
  it("NPS = % promoters (9–10) − % detractors (0–6), passives (7–8) only in the base", () => {
    expect(netPromoterScore([10, 9, 8, 7, 6, 0])).toBeCloseTo(0);
    expect(netPromoterScore([10, 10, 10, 8])).toBe(75);
    expect(netPromoterScore([0, 6])).toBe(-100);
    expect(netPromoterScore([null])).toBeNull();
  });
  it("CES is the mean; response rate is answered ÷ sent", () => {
    expect(customerEffortScore([1, 2, 6, null])).toBe(3);
    expect(customerEffortScore([])).toBeNull();
    expect(responseRate(3, 4)).toBe(75);
    expect(responseRate(0, 0)).toBeNull();
    expect(solvedPercent([true, false, null, true])).toBeCloseTo(200 / 3);
  });
  it("a low score is CSAT ≤ 2 or not solved", () => {
    expect(isLowScore({ csat: 2 })).toBe(true);
    expect(isLowScore({ csat: 3, resolved: null })).toBe(false);
    expect(isLowScore({ csat: 5, resolved: false })).toBe(true);
  });
  it("summarises counts and answers", () => {
    const summary = summarizeSurveys({ sent: 10, answered: 4 }, [
      { csat: 5, nps: 10, ces: 1, resolved: true },
      { csat: 1, nps: 0, ces: 7, resolved: false },
      { csat: 4, nps: null, ces: null, resolved: null },
      { csat: 3, nps: 8, ces: 4, resolved: true },
    ]);
    // CSAT mean (5 + 1 + 4 + 3) ÷ 4 = 3.25; recommendation: one 9–10 of three NPS answers.
    expect(summary).toEqual({
      sent: 10,
      answered: 4,
      responseRate: 40,
      csat: 50,
      csatMean: 3.25,
      nps: 0,
      recommendation: (1 / 3) * 100,
      ces: 4,
      solved: (2 / 3) * 100,
      lowScores: 1,
      responses: 4,
    });
  });
});

describe("survey exclusions", () => {
  const base: EligibilityInput = {
    complaintStatus: "resolved",
    complaint: { categoryId: 10, subcategoryId: 11, channelId: 20 },
    customer: { email: "a@example.com", consentSurvey: true, anonymizedAt: null, tags: ["VIP"] },
    recentSurvey: false,
    exclusions: DEFAULT_SURVEY_SETTINGS,
  };
  const exclusions = {
    ...DEFAULT_SURVEY_SETTINGS,
    excludeTags: [" legal "],
    excludeCategoryIds: [11],
    excludeChannelIds: [21],
  };
  it("nothing is excluded by default", () => expect(surveyIneligibility(base)).toBeNull());
  it("tags match case-insensitively and trimmed", () => {
    expect(surveyIneligibility({ ...base, exclusions, customer: { ...base.customer, tags: ["Legal"] } })).toBe(
      "excluded_tag",
    );
    expect(surveyIneligibility({ ...base, exclusions: { ...exclusions, excludeCategoryIds: [] } })).toBeNull();
  });
  it("a category matches the complaint's category or subcategory", () => {
    expect(surveyIneligibility({ ...base, exclusions })).toBe("excluded_category");
    expect(surveyIneligibility({ ...base, exclusions: { ...exclusions, excludeCategoryIds: [10] } })).toBe(
      "excluded_category",
    );
    expect(
      surveyIneligibility({ ...base, complaint: { categoryId: null, subcategoryId: null, channelId: 20 }, exclusions }),
    ).toBeNull();
  });
  it("channels, and the agent's 'without survey', which wins over everything but the status", () => {
    expect(
      surveyIneligibility({ ...base, complaint: { categoryId: null, subcategoryId: null, channelId: 21 }, exclusions }),
    ).toBe("excluded_channel");
    expect(surveyIneligibility({ ...base, skipped: true, exclusions })).toBe("skipped_by_agent");
    expect(surveyIneligibility({ ...base, complaintStatus: "rejected", skipped: true })).toBe("excluded_status");
  });
});

describe("survey texts and token compare", () => {
  it("fills the reference placeholder and drops unknown ones", () => {
    expect(fillSurveyText("Case {{complaint.reference}} {{ nope }}!", { reference: "CMP-2026-000001" })).toBe(
      "Case CMP-2026-000001 !",
    );
  });
  it("compares digests in constant time and never equal for different lengths or empty", () => {
    const a = "ab".repeat(32);
    expect(sameDigest(a, a)).toBe(true);
    expect(sameDigest(a, `${"ab".repeat(31)}ac`)).toBe(false);
    expect(sameDigest(a, "ab")).toBe(false);
    expect(sameDigest("", "")).toBe(false);
  });
});
