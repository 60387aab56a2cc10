// Merge request reads: project and group lists (offset pagination only).

import { parseTimeParam } from '../dates.ts';
import { invalidParam, recordNotFound, type ApiRequest, type ApiResult } from '../http.ts';
import { compareKeys, type SortKey } from '../pagination.ts';
import type { MergeRequest } from '../types.ts';
import { listResult, routeIid, visibleGroup, visibleProject } from './access.ts';
import { mergeRequestEntity, type ReferenceContext } from './serialize-work.ts';

const ORDER_BY = ['created_at', 'updated_at', 'title', 'merged_at', 'popularity', 'priority', 'label_priority', 'milestone_due'] as const;

function filterAndSort(req: ApiRequest, all: MergeRequest[]): MergeRequest[] {
  const { params } = req;
  const state = params.oneOf('state', ['opened', 'closed', 'locked', 'merged', 'all'] as const, 'all');
  const orderBy = params.oneOf('order_by', ORDER_BY, 'created_at');
  const direction = params.oneOf('sort', ['asc', 'desc'] as const, 'desc');
  const bound = (name: string): string | undefined => {
    const value = params.get(name);
    if (value === undefined || value === '') return undefined;
    const ms = parseTimeParam(value);
    if (Number.isNaN(ms)) throw invalidParam(`${name} is invalid`);
    return new Date(ms).toISOString();
  };
  const createdAfter = bound('created_after');
  const createdBefore = bound('created_before');
  const updatedAfter = bound('updated_after');
  const updatedBefore = bound('updated_before');
  const labels = (params.get('labels') ?? '').split(',').map((label) => label.trim()).filter(Boolean);
  const iids = new Set(params.list('iids').map(Number));
  const authorId = params.int('author_id') ?? (params.get('author_username') ? (req.data.userByUsername(params.get('author_username') ?? '')?.id ?? -1) : undefined);
  const scope = params.oneOf('scope', ['created_by_me', 'assigned_to_me', 'all'] as const, 'all');
  const me = req.auth?.user.id ?? -1;
  const search = params.get('search')?.toLowerCase();
  const sourceBranch = params.get('source_branch');
  const targetBranch = params.get('target_branch');
  const draft = params.get('draft') ?? params.get('wip');
  const matches = (mr: MergeRequest): boolean =>
    (state === 'all' || mr.state === state) &&
    (createdAfter === undefined || mr.created_at >= createdAfter) &&
    (createdBefore === undefined || mr.created_at <= createdBefore) &&
    (updatedAfter === undefined || mr.updated_at >= updatedAfter) &&
    (updatedBefore === undefined || mr.updated_at <= updatedBefore) &&
    labels.every((label) => mr.labels.includes(label)) &&
    (iids.size === 0 || iids.has(mr.iid)) &&
    (authorId === undefined || mr.author_id === authorId) &&
    (scope === 'all' || (scope === 'created_by_me' ? mr.author_id === me : mr.assignee_ids.includes(me))) &&
    (!search || mr.title.toLowerCase().includes(search) || mr.description.toLowerCase().includes(search)) &&
    (sourceBranch === undefined || mr.source_branch === sourceBranch) &&
    (targetBranch === undefined || mr.target_branch === targetBranch) &&
    (draft === undefined || mr.draft === (draft === 'yes'));
  const keyOf = (mr: MergeRequest): SortKey =>
    orderBy === 'updated_at' ? mr.updated_at : orderBy === 'title' ? mr.title.toLowerCase() : orderBy === 'merged_at' ? mr.merged_at : mr.created_at;
  return all.filter(matches).sort((a, b) => compareKeys(keyOf(a), a.id, keyOf(b), b.id, direction));
}

function mergeRequestList(req: ApiRequest, all: MergeRequest[], context: ReferenceContext): ApiResult {
  return listResult(req, filterAndSort(req, all), (mr) => mergeRequestEntity(req.data, req.baseUrl, mr, context));
}

export function listProjectMergeRequests(req: ApiRequest): ApiResult {
  const project = visibleProject(req);
  return mergeRequestList(req, req.data.mergeRequestsOf(project.id), 'project');
}

export function listGroupMergeRequests(req: ApiRequest): ApiResult {
  const group = visibleGroup(req);
  const all = req.data.projectsOfGroup(group.id).flatMap((project) => req.data.mergeRequestsOf(project.id));
  return mergeRequestList(req, all, 'group');
}

/**
 * `GET /projects/:id/merge_requests/:merge_request_iid/diffs` (merge_requests.md "List merge
 * request diffs", GitLab 15.7+): the changed files, offset-paginated. Suggested DRI reads the
 * paths a related MR changed to ask CODEOWNERS who owns them.
 */
export function listMergeRequestDiffs(req: ApiRequest): ApiResult {
  const project = visibleProject(req);
  const mergeRequest = req.data.mergeRequest(project.id, routeIid(req));
  if (!mergeRequest) throw recordNotFound();
  return listResult(req, mergeRequest.changes, (change) => ({
    ...change,
    a_mode: change.new_file ? '0' : '100644',
    b_mode: change.deleted_file ? '0' : '100644',
    generated_file: false,
    diff: `@@ -1 +1 @@\n-old\n+new\n`,
  }));
}
