import type { LensDb } from '../db/database';
import { countCached, getIssuesByProject, itemKeyOf, removeUnlisted } from '../db/cache';
import { scopeKey, toStoredMembers, toStoredMilestones, type ScopeKey, type SyncState } from '../db/records';
import { isStale } from './freshness';
import { getSyncState, saveSyncState } from '../db/sync-state';
import type { GitLabClient, Pages } from '../gitlab/client';
import { GitLabError } from '../gitlab/errors';
import type { GitLabIssue, GitLabMergeRequest } from '../gitlab/schemas';
import {
  failRun,
  finishRun,
  runFullSync,
  runIncrementalSync,
  type ResourceSyncResult,
  type SyncProgress,
  type SyncRunContext,
} from './runner';

export type { ResourceSyncResult, SyncProgress };

// Incremental sync of a project or group into IndexedDB (SPEC §8-9): a cold sync of N issues
// costs ⌈N/100⌉ list requests, a warm sync with nothing changed one request per resource.
// Known limit: with offset pagination (merge requests, group lists, GitLab < 18.3 issues), an
// item updated while later pages are read moves to the end of the list and shifts the others
// left, so one item can be skipped until it changes again; keyset pagination has no such gap.

interface SyncDeps {
  client: GitLabClient;
  db: LensDb;
  now?: () => number;
  onProgress?: (progress: SyncProgress) => void;
  /** CODEOWNERS changes rarely and costs up to 4 requests to find; re-read after this (24 h). */
  codeownersMaxAgeMs?: number;
}

export interface SyncReport {
  scope: ScopeKey;
  ok: boolean;
  results: ResourceSyncResult[];
}

type SyncResourceKind = 'issues' | 'merge_requests' | 'members' | 'milestones' | 'epics' | 'codeowners';

export function syncResourceId(kind: SyncResourceKind, scope: ScopeKey): string {
  return `${kind}:${scope}`;
}

/** The resources a sync of the scope keeps and every answer over it reads (CODEOWNERS aside). */
export function scopeResourceIds(scope: ScopeKey): string[] {
  const kinds: SyncResourceKind[] = ['issues', 'merge_requests', 'members', 'milestones'];
  if (scope.startsWith('group:')) kinds.push('epics');
  return kinds.map((kind) => syncResourceId(kind, scope));
}

/** GitLab's documented CODEOWNERS locations, in the order it looks for them (gitlab/API.md). */
const CODEOWNERS_PATHS = ['CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'] as const;

// The same resource is never synced twice at once (alarm + popup refresh); memory is enough for
// this, because a stopped worker also stops the run it would be guarding.
const running = new Map<string, Promise<ResourceSyncResult>>();

function once(db: LensDb, resourceId: string, run: () => Promise<ResourceSyncResult>): Promise<ResourceSyncResult> {
  const key = `${db.name}/${resourceId}`;
  const existing = running.get(key);
  if (existing) return existing;
  const promise = run().finally(() => running.delete(key));
  running.set(key, promise);
  return promise;
}

function report(scope: ScopeKey, results: ResourceSyncResult[]): SyncReport {
  return { scope, ok: results.every((result) => result.status !== 'failed'), results };
}

const notOnThisTier = (error: GitLabError) => error.kind === 'forbidden' || error.kind === 'not-found';

export async function syncProject(projectId: number, deps: SyncDeps): Promise<SyncReport> {
  const { client, db } = deps;
  const context: SyncRunContext = { db, now: deps.now ?? Date.now, onProgress: deps.onProgress };
  const scope = scopeKey('project', projectId);
  const results = await Promise.all([
    ...syncIssuesAndMergeRequests(
      scope,
      (updatedAfter) => client.listProjectIssues(projectId, { updatedAfter, state: 'all' }),
      (updatedAfter) => client.listProjectMergeRequests(projectId, { updatedAfter, state: 'all' }),
      context,
      () => [projectId],
      // GitLab's count of the project's list against the cached one, daily.
      (kind) => ({
        everyMs: COUNT_EVERY_MS,
        listed: () => client.countProjectItems(projectId, kind === 'issues' ? 'issues' : 'merge_requests'),
        cached: () => countCached(db, kind, projectId),
      }),
    ),
    ...syncMembersAndMilestones(client, { kind: 'project', id: projectId }, context),
    syncCodeowners(projectId, deps, context),
  ]);
  // Allocation inherits an issue's category from its epic (and the epic's parents): the epics of
  // the groups the project's issues name are kept too, as the group's own sync keeps them (same
  // resource, same cursor). A failure there leaves the project's data whole, so it is not the
  // project sync's failure.
  const epicGroups = new Set((await getIssuesByProject(db, projectId)).flatMap((issue) => (issue.epic?.group_id === undefined ? [] : [issue.epic.group_id])));
  await Promise.all([...epicGroups].map((groupId) => syncGroupEpics(groupId, deps, context)));
  return report(scope, results.filter((result) => result !== null));
}

function syncGroupEpics(groupId: number, { client, db }: SyncDeps, context: SyncRunContext): Promise<ResourceSyncResult> {
  const epicsId = syncResourceId('epics', scopeKey('group', groupId));
  return once(db, epicsId, () =>
    runIncrementalSync(
      {
        id: epicsId,
        pages: (updatedAfter) => client.listGroupEpics(groupId, { updatedAfter }),
        writes: (epics) => ({ epics }),
        orderedByUpdatedAt: true,
        // Epics are Premium+: Free answers 403 (gitlab/API.md), which is not a failure.
        isUnavailable: notOnThisTier,
      },
      context,
    ),
  );
}

