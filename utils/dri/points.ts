/**
 * The points scale shared by the evidence sources, and how a sum of points becomes the 0–100
 * score shown. Points are additive across sources; within a source, repeated evidence has
 * diminishing returns (`diminishing`).
 */

/** Being DRI of one matching service. */
export const SERVICE_POINTS = 50;
/** Owning one relevant path in CODEOWNERS. */
export const CODEOWNER_POINTS = 40;
/** One fully weighted (closed or merged today) history item. */
export const HISTORY_POINTS = 20;
/** People at or over capacity keep this share of their points. */
export const AT_CAPACITY_FACTOR = 0.5;
/** The points that show as 50. */
export const HALF_SCORE_POINTS = 50;

/**
 * Points for `units` of evidence when the first unit is worth `first` and each further one half
 * the one before: first × 2 × (1 − 0.5^units). One unit → first, two → 1.5 × first, three →
 * 1.75 × first, never more than 2 × first. `units` may be fractional (recency-weighted history).
 */
export function diminishing(units: number, first: number): number {
  if (!(units > 0)) return 0;
  return 2 * first * (1 - 0.5 ** units);
}

/**
 * The 0–100 score shown for a sum of points: 100 × p / (p + 50), rounded. 50 points (one
 * matching service's DRI) show as 50; it rises towards 100 as evidence piles up and keeps the
 * ranking's order (it only grows with p).
 */
export function displayScore(points: number): number {
  if (!(points > 0)) return 0;
  return Math.round((100 * points) / (points + HALF_SCORE_POINTS));
}

/** "/a/", "/a/ and /b/", "/a/, /b/ and /c/", "/a/, /b/ and 3 more". */
export function listNames(names: readonly string[], more = 'more'): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= 3) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} ${more}`;
}

/** 12, 12.5 (one decimal at most). */
export function formatAmount(value: number): string {
  return String(Math.round(value * 10) / 10);
}
