import { rosterPhrase, type EngineerRoster } from './engineers';
import { formatRate, plural } from './format';
import { itemKey, itemRef, type KpiMergeRequest, type KpiResult, type KpiWindow } from './types';
import { elapsedWindowEndMs, isInWindow, parseTimestamp, windowLengthDays, windowPhrase } from './window';

/** A month is 30 days (SPEC §2), so a 90-day window is exactly 3 months. */
const DAYS_PER_MONTH = 30;

export interface RateOptions {
  /** Cuts a window still in progress (current quarter) at now, for the month count too. */
  now?: Date;
}

interface MergedMrItem {
  key: string;
  ref: string;
  mergedAt: string;
}

interface MrRateResult extends KpiResult<MergedMrItem> {
  kpi: 'mr-rate';
  engineerCount: number;
  months: number;
}

/** Merged MRs in the window and the window's length in 30-day months; shared with Tech contribution. */
export function mergedInWindow(
  mergeRequests: readonly KpiMergeRequest[],
  window: KpiWindow,
  opts: RateOptions,
): { merged: KpiMergeRequest[]; months: number } {
  const startMs = window.start.getTime();
  const endMs = elapsedWindowEndMs(window, opts.now);
  // merged_at is the truth: state may lag in a cached copy, and GitLab sets merged_at only on merge.
  const merged = mergeRequests.filter((mr) => {
    const mergedMs = parseTimestamp(mr.merged_at);
    return mergedMs !== null && isInWindow(mergedMs, startMs, endMs);
  });
  return { merged, months: windowLengthDays(startMs, endMs) / DAYS_PER_MONTH };
}

export function perEngineerPerMonth(count: number, engineers: number, months: number): number | null {
  return engineers === 0 || months <= 0 ? null : count / engineers / months;
}

/**
 * MR rate: merged MRs / engineers / months. Team-level only (SPEC §2): the result has no
 * per-author breakdown on purpose, so it can never become a ranking.
 */
export function mrRate(
  mergeRequests: readonly KpiMergeRequest[],
  engineers: EngineerRoster,
  window: KpiWindow,
  opts: RateOptions = {},
): MrRateResult {
  const { merged, months } = mergedInWindow(mergeRequests, window, opts);
  const engineerCount = engineers.usernames.length;
  const value = perEngineerPerMonth(merged.length, engineerCount, months);
  const n = merged.length;
  return {
    kpi: 'mr-rate',
    value,
    n,
    items: merged.map((mr) => ({ key: itemKey(mr), ref: itemRef(mr, '!'), mergedAt: mr.merged_at ?? '' })),
    engineerCount,
    months,
    formula:
      value === null
        ? `No engineers to divide by: configure the team's engineers or check project members. ${rosterPhrase(engineers)}`
        : `${plural(n, 'merged MR')} in ${windowPhrase(window)} / ${plural(engineerCount, 'engineer')} / ` +
          `${formatRate(months)} months (30-day) = ${formatRate(value)} per engineer per month. ${rosterPhrase(engineers)}`,
    display: value === null ? 'MR rate —' : `MR rate ${formatRate(value)} /eng/mo`,
  };
}
