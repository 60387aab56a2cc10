import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataService } from '../../../utils/background/data-service';
import { openLensDb, type LensDb } from '../../../utils/db/database';
import { saveSyncState } from '../../../utils/db/sync-state';
import { emptySyncState } from '../../../utils/db/records';
import type { GitLabClient } from '../../../utils/gitlab/client';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';
import { MessageError } from '../../../utils/messages';

const syncProject = vi.hoisted(() => vi.fn());
vi.mock('../../../utils/gitlab/sync', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../utils/gitlab/sync')>()),
  syncProject,
}));

const NOW = Date.parse('2026-05-01T12:00:00Z');
let dbCount = 0;

async function makeService(settings: Partial<Settings> = {}) {
  const db: LensDb = await openLensDb(`data-service-${++dbCount}`);
  const notified: Array<[number, string]> = [];
  const service = createDataService({
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, token: 'glpat-x', ...settings }),
    openDb: async () => db,
    createClient: () => ({}) as GitLabClient,
    notifyTab: (tabId, scope) => notified.push([tabId, scope]),
    now: () => NOW,
  });
  return { service, db, notified };
}

afterEach(() => syncProject.mockReset());

describe('data service', () => {
  it('refuses to work without a token, with a message the overlay can act on', async () => {
    const { service } = await makeService({ token: '' });
    await expect(service.ensureFresh({ kind: 'project', id: 1 })).rejects.toSatisfy(
      (error) => error instanceof MessageError && error.info.kind === 'not-configured',
    );
  });

  it('starts one sync for a stale scope however often it is asked, and tells every waiting tab once it ends', async () => {
    let finish: (value: { ok: boolean }) => void = () => {};
    syncProject.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const { service, notified } = await makeService();

    const first = await service.ensureFresh({ kind: 'project', id: 7 }, 11);
    const second = await service.ensureFresh({ kind: 'project', id: 7 }, 12);
    expect(first).toEqual({ syncedAt: null, syncing: true });
    expect(second.syncing).toBe(true);
    expect(syncProject).toHaveBeenCalledTimes(1);
    expect(notified).toEqual([]);

    finish({ ok: true });
    await vi.waitFor(() => expect(notified).toEqual([[11, 'project:7'], [12, 'project:7']]));
  });

  it('answers from a fresh cache without syncing, and reports the last sync error', async () => {
    const { service, db } = await makeService();
    await saveSyncState(db, {
      ...emptySyncState('issues:project:7'),
      lastSuccessAt: new Date(NOW - 10 * 60_000).toISOString(),
      lastError: { kind: 'rate-limited', message: 'GitLab asked us to wait.', at: new Date(NOW).toISOString() },
    });
    const freshness = await service.ensureFresh({ kind: 'project', id: 7 }, 11);
    expect(syncProject).not.toHaveBeenCalled();
    expect(freshness).toEqual({
      syncedAt: new Date(NOW - 10 * 60_000).toISOString(),
      syncing: false,
      error: { kind: 'rate-limited', message: 'GitLab asked us to wait.' },
    });
  });

  it('re-syncs once the cache is older than the configured age (60 min by default)', async () => {
    syncProject.mockResolvedValue({ ok: true });
    const { service, db } = await makeService();
    await saveSyncState(db, { ...emptySyncState('issues:project:7'), lastSuccessAt: new Date(NOW - 61 * 60_000).toISOString() });
    await service.ensureFresh({ kind: 'project', id: 7 });
    expect(syncProject).toHaveBeenCalledTimes(1);
  });
});
