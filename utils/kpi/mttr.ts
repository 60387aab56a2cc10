import { closedAtMs } from './due-date';
import { compileFailureMatcher } from './failures';
import { formatDuration, plural } from './format';
import { DEFAULT_FAILURE_RULES, type FailureRules } from './settings';
import { mean, medianOfSorted, percentileNearestRank } from './stats';
import { itemKey, itemRef, type KpiIssue, type KpiResult, type KpiWindow } from './types';
import { isInWindow, parseTimestamp, windowPhrase } from './window';

export interface FailureOptions {
  failureRules?: FailureRules;
}

interface MttrItem {
  key: string;
  ref: string;
  createdAt: string;
  closedAt: string;
  /** closed − created, clamped at 0 (imported issues can be closed "before" creation). */
  durationMs: number;
  /** Why the issue is a failure. */
  why: string;
}

interface MttrResult extends KpiResult<MttrItem> {
  kpi: 'mttr';
  /** Mean time to restore in ms (same as value). */
  meanMs: number | null;
  medianMs: number | null;
  /** Nearest-rank p90, see percentileNearestRank. */
  p90Ms: number | null;
}

/** MTTR: mean of closed_at − created_at over failures closed inside [start, end). */
export function mttr(issues: readonly KpiIssue[], window: KpiWindow, opts: FailureOptions = {}): MttrResult {
  const whyFailure = compileFailureMatcher(opts.failureRules ?? DEFAULT_FAILURE_RULES);
  const startMs = window.start.getTime();
  const endMs = window.end.getTime();
  const items: MttrItem[] = [];

  for (const issue of issues) {
    // Failure test first: failures are rare and the test is cheaper than parsing two dates.
    const why = whyFailure(issue);
    if (why === null) continue;
    const closedMs = closedAtMs(issue);
    if (typeof closedMs !== 'number' || !isInWindow(closedMs, startMs, endMs)) continue;
    const createdMs = parseTimestamp(issue.created_at);
    if (createdMs === null) continue;
    items.push({
      key: itemKey(issue),
      ref: itemRef(issue),
      createdAt: issue.created_at,
      closedAt: issue.closed_at ?? '',
      durationMs: Math.max(0, closedMs - createdMs),
      why,
    });
  }

  const sorted = items.map((i) => i.durationMs).sort((a, b) => a - b);
  const meanMs = mean(sorted);
  const medianMs = medianOfSorted(sorted);
  const p90Ms = percentileNearestRank(sorted, 90);
  const n = items.length;
  const phrase = windowPhrase(window);
  return {
    kpi: 'mttr',
    value: meanMs,
    n,
    items,
    meanMs,
    medianMs,
    p90Ms,
    formula:
      meanMs === null || medianMs === null || p90Ms === null
        ? `No failures were closed in ${phrase}.`
        : `Mean time to restore over ${plural(n, 'failure')} closed in ${phrase}: ` +
          `mean ${formatDuration(meanMs)}, median ${formatDuration(medianMs)}, p90 ${formatDuration(p90Ms)}.`,
    display: meanMs === null ? 'MTTR —' : `MTTR ${formatDuration(meanMs)}`,
  };
}
