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
  /** The (elapsed) window in 30-day months. */
  months: number;
  /** What the rate divides by: each engineer's months in the window, summed. */
  engineerMonths: number;
}

/** What MR rate and Tech contribution share: the merged MRs and what they are divided by. */
export interface RateBasis {
  merged: KpiMergeRequest[];
  months: number;
  engineerCount: number;
  engineerMonths: number;
}

/**
 * Merged MRs in the window, the window's length in 30-day months and the engineer-months:
 * each engineer counts from the later of the window start and their join date (EngineerRoster
 * `joinedAt`) to the elapsed window end; one who joined after that end counts 0.
 */
export function rateBasis(
  mergeRequests: readonly KpiMergeRequest[],
  engineers: EngineerRoster,
  window: KpiWindow,
  opts: RateOptions,
): RateBasis {
  const startMs = window.start.getTime();
  const endMs = elapsedWindowEndMs(window, opts.now);
  // merged_at is the truth: state may lag in a cached copy, and GitLab sets merged_at only on merge.
  const merged = mergeRequests.filter((mr) => {
    const mergedMs = parseTimestamp(mr.merged_at);
    return mergedMs !== null && isInWindow(mergedMs, startMs, endMs);
  });
  let engineerDays = 0;
  for (const username of engineers.usernames) {
    const joinedMs = parseTimestamp(engineers.joinedAt?.get(username));
    engineerDays += windowLengthDays(joinedMs === null ? startMs : Math.max(startMs, joinedMs), endMs);
  }
  return {
    merged,
    months: windowLengthDays(startMs, endMs) / DAYS_PER_MONTH,
    engineerCount: engineers.usernames.length,
    engineerMonths: engineerDays / DAYS_PER_MONTH,
  };
}

export function perEngineerMonth(count: number, basis: RateBasis): number | null {
  return basis.engineerCount === 0 || basis.engineerMonths <= 0 ? null : count / basis.engineerMonths;
}

/** "(9 engineers, 24.6 engineer-months) = 1.2 per engineer per month. Engineer-months: …" */
export function perEngineerMonthPhrase(value: number, basis: RateBasis, engineers: EngineerRoster): string {
  return (
    `(${plural(basis.engineerCount, 'engineer')}, ${formatRate(basis.engineerMonths)} engineer-months) = ` +
    `${formatRate(value)} per engineer per month. Months are 30 days; an engineer who became a member ` +
    `during the window counts from that day. ${rosterPhrase(engineers)}`
  );
}

/** Why there is no rate: no engineers, no elapsed time, or nobody on the team yet. */
export function noRatePhrase(basis: RateBasis, window: KpiWindow, engineers: EngineerRoster): string {
  if (basis.engineerCount === 0) {
    return `No engineers to divide by: configure the team's engineers or check project members. ${rosterPhrase(engineers)}`;
  }
  if (basis.months <= 0) return `No engineer-months to divide by: ${windowPhrase(window)} has not begun.`;
  const who = basis.engineerCount === 1 ? 'the one engineer' : `all ${basis.engineerCount} engineers`;
  return `No engineer-months to divide by: ${who} joined after the end of ${windowPhrase(window)}. ${rosterPhrase(engineers)}`;
}

/**
 * MR rate: merged MRs / engineer-months. Team-level only (SPEC §2): the result has no
 * per-author breakdown on purpose, so it can never become a ranking.
 */
export function mrRate(
  mergeRequests: readonly KpiMergeRequest[],
  engineers: EngineerRoster,
  window: KpiWindow,
  opts: RateOptions = {},
): MrRateResult {
  const basis = rateBasis(mergeRequests, engineers, window, opts);
  const { merged, months, engineerCount, engineerMonths } = basis;
  const n = merged.length;
  const value = perEngineerMonth(n, basis);
  return {
    kpi: 'mr-rate',
    value,
    n,
    items: merged.map((mr) => ({ key: itemKey(mr), ref: itemRef(mr, '!'), mergedAt: mr.merged_at ?? '' })),
    engineerCount,
    months,
    engineerMonths,
    formula:
      value === null
        ? noRatePhrase(basis, window, engineers)
        : `${plural(n, 'merged MR')} in ${windowPhrase(window)} / ${perEngineerMonthPhrase(value, basis, engineers)}`,
    display: value === null ? 'MR rate —' : `MR rate ${formatRate(value)} /eng/mo`,
  };
}
