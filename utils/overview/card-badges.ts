/**
 * The badges on one board card (SPEC §1): due status (overdue N d, due in N d...) and age.
 * Short explanations on purpose: a board answers for up to 1,000 cards in one message.
 */
import { dueStatus, issueAge, type DueStatusKind, type KpiIssue, type KpiSettings } from '../kpi';
import type { BadgeStatus, BadgeView } from './badge-view';

const DUE_COLOURS: Record<DueStatusKind, BadgeStatus> = {
  none: 'neutral',
  'on-track': 'met',
  'due-soon': 'near',
  overdue: 'missed',
  'done-on-time': 'met',
  'done-late': 'missed',
};

export function boardCardBadges(issue: KpiIssue, settings: KpiSettings, now: Date): BadgeView[] {
  const badges: BadgeView[] = [];
  const due = dueStatus(issue, now, settings.timeZone, { dueSoonDays: settings.dueSoonDays });
  if (due.kind !== 'none' && due.dueDate) {
    const source = due.dueSource === 'milestone' ? ' (milestone)' : '';
    badges.push({ id: 'due', text: due.display, explanation: `Due ${due.dueDate}${source}, end of day ${settings.timeZone}.`, status: DUE_COLOURS[due.kind] });
  }
  const age = issueAge(issue, now);
  if (age) {
    const opened = `Opened ${issue.created_at.slice(0, 10)}`;
    const explanation = age.isOpen ? `${opened}, still open.` : `${opened}, closed ${issue.closed_at?.slice(0, 10) ?? ''}.`;
    badges.push({ id: 'age', text: age.display, explanation, status: 'neutral' });
  }
  return badges;
}

/** `group/project#12` → `{ projectPath: 'group/project', iid: 12 }` (board card `data-item-path`). */
export function parseItemPath(path: string): { projectPath: string; iid: number } | null {
  const match = /^(.+)#(\d+)$/.exec(path);
  return match ? { projectPath: match[1]!, iid: Number(match[2]) } : null;
}
