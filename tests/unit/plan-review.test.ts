import { describe, expect, it } from "vitest";
import { drillState, nextReviewFor, reviewDeadline, reviewState, timingVerdicts } from "@/lib/incidents/plan-review";

const at = (value: string) => new Date(`${value}T00:00:00Z`);

describe("contingency plan review (3-year revision, handbook 003 ch. 5)", () => {
  it("never lets a plan's review date pass 3 years after its revision", () => {
    expect(reviewDeadline(at("2024-02-29")).toISOString().slice(0, 10)).toBe("2027-03-01");
    expect(nextReviewFor(at("2026-01-10"), at("2030-01-01"))).toEqual(at("2029-01-10"));
    expect(nextReviewFor(at("2026-01-10"), at("2027-06-01"))).toEqual(at("2027-06-01"));
    expect(nextReviewFor(at("2026-01-10"), undefined)).toEqual(at("2029-01-10"));
  });

  it("is current, due soon within 60 days, and overdue on the day", () => {
    const plan = { revisedAt: at("2023-12-01"), nextReviewAt: at("2026-12-01") };
    expect(reviewState(plan, at("2026-09-01"))).toBe("current");
    expect(reviewState(plan, at("2026-10-15"))).toBe("due_soon");
    expect(reviewState(plan, at("2026-12-01"))).toBe("overdue");
    // A stored review date beyond the 3 years (edited by hand) still warns at the 3-year mark.
    expect(reviewState({ revisedAt: at("2020-01-01"), nextReviewAt: at("2030-01-01") }, at("2026-12-01"))).toBe(
      "overdue",
    );
  });
});

describe("drills (one a year)", () => {
  it("warns when there is none or the last is older than 12 months", () => {
    expect(drillState(null, at("2026-12-07"))).toBe("never");
    expect(drillState(at("2026-01-10"), at("2026-12-07"))).toBe("current");
    expect(drillState(at("2025-12-06"), at("2026-12-07"))).toBe("stale");
  });

  it("marks steps that took longer than their target", () => {
    expect(
      timingVerdicts([
        { step: 0, targetMinutes: 10, achievedMinutes: 12 },
        { step: 1, targetMinutes: 30, achievedMinutes: 30 },
        { step: 2, targetMinutes: null, achievedMinutes: 5 },
      ]).map((row) => row.over),
    ).toEqual([true, false, null]);
  });
});
