/** Small order statistics for duration samples. Inputs must be sorted ascending. */

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Conventional median: the middle value, or the mean of the two middle values for even n. */
export function medianOfSorted(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const upper = sorted[Math.floor(n / 2)] ?? 0;
  if (n % 2 === 1) return upper;
  const lower = sorted[n / 2 - 1] ?? 0;
  return (lower + upper) / 2;
}

/**
 * Nearest-rank percentile: the value at rank ⌈p/100 × n⌉ (1-based) of the sorted sample.
 * Always an observed value (no interpolation), so "p90 9.5 h" is a real failure's fix time.
 * Example: n = 10, p90 → rank 9; n = 5, p90 → rank ⌈4.5⌉ = 5 (the maximum).
 */
export function percentileNearestRank(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
  return sorted[rank - 1] ?? null;
}
