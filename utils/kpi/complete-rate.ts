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
  /** A milestone (project or group) or, where the tier has them, an iteration. */
  kind: 'milestone' | 'iteration';
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
 *
 * Every milestone the issues are in counts, whoever owns it: a project's issues often live in
 * its group's sprints (issue 10), and GitLab sends each issue's milestone with its due date.
 * `milestones` adds the scope's own list (so a milestone whose issues all left still shows as
 * 0/0). Iterations (Premium) count the same way for issues in no judged milestone; an issue in
 * both counts once, in its milestone.
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

  type Timebox = { kind: CompleteMilestoneItem['kind']; milestone: KpiMilestoneRef; dueEndMs: number };
  const judged = new Map<string, Timebox | null>();
  const keyOf = (kind: Timebox['kind'], ref: KpiMilestoneRef) => `${kind}:${ref.id}`;
  /** The timebox's key when its due day ended in the window, else null. */
  const consider = (kind: Timebox['kind'], milestone: KpiMilestoneRef): string | null => {
    const key = keyOf(kind, milestone);
    const known = judged.get(key);
    if (known !== undefined) return known ? key : null;
    const dueEndMs = milestone.due_date ? endOfDay(milestone.due_date) : null;
    const inWindow = dueEndMs !== null && isInWindow(dueEndMs, startMs, endMs);
    judged.set(key, inWindow ? { kind, milestone, dueEndMs } : null);
    return inWindow ? key : null;
  };
  milestones?.forEach((milestone) => consider('milestone', milestone));

  const issuesByTimebox = new Map<string, KpiIssue[]>();
  const issueByKey = new Map<string, KpiIssue>();
  for (const issue of issues) {
    if (opts.commitmentByMilestone) issueByKey.set(itemKey(issue), issue);
    const key =
      (issue.milestone ? consider('milestone', issue.milestone) : null) ?? (issue.iteration ? consider('iteration', issue.iteration) : null);
    if (key === null) continue;
    const list = issuesByTimebox.get(key);
    if (list) list.push(issue);
    else issuesByTimebox.set(key, [issue]);
  }

  const items: CompleteMilestoneItem[] = [];
  let closedByDueCount = 0;
  let n = 0;
  for (const [key, timebox] of judged) {
    if (!timebox) continue;
    const { kind, milestone, dueEndMs } = timebox;
    const current = issuesByTimebox.get(key) ?? [];
    const commitment = kind === 'milestone' ? opts.commitmentByMilestone?.get(milestone.id) : undefined;
    const counted = commitment ? [...commitment].flatMap((issueKey) => issueByKey.get(issueKey) ?? []) : current;
    const issueItems = counted.map((issue): CompleteIssueItem => {
      const closed = closedAtMs(issue);
      return { key: itemKey(issue), ref: itemRef(issue), closedByDue: typeof closed === 'number' && closed <= dueEndMs };
    });
    const closedByDue = issueItems.filter((i) => i.closedByDue).length;
    closedByDueCount += closedByDue;
    n += issueItems.length;
    items.push({
      kind,
      milestoneId: milestone.id,
      title: milestone.title ?? (kind === 'milestone' ? `%${milestone.id}` : `iteration ${milestone.id}`),
      dueDate: milestone.due_date ?? '',
      closedByDue,
      total: issueItems.length,
      scopeAdded: commitment ? current.filter((issue) => !commitment.has(itemKey(issue))).length : null,
      issues: issueItems,
    });
  }

  const phrase = windowPhrase(window);
  const iterations = items.filter((item) => item.kind === 'iteration').length;
  const milestoneWords =
    plural(items.length - iterations, 'milestone') + (iterations ? ` and ${plural(iterations, 'iteration')}` : '');
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
