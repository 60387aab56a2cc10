/**
 * Minimal input shapes for the KPI engine. They are structural subsets of GitLab REST payloads
 * (https://docs.gitlab.com/api/issues/, /api/merge_requests/, /api/members/) so the data
 * layer's zod types are assignable to them without mapping.
 */

export interface KpiMilestoneRef {
  id: number;
  title?: string | null;
  /** Calendar date YYYY-MM-DD, no zone. */
  due_date?: string | null;
  start_date?: string | null;
}

export interface KpiIssue {
  project_id: number;
  iid: number;
  title?: string;
  /** 'opened' | 'closed'; typed open-ended because GitLab may add states. */
  state: string;
  created_at: string;
  // Nullable fields are also optional so a zod `.nullish()` schema stays assignable.
  closed_at?: string | null;
  /** Calendar date YYYY-MM-DD, no zone. */
  due_date?: string | null;
  milestone?: KpiMilestoneRef | null;
  /** Premium and Ultimate: the iteration (a cadence's timebox) the issue is in. */
  iteration?: KpiMilestoneRef | null;
  labels: readonly string[];
  /** REST `issue_type` ('issue' | 'incident' | 'test_case' | 'task'); deprecated but still sent. */
  issue_type?: string | null;
  /** REST `type` ('ISSUE' | 'INCIDENT' | ...), its successor. */
  type?: string | null;
  weight?: number | null;
  /** Incidents: GitLab's severity (`CRITICAL` … `UNKNOWN`) where the payload carries it. */
  severity?: string | null;
  web_url?: string;
  references?: { full?: string } | null;
}

export interface KpiMergeRequest {
  project_id: number;
  iid: number;
  state: string;
  merged_at?: string | null;
  labels: readonly string[];
  author?: { username: string } | null;
  title?: string;
  web_url?: string;
  references?: { full?: string } | null;
}

export interface KpiMember {
  id: number;
  username: string;
  /** 10 Guest, 15 Planner, 20 Reporter, 30 Developer, 40 Maintainer, 50 Owner. */
  access_level: number;
  /** 'active' | 'blocked' | 'deactivated' | ... */
  state: string;
  /** When the membership started (members.md); absent on older GitLab versions. */
  created_at?: string | null;
}

/** A time window, start inclusive, end exclusive. `label` reads in a sentence: "the last 90 days". */
export interface KpiWindow {
  start: Date;
  end: Date;
  label?: string;
}

export type KpiId = 'on-time' | 'complete' | 'mttr' | 'mtbf' | 'mr-rate' | 'tech-contribution';

/** Common shape of every KPI result: the number, its sample, and the words that explain it. */
export interface KpiResult<Item> {
  kpi: KpiId;
  /** null when there is no sample (nothing to divide by). */
  value: number | null;
  /** Sample size: the count the value is computed over. */
  n: number;
  items: Item[];
  /** Plain-words tooltip with window and counts. */
  formula: string;
  /** Badge text in the spec's vocabulary, e.g. "On-time 70% (7/10)". */
  display: string;
}

/** Stable key of an issue or MR across projects. */
export function itemKey(item: { project_id: number; iid: number }): string {
  return `${item.project_id}#${item.iid}`;
}

/**
 * Human reference: GitLab's full reference when present ("group/project#12", "group/project!3"),
 * else project id + sigil + iid ('#' for issues, '!' for merge requests).
 */
export function itemRef(
  item: { project_id: number; iid: number; references?: { full?: string } | null },
  sigil: '#' | '!' = '#',
): string {
  return item.references?.full ?? `${item.project_id}${sigil}${item.iid}`;
}
