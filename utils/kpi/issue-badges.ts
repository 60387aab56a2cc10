import { closedAtMs, effectiveDueDate, type DueSource } from './due-date';
import { compileFailureMatcher } from './failures';
import { formatAge, formatDuration } from './format';
import { DEFAULT_FAILURE_RULES, DEFAULT_KPI_SETTINGS, type FailureRules } from './settings';
import { calendarDayNumber, dayNumberInZone, endOfDayCache } from './time-zone';
import type { KpiIssue } from './types';
import { parseTimestamp } from './window';

interface IssueAge {
  /** How long the issue has been (or was) open: now − created, or closed − created. */
  openMs: number;
  isOpen: boolean;
  display: string;
}

/** Age badge. Null when created_at does not parse (nothing honest to show). */
export function issueAge(issue: Pick<KpiIssue, 'state' | 'created_at' | 'closed_at'>, now: Date): IssueAge | null {
  const createdMs = parseTimestamp(issue.created_at);
  if (createdMs === null) return null;
  const closed = closedAtMs(issue);
  const isOpen = closed === null;
  const untilMs = typeof closed === 'number' ? closed : now.getTime();
  const openMs = Math.max(0, untilMs - createdMs);
  return { openMs, isOpen, display: isOpen ? `open ${formatAge(openMs)}` : `was open ${formatAge(openMs)}` };
}

export type DueStatusKind = 'none' | 'on-track' | 'due-soon' | 'overdue' | 'done-on-time' | 'done-late';

interface DueStatus {
  kind: DueStatusKind;
  /**
   * Calendar days in the zone: until due (on-track, due-soon), past due (overdue), closed
   * before the due day (done-on-time), closed after it (done-late); 0 for none.
   */
  days: number;
  display: string;
  dueDate: string | null;
  dueSource: DueSource | null;
}

interface DueStatusOptions {
  /** Default DEFAULT_KPI_SETTINGS.dueSoonDays (3). */
  dueSoonDays?: number;
}

/**
 * Due badge, counted in calendar days of `timeZone`. An open issue is overdue only once its due
 * day has ended there (the same rule as On-time); on the due day itself it reads "due today".
 */
export function dueStatus(
  issue: Pick<KpiIssue, 'state' | 'closed_at' | 'due_date' | 'milestone'>,
  now: Date,
  timeZone: string,
  opts: DueStatusOptions = {},
): DueStatus {
  const due = effectiveDueDate(issue);
  const dueDay = due ? calendarDayNumber(due.date) : null;
  if (!due || dueDay === null) return { kind: 'none', days: 0, display: 'no due date', dueDate: null, dueSource: null };
  const base = { dueDate: due.date, dueSource: due.source };
  const closed = closedAtMs(issue);

  if (closed === 'unknown') return { kind: 'none', days: 0, display: 'closed', ...base };
  if (typeof closed === 'number') {
    const dueEndMs = endOfDayCache(timeZone)(due.date) ?? 0;
    const closedDay = dayNumberInZone(closed, timeZone);
    if (closed <= dueEndMs) {
      return { kind: 'done-on-time', days: dueDay - closedDay, display: 'closed on time', ...base };
    }
    const lateDays = closedDay - dueDay;
    return { kind: 'done-late', days: lateDays, display: `closed ${lateDays} d late`, ...base };
  }

  const daysUntilDue = dueDay - dayNumberInZone(now, timeZone);
  if (daysUntilDue < 0) return { kind: 'overdue', days: -daysUntilDue, display: `overdue ${-daysUntilDue} d`, ...base };
  const dueSoonDays = opts.dueSoonDays ?? DEFAULT_KPI_SETTINGS.dueSoonDays;
  if (daysUntilDue > dueSoonDays) return { kind: 'on-track', days: daysUntilDue, display: 'on track', ...base };
  return {
    kind: 'due-soon',
    days: daysUntilDue,
    display: daysUntilDue === 0 ? 'due today' : `due in ${daysUntilDue} d`,
    ...base,
  };
}

interface TimeToFix {
  ms: number;
  display: string;
  /** Why the issue is a failure. */
  why: string;
}

/** Time to fix for a closed failure (closed − created); null for open issues and non-failures. */
export function timeToFix(
  issue: Pick<KpiIssue, 'state' | 'created_at' | 'closed_at' | 'labels' | 'issue_type' | 'type'>,
  failureRules: FailureRules = DEFAULT_FAILURE_RULES,
): TimeToFix | null {
  const closed = closedAtMs(issue);
  const createdMs = parseTimestamp(issue.created_at);
  if (typeof closed !== 'number' || createdMs === null) return null;
  const why = compileFailureMatcher(failureRules)(issue);
  if (why === null) return null;
  const ms = Math.max(0, closed - createdMs);
  return { ms, display: `fixed in ${formatDuration(ms)}`, why };
}
