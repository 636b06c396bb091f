/** Summary of repeated timings, so every benchmark reports the same shape. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Value at percentile `p` (0–100) of the samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Median, min and max of repeated timings. */
export function summarise(samples: readonly number[]): Summary {
  return {
    median: percentile(samples, 50),
    min: Math.min(...samples),
    max: Math.max(...samples),
    runs: samples.length,
  };
}

/** Rounds for display: three significant decimals below 10, one above. */
export function round(value: number): number {
  return Math.abs(value) < 10 ? Math.round(value * 1000) / 1000 : Math.round(value * 10) / 10;
}
