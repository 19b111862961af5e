// Customer value score (SPEC §8): a weighted sum of 0–100 factor ratings, with weights from the
// "valueScore.weights" setting (airline default 30 % frequency + 30 % mileage + 40 % cabin class).
import { z } from "zod";
import { idSchema } from "@/lib/validation";

export const VALUE_SCORE_SETTING = "valueScore.weights";

/** SPEC §8 airline default, used when the setting is missing or unusable. */
export const DEFAULT_VALUE_WEIGHTS: ValueWeights = { frequency: 30, mileage: 30, cabin: 40 };

export type ValueWeights = Record<string, number>;
export type ValueFactors = Record<string, number>;

export type ValueScorePart = { key: string; weight: number; rating: number | null; points: number };
export type ValueScore = { score: number; parts: ValueScorePart[]; rated: boolean };

const FACTOR_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;

/** Keeps positive finite weights with sane keys; falls back to the default when nothing usable is left. */
export function parseValueWeights(value: unknown): ValueWeights {
  if (!value || typeof value !== "object" || Array.isArray(value)) return { ...DEFAULT_VALUE_WEIGHTS };
  const weights = Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, number] =>
        FACTOR_KEY.test(entry[0]) && typeof entry[1] === "number" && Number.isFinite(entry[1]) && entry[1] > 0,
    ),
  );
  return Object.keys(weights).length > 0 ? weights : { ...DEFAULT_VALUE_WEIGHTS };
}

/** Factor ratings as stored on the customer: numbers clamped to 0–100; anything else is dropped. */
export function parseValueFactors(value: unknown): ValueFactors {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const factors: ValueFactors = {};
  for (const [key, rating] of Object.entries(value as Record<string, unknown>)) {
    if (FACTOR_KEY.test(key) && typeof rating === "number" && Number.isFinite(rating))
      factors[key] = Math.min(100, Math.max(0, rating));
  }
  return factors;
}

/**
 * Score 0–100 = Σ weightₖ × ratingₖ / Σ weightₖ, rounded. Weights need not add up to 100 (they are normalised); a
 * factor without a rating counts as 0, so a customer rated on nothing scores 0 and `rated` is false.
 */
export function computeValueScore(factors: ValueFactors, weights: ValueWeights): ValueScore {
  const entries = Object.entries(weights).filter(([, weight]) => weight > 0);
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  const parts = entries.map(([key, weight]): ValueScorePart => {
    const raw = factors[key];
    const rating = raw === undefined ? null : Math.min(100, Math.max(0, raw));
    const points = total === 0 || rating === null ? 0 : (weight / total) * rating;
    return {
      key,
      weight: total === 0 ? 0 : Math.round((weight / total) * 1000) / 10,
      rating,
      points: Math.round(points * 10) / 10,
    };
  });
  const score = Math.round(
    parts.reduce((sum, part) => sum + (part.rating === null ? 0 : (part.weight / 100) * part.rating), 0),
  );
  return { score: Math.min(100, Math.max(0, score)), parts, rated: parts.some((part) => part.rating !== null) };
}

/** Input of the "value factors" form: one 0–100 rating per configured factor, empty = not rated. */
export const valueFactorsSchema = z.object({
  version: idSchema,
  factors: z.record(z.string().regex(FACTOR_KEY), z.number().int().min(0, "range").max(100, "range").nullable()),
});
export type ValueFactorsInput = z.infer<typeof valueFactorsSchema>;
