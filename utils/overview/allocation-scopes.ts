/**
 * Allocation answers over cached GitLab data (SPEC §3): one issue's category and why, and the
 * split of a set of issues (an epic's tree, a board's lists, the team's window). Pure.
 */
import type { Classification } from '../allocation/classify';
import type { AllocationEpic } from '../allocation/inherit';
import { allocationSplit, itemClassifier, type AllocationItem, type SplitOptions } from '../allocation/split';
import type { GitLabEpic, GitLabIssue } from '../gitlab/schemas';
import { allocationRulesFrom, type AllocationSettings } from '../settings';
import { allocationView, type AllocationView } from './allocation-view';

/** What the split reads of an issue; the Premium fields are absent on Free. */
interface IssueFields {
  project_id: number;
  iid: number;
  labels: readonly string[];
  epic?: GitLabIssue['epic'];
  weight?: number | null;
  time_stats?: { time_estimate: number };
  references?: { full?: string } | null;
}
type EpicFields = Pick<GitLabEpic, 'id' | 'iid' | 'group_id' | 'parent_id' | 'labels' | 'references'>;

export function splitOptionsFrom(settings: { allocation: AllocationSettings }, epics: readonly EpicFields[]): SplitOptions {
  return {
    rules: allocationRulesFrom(settings),
    measure: settings.allocation.measure,
    budget: settings.allocation.budget,
    epics: epics.map(allocationEpicOf),
  };
}

export function allocationEpicOf(epic: EpicFields): AllocationEpic {
  return { id: epic.id, parentId: epic.parent_id ?? null, labels: epic.labels, reference: epic.references?.short ?? `&${epic.iid}` };
}

/**
 * An issue as the split sees it. Older payloads carry the epic by iid only (`epic_iid`): its id is
 * looked up among the cached epics of the issue's epic group.
 */
export function allocationItemOf(issue: IssueFields, epicIdOf: (epic: NonNullable<GitLabIssue['epic']>) => number | null): AllocationItem {
  return {
    key: issue.references?.full ?? `${issue.project_id}#${issue.iid}`,
    labels: issue.labels,
    epicId: issue.epic ? (issue.epic.id ?? epicIdOf(issue.epic)) : null,
    weight: issue.weight ?? null,
    timeEstimate: issue.time_stats?.time_estimate ?? 0,
  };
}

function epicIdLookup(epics: readonly EpicFields[]) {
  const byRef = new Map(epics.map((epic) => [`${epic.group_id}&${epic.iid}`, epic.id] as const));
  return (epic: NonNullable<GitLabIssue['epic']>): number | null => (epic.group_id === undefined ? null : (byRef.get(`${epic.group_id}&${epic.iid}`) ?? null));
}

export interface IssueAllocation {
  category: string;
  kind: 'product' | 'engineering' | 'uncategorized';
  /** "label type::maintenance", "inherited from &12", "no matching label". */
  why: string;
}

function describe(result: Classification): IssueAllocation {
  return result.kind === 'categorized'
    ? { category: result.category.name, kind: result.category.kind, why: result.why }
    : { category: result.name, kind: 'uncategorized', why: 'no matching label' };
}

/** One issue's category and why; `epics` are needed only when its labels match no rule. */
export function issueAllocation(issue: IssueFields, settings: { allocation: AllocationSettings }, epics: readonly EpicFields[]): IssueAllocation {
  const options = splitOptionsFrom(settings, epics);
  const classify = itemClassifier(options.rules, options.epics);
  return describe(classify(allocationItemOf(issue, epicIdLookup(epics))));
}

/** The split of `issues` under the settings, as shown. */
export function allocationOf(issues: readonly IssueFields[], settings: { allocation: AllocationSettings; gitlabUrl: string }, epics: readonly EpicFields[]): AllocationView {
  const lookup = epicIdLookup(epics);
  return allocationView(allocationSplit(issues.map((issue) => allocationItemOf(issue, lookup)), splitOptionsFrom(settings, epics)), settings.gitlabUrl);
}

/** The team's split: issues created or updated in the window (SPEC §3, Team/Project KPIs). */
export function windowAllocation(
  issues: readonly (IssueFields & { created_at: string; updated_at?: string })[],
  settings: { allocation: AllocationSettings; kpi: { windowDays: number }; gitlabUrl: string },
  epics: readonly EpicFields[],
  now: Date,
): AllocationView {
  const start = now.getTime() - settings.kpi.windowDays * 86_400_000;
  const inWindow = issues.filter((issue) => Date.parse(issue.created_at) >= start || Date.parse(issue.updated_at ?? '') >= start);
  return allocationOf(inWindow, settings, epics);
}
