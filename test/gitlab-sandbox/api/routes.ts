// REST v4 route table. Paths are matched on raw (still URL-encoded) segments so that
// "/projects/lens-demo%2Fweb-app" and ".../files/.gitlab%2FCODEOWNERS/raw" keep their slashes.

import type { Access } from '../auth.ts';
import type { ApiRequest, ApiResult } from '../http.ts';
import { listGroupBoards, listProjectBoards } from './boards.ts';
import { getGroupEpic, getRawFile, listGroupEpics } from './epics-files.ts';
import { createIssue, getIssue, listGroupIssues, listProjectIssues, updateIssue } from './issues.ts';
import { listGroupMergeRequests, listMergeRequestDiffs, listProjectMergeRequests } from './merge-requests.ts';
import {
  getCurrentUser,
  getGroup,
  getProject,
  getTokenSelf,
  listGroupMembers,
  listGroupMilestones,
  listProjectMembers,
  listProjectMilestones,
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

/**
 * Only routes something calls: the extension's GitLab client (utils/gitlab/client.ts; what calls
 * it is noted per route), its tests or the demo. A feature adds its routes with their callers.
 */
export const API_ROUTES: readonly Route[] = [
  route('GET', '/user', 'user', getCurrentUser), // Test connection
  route('GET', '/personal_access_tokens/self', 'self', getTokenSelf), // Test connection: scopes, expiry
  route('GET', '/projects/:id', 'read', getProject), // Save: team check, path → id; CODEOWNERS sync
  route('GET', '/projects/:id/issues', 'read', listProjectIssues), // sync; survey: is a submission already there (search + in=description)
  route('POST', '/projects/:id/issues', 'write', createIssue), // survey: submit a suggestion as a new issue
  route('GET', '/projects/:id/issues/:iid', 'read', getIssue), // issue page, issue not cached yet
  route('PUT', '/projects/:id/issues/:iid', 'write', updateIssue), // Suggested DRI: Assign
  route('GET', '/projects/:id/merge_requests', 'read', listProjectMergeRequests), // sync
  route('GET', '/projects/:id/merge_requests/:iid/diffs', 'read', listMergeRequestDiffs), // Suggested DRI: paths a related MR changed
  route('GET', '/projects/:id/members/all', 'read', listProjectMembers), // sync
  route('GET', '/projects/:id/milestones', 'read', listProjectMilestones), // sync
  route('GET', '/projects/:id/repository/files/:file_path/raw', 'read', getRawFile), // CODEOWNERS sync
  route('GET', '/projects/:id/boards', 'read', listProjectBoards), // board allocation split: which issue is in which list
  route('GET', '/groups/:id', 'read', getGroup), // Save: team check, path → id
  route('GET', '/groups/:id/issues', 'read', listGroupIssues), // sync
  route('GET', '/groups/:id/merge_requests', 'read', listGroupMergeRequests), // sync
  route('GET', '/groups/:id/members/all', 'read', listGroupMembers), // sync
  route('GET', '/groups/:id/milestones', 'read', listGroupMilestones), // sync
  route('GET', '/groups/:id/epics', 'read', listGroupEpics), // sync (Premium; 403 on Free)
  route('GET', '/groups/:id/epics/:epic_iid', 'read', getGroupEpic), // is a group work item an epic?
  route('GET', '/groups/:id/boards', 'read', listGroupBoards), // board allocation split: which issue is in which list
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
