import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { SNAPSHOT_MAX_AGE_MS, scopeDataStamp, snapshot as snapshotBadges } from '../../../utils/background/answers';
import { openLensDb } from '../../../utils/db/database';
import { emptySyncState } from '../../../utils/db/records';
import { saveSyncState } from '../../../utils/db/sync-state';

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
