// Monthly appraisal: normalisation against the team, weighted totals with missing figures, ranking, month arithmetic;
// every expected value is computed by hand in the comment beside it.
import { describe, expect, it } from "vitest";
import {
  appraiseTeam,
  DEFAULT_WEIGHTS,
  lastMonths,
  monthRange,
  normalise,
  previousMonth,
  rankByTotal,
  weightedTotal,
  type Figures,
} from "@/lib/quality/appraisal";

const A: Figures = { frt: 30, sla: 90, fcr: 80, csat: 85, reopen: 5, volume: 40, qa: 88 };
const B: Figures = { frt: 60, sla: 70, fcr: 60, csat: null, reopen: 20, volume: 20, qa: 70 };

describe("appraisal normalisation", () => {
  it("scores FRT and volume relative to the team's best, reopen as its complement", () => {
    // B: frt 100 × 30 / 60 = 50; volume 100 × 20 / 40 = 50; reopen 100 − 20 = 80; the percentages as they are.
    expect(normalise(B, [A, B])).toEqual({ frt: 50, sla: 70, fcr: 60, csat: null, reopen: 80, volume: 50, qa: 70 });
    expect(normalise(A, [A, B])).toEqual({ frt: 100, sla: 90, fcr: 80, csat: 85, reopen: 95, volume: 100, qa: 88 });
  });

  it("leaves a missing figure out and re-normalises the remaining weights", () => {
    // B without CSAT (weight 20): (50×10 + 70×20 + 60×15 + 80×10 + 50×10 + 70×15) / 80 = 5150 / 80 = 64.375 → 64.4
    expect(weightedTotal(normalise(B, [A, B]), DEFAULT_WEIGHTS)).toBe(64.4);
    // A: (100×10 + 90×20 + 80×15 + 85×20 + 95×10 + 100×10 + 88×15) / 100 = 8970 / 100 = 89.7
    expect(weightedTotal(normalise(A, [A, B]), DEFAULT_WEIGHTS)).toBe(89.7);
  });

  it("uses the team's own weights; weight 0 drops an indicator", () => {
    const onlyQa = { frt: 0, sla: 0, fcr: 0, csat: 0, reopen: 0, volume: 0, qa: 1 };
    expect(weightedTotal(normalise(B, [A, B]), onlyQa)).toBe(70);
    expect(
      weightedTotal(
        { frt: null, sla: null, fcr: null, csat: null, reopen: null, volume: null, qa: null },
        DEFAULT_WEIGHTS,
      ),
    ).toBeNull();
  });

  it("ranks within the team, ties sharing a rank", () => {
    expect(
      rankByTotal([
        { id: 1, total: 70 },
        { id: 2, total: 90 },
        { id: 3, total: 70 },
        { id: 4, total: 50 },
      ]).map((row) => [row.id, row.rank]),
    ).toEqual([
      [2, 1],
      [1, 2],
      [3, 2],
      [4, 4],
    ]);
    const team = appraiseTeam(
      [
        { agentId: 7, figures: B },
        { agentId: 8, figures: A },
      ],
      DEFAULT_WEIGHTS,
    );
    expect(team.map((row) => [row.agentId, row.total, row.rank])).toEqual([
      [8, 89.7, 1],
      [7, 64.4, 2],
    ]);
  });

  it("a one-agent team with no volume scores volume 0, not NaN", () => {
    const idle: Figures = { ...B, volume: 0 };
    expect(normalise(idle, [idle]).volume).toBe(0);
  });
});

describe("appraisal months", () => {
  it("months are Shanghai calendar months", () => {
    expect(monthRange("2026-11")).toEqual({
      from: new Date("2026-10-31T16:00:00Z"),
      to: new Date("2026-11-30T16:00:00Z"),
    });
    expect(previousMonth(new Date("2026-11-30T16:30:00Z"))).toBe("2026-11"); // already 1 December in Shanghai
    expect(previousMonth(new Date("2026-11-30T15:30:00Z"))).toBe("2026-10");
    expect(lastMonths("2026-02", 6)).toEqual(["2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});
