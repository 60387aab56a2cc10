import { closedAtMs } from './due-date';
import { formatPercent, plural } from './format';
import { DEFAULT_KPI_SETTINGS } from './settings';
import { endOfDayCache } from './time-zone';
import { itemKey, itemRef, type KpiIssue, type KpiMilestoneRef, type KpiResult, type KpiWindow } from './types';
import { elapsedWindowEndMs, isInWindow, windowPhrase } from './window';

interface CompleteOptions {
  now: Date;
  timeZone?: string;
  /**
   * Hook for the later refinement "commitment at milestone start" (SPEC §2): issue keys
   * (`project_id#iid`) in the milestone when it started, from resource_milestone_events.
   * When given for a milestone, the denominator is the commitment and issues added later are
   * reported as scope added. Committed issues missing from `issues` cannot be judged and are
   * left out. Without it, the denominator is the milestone's current issues.
   */
  commitmentByMilestone?: ReadonlyMap<number, ReadonlySet<string>>;
}

interface CompleteIssueItem {
  key: string;
  ref: string;
  closedByDue: boolean;
}

interface CompleteMilestoneItem {
  milestoneId: number;
  title: string;
  dueDate: string;
  closedByDue: number;
  total: number;
  /** Issues added after the start; null when the commitment is unknown. */
  scopeAdded: number | null;
  issues: CompleteIssueItem[];
}

interface CompleteResult extends KpiResult<CompleteMilestoneItem> {
  kpi: 'complete';
  closedByDueCount: number;
}

/**
 * Complete: for milestones whose due day ended inside the window (same rule as On-time: a
 * milestone due today is not judged yet), issues closed by the end of the milestone's due day
 * over the issues in the milestone, pooled over all milestones (41/50, not a mean of means).
 * `milestones` may be omitted; then milestones are collected from the issues themselves.
 */
export function completeRate(
  issues: readonly KpiIssue[],
  milestones: readonly KpiMilestoneRef[] | undefined,
  window: KpiWindow,
  opts: CompleteOptions,
): CompleteResult {
  const timeZone = opts.timeZone ?? DEFAULT_KPI_SETTINGS.timeZone;
  const endOfDay = endOfDayCache(timeZone);
  const startMs = window.start.getTime();
  const endMs = elapsedWindowEndMs(window, opts.now);

  const dueEndById = new Map<number, { milestone: KpiMilestoneRef; dueEndMs: number }>();
  const consider = (milestone: KpiMilestoneRef): void => {
    if (dueEndById.has(milestone.id) || !milestone.due_date) return;
    const dueEndMs = endOfDay(milestone.due_date);
    if (dueEndMs !== null && isInWindow(dueEndMs, startMs, endMs)) dueEndById.set(milestone.id, { milestone, dueEndMs });
  };
  if (milestones) milestones.forEach(consider);
  else for (const issue of issues) if (issue.milestone) consider(issue.milestone);

  const issuesByMilestone = new Map<number, KpiIssue[]>();
  const issueByKey = new Map<string, KpiIssue>();
  for (const issue of issues) {
    if (opts.commitmentByMilestone) issueByKey.set(itemKey(issue), issue);
    const id = issue.milestone?.id;
    if (id === undefined || !dueEndById.has(id)) continue;
    const list = issuesByMilestone.get(id);
    if (list) list.push(issue);
    else issuesByMilestone.set(id, [issue]);
  }

  const items: CompleteMilestoneItem[] = [];
  let closedByDueCount = 0;
  let n = 0;
  for (const [id, { milestone, dueEndMs }] of dueEndById) {
    const current = issuesByMilestone.get(id) ?? [];
    const commitment = opts.commitmentByMilestone?.get(id);
    const counted = commitment
      ? [...commitment].flatMap((key) => issueByKey.get(key) ?? [])
      : current;
    const issueItems = counted.map((issue): CompleteIssueItem => {
      const closed = closedAtMs(issue);
      return { key: itemKey(issue), ref: itemRef(issue), closedByDue: typeof closed === 'number' && closed <= dueEndMs };
    });
    const closedByDue = issueItems.filter((i) => i.closedByDue).length;
    closedByDueCount += closedByDue;
    n += issueItems.length;
    items.push({
      milestoneId: id,
      title: milestone.title ?? `%${id}`,
      dueDate: milestone.due_date ?? '',
      closedByDue,
      total: issueItems.length,
      scopeAdded: commitment ? current.filter((issue) => !commitment.has(itemKey(issue))).length : null,
      issues: issueItems,
    });
  }

  const phrase = windowPhrase(window);
  const milestoneWords = plural(items.length, 'milestone');
  return {
    kpi: 'complete',
    value: n === 0 ? null : closedByDueCount / n,
    n,
    items,
    closedByDueCount,
    formula:
      n === 0
        ? `No issues in milestones due in ${phrase}.`
        : `${closedByDueCount} of ${plural(n, 'issue')} in ${milestoneWords} due in ${phrase} ` +
          `${n === 1 ? 'was' : 'were'} closed by the milestone due date (end of day, ${timeZone}).` +
          scopeAddedSentence(items),
    display: n === 0 ? 'Complete —' : `Complete ${formatPercent(closedByDueCount, n)} (${closedByDueCount}/${n})`,
  };
}

function scopeAddedSentence(items: readonly CompleteMilestoneItem[]): string {
  const known = items.filter((m) => m.scopeAdded !== null);
  if (known.length === 0) return '';
  const added = known.reduce((sum, m) => sum + (m.scopeAdded ?? 0), 0);
  return ` ${plural(added, 'issue')} added after the milestone started.`;
}
