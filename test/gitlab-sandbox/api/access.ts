// Resource lookups with GitLab's visibility rules: every sandbox project and group is private, so
// callers who are not members (or anonymous) get 404, never 403.

import { invalidParam, notFound, recordNotFound, type ApiRequest } from '../http.ts';
import { offsetPage, type Page } from '../pagination.ts';
import type { Group, Issue, Project } from '../types.ts';

export function visibleProject(req: ApiRequest, ref = req.route.id ?? ''): Project {
  const project = req.data.project(ref);
  if (!project || !req.auth || req.data.accessLevel(req.auth.user.id, { type: 'project', id: project.id }) === 0) {
    throw notFound('Project');
  }
  return project;
}

export function visibleGroup(req: ApiRequest, ref = req.route.id ?? ''): Group {
  const group = req.data.group(ref);
  if (!group || !req.auth || req.data.accessLevel(req.auth.user.id, { type: 'group', id: group.id }) === 0) {
    throw notFound('Group');
  }
  return group;
}

export function routeIid(req: ApiRequest, name = 'iid'): number {
  const raw = req.route[name] ?? '';
  // Grape's `type: Integer` validation.
  if (!/^\d+$/.test(raw)) throw invalidParam(`${name} is invalid`);
  return Number(raw);
}

export function visibleIssue(req: ApiRequest): { project: Project; issue: Issue } {
  const project = visibleProject(req);
  const issue = req.data.issue(project.id, routeIid(req));
  if (!issue) throw recordNotFound();
  return { project, issue };
}

/** Offset-paginated JSON list. */
export function listResult<T>(req: ApiRequest, all: readonly T[], entity: (item: T) => unknown): { body: unknown; headers: Record<string, string> } {
  const page: Page<T> = offsetPage(req, all);
  return { body: page.items.map(entity), headers: page.headers };
}
