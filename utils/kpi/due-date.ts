import type { KpiIssue } from './types';
import { parseTimestamp } from './window';

export type DueSource = 'issue' | 'milestone';

/** The date an issue is due: its own due date, else its milestone's (SPEC §2). */
export function effectiveDueDate(
  issue: Pick<KpiIssue, 'due_date' | 'milestone'>,
): { date: string; source: DueSource } | null {
  if (issue.due_date) return { date: issue.due_date, source: 'issue' };
  const milestoneDue = issue.milestone?.due_date;
  return milestoneDue ? { date: milestoneDue, source: 'milestone' } : null;
}

/**
 * When an issue was closed, or null while it is open. A reopened issue has state 'opened'
 * (GitLab clears closed_at then, but we trust state either way). A closed issue without
 * closed_at (very old data) yields 'unknown' so callers can leave it out of a sample rather
 * than guess.
 */
export function closedAtMs(issue: Pick<KpiIssue, 'state' | 'closed_at'>): number | null | 'unknown' {
  if (issue.state !== 'closed') return null;
  return parseTimestamp(issue.closed_at) ?? 'unknown';
}
