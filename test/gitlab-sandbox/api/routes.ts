// REST v4 route table. Paths are matched on raw (still URL-encoded) segments so that
// "/projects/lens-demo%2Fweb-app" and ".../files/.gitlab%2FCODEOWNERS/raw" keep their slashes.

import type { Access } from '../auth.ts';
import type { ApiRequest, ApiResult } from '../http.ts';
import { getFile, getGroupEpic, getRawFile, listChildEpics, listEpicIssues, listGroupEpics } from './epics-files.ts';
import { createIssue, createIssueNote, updateIssue } from './issue-writes.ts';
import { closedBy, getIssue, listAllIssues, listGroupIssues, listIssueNotes, listProjectIssues, relatedMergeRequests } from './issues.ts';
import {
  getMergeRequest,
  listClosesIssues,
  listGroupMergeRequests,
  listMergeRequestDiffs,
  listProjectMergeRequests,
} from './merge-requests.ts';
import {
  getCurrentUser,
  getGroup,
  getProject,
  getTokenSelf,
  getVersion,
  listGroupLabels,
  listGroupMembers,
  listGroupMilestones,
  listGroupProjects,
  listProjectLabels,
  listProjectMembers,
  listProjectMilestones,
  listProjects,
} from './resources.ts';

export type Handler = (req: ApiRequest) => ApiResult;

export interface Route {
  method: 'GET' | 'POST' | 'PUT';
  segments: string[];
  access: Access;
  handler: Handler;
}

const route = (method: Route['method'], path: string, access: Access, handler: Handler): Route => ({
  method,
  segments: path.split('/').filter(Boolean),
  access,
  handler,
});

export const API_ROUTES: readonly Route[] = [
  route('GET', '/user', 'user', getCurrentUser),
  route('GET', '/personal_access_tokens/self', 'self', getTokenSelf),
  route('GET', '/version', 'user', getVersion),
  route('GET', '/issues', 'read', listAllIssues),
  route('GET', '/projects', 'read', listProjects),
  route('GET', '/projects/:id', 'read', getProject),
  route('GET', '/projects/:id/issues', 'read', listProjectIssues),
  route('POST', '/projects/:id/issues', 'write', createIssue),
  route('GET', '/projects/:id/issues/:iid', 'read', getIssue),
  route('PUT', '/projects/:id/issues/:iid', 'write', updateIssue),
  route('GET', '/projects/:id/issues/:iid/related_merge_requests', 'read', relatedMergeRequests),
  route('GET', '/projects/:id/issues/:iid/closed_by', 'read', closedBy),
  route('GET', '/projects/:id/issues/:iid/notes', 'read', listIssueNotes),
  route('POST', '/projects/:id/issues/:iid/notes', 'write', createIssueNote),
  route('GET', '/projects/:id/merge_requests', 'read', listProjectMergeRequests),
  route('GET', '/projects/:id/merge_requests/:iid', 'read', getMergeRequest),
  route('GET', '/projects/:id/merge_requests/:iid/diffs', 'read', listMergeRequestDiffs),
  route('GET', '/projects/:id/merge_requests/:iid/closes_issues', 'read', listClosesIssues),
  route('GET', '/projects/:id/members', 'read', listProjectMembers(false)),
  route('GET', '/projects/:id/members/all', 'read', listProjectMembers(true)),
  route('GET', '/projects/:id/milestones', 'read', listProjectMilestones),
  route('GET', '/projects/:id/labels', 'read', listProjectLabels),
  route('GET', '/projects/:id/repository/files/:file_path', 'read', getFile),
  route('GET', '/projects/:id/repository/files/:file_path/raw', 'read', getRawFile),
  route('GET', '/groups/:id', 'read', getGroup),
  route('GET', '/groups/:id/projects', 'read', listGroupProjects),
  route('GET', '/groups/:id/issues', 'read', listGroupIssues),
  route('GET', '/groups/:id/merge_requests', 'read', listGroupMergeRequests),
  route('GET', '/groups/:id/members', 'read', listGroupMembers(false)),
  route('GET', '/groups/:id/members/all', 'read', listGroupMembers(true)),
  route('GET', '/groups/:id/milestones', 'read', listGroupMilestones),
  route('GET', '/groups/:id/labels', 'read', listGroupLabels),
  route('GET', '/groups/:id/epics', 'read', listGroupEpics),
  route('GET', '/groups/:id/epics/:iid', 'read', getGroupEpic),
  route('GET', '/groups/:id/epics/:iid/issues', 'read', listEpicIssues),
  route('GET', '/groups/:id/epics/:iid/epics', 'read', listChildEpics),
];

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** `path` is the part after /api/v4, still URL-encoded. */
export function matchRoute(method: string, path: string): RouteMatch | null {
  const segments = path.split('/').filter(Boolean);
  for (const candidate of API_ROUTES) {
    if (candidate.method !== method || candidate.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let matched = true;
    for (let i = 0; i < segments.length && matched; i++) {
      const expected = candidate.segments[i] ?? '';
      const actual = segments[i] ?? '';
      if (expected.startsWith(':')) {
        try {
          params[expected.slice(1)] = decodeURIComponent(actual);
        } catch {
          matched = false;
        }
      } else {
        matched = expected === actual;
      }
    }
    if (matched) return { route: candidate, params };
  }
  return null;
}
