/**
 * Team KPIs read every cached issue and merge request of a scope: at 20,000 issues that is
 * ~600 ms, far over the issue page's 100 ms budget (SPEC §9). Their badges are therefore kept
 * in IndexedDB (so a restarted worker answers at once too) and reused while the data they came
 * from (the scope's sync stamps), the settings and the hour are the same.
 */
import type { BadgeSnapshot, LensDb } from '../db/database';
import type { ScopeKey } from '../db/records';
import type { BadgeView } from '../overview/badge-view';

/** KPI windows slide and due days end: recompute at least this often. */
export const SNAPSHOT_MAX_AGE_MS = 60 * 60_000;

const SCOPE_RESOURCES = ['issues', 'merge_requests', 'members', 'milestones', 'epics'] as const;

/** Changes whenever a sync of the scope stores something (or fails or succeeds again). */
export async function scopeDataStamp(db: LensDb, scope: ScopeKey): Promise<string> {
  const states = await Promise.all(SCOPE_RESOURCES.map((kind) => db.get('syncState', `${kind}:${scope}`)));
  return states.map((state) => `${state?.lastSuccessAt ?? '-'}/${state?.itemsInRun ?? 0}`).join(',');
}

export async function snapshotBadges(
  db: LensDb,
  key: string,
  stamp: string,
  now: number,
  compute: () => Promise<BadgeView[]>,
): Promise<BadgeView[]> {
  const stored = await db.get('badgeSnapshots', key);
  if (stored && stored.stamp === stamp && now - stored.computedAt < SNAPSHOT_MAX_AGE_MS) return stored.badges;
  const badges = await compute();
  const snapshot: BadgeSnapshot = { key, stamp, computedAt: now, badges };
  await db.put('badgeSnapshots', snapshot);
  return badges;
}
