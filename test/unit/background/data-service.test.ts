import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataService } from '../../../utils/background/data-service';
import { openLensDb, type LensDb } from '../../../utils/db/database';
import { saveSyncState } from '../../../utils/db/sync-state';
import { emptySyncState, type SyncState } from '../../../utils/db/records';
import type { GitLabClient } from '../../../utils/gitlab/client';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';
import { MessageError } from '../../../utils/messages';
import { GitLabError } from '../../../utils/gitlab/errors';

const syncProject = vi.hoisted(() => vi.fn());
vi.mock('../../../utils/sync/sync', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../utils/sync/sync')>()),
  syncProject,
}));

const NOW = Date.parse('2026-05-01T12:00:00Z');
let dbCount = 0;

async function makeService(settings: Partial<Settings> = {}) {
  const db: LensDb = await openLensDb(`data-service-${++dbCount}`);
  const notified: Array<[number, string, boolean]> = [];
  const service = createDataService({
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, token: 'glpat-x', ...settings }),
    openDb: async () => db,
    createClient: () => ({}) as GitLabClient,
    notifyTab: (tabId, push) => notified.push([tabId, push.scope, push.ok]),
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
    let finish: (value: { ok: boolean; results: unknown[] }) => void = () => {};
    syncProject.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const { service, notified } = await makeService();

    const first = await service.ensureFresh({ kind: 'project', id: 7 }, 11);
    const second = await service.ensureFresh({ kind: 'project', id: 7 }, 12);
    // Never synced: no resource has a success to stamp its snapshots with.
    expect(first).toEqual({ syncedAt: null, syncing: true, scopes: ['project:7'], dataStamp: '-,-,-,-' });
    expect(second.syncing).toBe(true);
    expect(syncProject).toHaveBeenCalledTimes(1);
    expect(notified).toEqual([]);

    finish({ ok: true, results: [] });
    await vi.waitFor(() => expect(notified).toEqual([[11, 'project:7', true], [12, 'project:7', true]]));
  });

  /** A project's four resources, each last synced `minutesAgo`. */
  async function syncedProject(db: LensDb, minutesAgo: number, overrides: Record<string, Partial<SyncState>> = {}) {
    for (const kind of ['issues', 'merge_requests', 'members', 'milestones']) {
      const id = `${kind}:project:7`;
      await saveSyncState(db, { ...emptySyncState(id), lastSuccessAt: new Date(NOW - minutesAgo * 60_000).toISOString(), ...overrides[kind] });
    }
  }

  it('answers from a fresh cache without syncing, and reports the last sync error', async () => {
    const { service, db } = await makeService();
    await syncedProject(db, 10, {
      issues: { lastError: { kind: 'rate-limited', message: 'GitLab asked us to wait.', at: new Date(NOW).toISOString() } },
    });
    const freshness = await service.ensureFresh({ kind: 'project', id: 7 }, 11);
    expect(syncProject).not.toHaveBeenCalled();
    expect(freshness).toEqual({
      syncedAt: new Date(NOW - 10 * 60_000).toISOString(),
      syncing: false,
      error: { kind: 'rate-limited', message: 'GitLab asked us to wait.' },
      scopes: ['project:7'],
      // Issues, merge requests, members, milestones: the last success of each.
      dataStamp: Array(4).fill(new Date(NOW - 10 * 60_000).toISOString()).join(','),
    });
  });

  it('re-syncs once the cache is older than the configured age (60 min by default)', async () => {
    syncProject.mockResolvedValue({ ok: true, results: [] });
    const { service, db } = await makeService();
    await syncedProject(db, 61);
    await service.ensureFresh({ kind: 'project', id: 7 });
    expect(syncProject).toHaveBeenCalledTimes(1);
  });

  it('a scope whose merge requests never synced has no numbers yet, and syncs again on the next page', async () => {
    // The first run stored the issues, then lost the network while reading merge requests: MR
    // rate would read 0.0 from an empty cache if the issues alone made the scope "synced".
    syncProject.mockResolvedValue({ ok: true, results: [] });
    const { service, db } = await makeService();
    await syncedProject(db, 1, {
      merge_requests: {
        lastSuccessAt: null,
        lastError: { kind: 'unreachable', message: 'Could not reach gitlab.example.com.', at: new Date(NOW - 60_000).toISOString() },
        failures: 1,
      },
    });
    const freshness = await service.ensureFresh({ kind: 'project', id: 7 });
    expect(freshness).toMatchObject({ syncedAt: null, syncing: true, error: { kind: 'unreachable' } });
    expect(syncProject).toHaveBeenCalledTimes(1);
  });
});

