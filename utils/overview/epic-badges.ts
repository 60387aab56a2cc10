/**
 * Badges of an epic page (SPEC §1): On-time and Complete over the issues of the epic and of all
 * its descendant epics, and progress by weight when those issues carry weights, else by count.
 * Pure: the caller passes cached epics and issues and `now`.
 */
import { completeRate, formatPercent, onTimeRate, rollingWindow, type KpiIssue, type KpiSettings } from '../kpi';
import { plural } from '../kpi/format';
import { kpiBadge, type BadgeView } from './badge-view';

/** The fields of a GitLab epic (REST `GET /groups/:id/epics`) the tree needs. */
export interface EpicNode {
  id: number;
  iid: number;
  group_id: number;
  parent_id?: number | null;
  /** Older payloads may carry only the parent's iid (same group). */
  parent_iid?: number | null;
}

/** An issue with its epic link as the issues API sends it (`epic.iid`, Premium+). */
export interface EpicIssue extends KpiIssue {
  epic?: { id?: number; iid: number; group_id?: number } | null;
}

/**
 * The epic and every epic below it (children, grandchildren...), root first. Children are
 * found by `parent_id`, or by `parent_iid` in the same group when the id is missing. A cycle in
 * bad data cannot loop: each epic is visited once.
 */
export function epicFamily(root: EpicNode, epics: readonly EpicNode[]): EpicNode[] {
  const family: EpicNode[] = [root];
  const seen = new Set<number>([root.id]);
  for (let i = 0; i < family.length; i++) {
    const parent = family[i]!;
    for (const epic of epics) {
      if (seen.has(epic.id)) continue;
      const isChild =
        epic.parent_id != null
          ? epic.parent_id === parent.id
          : epic.parent_iid != null && epic.parent_iid === parent.iid && epic.group_id === parent.group_id;
      if (isChild) {
        seen.add(epic.id);
        family.push(epic);
      }
    }
  }
  return family;
}

/**
 * Issues linked to any epic of the family, by epic id or by iid within the epic's group (the
 * deprecated `epic_iid` carries no group: it is the root's).
 */
export function issuesOfEpics<T extends EpicIssue>(family: readonly EpicNode[], issues: readonly T[]): T[] {
  const ids = new Set(family.map((epic) => epic.id));
  const refs = new Set(family.map((epic) => `${epic.group_id}&${epic.iid}`));
  const rootGroup = family[0]?.group_id;
  return issues.filter((issue) => {
    const epic = issue.epic;
    if (!epic) return false;
    return (epic.id !== undefined && ids.has(epic.id)) || refs.has(`${epic.group_id ?? rootGroup}&${epic.iid}`);
  });
}

interface EpicProgress {
  by: 'weight' | 'count';
  done: number;
  total: number;
  /** Issues left out of a weight measure because they have no weight. */
  unweighted: number;
}

/** Closed share of the issues: by weight when any issue has a weight (SPEC §3), else by count. */
export function epicProgress(issues: readonly KpiIssue[]): EpicProgress {
  const weighted = issues.filter((issue) => typeof issue.weight === 'number');
  if (weighted.some((issue) => (issue.weight ?? 0) > 0)) {
    let done = 0;
    let total = 0;
    for (const issue of weighted) {
      total += issue.weight ?? 0;
      if (issue.state === 'closed') done += issue.weight ?? 0;
    }
    return { by: 'weight', done, total, unweighted: issues.length - weighted.length };
  }
  return { by: 'count', done: issues.filter((issue) => issue.state === 'closed').length, total: issues.length, unweighted: 0 };
}

function progressBadge(progress: EpicProgress, scope: string): BadgeView {
  const { by, done, total, unweighted } = progress;
  const unit = by === 'weight' ? 'weight' : 'issues';
  const text = total === 0 ? 'Progress —' : `Progress ${formatPercent(done, total)} (${done}/${total} ${unit})`;
  const left = unweighted > 0 ? ` ${plural(unweighted, 'issue')} without a weight ${unweighted === 1 ? 'is' : 'are'} not counted.` : '';
  const explanation =
    total === 0
      ? `No issues in ${scope}.`
      : by === 'weight'
        ? `${done} of ${total} weight is in closed issues of ${scope}.${left}`
        : `${done} of ${plural(total, 'issue')} of ${scope} ${done === 1 ? 'is' : 'are'} closed (no weights set).`;
  return { id: 'progress', text, explanation, status: 'neutral' };
}

interface EpicData {
  epic: EpicNode;
  /** Epics of the group (and below); the tree is built from their parent links. */
  epics: readonly EpicNode[];
  /** Candidate issues, e.g. every cached issue of the group's projects. */
  issues: readonly EpicIssue[];
}

export function epicBadges(data: EpicData, settings: KpiSettings, now: Date): BadgeView[] {
  const family = epicFamily(data.epic, data.epics);
  const issues = issuesOfEpics(family, data.issues);
  const window = rollingWindow(now, settings.windowDays);
  const zone = { now, timeZone: settings.timeZone };
  const children = family.length - 1;
  const scope = `&${data.epic.iid}${children > 0 ? ` and its ${plural(children, 'child epic')}` : ''}`;
  return [
    withScope(kpiBadge(onTimeRate(issues, window, zone), settings), scope),
    withScope(kpiBadge(completeRate(issues, undefined, window, zone), settings), scope),
    progressBadge(epicProgress(issues), scope),
  ];
}

/** The scope goes after the judgement ("On-time: 25% · target ≥ 80% · missed."), before the sample. */
function withScope(badge: BadgeView, scope: string): BadgeView {
  const cut = badge.explanation.indexOf('. ') + 2;
  return { ...badge, explanation: `${badge.explanation.slice(0, cut)}Issues of ${scope}: ${badge.explanation.slice(cut)}` };
}
