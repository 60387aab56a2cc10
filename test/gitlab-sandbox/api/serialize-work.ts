// Issue, merge request and epic entities. Premium-only fields (weight, epic, epic_iid,
// iteration) are present only on premium-tier projects, as on GitLab Free they are absent.

import type { Dataset } from '../dataset.ts';
import type { Epic, Issue, MergeRequest, Project } from '../types.ts';
import { fakeSha, humanDuration, milestoneEntity, userRef } from './serialize.ts';

/** Where the list was asked from; decides references.relative like GitLab's Entities::IssuableReferences. */
export type ReferenceContext = 'project' | 'group';

function references(project: Project, prefix: '#' | '!', iid: number, context: ReferenceContext): Record<string, string> {
  const full = `${project.path_with_namespace}${prefix}${iid}`;
  const relative = context === 'project' ? `${prefix}${iid}` : `${project.path}${prefix}${iid}`;
  return { short: `${prefix}${iid}`, relative, full };
}

const SEVERITY: Record<string, string> = { 'severity::1': 'CRITICAL', 'severity::2': 'HIGH', 'severity::3': 'MEDIUM', 'severity::4': 'LOW' };

function taskCompletion(description: string): { count: number; completed_count: number } {
  const all = description.match(/^\s*[-*] \[[ xX]\]/gm) ?? [];
  const done = description.match(/^\s*[-*] \[[xX]\]/gm) ?? [];
  return { count: all.length, completed_count: done.length };
}

function timeStats(estimate: number, spent: number): Record<string, unknown> {
  return {
    time_estimate: estimate,
    total_time_spent: spent,
    human_time_estimate: humanDuration(estimate),
    human_total_time_spent: humanDuration(spent),
  };
}

export function epicRef(base: string, data: Dataset, epic: Epic): Record<string, unknown> {
  const group = data.group(epic.group_id);
  return { id: epic.id, iid: epic.iid, title: epic.title, url: `/groups/${group?.full_path ?? ''}/-/epics/${epic.iid}`, group_id: epic.group_id };
}

export function issueEntity(data: Dataset, base: string, issue: Issue, context: ReferenceContext, labelDetails = false): Record<string, unknown> {
  const project = data.project(issue.project_id);
  if (!project) throw new Error(`issue ${issue.id} has no project`);
  const assignees = issue.assignee_ids.map((id) => userRef(data, base, id)).filter((user) => user !== null);
  const milestone = data.milestone(issue.milestone_id);
  const tasks = taskCompletion(issue.description);
  const apiIssue = `${base}/api/v4/projects/${project.id}/issues/${issue.iid}`;
  const incident = issue.issue_type === 'incident';
  const severityLabel = incident ? issue.labels.find((label) => label in SEVERITY) : undefined;
  const entity: Record<string, unknown> = {
    id: issue.id,
    iid: issue.iid,
    project_id: issue.project_id,
    title: issue.title,
    description: issue.description,
    state: issue.state,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    closed_by: userRef(data, base, issue.closed_by_id),
    labels: labelDetails ? issue.labels.map((name) => labelDetail(data, project, name)) : [...issue.labels],
    milestone: milestone ? milestoneEntity(base, data, milestone) : null,
    assignees,
    author: userRef(data, base, issue.author_id),
    type: incident ? 'INCIDENT' : 'ISSUE',
    assignee: assignees[0] ?? null,
    user_notes_count: issue.user_notes_count,
    merge_requests_count: data.mergeRequestsClosing(issue).length,
    upvotes: issue.upvotes,
    downvotes: issue.downvotes,
    due_date: issue.due_date,
    confidential: issue.confidential,
    discussion_locked: issue.discussion_locked,
    issue_type: issue.issue_type,
    web_url: `${base}/${project.path_with_namespace}/-/issues/${issue.iid}`,
    time_stats: timeStats(issue.time_estimate, issue.total_time_spent),
    task_completion_status: tasks,
    blocking_issues_count: 0,
    has_tasks: tasks.count > 0,
    ...(tasks.count > 0 ? { task_status: `${tasks.completed_count} of ${tasks.count} checklist items completed` } : {}),
    _links: {
      self: apiIssue,
      notes: `${apiIssue}/notes`,
      award_emoji: `${apiIssue}/award_emoji`,
      project: `${base}/api/v4/projects/${project.id}`,
      closed_as_duplicate_of: null,
    },
    references: references(project, '#', issue.iid, context),
    severity: severityLabel ? SEVERITY[severityLabel] : 'UNKNOWN',
    moved_to_id: null,
    imported: false,
    imported_from: 'none',
    service_desk_reply_to: null,
  };
  if (project.tier === 'premium') {
    const epic = data.epic(issue.epic_id);
    entity.weight = issue.weight;
    entity.epic_iid = epic?.iid ?? null;
    entity.epic = epic ? epicRef(base, data, epic) : null;
    entity.iteration = null;
  }
  return entity;
}