describe('project and group ids by path', () => {
  async function serviceWith(db: LensDb, getProject: (path: string) => Promise<{ id: number }>, now = () => NOW) {
    return createDataService({
      loadSettings: async () => ({ ...DEFAULT_SETTINGS, token: 'glpat-x' }),
      openDb: async () => db,
      createClient: () => ({ getProject, close: () => {} }) as unknown as GitLabClient,
      notifyTab: () => {},
      now,
    });
  }

  it('asks GitLab once; a restarted worker reads the id from IndexedDB', async () => {
    const db = await openLensDb(`data-service-${++dbCount}`);
    const getProject = vi.fn(async () => ({ id: 201 }));
    expect(await (await serviceWith(db, getProject)).projectId('lens-demo/web-app')).toBe(201);
    await vi.waitFor(async () => expect(await db.get('scopeIds', 'project:lens-demo/web-app')).toMatchObject({ id: 201 }));
    // A new service is what a restarted worker has: memory empty, IndexedDB kept.
    expect(await (await serviceWith(db, getProject)).projectId('lens-demo/web-app')).toBe(201);
    expect(getProject).toHaveBeenCalledTimes(1);
  });

  it('remembers a path GitLab does not know for 10 minutes, then asks again', async () => {
    const db = await openLensDb(`data-service-${++dbCount}`);
    let now = NOW;
    const getProject = vi.fn(async (): Promise<{ id: number }> => {
      throw new GitLabError({ kind: 'not-found', gitlabMessage: '404 Project Not Found' });
    });
    const service = await serviceWith(db, getProject, () => now);
    const expected = { error: { kind: 'scope-not-found', message: 'GitLab has no project “lens-demo/gone” (404), or the token’s user cannot see it.' } };
    expect(await service.lookup('project', 'lens-demo/gone')).toEqual(expected);
    now += 9 * 60_000;
    expect(await service.lookup('project', 'lens-demo/gone')).toEqual(expected);
    expect(getProject).toHaveBeenCalledTimes(1);
    now += 2 * 60_000;
    await service.lookup('project', 'lens-demo/gone');
    expect(getProject).toHaveBeenCalledTimes(2);
    await expect(service.projectId('lens-demo/gone')).rejects.toSatisfy((error) => error instanceof MessageError && error.info.kind === 'scope-not-found');
  });

  it('cancels the old client when the GitLab changes or is forgotten', async () => {
    const db = await openLensDb(`data-service-${++dbCount}`);
    let url = 'https://gitlab.example.com';
    const clients: Array<{ url: string; close: ReturnType<typeof vi.fn> }> = [];
    const service = createDataService({
      loadSettings: async () => ({ ...DEFAULT_SETTINGS, gitlabUrl: url, token: 'glpat-x' }),
      openDb: async () => db,
      createClient: (settings) => {
        const client = { url: settings.gitlabUrl, close: vi.fn() };
        clients.push(client);
        return client as unknown as GitLabClient;
      },
      notifyTab: () => {},
      now: () => NOW,
    });
    await service.context();
    url = 'https://other.example.com';
    await service.context();
    expect(clients.map((client) => [client.url, client.close.mock.calls.length])).toEqual([
      ['https://gitlab.example.com', 1],
      ['https://other.example.com', 0],
    ]);
    service.forget();
    expect(clients[1]!.close).toHaveBeenCalledTimes(1);
  });
});