export async function syncGroup(groupId: number, deps: SyncDeps): Promise<SyncReport> {
  const { client, db } = deps;
  const context: SyncRunContext = { db, now: deps.now ?? Date.now, onProgress: deps.onProgress };
  const scope = scopeKey('group', groupId);
  const results = await Promise.all([
    ...syncIssuesAndMergeRequests(
      scope,
      (updatedAfter) => client.listGroupIssues(groupId, { updatedAfter, state: 'all' }),
      (updatedAfter) => client.listGroupMergeRequests(groupId, { updatedAfter, state: 'all' }),
      context,
      // The projects the group's listing named (subgroups included).
      (listed) => new Set([...listed].map((key) => Number(key.split('#')[0]))),
    ),
    syncGroupEpics(groupId, deps, context),
    ...syncMembersAndMilestones(client, { kind: 'group', id: groupId }, context),
  ]);
  return report(scope, results);
}

/**
 * Once a week the issue and MR lists are read whole (the cursor ignored), and what GitLab no
 * longer lists is removed from the cache (sync/runner.ts `reconcile`).
 */
export const RELIST_EVERY_MS = 7 * 24 * 3_600_000;
/** A project's lists are also counted once a day: a count that disagrees with the cache relists at once. */
export const COUNT_EVERY_MS = 24 * 3_600_000;

/** Both lists come in updated_at order, so their cursors advance page by page. */
function syncIssuesAndMergeRequests(
  scope: ScopeKey,
  issuePages: (updatedAfter: string | undefined) => Pages<GitLabIssue>,
  mergeRequestPages: (updatedAfter: string | undefined) => Pages<GitLabMergeRequest>,
  context: SyncRunContext,
  projectsOf: (listed: ReadonlySet<string>) => Iterable<number>,
  countOf?: (store: 'issues' | 'mergeRequests') => { everyMs: number; listed: () => Promise<number | null>; cached: () => Promise<number> },
): Promise<ResourceSyncResult>[] {
  const issuesId = syncResourceId('issues', scope);
  const mergeRequestsId = syncResourceId('merge_requests', scope);
  const reconcile = (store: 'issues' | 'mergeRequests') => ({
    everyMs: RELIST_EVERY_MS,
    keyOf: itemKeyOf,
    sweep: (listed: ReadonlySet<string>) => removeUnlisted(context.db, store, projectsOf(listed), listed),
    ...(countOf ? { count: countOf(store) } : {}),
  });
  return [
    once(context.db, issuesId, () =>
      runIncrementalSync(
        { id: issuesId, pages: issuePages, writes: (issues) => ({ issues }), orderedByUpdatedAt: true, reconcile: reconcile('issues') },
        context,
      ),
    ),
    once(context.db, mergeRequestsId, () =>
      runIncrementalSync(
        {
          id: mergeRequestsId,
          pages: mergeRequestPages,
          writes: (mergeRequests) => ({ mergeRequests }),
          orderedByUpdatedAt: true,
          reconcile: reconcile('mergeRequests'),
        },
        context,
      ),
    ),
  ];
}

function syncMembersAndMilestones(
  client: GitLabClient,
  target: { kind: 'project' | 'group'; id: number },
  context: SyncRunContext,
): Promise<ResourceSyncResult>[] {
  const scope = scopeKey(target.kind, target.id);
  const membersId = syncResourceId('members', scope);
  const milestonesId = syncResourceId('milestones', scope);
  return [
    once(context.db, membersId, () =>
      runFullSync(
        membersId,
        client.listMembersAll(target),
        (members) => ({ members: { scope, members: toStoredMembers(scope, members) } }),
        () => context.db.countFromIndex('members', 'by-scope', scope),
        context,
      ),
    ),
    once(context.db, milestonesId, () =>
      runIncrementalSync(
        {
          id: milestonesId,
          pages: (updatedAfter) => client.listMilestones(target, { updatedAfter }),
          writes: (milestones) => ({ milestones: toStoredMilestones(scope, milestones) }),
          // The milestones API has no order_by; it lists by due date.
          orderedByUpdatedAt: false,
        },
        context,
      ),
    ),
  ];
}

/** Reads CODEOWNERS from the default branch when the cached copy is older than codeownersMaxAgeMs. */
async function syncCodeowners(projectId: number, deps: SyncDeps, context: SyncRunContext): Promise<ResourceSyncResult | null> {
  const resourceId = syncResourceId('codeowners', scopeKey('project', projectId));
  const state = await getSyncState(context.db, resourceId);
  if (!isStale(state, deps.codeownersMaxAgeMs ?? 24 * 3_600_000, context.now())) return null;
  return once(context.db, resourceId, async () => {
    const running: SyncState = { ...state, inProgress: true, progressAt: new Date(context.now()).toISOString(), problems: [] };
    await saveSyncState(context.db, running);
    try {
      const project = await deps.client.getProject(projectId);
      const ref = project.default_branch;
      let found: { path: string; text: string } | null = null;
      // A project with an empty repository has no default branch and no CODEOWNERS.
      for (const path of ref ? CODEOWNERS_PATHS : []) {
        const text = await deps.client.getRawFile(projectId, path, ref ?? '');
        if (text !== null) {
          found = { path, text };
          break;
        }
      }
      const codeowners = {
        projectId,
        path: found?.path ?? null,
        ref,
        text: found?.text ?? null,
        fetchedAt: new Date(context.now()).toISOString(),
      };
      return await finishRun(context, { ...running, itemsInRun: found ? 1 : 0 }, 'ok', { codeowners });
    } catch (error) {
      return failRun(context, running, error);
    }
  });
}
