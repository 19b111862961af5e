import { describe, expect, it } from "vitest";
import { percentile } from "@/lib/kpi/definitions";
import {
  addToHistogram,
  bucketOf,
  HISTOGRAM_BOUNDS,
  histogramPercentile,
  toSparse,
  type Histogram,
} from "@/lib/kpi/histogram";

const histogramOf = (values: number[]): Histogram => {
  const histogram: Histogram = new Map();
  for (const value of values) addToHistogram(histogram, value);
  return histogram;
};

describe("duration histograms", () => {
  it("has ascending bounds with the FRT chart's bucket edges among them", () => {
    for (let index = 1; index < HISTOGRAM_BOUNDS.length; index++)
      expect(HISTOGRAM_BOUNDS[index]!).toBeGreaterThan(HISTOGRAM_BOUNDS[index - 1]!);
    for (const edge of [15, 60, 240, 480, 1_440, 2_880]) expect(HISTOGRAM_BOUNDS).toContain(edge);
  });

  it("puts values in the bucket whose range holds them", () => {
    expect(bucketOf(-3)).toBe(0);
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(59)).toBe(59);
    expect(HISTOGRAM_BOUNDS[bucketOf(60)]).toBe(60);
    expect(HISTOGRAM_BOUNDS[bucketOf(64)]).toBe(60);
    expect(HISTOGRAM_BOUNDS[bucketOf(65)]).toBe(65);
    expect(HISTOGRAM_BOUNDS[bucketOf(1_000_000)]).toBe(43_200);
  });

  it("gives exact percentile_cont values below one hour (1-minute buckets)", () => {
    const values = [3, 7, 7, 12, 30, 45, 59];
    for (const fraction of [0.5, 0.9, 0.25])
      expect(histogramPercentile(histogramOf(values), fraction)).toBeCloseTo(percentile(values, fraction)!, 9);
    expect(histogramPercentile(new Map(), 0.5)).toBeNull();
  });

  it("stays within one bucket of the exact value for longer durations", () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2_147_483_647) / 2_147_483_647;
    const values = Array.from({ length: 5_000 }, () => Math.round(Math.exp(Math.log(600) + (random() - 0.5) * 4)));
    const histogram = histogramOf(values);
    for (const fraction of [0.5, 0.9]) {
      const exact = percentile(values, fraction)!;
      const bucket = bucketOf(exact);
      const width = (HISTOGRAM_BOUNDS[bucket + 1] ?? 86_400) - HISTOGRAM_BOUNDS[bucket]!;
      expect(Math.abs(histogramPercentile(histogram, fraction)! - exact)).toBeLessThanOrEqual(width);
    }
  });

  it("stores sparsely, buckets ascending", () => {
    expect(toSparse(histogramOf([90, 5, 5, 2_000]))).toEqual({
      buckets: [5, bucketOf(90), bucketOf(2_000)],
      counts: [2, 1, 1],
    });
  });
});
