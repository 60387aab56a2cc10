/**
 * Cached data of a project or a group for the page overlays. Issues and merge requests are
 * stored per project (utils/db), so a group's data is that of the cached projects below its
 * path; those are found from the items themselves (`references.full`, else `web_url`) without
 * asking GitLab.
 */
import { getIssuesByProjects, getMembers, getMergeRequestsByProject, getMilestones } from '../db/cache';
import type { LensDb } from '../db/database';
import { scopeKey } from '../db/records';
import type { GitLabIssue, GitLabMergeRequest } from '../gitlab/schemas';
import type { TeamData } from '../overview/team-kpis';

export type ScopeTarget = { kind: 'project'; id: number } | { kind: 'group'; id: number; path: string };

/** `group/project` of an issue or merge request; null when neither field names it. */
export function projectPathOf(item: Pick<GitLabIssue, 'references' | 'web_url'>, gitlabUrl: string): string | null {
  const full = item.references?.full;
  if (full) {
    const match = /^(.+)[#!]\d+$/.exec(full);
    if (match) return match[1]!;
  }
  const root = gitlabUrl.replace(/\/+$/, '');
  if (!item.web_url.startsWith(`${root}/`)) return null;
  const match = /^\/(.+?)\/-\/(?:issues|work_items|merge_requests)\/\d+/.exec(item.web_url.slice(root.length));
  return match ? match[1]! : null;
}

/**
 * Every project that has cached issues or merge requests, with its path. Reads one key per
 * project (a unique-key cursor) and one item of each, not the items themselves.
 */
export async function cachedProjects(db: LensDb, gitlabUrl: string): Promise<Map<number, string>> {
  const paths = new Map<number, string>();
  for (const store of ['issues', 'mergeRequests'] as const) {
    const firstKeys: [number, number][] = [];
    let cursor = await db.transaction(store).store.index('by-project').openKeyCursor(null, 'nextunique');
    while (cursor) {
      if (!paths.has(cursor.key)) firstKeys.push(cursor.primaryKey);
      cursor = await cursor.continue();
    }
    const items = await Promise.all(firstKeys.map((key) => db.get(store, key)));
    for (const item of items) {
      const path = item ? projectPathOf(item, gitlabUrl) : null;
      if (item && path) paths.set(item.project_id, path);
    }
  }
  return paths;
}

/** Ids of the cached projects in a group or its subgroups. */
export async function groupProjectIds(db: LensDb, groupPath: string, gitlabUrl: string): Promise<number[]> {
  const prefix = `${groupPath}/`;
  const ids: number[] = [];
  for (const [id, path] of await cachedProjects(db, gitlabUrl)) if (path.startsWith(prefix)) ids.push(id);
  return ids;
}

/**
 * What the team KPIs need for a scope, from the cache. Milestones: the scope's synced ones (a
 * group's with its projects'); Complete adds every other milestone the issues name themselves
 * (a project's issues in its group's sprints, kpi/complete-rate.ts).
 */
async function loadScopeData(
  db: LensDb,
  target: ScopeTarget,
  gitlabUrl: string,
): Promise<TeamData & { issues: GitLabIssue[]; mergeRequests: GitLabMergeRequest[] }> {
  const projectIds = target.kind === 'project' ? [target.id] : await groupProjectIds(db, target.path, gitlabUrl);
  const scope = scopeKey(target.kind, target.id);
  const milestoneScopes = target.kind === 'project' ? [scope] : [scope, ...projectIds.map((id) => scopeKey('project', id))];
  const [issues, mergeRequests, members, stored] = await Promise.all([
    getIssuesByProjects(db, projectIds),
    Promise.all(projectIds.map((id) => getMergeRequestsByProject(db, id))).then((lists) => lists.flat()),
    getMembers(db, scope),
    Promise.all(milestoneScopes.map((key) => getMilestones(db, key))).then((lists) => lists.flat()),
  ]);
  return { issues, mergeRequests, members, milestones: stored };
}

/** Every scope's data, each issue, MR, member and milestone once (a project may be in the group too). */
export async function loadTeamData(db: LensDb, targets: readonly ScopeTarget[], gitlabUrl: string): Promise<TeamData> {
  const parts = await Promise.all(targets.map((target) => loadScopeData(db, target, gitlabUrl)));
  const unique = <T>(items: T[], key: (item: T) => string | number) => [...new Map(items.map((item) => [key(item), item])).values()];
  return {
    issues: unique(parts.flatMap((part) => part.issues), (issue) => `${issue.project_id}#${issue.iid}`),
    mergeRequests: unique(parts.flatMap((part) => part.mergeRequests), (mr) => `${mr.project_id}!${mr.iid}`),
    members: parts.flatMap((part) => part.members),
    milestones: unique(parts.flatMap((part) => part.milestones ?? []), (milestone) => milestone.id),
  };
}
