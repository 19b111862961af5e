import { describe, expect, it } from "vitest";
import {
  computeValueScore,
  DEFAULT_VALUE_WEIGHTS,
  parseValueFactors,
  parseValueWeights,
} from "@/lib/customers/value-score";

describe("customer value score", () => {
  it("weights the airline factors 30/30/40 (SPEC §8)", () => {
    const result = computeValueScore({ frequency: 80, mileage: 50, cabin: 100 }, DEFAULT_VALUE_WEIGHTS);
    expect(result.score).toBe(79); // 24 + 15 + 40
    expect(result.parts).toEqual([
      { key: "frequency", weight: 30, rating: 80, points: 24 },
      { key: "mileage", weight: 30, rating: 50, points: 15 },
      { key: "cabin", weight: 40, rating: 100, points: 40 },
    ]);
    expect(result.rated).toBe(true);
  });

  it("normalises weights that do not add up to 100 (corporate 50/50 given as 1/1)", () => {
    expect(computeValueScore({ procurement: 60, volume: 90 }, { procurement: 1, volume: 1 }).score).toBe(75);
  });

  it("counts a missing rating as 0 and reports an unrated customer", () => {
    expect(computeValueScore({ cabin: 50 }, DEFAULT_VALUE_WEIGHTS).score).toBe(20);
    const none = computeValueScore({}, DEFAULT_VALUE_WEIGHTS);
    expect(none).toMatchObject({ score: 0, rated: false });
  });

  it("clamps ratings to 0–100 and ignores factors that are not weighted", () => {
    expect(
      computeValueScore({ frequency: 250, mileage: -5, cabin: 100, shoeSize: 100 }, DEFAULT_VALUE_WEIGHTS).score,
    ).toBe(70);
  });

  it("parses settings defensively", () => {
    expect(parseValueWeights(null)).toEqual(DEFAULT_VALUE_WEIGHTS);
    expect(parseValueWeights({ frequency: -1, "bad key": 3 })).toEqual(DEFAULT_VALUE_WEIGHTS);
    expect(parseValueWeights({ frequency: 40, spend: 40, referral: 20, junk: "x" })).toEqual({
      frequency: 40,
      spend: 40,
      referral: 20,
    });
    expect(parseValueFactors({ frequency: 120, cabin: "high", mileage: 10 })).toEqual({ frequency: 100, mileage: 10 });
    expect(parseValueFactors([1, 2])).toEqual({});
  });
});
