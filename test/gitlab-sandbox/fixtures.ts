// Adding records for tests: POST /__sandbox/fixtures and controls.addFixtures() both land here.
// Defaults are filled the way GitLab would (created_at = now, state opened, next iid).

import type { Dataset, MemberRecord } from './dataset.ts';
import { isoTime } from './dates.ts';
import type { FixtureInput, FixtureResult, IssueFixture, MemberFixture, MergeRequestFixture, MilestoneFixture, UserRef } from './fixture-types.ts';
import type { Issue, MergeRequest, Milestone, Project } from './types.ts';

export type * from './fixture-types.ts';

export class FixtureError extends Error {}

/** Timestamps are stored as toISOString() so they compare as strings; accepts any Date.parse-able input. */
function iso<T extends string | null | undefined>(value: T, field: string): T {
  if (value === null || value === undefined) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new FixtureError(`${field} is not a date: ${value}`);
  return new Date(ms).toISOString() as T;
}

const maxOf = (values: Iterable<number>, floor: number): number => {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
};

function requireProject(data: Dataset, ref: string | number): Project {
  const project = data.project(ref);
  if (!project) throw new FixtureError(`unknown project ${String(ref)}`);
  return project;
}

export function resolveUser(data: Dataset, ref: UserRef): number {
  const user = typeof ref === 'number' ? data.user(ref) : data.userByUsername(ref);
  if (!user) throw new FixtureError(`unknown user ${String(ref)}`);
  return user.id;
}

function resolveMilestone(data: Dataset, project: Project, ref: number | string | null | undefined): number | null {
  if (ref === null || ref === undefined) return null;
  const milestone = data.milestones.find(
    (candidate) =>
      (candidate.project_id === project.id || candidate.group_id === project.namespace_id) &&
      (typeof ref === 'number' ? candidate.id === ref : candidate.title === ref),
  );
  if (!milestone) throw new FixtureError(`unknown milestone ${String(ref)}`);
  return milestone.id;
}

export function addIssue(data: Dataset, projectRef: string | number, input: IssueFixture): Issue {
  const project = requireProject(data, projectRef);
  if (!input.title) throw new FixtureError('issue title is required');
  const now = isoTime(data.clock());
  const state = input.state ?? (input.closed_at ? 'closed' : 'opened');
  const created = iso(input.created_at, 'created_at') ?? now;
  const updated = iso(input.updated_at, 'updated_at');
  const closedAt = state === 'closed' ? (iso(input.closed_at, 'closed_at') ?? updated ?? now) : null;
  const assignees = (input.assignees ?? []).map((ref) => resolveUser(data, ref));
  const author = input.author === undefined ? (assignees[0] ?? 1) : resolveUser(data, input.author);
  const epic = input.epic_iid ? data.epicByIid(project.namespace_id, input.epic_iid) : undefined;
  if (input.epic_iid && !epic) throw new FixtureError(`unknown epic &${input.epic_iid}`);
  const iid = input.iid ?? maxOf(data.issuesOf(project.id).map((issue) => issue.iid), 0) + 1;
  if (data.issue(project.id, iid)) throw new FixtureError(`issue #${iid} already exists in ${project.path_with_namespace}`);
  const issue: Issue = {
    id: maxOf(data.issues.map((candidate) => candidate.id), 1000) + 1,
    iid,
    project_id: project.id,
    title: input.title,
    description: input.description ?? '',
    state,
    created_at: created,
    updated_at: updated ?? closedAt ?? created,
    closed_at: closedAt,
    closed_by_id: closedAt === null ? null : input.closed_by ? resolveUser(data, input.closed_by) : (assignees[0] ?? author),
    labels: input.labels ?? [],
    milestone_id: resolveMilestone(data, project, input.milestone),
    assignee_ids: assignees,
    author_id: author,
    issue_type: input.issue_type ?? (input.labels?.includes('incident') ? 'incident' : 'issue'),
    due_date: input.due_date ?? null,
    weight: input.weight ?? null,
    epic_id: epic?.id ?? null,
    time_estimate: input.time_estimate ?? 0,
    total_time_spent: 0,
    user_notes_count: 0,
    upvotes: input.upvotes ?? 0,
    downvotes: 0,
    confidential: input.confidential ?? false,
    discussion_locked: null,
    relative_position: -iid * 1000,
  };
  data.issues.push(issue);
  data.touch();
  return issue;
}

