import type { KpiWindow } from './types';

export const DAY_MS = 86_400_000;

/** The last `days` × 24 h ending at `now` (fixed-length, so DST never changes the length). */
export function rollingWindow(now: Date, days: number): KpiWindow {
  return {
    start: new Date(now.getTime() - days * DAY_MS),
    end: new Date(now.getTime()),
    label: `the last ${days} days`,
  };
}

/**
 * The part of a window that has happened: a quarter still in progress ends at `now`, so its
 * length (MTBF) and month count (MR rate) are the elapsed part, not the whole quarter.
 */
export function elapsedWindowEndMs(window: KpiWindow, now?: Date): number {
  const end = window.end.getTime();
  return now === undefined ? end : Math.min(end, now.getTime());
}

/** Is an instant inside [start, end)? */
export function isInWindow(ms: number, startMs: number, endMs: number): boolean {
  return ms >= startMs && ms < endMs;
}

/**
 * How a window reads after "in": its label ("the last 90 days", or "Q1 2025" set by the OKR
 * caller), else its UTC dates ("the period 2025-01-01 to 2025-03-31").
 */
export function windowPhrase(window: KpiWindow): string {
  if (window.label) return window.label;
  const lastIncludedDay = new Date(window.end.getTime() - 1);
  return `the period ${window.start.toISOString().slice(0, 10)} to ${lastIncludedDay.toISOString().slice(0, 10)}`;
}

/** Window length in days (fractional), for "no failures in 90 d" and month arithmetic. */
export function windowLengthDays(startMs: number, endMs: number): number {
  return Math.max(0, endMs - startMs) / DAY_MS;
}

/** Parse a GitLab timestamp once; null for absent or unparsable values. */
export function parseTimestamp(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
