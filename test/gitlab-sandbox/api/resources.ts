// User, token, project, group, member and milestone endpoints.

import type { ApiRequest, ApiResult } from '../http.ts';
import { isTokenActive } from '../auth.ts';
import type { Milestone } from '../types.ts';
import { listResult, visibleGroup, visibleProject } from './access.ts';
import { currentUser, groupEntity, memberEntity, milestoneEntity, projectEntity } from './serialize.ts';

export function getCurrentUser(req: ApiRequest): ApiResult {
  const auth = req.auth;
  if (!auth) throw new Error('router guarantees auth');
  const level = Math.max(0, ...req.data.groups.map((group) => req.data.accessLevel(auth.user.id, { type: 'group', id: group.id })));
  return { body: currentUser(req.baseUrl, auth.user, level) };
}

export function getTokenSelf(req: ApiRequest): ApiResult {
  const token = req.auth?.token;
  if (!token) throw new Error('router guarantees auth');
  return {
    body: {
      id: token.id,
      name: token.name,
      revoked: token.revoked,
      created_at: token.created_at,
      description: null,
      scopes: [...token.scopes],
      user_id: token.user_id,
      last_used_at: token.last_used_at,
      active: isTokenActive(token, req.data.clock()),
      expires_at: token.expires_at,
    },
  };
}

export function getProject(req: ApiRequest): ApiResult {
  return { body: projectEntity(req.baseUrl, req.data, visibleProject(req)) };
}

export function getGroup(req: ApiRequest): ApiResult {
  const group = visibleGroup(req);
  return { body: { ...groupEntity(req.baseUrl, group), projects: req.data.projectsOfGroup(group.id).map((p) => projectEntity(req.baseUrl, req.data, p)) } };
}

/** GET …/members/all: direct and inherited members (doc/api/members.md). */
function memberList(req: ApiRequest, source: { type: 'project' | 'group'; id: number }): ApiResult {
  const query = req.params.get('query')?.toLowerCase();
  const userIds = new Set(req.params.list('user_ids').map(Number));
  const records = req.data
    .membersOf(source)
    .filter(({ user }) => (!query || user.username.includes(query) || user.name.toLowerCase().includes(query)) && (userIds.size === 0 || userIds.has(user.id)));
  return listResult(req, records, ({ user, membership }) => memberEntity(req.baseUrl, req.data, user, membership));
}

export const listProjectMembers = (req: ApiRequest): ApiResult => memberList(req, { type: 'project', id: visibleProject(req).id });

export const listGroupMembers = (req: ApiRequest): ApiResult => memberList(req, { type: 'group', id: visibleGroup(req).id });

function milestoneList(req: ApiRequest, all: Milestone[]): ApiResult {
  const state = req.params.oneOf('state', ['active', 'closed', 'all'] as const, 'all');
  const title = req.params.get('title');
  const search = req.params.get('search')?.toLowerCase();
  const iids = new Set(req.params.list('iids').map(Number));
  const updatedAfter = req.params.get('updated_after');
  const milestones = all
    .filter(
      (milestone) =>
        (state === 'all' || milestone.state === state) &&
        (title === undefined || milestone.title === title) &&
        (!search || milestone.title.toLowerCase().includes(search)) &&
        (iids.size === 0 || iids.has(milestone.iid)) &&
        (!updatedAfter || Date.parse(milestone.updated_at) >= Date.parse(updatedAfter)),
    )
    // MilestonesFinder default: due date ascending (no due date last), then title.
    .sort((a, b) => (a.due_date ?? '9999').localeCompare(b.due_date ?? '9999') || a.title.localeCompare(b.title));
  return listResult(req, milestones, (milestone) => milestoneEntity(req.baseUrl, req.data, milestone));
}

export function listProjectMilestones(req: ApiRequest): ApiResult {
  const project = visibleProject(req);
  const ancestors = req.params.get('include_ancestors') === 'true' || req.params.get('include_parent_milestones') === 'true';
  return milestoneList(
    req,
    req.data.milestones.filter((m) => m.project_id === project.id || (ancestors && m.group_id === project.namespace_id)),
  );
}

export function listGroupMilestones(req: ApiRequest): ApiResult {
  const group = visibleGroup(req);
  const descendants = req.params.get('include_descendants') === 'true';
  const projectIds = new Set(req.data.projectsOfGroup(group.id).map((project) => project.id));
  return milestoneList(
    req,
    req.data.milestones.filter((m) => m.group_id === group.id || (descendants && m.project_id !== null && projectIds.has(m.project_id))),
  );
}
