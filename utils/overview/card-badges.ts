/**
 * The badges on one board card (SPEC §1: "where they tell something"): only what needs
 * attention: an ongoing incident, an open issue overdue or due soon. Age and "on track" stay on the issue page: a
 * badge on every card is noise, and each badge costs layout on a 1,000-card board (SPEC §9).
 */
import type { Classification } from '../allocation/classify';
import { dueStatus, type KpiIssue, type KpiSettings } from '../kpi';
import type { BadgeView } from './badge-view';
import { dueBadge, ongoingIncidentBadge } from './issue-badges';

/**
 * The card's allocation category, only where the card's own labels do not show it: inherited
 * from an epic, or none at all (Uncategorized, to be fixed). A category from a visible label
 * (`type::feature`) would repeat the card.
 */
export function cardAllocationBadge(result: Classification): BadgeView | null {
  if (result.kind === 'uncategorized') {
    return { id: 'allocation', text: 'Uncategorized', explanation: 'Allocation: no rule matches its labels, nor its epic’s. Add a label such as type::feature.', status: 'neutral' };
  }
  if (result.source !== 'inherited') return null;
  return { id: 'allocation', text: `${result.category.name} · from ${result.from}`, explanation: `Allocation: ${result.category.name}, ${result.why} (its own labels match no rule).`, status: 'neutral' };
}

export function boardCardBadges(issue: KpiIssue, settings: KpiSettings, now: Date, allocation?: Classification): BadgeView[] {
  const incident = ongoingIncidentBadge(issue, settings, now);
  const due = dueStatus(issue, now, settings.timeZone, { dueSoonDays: settings.dueSoonDays });
  const dueNeedsAttention = due.kind === 'overdue' || due.kind === 'due-soon';
  // Closed before the KPI window: history, not something to fix on the board (and on a board
  // whose Closed list holds years of issues, a badge each would cost layout for nothing).
  const recent = issue.state !== 'closed' || !issue.closed_at || Date.parse(issue.closed_at) >= now.getTime() - settings.windowDays * 86_400_000;
  const category = allocation && recent ? cardAllocationBadge(allocation) : null;
  return [incident, dueNeedsAttention ? dueBadge(issue, settings, now) : null, category].filter((badge): badge is BadgeView => badge !== null);
}

/** `group/project#12` → `{ projectPath: 'group/project', iid: 12 }` (board card `data-item-path`). */
export function parseItemPath(path: string): { projectPath: string; iid: number } | null {
  const match = /^(.+)#(\d+)$/.exec(path);
  return match ? { projectPath: match[1]!, iid: Number(match[2]) } : null;
}
