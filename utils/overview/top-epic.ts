/**
 * The status table of a top epic (SPEC §1 epic row): one row per child epic with its progress,
 * On-time, due date, allocation split and a health word, so a project's status reads at a glance.
 * Each row covers the child and everything below it (grandchildren roll up into their child).
 * Pure: the caller passes the cached epics and candidate issues, as for the epic page's badges.
 *
 * The numbers are the epic page's own: progress is `epicProgress` (closed weight, or closed issues
 * when no issue is weighted), On-time is `onTimeRate` over the KPI window judged by `kpiBadge`,
 * the split is `allocationOf`; the tree is `epicFamily` + `issuesOfEpics`. So a row says what
 * the child epic's own page says.
 *
 * Health compares progress with the share of the child's time gone, counted in whole calendar
 * days in the KPI time zone: an epic running from its start day to the end of its due day has
 * (due − start + 1) days; on its start day none is gone, the day after one is, and so on.
 * - done: the child epic is closed (whatever its issues say: closing the epic is the decision);
 * - no dates: it has no due date, or no start date while the due date is still ahead (without a
 *   start there is no share of time gone to compare with; past the due date every day is gone);
 * - on track: progress ≥ time gone (before the start day nothing is gone: on track); the two are
 *   compared in whole percentage points (rounded), as the why shows them;
 * - at risk: behind by at most AT_RISK_POINTS percentage points (about two weeks on a quarter-long
 *   epic: late enough to act on, not so tight that every uneven week flags);
 * - off track: further behind, or past the due date with work left.
 */
import type { AllocationSettings } from '../settings';
import { formatPercent, onTimeRate, rollingWindow, type KpiSettings } from '../kpi';
import { calendarDateInZone, calendarDayNumber } from '../kpi/time-zone';
import type { GitLabEpic } from '../gitlab/schemas';
import { allocationOf } from './allocation-scopes';
import { kpiBadge, type BadgeStatus } from './badge-view';
import { epicFamily, epicProgress, issuesOfEpics, type EpicIssue } from './epic-badges';

/** The fields of a cached epic the table reads; a GitLabEpic is one. */
export type TableEpic = Pick<GitLabEpic, 'id' | 'iid' | 'group_id' | 'parent_id' | 'title' | 'state' | 'web_url' | 'labels' | 'references' | 'start_date' | 'due_date'> & {
  /** Older payloads may name the parent by iid only (same group). */
  parent_iid?: number | null;
};

/** An issue as the epic page reads it (KPI fields, epic link, allocation's time estimate); a GitLabIssue is one. */
export type TableIssue = EpicIssue & { time_stats?: { time_estimate: number } };

export type EpicHealth = 'on track' | 'at risk' | 'off track' | 'done' | 'no dates';

export interface TopEpicRow {
  /** `&12`; the full reference (`group/sub&12`) when the child lives in another group. */
  ref: string;
  title: string;
  url: string;
  /** value: closed share, 0–1 (0 without issues); text: "57% (8/14 weight)", "33% (1/3 issues)", "no issues". */
  progress: { value: number; text: string; by: 'weight' | 'count' };
  /** Null when none of its issues was due in the KPI window. */
  onTime: { text: string; status: BadgeStatus; explanation: string } | null;
  dueDate: string | null;
  startDate: string | null;
  /** "Feature 60% · Maintenance 40%"; null without issues. */
  allocation: string | null;
  health: EpicHealth;
  /** The comparison in words: "40% done with 50% of the time gone (10 of 20 days): 10 points behind; …". */
  healthWhy: string;
}

export interface TopEpicTable {
  /** By due date (none last), then title. Empty when the epic has no child epics. */
  rows: TopEpicRow[];
  /** The health rule in words, shown once under the table. */
  legend: string;
}

/** At most this many percentage points behind the time gone is "at risk"; more is "off track". */
export const AT_RISK_POINTS = 15;

export const HEALTH_LEGEND =
  `Health compares progress with the share of days gone from the child epic's start date to its due date: ` +
  `on track when progress is at least the time gone, at risk up to ${AT_RISK_POINTS} points behind, off track further behind or past the due date with work left; ` +
  `done when the epic is closed; no dates without a due date, or without a start date before the due date.`;

interface TableSettings {
  kpi: KpiSettings;
  allocation: AllocationSettings;
  gitlabUrl: string;
}

/** A direct child of `parent`, by the links `epicFamily` follows: `parent_id`, else `parent_iid` in the same group. */
function isChildOf(epic: TableEpic, parent: TableEpic): boolean {
  if (epic.id === parent.id) return false;
  return epic.parent_id != null ? epic.parent_id === parent.id : epic.parent_iid != null && epic.parent_iid === parent.iid && epic.group_id === parent.group_id;
}

