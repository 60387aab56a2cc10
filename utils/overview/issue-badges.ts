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

/** "overdue 5 d", "due in 2 d", "on track"...; null without a due date (own or milestone's). */
export function dueBadge(issue: KpiIssue, settings: KpiSettings, now: Date): BadgeView | null {
  const due = dueStatus(issue, now, settings.timeZone, { dueSoonDays: settings.dueSoonDays });
  if (due.kind === 'none' || !due.dueDate) return null;
  const source = due.dueSource === 'milestone' ? "the milestone's due date" : 'its due date';
  return {
    id: 'due',
    text: due.display,
    explanation: `Due ${due.dueDate} (${source}), end of day in ${settings.timeZone}.`,
    status: DUE_COLOURS[due.kind],
  };
}

/** "open 12 d" or "was open 3 d". */
export function ageBadge(issue: KpiIssue, now: Date): BadgeView | null {
  const age = issueAge(issue, now);
  if (!age) return null;
  const opened = `Opened ${issue.created_at.slice(0, 10)}`;
  const explanation = age.isOpen ? `${opened}, still open.` : `${opened}, closed ${issue.closed_at?.slice(0, 10) ?? ''}.`;
  return { id: 'age', text: age.display, explanation, status: 'neutral' };
}

export function issueBadges(issue: KpiIssue, settings: KpiSettings, now: Date): BadgeView[] {
  const badges = [dueBadge(issue, settings, now), ageBadge(issue, now)];
  const fix = timeToFix(issue, settings.failureRules);
  if (fix) {
    badges.push({ id: 'time-to-fix', text: `Time to fix ${formatDuration(fix.ms)}`, explanation: `A failure (${fix.why}): closed − created.`, status: 'neutral' });
  }
  return badges.filter((badge): badge is BadgeView => badge !== null);
}
