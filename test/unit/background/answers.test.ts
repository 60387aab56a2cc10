import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createAnswers, SNAPSHOT_MAX_AGE_MS, snapshot as snapshotBadges } from '../../../utils/background/answers';
import { createDataService } from '../../../utils/background/data-service';
import type { GitLabClient } from '../../../utils/gitlab/client';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import { openLensDb, type LensDb } from '../../../utils/db/database';
import { emptySyncState } from '../../../utils/db/records';
import { saveSyncState } from '../../../utils/db/sync-state';
import { dataStampOf } from '../../../utils/sync/freshness';
import { scopeResourceIds } from '../../../utils/sync/sync';
import type { ScopeKey } from '../../../utils/db/records';

/** The scope's data stamp as the data service builds it from its sync states. */
const scopeDataStamp = async (db: LensDb, scope: ScopeKey) =>
  dataStampOf(await Promise.all(scopeResourceIds(scope).map((id) => db.get('syncState', id))));

const badge = (text: string) => [{ id: 'on-time', text, explanation: 'x', status: 'neutral' as const }];

describe('badge snapshots', () => {
  it('computes once per stamp, again when the stamp changes or the snapshot is an hour old', async () => {
    const db = await openLensDb('snapshots-1');
    const compute = vi.fn(async () => badge(`On-time ${compute.mock.calls.length}`));
    const t0 = 1_000_000;
    expect(await snapshotBadges(db, 'team:project:1', 'a', t0, compute)).toEqual(badge('On-time 1'));
    expect(await snapshotBadges(db, 'team:project:1', 'a', t0 + 1000, compute)).toEqual(badge('On-time 1'));
    expect(compute).toHaveBeenCalledTimes(1);
    expect(await snapshotBadges(db, 'team:project:1', 'b', t0 + 2000, compute)).toEqual(badge('On-time 2'));
    expect(await snapshotBadges(db, 'team:project:1', 'b', t0 + 2000 + SNAPSHOT_MAX_AGE_MS, compute)).toEqual(badge('On-time 3'));
    db.close();
  });

  it('changes the data stamp when a sync of the scope completes, not with every page it stores', async () => {
    const db = await openLensDb('snapshots-2');
    const before = await scopeDataStamp(db, 'project:1');
    await saveSyncState(db, { ...emptySyncState('issues:project:1'), itemsInRun: 100, inProgress: true });
    const midway = await scopeDataStamp(db, 'project:1');
    await saveSyncState(db, { ...emptySyncState('issues:project:1'), itemsInRun: 100, lastSuccessAt: '2026-01-01T00:00:00Z' });
    const done = await scopeDataStamp(db, 'project:1');
    expect(midway).toBe(before);
    expect(done).not.toBe(before);
    // Another scope's sync does not touch this one's stamp.
    await saveSyncState(db, { ...emptySyncState('issues:project:2'), lastSuccessAt: '2026-01-02T00:00:00Z' });
    expect(await scopeDataStamp(db, 'project:1')).toBe(done);
    db.close();
  });
});

describe('the KPI answer', () => {
  it('reads its snapshot beside the sync states, and recomputes only after a sync of the scope completed', async () => {
    const db = await openLensDb('snapshots-3');
    const at = (minutes: number) => new Date(Date.parse('2026-05-01T12:00:00Z') - minutes * 60_000).toISOString();
    const synced = async (minutesAgo: number) => {
      for (const kind of ['issues', 'merge_requests', 'members', 'milestones']) {
        await saveSyncState(db, { ...emptySyncState(`${kind}:project:1`), lastSuccessAt: at(minutesAgo) });
      }
    };
    await synced(10);
    const service = createDataService({
      loadSettings: async () => ({ ...DEFAULT_SETTINGS, gitlabUrl: 'https://gitlab.example.com', token: 'glpat-x' }),
      openDb: async () => db,
      createClient: () => ({}) as GitLabClient,
      notifyTab: () => {},
      now: () => Date.parse('2026-05-01T12:00:00Z'),
    });
    const answers = createAnswers(service, () => Date.parse('2026-05-01T12:00:00Z'));
    const ask = () => answers.kpis({ settings: DEFAULT_SETTINGS, db }, [{ kind: 'project', id: 1 }], undefined);
    const first = await ask();
    // An empty cache: no failures, no MRs; the six badges still come, with their sample.
    expect(first.badges.map((badge) => badge.id)).toEqual(['on-time', 'complete', 'mttr', 'mtbf', 'mr-rate', 'tech-contribution']);
    const stored = await db.get('badgeSnapshots', 'kpis:project:1');
    expect(stored?.stamp.startsWith(`${Array(4).fill(at(10)).join(',')}|`)).toBe(true);

    // Asked again: the stored snapshot serves, not a new computation (a marked copy comes back).
    const marked = badge('On-time from the snapshot');
    await db.put('badgeSnapshots', { ...stored!, badges: marked });
    expect((await ask()).badges).toEqual(marked);
    // The merge requests synced again: a new stamp, so a new snapshot.
    await saveSyncState(db, { ...emptySyncState('merge_requests:project:1'), lastSuccessAt: at(1) });
    expect((await ask()).badges.map((badge) => badge.id)).toHaveLength(6);
    expect((await db.get('badgeSnapshots', 'kpis:project:1'))?.stamp).toContain(at(1));
    db.close();
  });
});