/**
 * `epics`: cached epics (any group: children may live in subgroups), among them the epic's
 * children and their descendants. `issues`: candidate issues, e.g. the group's cached issues.
 * `now` decides the KPI window, today, and so the time gone.
 */
export function topEpicTable(epic: TableEpic, epics: readonly TableEpic[], issues: readonly TableIssue[], settings: TableSettings, now: Date): TopEpicTable {
  // The top epic is left out of each child's tree, so a parent cycle in bad data cannot pull its issues in.
  const below = epics.filter((candidate) => candidate.id !== epic.id);
  const window = rollingWindow(now, settings.kpi.windowDays);
  const today = calendarDayNumber(calendarDateInZone(now, settings.kpi.timeZone)) ?? 0;
  const rows = below
    .filter((candidate) => isChildOf(candidate, epic))
    .map((child): TopEpicRow & { id: number } => {
      const treeIssues = issuesOfEpics(epicFamily(child, below), issues);
      const progress = epicProgress(treeIssues);
      const value = progress.total > 0 ? progress.done / progress.total : 0;
      const onTime = onTimeRate(treeIssues, window, { now, timeZone: settings.kpi.timeZone });
      const badge = onTime.n === 0 ? null : kpiBadge(onTime, settings.kpi);
      const { health, why } = healthOf(child, progress, value, today);
      return {
        id: child.id,
        ref: child.group_id === epic.group_id ? (child.references?.short ?? `&${child.iid}`) : (child.references?.full ?? `&${child.iid}`),
        title: child.title,
        url: child.web_url,
        progress: {
          value,
          by: progress.by,
          text: progress.total === 0 ? 'no issues' : `${formatPercent(progress.done, progress.total)} (${progress.done}/${progress.total} ${progress.by === 'weight' ? 'weight' : 'issues'})`,
        },
        onTime: badge === null ? null : { text: badge.text, status: badge.status, explanation: badge.explanation },
        dueDate: child.due_date ?? null,
        startDate: child.start_date ?? null,
        allocation: treeIssues.length === 0 ? null : allocationOf(treeIssues, settings, epics).summary,
        health,
        healthWhy: why,
      };
    })
    .sort((a, b) => dueOrder(a.dueDate, b.dueDate) || a.title.localeCompare(b.title, 'en') || a.id - b.id);
  return { rows: rows.map(({ id: _id, ...row }) => row), legend: HEALTH_LEGEND };
}

function dueOrder(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function healthOf(
  child: TableEpic,
  progress: { done: number; total: number },
  value: number,
  today: number,
): { health: EpicHealth; why: string } {
  if (child.state === 'closed') return { health: 'done', why: 'The epic is closed.' };
  const due = child.due_date ? calendarDayNumber(child.due_date) : null;
  if (due === null) return { health: 'no dates', why: 'No due date: set a start and a due date on the epic to compare its progress with the time gone.' };
  const done = progress.total === 0 ? 'No issues yet' : `${formatPercent(progress.done, progress.total)} done`;
  const finished = progress.total > 0 && progress.done >= progress.total;
  if (today > due) {
    return finished
      ? { health: 'on track', why: `All its issues are closed; the epic is still open past its due date ${child.due_date}.` }
      : { health: 'off track', why: `${done} and past its due date ${child.due_date}.` };
  }
  const start = child.start_date ? calendarDayNumber(child.start_date) : null;
  if (start === null) return { health: 'no dates', why: 'No start date: set one on the epic to compare its progress with the time gone.' };
  if (start > due) return { health: 'no dates', why: `Its start date ${child.start_date} is after its due date ${child.due_date}.` };
  if (today < start) return { health: 'on track', why: `Not started yet: starts ${child.start_date}. ${done}.` };
  const days = due - start + 1;
  const gone = today - start;
  const elapsed = gone / days;
  // Whole percentage points, as shown: float noise ((0.5 − 0.35) × 100 is 15.000000000000002)
  // cannot move a boundary case across a word, and "0 points behind" never reads as at risk.
  const points = Math.round((elapsed - value) * 100);
  const sample = `${done} with ${formatPercent(gone, days)} of the time gone (${gone} of ${days} days, ${child.start_date} to ${child.due_date})`;
  if (points <= 0) return { health: 'on track', why: `${sample}: progress keeps up with time.` };
  if (points <= AT_RISK_POINTS) {
    return { health: 'at risk', why: `${sample}: ${points} point${points === 1 ? '' : 's'} behind; up to ${AT_RISK_POINTS} points behind is at risk.` };
  }
  return { health: 'off track', why: `${sample}: ${points} points behind, more than ${AT_RISK_POINTS}.` };
}
