// Quality inspection: weighted scoring, grades, calibration spread and the sampling plan, against hand-computed values.
import { describe, expect, it } from "vitest";
import { calibrationSpread, gradeOf, scoreInspection, type Criterion } from "@/lib/quality/scoring";
import { planSample, type HandledComplaint } from "@/lib/quality/sampling";

const CARD: Criterion[] = [
  { code: "attitude", weight: 20, maxPoints: 5 },
  { code: "accuracy", weight: 30, maxPoints: 5 },
  { code: "script", weight: 20, maxPoints: 5 },
  { code: "timeliness", weight: 15, maxPoints: 10 },
  { code: "documentation", weight: 15, maxPoints: 10, critical: true },
];

describe("quality scoring", () => {
  it("weights criteria by their share of the weight sum", () => {
    // attitude 4/5 = 80 % × 0.20 = 16; accuracy 5/5 × 0.30 = 30; script 3/5 = 60 % × 0.20 = 12;
    // timeliness 7/10 × 0.15 = 10.5; documentation 9/10 × 0.15 = 13.5 → 82.
    const result = scoreInspection(CARD, [
      { code: "attitude", points: 4 },
      { code: "accuracy", points: 5 },
      { code: "script", points: 3 },
      { code: "timeliness", points: 7 },
      { code: "documentation", points: 9 },
    ]);
    expect(result).toMatchObject({ ok: true, total: 82, criticalFailed: [] });
    if (result.ok) expect(result.byCriterion.map((row) => row.contribution)).toEqual([16, 30, 12, 10.5, 13.5]);
    expect(gradeOf(82)).toBe("good");
  });

  it("normalises weights that do not add up to 100", () => {
    // weights 1 and 3: 2/4 = 50 % × 0.25 + 4/4 × 0.75 = 12.5 + 75 = 87.5
    expect(
      scoreInspection(
        [
          { code: "a", weight: 1, maxPoints: 4 },
          { code: "b", weight: 3, maxPoints: 4 },
        ],
        [
          { code: "a", points: 2 },
          { code: "b", points: 4 },
        ],
      ),
    ).toMatchObject({ ok: true, total: 87.5 });
  });

  it("scores 0 when a critical criterion fails (below half its points)", () => {
    const result = scoreInspection(CARD, [
      { code: "attitude", points: 5 },
      { code: "accuracy", points: 5 },
      { code: "script", points: 5 },
      { code: "timeliness", points: 10 },
      { code: "documentation", points: 4 },
    ]);
    expect(result).toMatchObject({ ok: true, total: 0, criticalFailed: ["documentation"] });
    expect(gradeOf(0)).toBe("fail");
  });

  it("refuses missing, unknown and out-of-range scores and empty scorecards", () => {
    expect(scoreInspection(CARD, [{ code: "attitude", points: 4 }])).toMatchObject({ ok: false, error: "missing" });
    expect(
      scoreInspection(CARD.slice(0, 1), [
        { code: "attitude", points: 4 },
        { code: "charm", points: 1 },
      ]),
    ).toMatchObject({ ok: false, error: "unknown", codes: ["charm"] });
    expect(scoreInspection(CARD.slice(0, 1), [{ code: "attitude", points: 6 }])).toMatchObject({
      ok: false,
      error: "out_of_range",
    });
    expect(scoreInspection(CARD.slice(0, 1), [{ code: "attitude", points: Number.NaN }])).toMatchObject({
      ok: false,
      error: "out_of_range",
    });
    expect(scoreInspection([], [])).toMatchObject({ ok: false, error: "invalid_scorecard" });
    expect(scoreInspection([{ code: "a", weight: 0, maxPoints: 5 }], [{ code: "a", points: 1 }])).toMatchObject({
      ok: false,
      error: "invalid_scorecard",
    });
  });

  it("shows the calibration spread of several inspectors", () => {
    // 80, 90, 70: mean 80, deviations ±10 and 0 → variance 200/3 → σ ≈ 8.2
    expect(calibrationSpread([80, 90, 70])).toEqual({ min: 70, max: 90, range: 20, mean: 80, stdDev: 8.2 });
    expect(calibrationSpread([])).toBeNull();
  });
});

describe("sampling plan", () => {
  const month: HandledComplaint[] = [
    ...Array.from({ length: 10 }, (_, index) => ({
      id: 100 + index,
      agentId: 1,
      csat: 5,
      escalated: false,
      reopened: false,
    })),
    ...Array.from({ length: 3 }, (_, index) => ({
      id: 200 + index,
      agentId: 2,
      csat: null,
      escalated: false,
      reopened: false,
    })),
    { id: 300, agentId: 1, csat: 1, escalated: false, reopened: false },
    { id: 301, agentId: 2, csat: 4, escalated: true, reopened: false },
    { id: 302, agentId: 2, csat: null, escalated: false, reopened: true },
    { id: 303, agentId: 1, csat: 2, escalated: false, reopened: false },
  ];

  it("takes every low-CSAT, escalated and reopened case plus exactly N random ones per agent", () => {
    const plan = planSample(month, { perAgent: 4, alreadySampled: new Set(), seed: 7 });
    expect(plan.filter((row) => row.reason !== "random").map((row) => [row.id, row.reason])).toEqual([
      [300, "low_csat"],
      [301, "escalated"],
      [302, "reopened"],
      [303, "low_csat"],
    ]);
    expect(plan.filter((row) => row.reason === "random" && row.agentId === 1)).toHaveLength(4);
    // Agent 2 has only three ordinary cases: all of them.
    expect(
      plan
        .filter((row) => row.reason === "random" && row.agentId === 2)
        .map((row) => row.id)
        .sort(),
    ).toEqual([200, 201, 202]);
    expect(new Set(plan.map((row) => row.id)).size).toBe(plan.length);
  });

  it("never samples a case twice and is reproducible from its seed", () => {
    const first = planSample(month, { perAgent: 4, alreadySampled: new Set(), seed: 7 });
    expect(planSample(month, { perAgent: 4, alreadySampled: new Set(), seed: 7 })).toEqual(first);
    const taken = new Set(first.map((row) => row.id));
    const second = planSample(month, { perAgent: 4, alreadySampled: taken, seed: 8 });
    expect(second.some((row) => taken.has(row.id))).toBe(false);
    // Agent 1 had 10 ordinary cases, 4 taken: 4 more now; low-CSAT ones were already inspected.
    expect(second.filter((row) => row.agentId === 1).map((row) => row.reason)).toEqual([
      "random",
      "random",
      "random",
      "random",
    ]);
    expect(
      planSample([...month, month[0]!], { perAgent: 100, alreadySampled: new Set(), seed: 1 }).filter(
        (row) => row.id === 100,
      ),
    ).toHaveLength(1);
  });
});
