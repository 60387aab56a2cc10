import { closedAtMs } from './due-date';
import { compileFailureMatcher } from './failures';
import { formatDuration, plural } from './format';
import type { FailureOptions } from './mttr';
import { DEFAULT_FAILURE_RULES } from './settings';
import { itemKey, itemRef, type KpiIssue, type KpiResult, type KpiWindow } from './types';
import { elapsedWindowEndMs, isInWindow, parseTimestamp, windowLengthDays, windowPhrase } from './window';

interface MtbfOptions extends FailureOptions {
  /** Open failures run until now; a window reaching past now is cut at now. */
  now: Date;
}

interface MtbfItem {
  key: string;
  ref: string;
  startedAt: string;
  /** null while the failure is still open. */
  endedAt: string | null;
  /** Started inside the window (counted in n), or started earlier and only adds downtime. */
  startedInWindow: boolean;
  /** This failure's interval clipped to the window, before the union. */
  downtimeInWindowMs: number;
  why: string;
}

interface MtbfResult extends KpiResult<MtbfItem> {
  kpi: 'mtbf';
  windowMs: number;
  /** Union of failure intervals inside the window: overlapping incidents count once. */
  downtimeMs: number;
}

type Interval = [number, number];

/**
 * MTBF: (window length − downtime inside the window) / failures started in the window.
 * Failures that started before the window still add the part of their downtime inside it.
 * No failure started: value null, display "no failures in 90 d".
 */
export function mtbf(issues: readonly KpiIssue[], window: KpiWindow, opts: MtbfOptions): MtbfResult {
  const whyFailure = compileFailureMatcher(opts.failureRules ?? DEFAULT_FAILURE_RULES);
  const nowMs = opts.now.getTime();
  const startMs = window.start.getTime();
  const endMs = elapsedWindowEndMs(window, opts.now);
  const windowMs = Math.max(0, endMs - startMs);
  const items: MtbfItem[] = [];
  const intervals: Interval[] = [];
  let started = 0;

  for (const issue of issues) {
    // Failure test first: failures are rare and the test is cheaper than parsing two dates.
    const why = whyFailure(issue);
    if (why === null) continue;
    const createdMs = parseTimestamp(issue.created_at);
    if (createdMs === null || createdMs >= endMs) continue;
    const closed = closedAtMs(issue);
    // A closed failure without closed_at has an unknown length: count the start, no downtime.
    const failureEndMs = closed === null ? nowMs : closed === 'unknown' ? createdMs : closed;
    const startedInWindow = isInWindow(createdMs, startMs, endMs);
    if (!startedInWindow && failureEndMs <= startMs) continue;
    const clipped: Interval = [Math.max(createdMs, startMs), Math.min(failureEndMs, endMs)];
    const downtimeInWindowMs = Math.max(0, clipped[1] - clipped[0]);
    if (downtimeInWindowMs > 0) intervals.push(clipped);
    if (startedInWindow) started++;
    items.push({
      key: itemKey(issue),
      ref: itemRef(issue),
      startedAt: issue.created_at,
      endedAt: closed === null ? null : (issue.closed_at ?? null),
      startedInWindow,
      downtimeInWindowMs,
      why,
    });
  }

  const downtimeMs = unionLengthMs(intervals);
  const value = started === 0 ? null : (windowMs - downtimeMs) / started;
  const phrase = windowPhrase(window);
  const days = Math.round(windowLengthDays(startMs, endMs));
  return {
    kpi: 'mtbf',
    value,
    n: started,
    items,
    windowMs,
    downtimeMs,
    formula:
      value === null
        ? `No failures started in ${phrase}; downtime in the window ${formatDuration(downtimeMs)}.`
        : `(${formatDuration(windowMs)} window − ${formatDuration(downtimeMs)} downtime) / ` +
          `${plural(started, 'failure')} started in ${phrase} = ${formatDuration(value)}.`,
    display: value === null ? `no failures in ${days} d` : `MTBF ${formatDuration(value)}`,
  };
}

/** Total length of the union of intervals: sort by start, merge overlaps. O(k log k), k failures. */
export function unionLengthMs(intervals: readonly Interval[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let currentStart = Number.NEGATIVE_INFINITY;
  let currentEnd = Number.NEGATIVE_INFINITY;
  for (const [start, end] of sorted) {
    if (start > currentEnd) {
      if (currentEnd > currentStart) total += currentEnd - currentStart;
      currentStart = start;
      currentEnd = end;
    } else if (end > currentEnd) {
      currentEnd = end;
    }
  }
  if (currentEnd > currentStart) total += currentEnd - currentStart;
  return total;
}