export function addMergeRequest(data: Dataset, projectRef: string | number, input: MergeRequestFixture): MergeRequest {
  const project = requireProject(data, projectRef);
  if (!input.title) throw new FixtureError('merge request title is required');
  const now = isoTime(data.clock());
  const state = input.state ?? (input.merged_at ? 'merged' : 'opened');
  const author = input.author === undefined ? 1 : resolveUser(data, input.author);
  const closes = input.closes ?? [];
  const closing = closes.map((iid) => `Closes #${iid}`).join('\n');
  const mergedAt = state === 'merged' ? (iso(input.merged_at, 'merged_at') ?? now) : null;
  const createdAt = iso(input.created_at, 'created_at') ?? now;
  const closedAt = state === 'closed' ? (iso(input.closed_at, 'closed_at') ?? now) : null;
  const iid = input.iid ?? maxOf(data.mergeRequestsOf(project.id).map((mr) => mr.iid), 0) + 1;
  const mergeRequest: MergeRequest = {
    id: maxOf(data.mergeRequests.map((candidate) => candidate.id), 70000) + 1,
    iid,
    project_id: project.id,
    title: input.title,
    description: [input.description ?? '', closing].filter(Boolean).join('\n\n'),
    state,
    created_at: createdAt,
    updated_at: iso(input.updated_at, 'updated_at') ?? mergedAt ?? closedAt ?? createdAt,
    merged_at: mergedAt,
    closed_at: closedAt,
    author_id: author,
    merge_user_id: mergedAt === null ? null : input.merge_user ? resolveUser(data, input.merge_user) : author,
    closed_by_id: state === 'closed' ? author : null,
    assignee_ids: [author],
    reviewer_ids: [],
    labels: input.labels ?? [],
    milestone_id: null,
    source_branch: input.source_branch ?? `fixture-${iid}`,
    target_branch: input.target_branch ?? project.default_branch,
    draft: input.draft ?? false,
    closes_issue_iids: closes,
    changes: (input.changes ?? []).map((change) =>
      typeof change === 'string'
        ? { old_path: change, new_path: change, new_file: false, renamed_file: false, deleted_file: false }
        : change,
    ),
  };
  data.mergeRequests.push(mergeRequest);
  data.touch();
  return mergeRequest;
}

export function addMilestone(data: Dataset, projectRef: string | number, input: MilestoneFixture): Milestone {
  const project = requireProject(data, projectRef);
  const scope = input.group ? data.milestones.filter((m) => m.group_id === project.namespace_id) : data.milestones.filter((m) => m.project_id === project.id);
  const now = isoTime(data.clock());
  const milestone: Milestone = {
    id: maxOf(data.milestones.map((m) => m.id), 300) + 1,
    iid: maxOf(scope.map((m) => m.iid), 0) + 1,
    group_id: input.group ? project.namespace_id : null,
    project_id: input.group ? null : project.id,
    title: input.title,
    description: input.description ?? '',
    state: input.state ?? 'active',
    created_at: now,
    updated_at: now,
    start_date: input.start_date ?? null,
    due_date: input.due_date ?? null,
  };
  data.milestones.push(milestone);
  data.touch();
  return milestone;
}

export function addMember(data: Dataset, projectRef: string | number, input: MemberFixture): MemberRecord {
  const project = requireProject(data, projectRef);
  let user = data.userByUsername(input.username);
  if (!user) {
    user = {
      id: maxOf(data.users.map((candidate) => candidate.id), 0) + 1,
      username: input.username,
      name: input.name ?? input.username,
      state: input.state ?? 'active',
      created_at: iso(input.created_at, 'created_at') ?? isoTime(data.clock()),
      job_title: '',
    };
    data.users.push(user);
  } else if (input.state) {
    user.state = input.state;
  }
  const membership = {
    user_id: user.id,
    source_type: 'Project' as const,
    source_id: project.id,
    access_level: input.access_level,
    created_at: iso(input.created_at, 'created_at') ?? isoTime(data.clock()),
    expires_at: null,
    created_by_id: 1,
  };
  data.memberships.push(membership);
  data.touch();
  return { user, membership };
}

export function addFixtures(data: Dataset, input: FixtureInput): FixtureResult {
  const project = requireProject(data, input.project);
  const result: FixtureResult = {
    milestones: (input.milestones ?? []).map((milestone) => addMilestone(data, project.id, milestone)),
    members: (input.members ?? []).map((member) => addMember(data, project.id, member)),
    issues: (input.issues ?? []).map((issue) => addIssue(data, project.id, issue)),
    mergeRequests: (input.mergeRequests ?? []).map((mr) => addMergeRequest(data, project.id, mr)),
  };
  for (const [path, content] of Object.entries(input.files ?? {})) project.files.set(path, content);
  if (input.files) data.touch();
  return result;
}
