/**
 * When cached data is stale, when a failed resource may be synced again, and what the popup says
 * about a resource: pure functions of its SyncState.
 */
import type { SyncState } from '../db/records';

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
 * wait. Without the wait, a failing run (revoked token, server errors) would be restarted by
 * every open tab as soon as it ended.
 *
 * A run that could not reach GitLab at all is the exception: it cost GitLab nothing, and the
 * next page a user opens (or reloads) after the network or VPN is back should show data, not
 * "Could not reach" for another minute. Pages do not re-ask after a failed run (they only update
 * its note), so this is one attempt per page view, shared by every tab while it runs. GitLab's
 * own Retry-After still holds.
 */
export function needsSync(state: SyncState, maxAgeMs: number, now: number): boolean {
  if (!isStale(state, maxAgeMs, now)) return false;
  const error = state.lastError;
  if (error?.kind === 'unreachable' && !error.retryAt) return true;
  const notBefore = retryNotBefore(state);
  return notBefore === null || now >= notBefore;
}

/**
 * A scope as the overlays see it, from the states of all its resources (issues, merge requests,
 * members, milestones, epics): synced once every one of them has synced (a KPI over issues that
 * came while its merge requests did not would be a wrong number, not a partial one), as fresh as
 * the oldest, failed when any failed, and due a sync when any of them is.
 */
export function scopeFreshness(
  states: readonly SyncState[],
  maxAgeMs: number,
  now: number,
): { syncedAt: string | null; error: SyncState['lastError']; needsSync: boolean } {
  const successes = states.map((state) => state.lastSuccessAt);
  return {
    syncedAt: successes.includes(null) ? null : ([...successes].sort()[0] ?? null),
    error: states.find((state) => state.lastError)?.lastError ?? null,
    needsSync: states.some((state) => needsSync(state, maxAgeMs, now)),
  };
}

/**
 * Changes when a sync of one of the resources completes (or fails after a success), not with
 * every page it stores: a sync in progress would otherwise make every ask recompute over the
 * whole cache.
 */
export function dataStampOf(states: readonly (SyncState | undefined)[]): string {
  return states.map((state) => state?.lastSuccessAt ?? '-').join(',');
}

/** A run stays "running" while it stores pages; silence longer than this means the worker stopped. */
const INTERRUPTED_AFTER_MS = 2 * 60_000;

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

