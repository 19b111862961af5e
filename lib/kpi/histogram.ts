// Duration histograms of the daily KPI rollups (lib/kpi/rollup.ts): fixed bucket bounds in whole minutes, fine where
// most complaints are (1-minute buckets below one hour, so short durations stay exact) and coarser further out. Summed
// over days, they give the median and p90 of a large period without reading its complaints one by one.

/** Lower bounds (minutes) of the buckets; bucket i holds [BOUNDS[i], BOUNDS[i + 1]), the last one is open-ended. */
export const HISTOGRAM_BOUNDS: readonly number[] = (() => {
  const bounds: number[] = [];
  const band = (from: number, to: number, step: number) => {
    for (let value = from; value < to; value += step) bounds.push(value);
  };
  band(0, 60, 1);
  band(60, 240, 5);
  band(240, 480, 10);
  band(480, 1_440, 30);
  band(1_440, 2_880, 60);
  band(2_880, 10_080, 240);
  band(10_080, 43_200, 1_440);
  bounds.push(43_200);
  return bounds;
})();

/** Width of the open-ended last bucket used when estimating values inside it. */
const LAST_WIDTH = 43_200;

/** Index of the bucket holding `minutes` (negative durations count as 0). */
export function bucketOf(minutes: number): number {
  const value = Math.max(0, minutes);
  let low = 0;
  let high = HISTOGRAM_BOUNDS.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (HISTOGRAM_BOUNDS[mid]! <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A sparse histogram: bucket index → count. */
export type Histogram = Map<number, number>;

export function addToHistogram(histogram: Histogram, minutes: number, count = 1): void {
  const bucket = bucketOf(minutes);
  histogram.set(bucket, (histogram.get(bucket) ?? 0) + count);
}

/** Sparse arrays for storage: bucket indexes ascending and their counts. */
export function toSparse(histogram: Histogram): { buckets: number[]; counts: number[] } {
  const buckets = [...histogram.keys()].sort((a, b) => a - b);
  return { buckets, counts: buckets.map((bucket) => histogram.get(bucket)!) };
}

/**
 * The value of rank `rank` (0-based, ascending) estimated from the histogram: whole-minute values spread evenly over
 * their bucket, so a 1-minute bucket gives its exact value.
 */
function valueAtRank(sorted: readonly (readonly [number, number])[], rank: number): number {
  let before = 0;
  for (const [bucket, count] of sorted) {
    if (rank < before + count) {
      const low = HISTOGRAM_BOUNDS[bucket]!;
      const high = HISTOGRAM_BOUNDS[bucket + 1] ?? low + LAST_WIDTH;
      const width = high - low;
      if (width <= 1) return low;
      const within = rank - before;
      return Math.min(high - 1, Math.max(low, low + ((within + 0.5) * width) / count - 0.5));
    }
    before += count;
  }
  return NaN;
}

/**
 * Continuous percentile (the same interpolation as PostgreSQL's percentile_cont and lib/kpi/definitions `percentile`)
 * over a histogram; null when empty. Exact when the ranks it reads fall in 1-minute buckets (under one hour).
 */
export function histogramPercentile(histogram: Histogram, fraction: number): number | null {
  const sorted = [...histogram.entries()].filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const position = fraction * (total - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = valueAtRank(sorted, lower);
  if (upper === lower) return low;
  return low + (position - lower) * (valueAtRank(sorted, upper) - low);
}
