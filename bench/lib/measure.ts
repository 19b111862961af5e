// Latency statistics shared by the HTTP scenarios and their bare-SQL ceilings, so both are counted the same way.

export type Stats = {
  requests: number;
  durationSeconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  statuses: Record<string, number>;
};

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? 0;
}

export function summarize(
  latencies: number[],
  durationSeconds: number,
  errors: number,
  statuses: Record<string, number> = {},
): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    requests: sorted.length,
    durationSeconds: round(durationSeconds),
    rps: round(sorted.length / durationSeconds),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? 0),
    errors,
    statuses,
  };
}

/** Runs `work` from `concurrency` loops for `seconds` and measures each call (the ceilings: bare SQL through pg). */
export async function closedLoop(
  concurrency: number,
  seconds: number,
  work: (iteration: number) => Promise<void>,
): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  let iteration = 0;
  let firstError: unknown = null;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const begin = performance.now();
      try {
        await work(iteration++);
        latencies.push(performance.now() - begin);
      } catch (error) {
        errors += 1;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  if (firstError)
    process.stderr.write(
      `[bench] ceiling error (${errors}×): ${firstError instanceof Error ? firstError.message : String(firstError)}\n`,
    );
  return summarize(latencies, (performance.now() - started) / 1000, errors);
}
