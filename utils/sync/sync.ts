import type { LensDb } from '../db/database';
import { scopeKey, toStoredMembers, toStoredMilestones, type ScopeKey, type SyncState } from '../db/records';
import { getSyncState, saveSyncState } from '../db/sync-state';
import type { GitLabClient, Pages } from './client';
import { GitLabError } from './errors';
import type { GitLabIssue, GitLabMergeRequest } from './schemas';
import {
  failRun,
  finishRun,
  runFullSync,
  runIncrementalSync,
  type ResourceSyncResult,
  type SyncProgress,
  type SyncRunContext,
} from './sync-runner';

export type { ResourceSyncResult, SyncProgress };

// Incremental sync of a project or group into IndexedDB (SPEC §8-9): a cold sync of N issues
// costs ⌈N/100⌉ list requests, a warm sync with nothing changed one request per resource.
// Known limit: with offset pagination (merge requests, group lists, GitLab < 18.3 issues), an
// item updated while later pages are read moves to the end of the list and shifts the others
// left, so one item can be skipped until it changes again; keyset pagination has no such gap.

export interface SyncDeps {
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

export type SyncResourceKind = 'issues' | 'merge_requests' | 'members' | 'milestones' | 'epics' | 'codeowners';

export function syncResourceId(kind: SyncResourceKind, scope: ScopeKey): string {
  return `${kind}:${scope}`;
}

/** True when the resource never synced successfully or its last success is older than maxAgeMs. */
export function isStale(state: SyncState | undefined, maxAgeMs: number, now: number): boolean {
  if (!state?.lastSuccessAt) return true;
  return now - Date.parse(state.lastSuccessAt) > maxAgeMs;
}

/** After a failed run, the next automatic one waits 1 min, then 2, 4… up to 30 min. */
export const SYNC_BACKOFF = { firstMs: 60_000, maxMs: 30 * 60_000 } as const;

/**
 * When a resource whose last run failed may be synced again automatically: exponential in its
 * failures in a row, and never before GitLab's Retry-After. Null when the last run did not fail.
 */
export function retryNotBefore(state: SyncState): number | null {
  if (!state.lastError) return null;
  const failures = Math.max(1, state.failures ?? 1);
  const backoff = Math.min(SYNC_BACKOFF.maxMs, SYNC_BACKOFF.firstMs * 2 ** (failures - 1));
  const retryAfter = state.lastError.retryAt ? Date.parse(state.lastError.retryAt) : 0;
  return Math.max(Date.parse(state.lastError.at) + backoff, retryAfter);
}

/**
 * Whether a page's ask should start a sync: the data is stale and no recent failure asks us to
 * wait. Without the wait, a failing run (revoked token, offline) would be restarted by every
 * open tab as soon as it ended.
 */
export function needsSync(state: SyncState, maxAgeMs: number, now: number): boolean {
  if (!isStale(state, maxAgeMs, now)) return false;
  const notBefore = retryNotBefore(state);
  return notBefore === null || now >= notBefore;
}

/** A run stays "running" while it stores pages; silence longer than this means the worker stopped. */
export const INTERRUPTED_AFTER_MS = 2 * 60_000;

export type SyncStatus = 'never' | 'running' | 'interrupted' | 'failed' | 'ok';

/** What the popup shows for one resource. */
export function syncStatusOf(state: SyncState | undefined, now: number): SyncStatus {
  if (!state) return 'never';
  if (state.inProgress) {
    const lastSign = state.progressAt ? Date.parse(state.progressAt) : 0;
    return now - lastSign > INTERRUPTED_AFTER_MS ? 'interrupted' : 'running';
  }
  if (state.lastError) return 'failed';
  return state.lastSuccessAt ? 'ok' : 'never';
}

/** GitLab's documented CODEOWNERS locations, in the order it looks for them (gitlab/API.md). */
export const CODEOWNERS_PATHS = ['CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'] as const;

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
    ),
    ...syncMembersAndMilestones(client, { kind: 'project', id: projectId }, context),
    syncCodeowners(projectId, deps, context),
  ]);
  return report(scope, results.filter((result) => result !== null));
}

export async function syncGroup(groupId: number, deps: SyncDeps): Promise<SyncReport> {
  const { client, db } = deps;
  const context: SyncRunContext = { db, now: deps.now ?? Date.now, onProgress: deps.onProgress };
  const scope = scopeKey('group', groupId);
  const epicsId = syncResourceId('epics', scope);
  const results = await Promise.all([
    ...syncIssuesAndMergeRequests(
      scope,
      (updatedAfter) => client.listGroupIssues(groupId, { updatedAfter, state: 'all' }),
      (updatedAfter) => client.listGroupMergeRequests(groupId, { updatedAfter, state: 'all' }),
      context,
    ),
    once(db, epicsId, () =>
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
    ),
    ...syncMembersAndMilestones(client, { kind: 'group', id: groupId }, context),
  ]);
  return report(scope, results);
}

/** Both lists come in updated_at order, so their cursors advance page by page. */
function syncIssuesAndMergeRequests(
  scope: ScopeKey,
  issuePages: (updatedAfter: string | undefined) => Pages<GitLabIssue>,
  mergeRequestPages: (updatedAfter: string | undefined) => Pages<GitLabMergeRequest>,
  context: SyncRunContext,
): Promise<ResourceSyncResult>[] {
  const issuesId = syncResourceId('issues', scope);
  const mergeRequestsId = syncResourceId('merge_requests', scope);
  return [
    once(context.db, issuesId, () =>
      runIncrementalSync(
        { id: issuesId, pages: issuePages, writes: (issues) => ({ issues }), orderedByUpdatedAt: true },
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
