/**
 * The badges on one board card (SPEC §1): due status (overdue N d, due in N d...) and age.
 */
import type { KpiIssue, KpiSettings } from '../kpi';
import type { BadgeView } from './badge-view';
import { ageBadge, dueBadge } from './issue-badges';

export function boardCardBadges(issue: KpiIssue, settings: KpiSettings, now: Date): BadgeView[] {
  return [dueBadge(issue, settings, now), ageBadge(issue, now)].filter((badge): badge is BadgeView => badge !== null);
}

/** `group/project#12` → `{ projectPath: 'group/project', iid: 12 }` (board card `data-item-path`). */
export function parseItemPath(path: string): { projectPath: string; iid: number } | null {
  const match = /^(.+)#(\d+)$/.exec(path);
  return match ? { projectPath: match[1]!, iid: Number(match[2]) } : null;
}
