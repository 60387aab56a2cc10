import { closedAtMs } from './due-date';
import { compileFailureMatcher, compileOutageMatcher } from './failures';
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
  /** Started inside the window (counted in n), or an outage started earlier that only adds downtime. */
  startedInWindow: boolean;
  /**
   * An outage (incident type or outage label, see FailureRules.outageLabels): its time open is
   * downtime. Other failures (severity bugs) count in n but add no downtime.
   */
  outage: boolean;
  /** The downtime this failure adds: an outage's interval clipped to the window, before the union; 0 for other failures. */
  downtimeInWindowMs: number;
  /** Why the issue is a failure. */
  why: string;
}

interface MtbfResult extends KpiResult<MtbfItem> {
  kpi: 'mtbf';
  windowMs: number;
  /** Union of outage intervals inside the window: overlapping outages count once. */
  downtimeMs: number;
  /** Outages that add downtime inside the window (some may have started before it). */
  outages: number;
}

type Interval = [number, number];

/**
 * MTBF: (window length − outage downtime inside the window) / failures started in the window.
 * Downtime is the union, over all issues passed in (every project of a team), of the intervals of
 * outages only: created_at to closed_at, or to now while open, clipped to the window. Other
 * failures (a severity::2 bug open for weeks is not the service being down) count in n only.
 * Outages that started before the window still add the part of their downtime inside it.
 * No failure started: value null, display "no failures in 90 d".
 */
export function mtbf(issues: readonly KpiIssue[], window: KpiWindow, opts: MtbfOptions): MtbfResult {
  const rules = opts.failureRules ?? DEFAULT_FAILURE_RULES;
  const whyFailure = compileFailureMatcher(rules);
  const isOutage = compileOutageMatcher(rules);
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
    const outage = isOutage(issue);
    // Started before the window: only an outage still running into it adds anything.
    if (!startedInWindow && (!outage || failureEndMs <= startMs)) continue;
    const clipped: Interval = [Math.max(createdMs, startMs), Math.min(failureEndMs, endMs)];
    const downtimeInWindowMs = outage ? Math.max(0, clipped[1] - clipped[0]) : 0;
    if (downtimeInWindowMs > 0) intervals.push(clipped);
    if (startedInWindow) started++;
    items.push({
      key: itemKey(issue),
      ref: itemRef(issue),
      startedAt: issue.created_at,
      endedAt: closed === null ? null : (issue.closed_at ?? null),
      startedInWindow,
      outage,
      downtimeInWindowMs,
      why,
    });
  }

  const downtimeMs = unionLengthMs(intervals);
  const outages = intervals.length;
  const fromOutages = outages === 0 ? 'no outages' : plural(outages, 'outage');
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
    outages,
    formula:
      value === null
        ? `No failures started in ${phrase}; outage downtime in the window ${formatDuration(downtimeMs)} (${fromOutages}).`
        : `(${formatDuration(windowMs)} window − ${formatDuration(downtimeMs)} outage downtime (${fromOutages})) / ` +
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
