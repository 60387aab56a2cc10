// View models for issues and epics, shared by the work-item view, the legacy views and the drawer.

import type { Dataset } from '../dataset.ts';
import type { Epic, Group, Issue, Milestone, Project, User } from '../types.ts';

export interface ItemLink {
  title: string;
  href: string;
  reference: string;
  state: 'opened' | 'closed' | 'merged' | 'locked';
  kind: 'Issue' | 'Epic' | 'MergeRequest';
}

export interface WorkItemModel {
  kind: 'Issue' | 'Incident' | 'Task' | 'Epic';
  id: number;
  iid: number;
  title: string;
  description: string;
  state: 'opened' | 'closed';
  author: User | undefined;
  createdAt: string;
  assignees: User[];
  labels: string[];
  /** undefined on free tier (the widget is absent), null when unset. */
  weight: number | null | undefined;
  milestone: Milestone | undefined;
  startDate: string | null;
  dueDate: string | null;
  parent: ItemLink | undefined;
  children: ItemLink[];
  mergeRequests: ItemLink[];
  /** "lens-demo/web-app#12" or "lens-demo&1". */
  reference: string;
  webPath: string;
  /** Full path of the project or group that owns the item. */
  fullPath: string;
  timeEstimate: number;
  timeSpent: number;
}

export const issuePath = (project: Project, issue: Issue): string => `/${project.path_with_namespace}/-/issues/${issue.iid}`;
export const epicPath = (group: Group, epic: Epic): string => `/groups/${group.full_path}/-/epics/${epic.iid}`;

function users(data: Dataset, ids: readonly number[]): User[] {
  return ids.map((id) => data.user(id)).filter((user) => user !== undefined);
}

export function issueModel(data: Dataset, project: Project, issue: Issue): WorkItemModel {
  const group = data.groupOf(project);
  const epic = project.tier === 'premium' ? data.epic(issue.epic_id) : undefined;
  return {
    kind: issue.issue_type === 'incident' ? 'Incident' : 'Issue',
    id: issue.id,
    iid: issue.iid,
    title: issue.title,
    description: issue.description,
    state: issue.state,
    author: data.user(issue.author_id),
    createdAt: issue.created_at,
    assignees: users(data, issue.assignee_ids),
    labels: issue.labels,
    weight: project.tier === 'premium' ? issue.weight : undefined,
    milestone: data.milestone(issue.milestone_id),
    startDate: null,
    dueDate: issue.due_date,
    parent: epic && group ? { title: epic.title, href: epicPath(group, epic), reference: `${group.full_path}&${epic.iid}`, state: epic.state, kind: 'Epic' } : undefined,
    children: [],
    mergeRequests: data.mergeRequestsClosing(issue).map((mr) => ({
      title: mr.title,
      href: `/${project.path_with_namespace}/-/merge_requests/${mr.iid}`,
      reference: `!${mr.iid}`,
      state: mr.state,
      kind: 'MergeRequest',
    })),
    reference: `${project.path_with_namespace}#${issue.iid}`,
    webPath: issuePath(project, issue),
    fullPath: project.path_with_namespace,
    timeEstimate: issue.time_estimate,
    timeSpent: issue.total_time_spent,
  };
}

export function epicModel(data: Dataset, group: Group, epic: Epic): WorkItemModel {
  const parent = data.epic(epic.parent_id);
  const childEpics = data.epics.filter((candidate) => candidate.parent_id === epic.id);
  const childIssues = data.issues.filter((issue) => issue.epic_id === epic.id && data.project(issue.project_id)?.tier === 'premium');
  return {
    kind: 'Epic',
    id: epic.id,
    iid: epic.iid,
    title: epic.title,
    description: epic.description,
    state: epic.state,
    author: data.user(epic.author_id),
    createdAt: epic.created_at,
    assignees: [],
    labels: epic.labels,
    weight: undefined,
    milestone: undefined,
    startDate: epic.start_date,
    dueDate: epic.due_date,
    parent: parent ? { title: parent.title, href: epicPath(group, parent), reference: `${group.full_path}&${parent.iid}`, state: parent.state, kind: 'Epic' } : undefined,
    children: [
      ...childEpics.map((child): ItemLink => ({ title: child.title, href: epicPath(group, child), reference: `&${child.iid}`, state: child.state, kind: 'Epic' })),
      ...childIssues.map((issue): ItemLink => {
        const project = data.project(issue.project_id);
        return {
          title: issue.title,
          href: project ? issuePath(project, issue) : '#',
          reference: `${project?.path ?? ''}#${issue.iid}`,
          state: issue.state,
          kind: 'Issue',
        };
      }),
    ],
    mergeRequests: [],
    reference: `${group.full_path}&${epic.iid}`,
    webPath: epicPath(group, epic),
    fullPath: group.full_path,
    timeEstimate: 0,
    timeSpent: 0,
  };
}
