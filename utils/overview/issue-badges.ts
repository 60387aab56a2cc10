/** Badges about one issue: due status, age, time to fix for a closed failure (SPEC §2). */
import { compileIncidentMatcher, dueStatus, formatAge, formatDuration, issueAge, timeToFix, type DueStatusKind, type KpiIssue, type KpiSettings } from '../kpi';
import type { BadgeStatus, BadgeView } from './badge-view';

/**
 * Colour only for what needs action (Pajamas): an overdue open issue. Due soon is marked, not
 * coloured; history ("closed 8 d late") is not an alarm.
 */
const DUE_COLOURS: Record<DueStatusKind, BadgeStatus> = {
  none: 'neutral',
  'on-track': 'neutral',
  'due-soon': 'near',
  overdue: 'missed',
  'done-on-time': 'neutral',
  'done-late': 'neutral',
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

/** GitLab's severity of an incident, or its `severity::N` label; null when neither says. */
export function incidentSeverity(issue: Pick<KpiIssue, 'severity' | 'labels'>): string | null {
  const field = issue.severity?.toUpperCase();
  if (field && field !== 'UNKNOWN') return field.charAt(0) + field.slice(1).toLowerCase();
  const label = issue.labels.find((name) => /^severity::\s*\S/i.test(name));
  return label ? `S${label.replace(/^severity::\s*/i, '')}` : null;
}

/**
 * "Ongoing incident · 3 h · High" on an open incident (a failure that is an outage,
 * kpi/failures.ts): what needs action first, so it is the one red badge an incident gets.
 */
export function ongoingIncidentBadge(issue: KpiIssue, settings: KpiSettings, now: Date): BadgeView | null {
  if (issue.state !== 'opened' || !compileIncidentMatcher(settings.failureRules)(issue)) return null;
  const openedMs = Date.parse(issue.created_at);
  if (Number.isNaN(openedMs)) return null;
  const age = formatAge(now.getTime() - openedMs);
  const severity = incidentSeverity(issue);
  return {
    id: 'incident',
    text: `Ongoing incident · ${age}${severity ? ` · ${severity}` : ''}`,
    explanation: `An open incident since ${issue.created_at.slice(0, 16).replace('T', ' ')} UTC${severity ? `, severity ${severity}` : ''}: it counts as downtime (MTBF) until it is closed.`,
    status: 'missed',
  };
}

export function issueBadges(issue: KpiIssue, settings: KpiSettings, now: Date): BadgeView[] {
  const incident = ongoingIncidentBadge(issue, settings, now);
  // The incident badge says its age already.
  const badges = [incident, dueBadge(issue, settings, now), incident ? null : ageBadge(issue, now)];
  const fix = timeToFix(issue, settings.failureRules);
  if (fix) {
    badges.push({ id: 'time-to-fix', text: `Time to fix ${formatDuration(fix.ms)}`, explanation: `A failure (${fix.why}): closed − created.`, status: 'neutral' });
  }
  return badges.filter((badge): badge is BadgeView => badge !== null);
}
