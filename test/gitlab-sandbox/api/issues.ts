// Issue reads: project and group lists, single issue.

import { ApiError, forbidden, invalidParam, type ApiRequest, type ApiResult } from '../http.ts';
import { keysetPage, offsetPage } from '../pagination.ts';
import type { Issue } from '../types.ts';
import { visibleGroup, visibleIssue, visibleProject } from './access.ts';
import { assertKeysetSupported, queryIssues } from './issue-query.ts';
import { issueEntity, type ReferenceContext } from './serialize-work.ts';

function issueList(req: ApiRequest, sourceKey: string, source: () => Issue[], context: ReferenceContext, keysetAllowed: boolean): ApiResult {
  const { items, order } = queryIssues(req, sourceKey, source);
  const details = req.params.get('with_labels_details') === 'true';
  const entity = (issue: Issue): unknown => issueEntity(req.data, req.baseUrl, issue, context, details);
  if (req.params.get('pagination') === 'keyset') {
    if (!keysetAllowed) throw new ApiError(405, { error: 'Keyset pagination is not yet available for this type of request' });
    assertKeysetSupported(order);
    const page = keysetPage(req, items, order.orderBy, order.direction, order.keyOf);
    return { body: page.items.map(entity), headers: page.headers };
  }
  const page = offsetPage(req, items);
  return { body: page.items.map(entity), headers: page.headers };
}

export function listProjectIssues(req: ApiRequest): ApiResult {
  const project = visibleProject(req);
  return issueList(req, `project:${project.id}`, () => req.data.issuesOf(project.id), 'project', true);
}

export function listGroupIssues(req: ApiRequest): ApiResult {
  const group = visibleGroup(req);
  const source = (): Issue[] => req.data.projectsOfGroup(group.id).flatMap((project) => req.data.issuesOf(project.id));
  return issueList(req, `group:${group.id}`, source, 'group', false);
}

export function getIssue(req: ApiRequest): ApiResult {
  const { issue } = visibleIssue(req);
  return { body: { ...issueEntity(req.data, req.baseUrl, issue, 'project'), subscribed: false } };
}

/**
 * `PUT /projects/:id/issues/:issue_iid` (doc/api/issues.md "Edit an issue"), the part the
 * extension uses: `assignee_ids` (an empty list unassigns everyone). Editing needs at least the
 * Reporter role (Planner on newer GitLab); Free keeps a single assignee (multiple assignees are
 * Premium), so extra ids are dropped there as GitLab does.
 */
export function updateIssue(req: ApiRequest): ApiResult {
  const { project, issue } = visibleIssue(req);
  if (req.data.accessLevel(req.auth!.user.id, { type: 'project', id: project.id }) < 15) throw forbidden();
  if ('assignee_ids' in req.body) {
    const raw = req.body.assignee_ids;
    const list = Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === '' ? [] : [raw];
    const ids = list.map((value) => Number(value));
    if (ids.some((id) => !Number.isInteger(id) || id < 0)) throw invalidParam('assignee_ids is invalid');
    // Users who cannot be assigned (not members) are left out without an error, as GitLab does.
    const members = new Set(req.data.membersOf({ type: 'project', id: project.id }).map((record) => record.user.id));
    const valid = [...new Set(ids.filter((id) => id !== 0 && members.has(id)))];
    issue.assignee_ids = project.tier === 'premium' ? valid : valid.slice(0, 1);
    issue.updated_at = new Date(req.data.clock()).toISOString();
    req.data.touch();
  }
  return { body: { ...issueEntity(req.data, req.baseUrl, issue, 'project'), subscribed: false } };
}
