// Issue reads: project, group and global lists, single issue, related MRs, notes.

import { ApiError, type ApiRequest, type ApiResult } from '../http.ts';
import { keysetPage, offsetPage } from '../pagination.ts';
import type { Issue } from '../types.ts';
import { listResult, visibleGroup, visibleIssue, visibleProject } from './access.ts';
import { assertKeysetSupported, queryIssues } from './issue-query.ts';
import { issueEntity, mergeRequestEntity, noteEntity, type ReferenceContext } from './serialize-work.ts';

function issueList(req: ApiRequest, sourceKey: string, source: () => Issue[], context: ReferenceContext, keysetAllowed: boolean): ApiResult {
  const defaultScope = context === 'global' ? 'created_by_me' : 'all';
  const { items, order } = queryIssues(req, sourceKey, source, defaultScope);
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

/** GET /issues: issues of every project the caller can see; scope defaults to created_by_me. */
export function listAllIssues(req: ApiRequest): ApiResult {
  const { auth, data } = req;
  const source = (): Issue[] =>
    data.projects
      .filter((project) => auth && data.accessLevel(auth.user.id, { type: 'project', id: project.id }) > 0)
      .flatMap((project) => data.issuesOf(project.id));
  return issueList(req, 'global', source, 'global', false);
}

export function getIssue(req: ApiRequest): ApiResult {
  const { issue } = visibleIssue(req);
  return { body: { ...issueEntity(req.data, req.baseUrl, issue, 'project'), subscribed: false } };
}

/** GET /projects/:id/issues/:iid/related_merge_requests: MRs that close or mention the issue. */
export function relatedMergeRequests(req: ApiRequest): ApiResult {
  const { issue } = visibleIssue(req);
  const mention = new RegExp(`#${issue.iid}(?!\\d)`);
  const related = req.data
    .mergeRequestsOf(issue.project_id)
    .filter((mr) => mr.closes_issue_iids.includes(issue.iid) || mention.test(mr.description));
  return listResult(req, related, (mr) => mergeRequestEntity(req.data, req.baseUrl, mr, 'project'));
}

/** GET /projects/:id/issues/:iid/closed_by: MRs that close the issue when merged. */
export function closedBy(req: ApiRequest): ApiResult {
  const { issue } = visibleIssue(req);
  return listResult(req, req.data.mergeRequestsClosing(issue), (mr) => mergeRequestEntity(req.data, req.baseUrl, mr, 'project'));
}

export function listIssueNotes(req: ApiRequest): ApiResult {
  const { issue } = visibleIssue(req);
  const direction = req.params.oneOf('sort', ['asc', 'desc'] as const, 'desc');
  const notes = [...req.data.notesOf(issue)].sort((a, b) => (direction === 'asc' ? a.id - b.id : b.id - a.id));
  return listResult(req, notes, (note) => noteEntity(req.data, req.baseUrl, note));
}
