// Issue writes: create, update (assignees, labels, state...) and notes. All need the `api` scope
// (checked by the router) and project membership.

import { isoTime } from '../dates.ts';
import { addIssue } from '../fixtures.ts';
import { ApiError, invalidParam, type ApiRequest, type ApiResult } from '../http.ts';
import type { Issue, Project } from '../types.ts';
import { requireAccess, visibleIssue, visibleProject } from './access.ts';
import { issueEntity, noteEntity } from './serialize-work.ts';

const UPDATE_PARAMS = ['assignee_id', 'assignee_ids', 'confidential', 'description', 'discussion_locked', 'due_date', 'labels', 'milestone_id', 'state_event', 'title', 'issue_type', 'weight', 'epic_id', 'epic_iid', 'add_labels', 'remove_labels'];

function validateTitle(title: string): void {
  if (title.trim() === '') throw new ApiError(400, { message: { title: ["can't be blank"] } });
  if (title.length > 255) throw new ApiError(400, { message: { title: ['is too long (maximum is 255 characters)'] } });
}

function labelList(raw: string[]): string[] {
  return raw.flatMap((value) => value.split(',')).map((name) => name.trim()).filter(Boolean);
}

/** GitLab creates missing labels on the project when an issue uses them. */
function ensureLabels(req: ApiRequest, project: Project, names: string[]): void {
  const known = new Set(req.data.labelsFor(project).map((label) => label.name));
  for (const name of names) {
    if (known.has(name)) continue;
    req.data.labels.push({ id: Math.max(0, ...req.data.labels.map((label) => label.id)) + 1, name, color: '#6699cc', text_color: '#FFFFFF', description: null, group_id: null, project_id: project.id });
    known.add(name);
  }
}

function assigneeIds(req: ApiRequest): number[] | undefined {
  if (req.params.has('assignee_ids')) {
    return req.params.list('assignee_ids').flatMap((value) => value.split(',')).map(Number).filter((id) => id > 0 && req.data.user(id) !== undefined);
  }
  const single = req.params.int('assignee_id');
  if (single === undefined) return undefined;
  return single > 0 && req.data.user(single) ? [single] : [];
}

function dueDate(req: ApiRequest): string | null | undefined {
  if (!req.params.has('due_date')) return undefined;
  const value = req.params.get('due_date') ?? '';
  if (value === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw invalidParam('due_date is invalid');
  return value;
}

function milestoneId(req: ApiRequest, project: Project): number | null | undefined {
  if (!req.params.has('milestone_id')) return undefined;
  const id = req.params.int('milestone_id');
  if (!id) return null;
  const milestone = req.data.milestone(id);
  return milestone && (milestone.project_id === project.id || milestone.group_id === project.namespace_id) ? id : null;
}

export function createIssue(req: ApiRequest): ApiResult {
  const project = visibleProject(req);
  requireAccess(req, project, 10);
  const title = req.params.get('title');
  if (title === undefined) throw invalidParam('title is missing');
  validateTitle(title);
  const labels = labelList(req.params.list('labels'));
  ensureLabels(req, project, labels);
  const issueType = req.params.oneOf('issue_type', ['issue', 'incident', 'test_case', 'task'] as const, 'issue');
  const issue = addIssue(req.data, project.id, {
    title,
    description: req.params.get('description') ?? '',
    labels,
    assignees: assigneeIds(req) ?? [],
    author: req.auth?.user.id,
    due_date: dueDate(req) ?? null,
    weight: project.tier === 'premium' ? (req.params.int('weight') ?? null) : null,
    confidential: req.params.get('confidential') === 'true',
    issue_type: issueType === 'incident' ? 'incident' : 'issue',
  });
  issue.milestone_id = milestoneId(req, project) ?? null;
  const epicIid = req.params.int('epic_iid');
  if (project.tier === 'premium' && epicIid) issue.epic_id = req.data.epicByIid(project.namespace_id, epicIid)?.id ?? null;
  req.data.touch();
  return { status: 201, body: { ...issueEntity(req.data, req.baseUrl, issue, 'project'), subscribed: true } };
}

export function updateIssue(req: ApiRequest): ApiResult {
  const { project, issue } = visibleIssue(req);
  if (!UPDATE_PARAMS.some((name) => req.params.has(name))) {
    throw invalidParam(`${UPDATE_PARAMS.join(', ')} are missing, at least one parameter must be provided`);
  }
  if (issue.author_id !== req.auth?.user.id) requireAccess(req, project, 20);
  applyUpdate(req, project, issue);
  issue.updated_at = isoTime(req.data.clock());
  req.data.touch();
  return { body: { ...issueEntity(req.data, req.baseUrl, issue, 'project'), subscribed: true } };
}

function applyUpdate(req: ApiRequest, project: Project, issue: Issue): void {
  const { params } = req;
  const title = params.get('title');
  if (title !== undefined) {
    validateTitle(title);
    issue.title = title;
  }
  const description = params.get('description');
  if (description !== undefined) issue.description = description;
  if (params.has('labels')) issue.labels = labelList(params.list('labels'));
  const added = labelList(params.list('add_labels'));
  const removed = new Set(labelList(params.list('remove_labels')));
  issue.labels = [...issue.labels.filter((label) => !removed.has(label)), ...added.filter((label) => !issue.labels.includes(label))];
  ensureLabels(req, project, issue.labels);
  const assignees = assigneeIds(req);
  if (assignees !== undefined) issue.assignee_ids = assignees;
  const milestone = milestoneId(req, project);
  if (milestone !== undefined) issue.milestone_id = milestone;
  const due = dueDate(req);
  if (due !== undefined) issue.due_date = due;
  if (project.tier === 'premium' && params.has('weight')) issue.weight = params.int('weight') ?? null;
  if (params.has('confidential')) issue.confidential = params.get('confidential') === 'true';
  if (params.has('discussion_locked')) issue.discussion_locked = params.get('discussion_locked') === 'true';
  const event = params.get('state_event');
  if (event !== undefined) {
    params.oneOf('state_event', ['close', 'reopen'] as const, 'close');
    if (event === 'close' && issue.state === 'opened') {
      issue.state = 'closed';
      issue.closed_at = isoTime(req.data.clock());
      issue.closed_by_id = req.auth?.user.id ?? null;
    } else if (event === 'reopen' && issue.state === 'closed') {
      issue.state = 'opened';
      issue.closed_at = null;
      issue.closed_by_id = null;
    }
  }
}

export function createIssueNote(req: ApiRequest): ApiResult {
  const { project, issue } = visibleIssue(req);
  requireAccess(req, project, 10);
  const body = req.params.get('body');
  if (body === undefined) throw invalidParam('body is missing');
  if (body.trim() === '') throw new ApiError(400, { message: { note: ["can't be blank"] } });
  const now = isoTime(req.data.clock());
  const note = {
    id: Math.max(0, ...req.data.notes.map((candidate) => candidate.id)) + 1,
    body,
    author_id: req.auth?.user.id ?? 0,
    created_at: now,
    updated_at: now,
    system: false,
    noteable_type: 'Issue' as const,
    noteable_id: issue.id,
    noteable_iid: issue.iid,
    project_id: project.id,
  };
  req.data.notes.push(note);
  issue.user_notes_count++;
  issue.updated_at = now;
  req.data.touch();
  return { status: 201, body: noteEntity(req.data, req.baseUrl, note) };
}
