/** Badges about one issue: due status, age, time to fix for a closed failure (SPEC §2). */
import { dueStatus, formatDuration, issueAge, timeToFix, type DueStatusKind, type KpiIssue, type KpiSettings } from '../kpi';
import type { BadgeStatus, BadgeView } from './badge-view';

const DUE_COLOURS: Record<DueStatusKind, BadgeStatus> = {
  none: 'neutral',
  'on-track': 'met',
  'due-soon': 'near',
  overdue: 'missed',
  'done-on-time': 'met',
  'done-late': 'missed',
};

export function issueBadges(issue: KpiIssue, settings: KpiSettings, now: Date): BadgeView[] {
  const badges: BadgeView[] = [];
  const due = dueStatus(issue, now, settings.timeZone, { dueSoonDays: settings.dueSoonDays });
  if (due.kind !== 'none' && due.dueDate) {
    const source = due.dueSource === 'milestone' ? "the milestone's due date" : 'its due date';
    badges.push({
      id: 'due',
      text: due.display,
      explanation: `Due ${due.dueDate} (${source}), end of day in ${settings.timeZone}.`,
      status: DUE_COLOURS[due.kind],
    });
  }
  const age = issueAge(issue, now);
  if (age) {
    badges.push({
      id: 'age',
      text: age.display,
      explanation: age.isOpen ? `Opened ${issue.created_at.slice(0, 10)}, still open.` : `Opened ${issue.created_at.slice(0, 10)}, closed ${issue.closed_at?.slice(0, 10) ?? ''}.`,
      status: 'neutral',
    });
  }
  const fix = timeToFix(issue, settings.failureRules);
  if (fix) {
    badges.push({ id: 'time-to-fix', text: `Time to fix ${formatDuration(fix.ms)}`, explanation: `A failure (${fix.why}): closed − created.`, status: 'neutral' });
  }
  return badges;
}
