// Quality-inspection scoring (pure; issue 22 item 4, groundwork): a weighted scorecard turns per-criterion points into
// a 0–100 score. Weights are relative (normalised by their sum); a failed critical criterion (e.g. a privacy breach)
// sets the whole score to 0, as the handbooks' 一票否决 rule does.

export type Criterion = { code: string; weight: number; maxPoints: number; critical?: boolean };
export type CriterionScore = { code: string; points: number };

export type ScoreResult =
  | {
      ok: true;
      total: number;
      byCriterion: { code: string; percent: number; contribution: number }[];
      criticalFailed: string[];
    }
  | { ok: false; error: "missing" | "unknown" | "out_of_range" | "invalid_scorecard"; codes: string[] };

/** Rounds to one decimal place, the precision the result page shows. */
const round1 = (value: number) => Math.round(value * 10) / 10;

export function scoreInspection(criteria: readonly Criterion[], scores: readonly CriterionScore[]): ScoreResult {
  const weightSum = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  const badCard = criteria
    .filter((criterion) => !(criterion.weight > 0) || !(criterion.maxPoints > 0))
    .map((criterion) => criterion.code);
  if (criteria.length === 0 || badCard.length || !(weightSum > 0))
    return { ok: false, error: "invalid_scorecard", codes: badCard };
  const known = new Set(criteria.map((criterion) => criterion.code));
  const unknown = scores.filter((score) => !known.has(score.code)).map((score) => score.code);
  if (unknown.length) return { ok: false, error: "unknown", codes: unknown };
  const byCode = new Map(scores.map((score) => [score.code, score.points]));
  const missing = criteria.filter((criterion) => !byCode.has(criterion.code)).map((criterion) => criterion.code);
  if (missing.length) return { ok: false, error: "missing", codes: missing };
  const outOfRange = criteria
    .filter((criterion) => {
      const points = byCode.get(criterion.code)!;
      return !Number.isFinite(points) || points < 0 || points > criterion.maxPoints;
    })
    .map((criterion) => criterion.code);
  if (outOfRange.length) return { ok: false, error: "out_of_range", codes: outOfRange };

  const byCriterion = criteria.map((criterion) => {
    const percent = (byCode.get(criterion.code)! / criterion.maxPoints) * 100;
    return { code: criterion.code, percent: round1(percent), contribution: (criterion.weight / weightSum) * percent };
  });
  // A critical criterion is failed when it scores below half of its points.
  const criticalFailed = criteria
    .filter((criterion) => criterion.critical && byCode.get(criterion.code)! < criterion.maxPoints / 2)
    .map((criterion) => criterion.code);
  const total = criticalFailed.length ? 0 : round1(byCriterion.reduce((sum, row) => sum + row.contribution, 0));
  return {
    ok: true,
    total,
    byCriterion: byCriterion.map((row) => ({ ...row, contribution: round1(row.contribution) })),
    criticalFailed,
  };
}

export type Grade = "excellent" | "good" | "pass" | "fail";

export function gradeOf(total: number): Grade {
  if (total >= 90) return "excellent";
  if (total >= 80) return "good";
  if (total >= 60) return "pass";
  return "fail";
}

/** Calibration: several inspectors scored the same case; how far apart are they? (population standard deviation) */
export function calibrationSpread(
  totals: readonly number[],
): { min: number; max: number; range: number; mean: number; stdDev: number } | null {
  if (totals.length === 0) return null;
  const min = Math.min(...totals);
  const max = Math.max(...totals);
  const mean = totals.reduce((sum, value) => sum + value, 0) / totals.length;
  const variance = totals.reduce((sum, value) => sum + (value - mean) ** 2, 0) / totals.length;
  return { min, max, range: round1(max - min), mean: round1(mean), stdDev: round1(Math.sqrt(variance)) };
}
