import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDataService } from '../../../utils/background/data-service';
import { openLensDb } from '../../../utils/db/database';
import type { ScopeKey } from '../../../utils/db/records';
import { getSyncState } from '../../../utils/db/sync-state';
import { GitLabClient } from '../../../utils/gitlab/client';
import { needsSync, retryNotBefore, SYNC_BACKOFF } from '../../../utils/sync/freshness';
import type { SyncOutcome } from '../../../utils/messages';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import { fakeFetch, json } from '../gitlab/fake-gitlab';
import { emptySyncState } from '../../../utils/db/records';

const START = Date.parse('2026-05-01T12:00:00Z');
const PROJECT = { kind: 'project', id: 7 } as const;
let dbCount = 0;

/**
 * Issue #7, item 6: with a revoked token every run fails. Before the backoff, the end of a run was
 * pushed as "data changed", each open tab asked again, and the ask started the next run at once.
 */
async function revokedTokenMinute(tabs: number) {
  let now = START;
  const db = await openLensDb(`sync-backoff-${++dbCount}`);
  const revoked = fakeFetch(() => json({ message: '401 Unauthorized' }, { status: 401 }));
  const pushes: Array<{ tabId: number; push: { scope: ScopeKey } & SyncOutcome }> = [];
  let waiters: Array<() => void> = [];
  const service = createDataService({
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, gitlabUrl: 'https://gitlab.example.com', token: 'glpat-revoked' }),
    openDb: async () => db,
    createClient: (settings) =>
      new GitLabClient({ baseUrl: settings.gitlabUrl, getToken: async () => 'glpat-revoked', fetch: revoked.fetch, sleep: async () => {}, now: () => now }),
    notifyTab: (tabId, push) => {
      pushes.push({ tabId, push });
      for (const wake of waiters) wake();
      waiters = [];
    },
    now: () => now,
  });
  let syncStarts = 0;
  // Every tab asks when it loads and again on every push it gets, as an overlay does at worst.
  while (now < START + 60_000) {
    const answers = await Promise.all(Array.from({ length: tabs }, (_, tab) => service.ensureFresh(PROJECT, tab)));
    if (answers.some((answer) => answer.syncing)) {
      syncStarts += 1;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
    now += 250;
  }
  return { requests: revoked.requests.length, syncStarts, pushes, state: await getSyncState(db, 'issues:project:7') };
}

describe('a failing sync backs off instead of restarting itself', () => {
  it('three tabs and a revoked token for a minute: one run, a handful of requests', async () => {
    const { requests, syncStarts, pushes, state } = await revokedTokenMinute(3);
    expect(syncStarts).toBe(1);
    // One run of a project: issues, merge requests, members, milestones, and the project for CODEOWNERS.
    expect(requests).toBe(5);
    // Each waiting tab heard once that the run failed, with the reason, and not as new data.
    expect(pushes.map(({ tabId }) => tabId)).toEqual([0, 1, 2]);
    for (const { push } of pushes) {
      expect(push).toMatchObject({ scope: 'project:7', ok: false, error: { kind: 'unauthorized' } });
    }
    expect(state.failures).toBe(1);
  });

  it('waits 1 min after one failure, then 2, 4 … and never more than 30 min', () => {
    const failedAt = new Date(START).toISOString();
    const failed = (failures: number) => ({
      ...emptySyncState('issues:project:7'),
      lastError: { kind: 'unauthorized' as const, message: 'GitLab rejected the token (401).', at: failedAt },
      failures,
    });
    expect(retryNotBefore(failed(1))).toBe(START + 60_000);
    expect(retryNotBefore(failed(2))).toBe(START + 120_000);
    expect(retryNotBefore(failed(3))).toBe(START + 240_000);
    expect(retryNotBefore(failed(20))).toBe(START + SYNC_BACKOFF.maxMs);
    expect(needsSync(failed(1), 60 * 60_000, START + 59_999)).toBe(false);
    expect(needsSync(failed(1), 60 * 60_000, START + 60_000)).toBe(true);
    expect(retryNotBefore(emptySyncState('issues:project:7'))).toBeNull();
  });

  it('a run that could not reach GitLab does not hold back the next page view', () => {
    const unreachable = {
      ...emptySyncState('issues:project:7'),
      lastError: { kind: 'unreachable' as const, message: 'Could not reach gitlab.example.com.', at: new Date(START).toISOString() },
      failures: 3,
    };
    // Back online a second later: the page the user reloads syncs at once…
    expect(needsSync(unreachable, 60 * 60_000, START + 1_000)).toBe(true);
    // …but fresh data still needs no sync, and a 401 after the same three failures waits 4 min.
    expect(needsSync({ ...unreachable, lastSuccessAt: new Date(START).toISOString() }, 60 * 60_000, START + 1_000)).toBe(false);
    const rejected = { ...unreachable, lastError: { ...unreachable.lastError, kind: 'unauthorized' as const } };
    expect(needsSync(rejected, 60 * 60_000, START + 1_000)).toBe(false);
  });

  it("honours GitLab's Retry-After when it is later than the backoff", () => {
    const state = {
      ...emptySyncState('issues:project:7'),
      lastError: { kind: 'rate-limited' as const, message: 'GitLab is limiting requests (429).', at: new Date(START).toISOString(), retryAt: new Date(START + 5 * 60_000).toISOString() },
      failures: 1,
    };
    expect(retryNotBefore(state)).toBe(START + 5 * 60_000);
    expect(needsSync(state, 60 * 60_000, START + 4 * 60_000)).toBe(false);
  });
});
