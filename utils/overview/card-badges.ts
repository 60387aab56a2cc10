/**
 * The badges on one board card (SPEC §1: "where they tell something"): only what needs
 * attention: an ongoing incident, an open issue overdue or due soon. Age and "on track" stay on the issue page: a
 * badge on every card is noise, and each badge costs layout on a 1,000-card board (SPEC §9).
 */
import { dueStatus, type KpiIssue, type KpiSettings } from '../kpi';
import type { BadgeView } from './badge-view';
import { dueBadge, ongoingIncidentBadge } from './issue-badges';

export function boardCardBadges(issue: KpiIssue, settings: KpiSettings, now: Date): BadgeView[] {
  const incident = ongoingIncidentBadge(issue, settings, now);
  const due = dueStatus(issue, now, settings.timeZone, { dueSoonDays: settings.dueSoonDays });
  const dueNeedsAttention = due.kind === 'overdue' || due.kind === 'due-soon';
  return [incident, dueNeedsAttention ? dueBadge(issue, settings, now) : null].filter((badge): badge is BadgeView => badge !== null);
}

/** `group/project#12` → `{ projectPath: 'group/project', iid: 12 }` (board card `data-item-path`). */
export function parseItemPath(path: string): { projectPath: string; iid: number } | null {
  const match = /^(.+)#(\d+)$/.exec(path);
  return match ? { projectPath: match[1]!, iid: Number(match[2]) } : null;
}
