import { closedAtMs, effectiveDueDate, type DueSource } from './due-date';
import { formatPercent, plural } from './format';
import { DEFAULT_KPI_SETTINGS } from './settings';
import { endOfDayCache } from './time-zone';
import { itemKey, itemRef, type KpiIssue, type KpiResult, type KpiWindow } from './types';
import { elapsedWindowEndMs, isInWindow, windowPhrase } from './window';

interface OnTimeOptions {
  now: Date;
  /** Zone in which the due day ends; defaults to DEFAULT_KPI_SETTINGS.timeZone. */
  timeZone?: string;
}

type OnTimeReason = 'closed-on-time' | 'closed-late' | 'open-overdue';

interface OnTimeItem {
  key: string;
  ref: string;
  dueDate: string;
  dueSource: DueSource;
  onTime: boolean;
  reason: OnTimeReason;
}

interface OnTimeResult extends KpiResult<OnTimeItem> {
  kpi: 'on-time';
  onTimeCount: number;
  /** Late issues that are still open. */
  openOverdueCount: number;
  /** Closed issues without closed_at: cannot be judged, so left out of n (and reported). */
  unknownCloseTimeCount: number;
}

/**
 * On-time: of the issues whose due day ended inside the window (and before `now`), the share
 * closed no later than the last millisecond of the due day in `timeZone`.
 *
 * Decision: an issue counts only once its due day has ended. An issue due today is left out
 * whether open or closed; leaving out only the open ones would let today's early closers
 * inflate the rate for a few hours. Tomorrow it enters the sample, on time or late.
 */
export function onTimeRate(
  issues: readonly KpiIssue[],
  window: KpiWindow,
  opts: OnTimeOptions,
): OnTimeResult {
  const timeZone = opts.timeZone ?? DEFAULT_KPI_SETTINGS.timeZone;
  const endOfDay = endOfDayCache(timeZone);
  const startMs = window.start.getTime();
  const endMs = elapsedWindowEndMs(window, opts.now);
  const items: OnTimeItem[] = [];
  let onTimeCount = 0;
  let openOverdueCount = 0;
  let unknownCloseTimeCount = 0;

  for (const issue of issues) {
    const due = effectiveDueDate(issue);
    if (!due) continue;
    const dueEndMs = endOfDay(due.date);
    if (dueEndMs === null || !isInWindow(dueEndMs, startMs, endMs)) continue;
    const closedMs = closedAtMs(issue);
    if (closedMs === 'unknown') {
      unknownCloseTimeCount++;
      continue;
    }
    const reason: OnTimeReason =
      closedMs === null ? 'open-overdue' : closedMs <= dueEndMs ? 'closed-on-time' : 'closed-late';
    const onTime = reason === 'closed-on-time';
    if (onTime) onTimeCount++;
    if (reason === 'open-overdue') openOverdueCount++;
    items.push({ key: itemKey(issue), ref: itemRef(issue), dueDate: due.date, dueSource: due.source, onTime, reason });
  }

  const n = items.length;
  return {
    kpi: 'on-time',
    value: n === 0 ? null : onTimeCount / n,
    n,
    items,
    onTimeCount,
    openOverdueCount,
    unknownCloseTimeCount,
    formula: onTimeFormula(onTimeCount, n, openOverdueCount, unknownCloseTimeCount, windowPhrase(window), timeZone),
    display: n === 0 ? 'On-time —' : `On-time ${formatPercent(onTimeCount, n)} (${onTimeCount}/${n})`,
  };
}

function onTimeFormula(
  onTimeCount: number,
  n: number,
  openOverdue: number,
  unknown: number,
  phrase: string,
  timeZone: string,
): string {
  const skipped = unknown > 0 ? ` ${plural(unknown, 'closed issue')} without a close time left out.` : '';
  if (n === 0) return `No issues were due in ${phrase}.${skipped}`;
  const open = openOverdue > 0 ? ` ${openOverdue} of the late ones ${openOverdue === 1 ? 'is' : 'are'} still open.` : '';
  return (
    `${onTimeCount} of ${plural(n, 'issue')} due in ${phrase} ${n === 1 ? 'was closed by its' : 'were closed by their'} due date` +
    ` (end of day, ${timeZone}).${open}${skipped}`
  );
}
