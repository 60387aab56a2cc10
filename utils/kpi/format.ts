/** Number formatting for badges and tooltips, in one place so every KPI reads the same. */

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Durations: under an hour in whole minutes ("45 min"), under two days in hours ("30.5 h",
 * easier to read than "1.3 d" for a fix time), otherwise days ("12.5 d"). One decimal keeps
 * the spec's "MTTR 4.2 h" shape.
 */
export function formatDuration(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < HOUR_MS) return `${Math.round(abs / MINUTE_MS)} min`;
  if (abs < 2 * DAY_MS) return `${(abs / HOUR_MS).toFixed(1)} h`;
  return `${(abs / DAY_MS).toFixed(1)} d`;
}

/** Whole-unit age for badges: "40 min", "5 h", "12 d". */
export function formatAge(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < HOUR_MS) return `${Math.floor(abs / MINUTE_MS)} min`;
  if (abs < DAY_MS) return `${Math.floor(abs / HOUR_MS)} h`;
  return `${Math.floor(abs / DAY_MS)} d`;
}

/**
 * Percent of a count ratio. Never rounds a partial result to 100 % or a non-zero one to 0 %:
 * "100%" must mean every issue, "0%" none (199/200 → 99%, 1/300 → 1%).
 */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '—';
  let percent = Math.round((part / whole) * 100);
  if (percent === 100 && part < whole) percent = 99;
  if (percent === 0 && part > 0) percent = 1;
  return `${percent}%`;
}

/** Rates such as MRs per engineer per month: one decimal. */
export function formatRate(value: number): string {
  return value.toFixed(1);
}

/** "1 issue", "2 issues". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