function labelDetail(data: Dataset, project: Project, name: string): Record<string, unknown> {
  const label = data.labelsFor(project).find((candidate) => candidate.name === name);
  return {
    id: label?.id ?? 0,
    name,
    color: label?.color ?? '#808080',
    description: label?.description ?? null,
    description_html: label?.description ?? '',
    text_color: label?.text_color ?? '#FFFFFF',
  };
}

export function mergeRequestEntity(data: Dataset, base: string, mr: MergeRequest, context: ReferenceContext): Record<string, unknown> {
  const project = data.project(mr.project_id);
  if (!project) throw new Error(`merge request ${mr.id} has no project`);
  const assignees = mr.assignee_ids.map((id) => userRef(data, base, id)).filter((user) => user !== null);
  const milestone = data.milestone(mr.milestone_id);
  const mergeUser = userRef(data, base, mr.merge_user_id);
  const refs = references(project, '!', mr.iid, context);
  return {
    id: mr.id,
    iid: mr.iid,
    project_id: mr.project_id,
    title: mr.title,
    description: mr.description,
    state: mr.state,
    imported: false,
    imported_from: 'none',
    merged_by: mergeUser,
    merge_user: mergeUser,
    merged_at: mr.merged_at,
    merge_after: null,
    prepared_at: mr.created_at,
    closed_by: userRef(data, base, mr.closed_by_id),
    closed_at: mr.closed_at,
    created_at: mr.created_at,
    updated_at: mr.updated_at,
    target_branch: mr.target_branch,
    source_branch: mr.source_branch,
    upvotes: 0,
    downvotes: 0,
    author: userRef(data, base, mr.author_id),
    assignee: assignees[0] ?? null,
    assignees,
    reviewers: mr.reviewer_ids.map((id) => userRef(data, base, id)).filter((user) => user !== null),
    source_project_id: mr.project_id,
    target_project_id: mr.project_id,
    labels: [...mr.labels],
    draft: mr.draft,
    work_in_progress: mr.draft,
    milestone: milestone ? milestoneEntity(base, data, milestone) : null,
    merge_when_pipeline_succeeds: false,
    merge_status: mr.state === 'opened' ? 'can_be_merged' : 'unchecked',
    detailed_merge_status: mr.state === 'opened' ? 'mergeable' : 'not_open',
    sha: fakeSha(`mr:${mr.id}`),
    merge_commit_sha: mr.state === 'merged' ? fakeSha(`merge:${mr.id}`) : null,
    squash_commit_sha: null,
    user_notes_count: mr.reviewer_ids.length * 2,
    discussion_locked: null,
    should_remove_source_branch: true,
    force_remove_source_branch: true,
    allow_collaboration: false,
    allow_maintainer_to_push: false,
    web_url: `${base}/${project.path_with_namespace}/-/merge_requests/${mr.iid}`,
    reference: refs.short,
    references: refs,
    time_stats: timeStats(0, 0),
    squash: false,
    squash_on_merge: false,
    task_completion_status: taskCompletion(mr.description),
    has_conflicts: false,
    blocking_discussions_resolved: true,
    ...(project.tier === 'premium' ? { approvals_before_merge: null } : {}),
  };
}

export function epicEntity(data: Dataset, base: string, epic: Epic): Record<string, unknown> {
  const group = data.group(epic.group_id);
  const parent = data.epic(epic.parent_id);
  const path = group?.full_path ?? '';
  const api = `${base}/api/v4/groups/${epic.group_id}/epics`;
  return {
    id: epic.id,
    work_item_id: epic.work_item_id,
    iid: epic.iid,
    group_id: epic.group_id,
    parent_id: epic.parent_id,
    parent_iid: parent?.iid ?? null,
    title: epic.title,
    description: epic.description,
    state: epic.state,
    confidential: false,
    web_url: `${base}/groups/${path}/-/epics/${epic.iid}`,
    reference: `&${epic.iid}`,
    references: { short: `&${epic.iid}`, relative: `&${epic.iid}`, full: `${path}&${epic.iid}` },
    author: userRef(data, base, epic.author_id),
    start_date: epic.start_date,
    start_date_is_fixed: epic.start_date !== null,
    start_date_fixed: epic.start_date,
    start_date_from_milestones: null,
    start_date_from_inherited_source: null,
    end_date: epic.due_date,
    due_date: epic.due_date,
    due_date_is_fixed: epic.due_date !== null,
    due_date_fixed: epic.due_date,
    due_date_from_milestones: null,
    due_date_from_inherited_source: null,
    created_at: epic.created_at,
    updated_at: epic.updated_at,
    closed_at: epic.closed_at,
    imported: false,
    imported_from: 'none',
    labels: [...epic.labels],
    upvotes: epic.upvotes,
    downvotes: 0,
    color: epic.color,
    _links: {
      self: `${api}/${epic.iid}`,
      epic_issues: `${api}/${epic.iid}/issues`,
      group: `${base}/api/v4/groups/${epic.group_id}`,
      parent: parent ? `${api}/${parent.iid}` : null,
    },
  };
}
