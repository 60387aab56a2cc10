// Issue reads: project and group lists, single issue.

import { ApiError, type ApiRequest, type ApiResult } from '../http.ts';
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
