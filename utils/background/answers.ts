/**
 * The one recipe behind every answer computed over cached scopes (issue, epic, board, popup):
 * freshness of each scope (a stale one starts a sync the asking tab is told about) → a snapshot
 * key and stamp (the scopes' completed syncs and every setting the answer depends on) → compute
 * only when the stamp changed or the snapshot is an hour old.
 *
 * Team KPIs read every cached issue and merge request of a scope: at 20,000 issues that is
 * ~600 ms, far over the issue page's budget (SPEC §9). Snapshots live in IndexedDB, so a
 * restarted worker answers at once too.
 */
import type { BadgeSnapshot, LensDb } from '../db/database';
import { scopeKey } from '../db/records';
import type { BadgeView } from '../overview/badge-view';
import { teamKpiBadges } from '../overview/team-kpis';
import { allocationRulesFrom, kpiSettingsFrom, type Settings } from '../settings';
import type { DataService, Freshness, ScopeFreshness } from './data-service';
import { loadTeamData, type ScopeTarget } from './scope-cache';

/** KPI windows slide and due days end: recompute at least this often. */
export const SNAPSHOT_MAX_AGE_MS = 60 * 60_000;

/**
 * The answer stored under `key`, or a new one when its stamp changed or it is too old. `read`: the
 * stored record when the caller has read it already (alongside other reads).
 */
export async function snapshot<T>(
  db: LensDb,
  key: string,
  stamp: string,
  now: number,
  compute: () => Promise<T>,
  read?: Promise<BadgeSnapshot | undefined>,
): Promise<T> {
  const stored = await (read ?? db.get('badgeSnapshots', key));
  // The key names the kind of answer, so a stored one is of the kind asked for.
  if (stored && stored.stamp === stamp && now - stored.computedAt < SNAPSHOT_MAX_AGE_MS) return stored.badges as T;
  const badges = await compute();
  const record: BadgeSnapshot<T> = { key, stamp, computedAt: now, badges };
  await db.put('badgeSnapshots', record);
  return badges;
}

/** The team is as fresh as its stalest scope, and syncing while any of them is. */
function combineFreshness(all: readonly ScopeFreshness[]): Freshness {
  const synced = all.map((freshness) => freshness.syncedAt);
  const error = all.find((freshness) => freshness.error)?.error;
  return {
    syncedAt: synced.includes(null) ? null : (synced.sort()[0] ?? null),
    syncing: all.some((freshness) => freshness.syncing),
    ...(error ? { error } : {}),
    scopes: [...new Set(all.flatMap((freshness) => freshness.scopes))],
  };
}

/** Every setting the KPI badges depend on: a change to any of them is a new stamp. */
function kpiInputs(settings: Settings) {
  return { kpi: kpiSettingsFrom(settings), allocationRules: allocationRulesFrom(settings), gitlabUrl: settings.gitlabUrl };
}

export function createAnswers(data: Pick<DataService, 'ensureFresh'>, now: () => number) {
  /** Snapshots being computed, by key and stamp: tabs asking the same at once share one run. */
  const computing = new Map<string, Promise<unknown>>();
  const check = (targets: readonly ScopeTarget[], tabId: number | undefined) =>
    Promise.all(targets.map((target) => data.ensureFresh({ kind: target.kind, id: target.id }, tabId)));

  async function freshness(targets: readonly ScopeTarget[], tabId: number | undefined): Promise<Freshness> {
    return combineFreshness(await check(targets, tabId));
  }

  /**
   * A snapshot over `targets` keyed by `name`, recomputed when their completed syncs or `dependsOn`
   * change; empty before the scopes' first sync. The stored snapshot is read beside the sync
   * states (its key needs only the targets) and the stamp comes from that same read: on a busy
   * 2-core machine every IndexedDB round trip costs milliseconds on the page's path.
   */
  async function over<T>(
    db: LensDb,
    name: string,
    targets: readonly ScopeTarget[],
    tabId: number | undefined,
    /** Everything else the answer depends on; a promise is read beside the scopes' states. */
    dependsOn: unknown,
    compute: () => Promise<T>,
  ): Promise<{ value: T | null; freshness: Freshness }> {
    const key = `${name}:${targets.map((target) => scopeKey(target.kind, target.id)).join('+')}`;
    const stored = targets.length ? db.get('badgeSnapshots', key) : undefined;
    const [checked, depends] = await Promise.all([check(targets, tabId), dependsOn]);
    const fresh = combineFreshness(checked);
    if (!targets.length || !fresh.syncedAt) return { value: null, freshness: fresh };
    const stamp = `${checked.map((scope) => scope.dataStamp).join(';')}|${JSON.stringify(depends)}`;
    const running = `${key}|${stamp}`;
    let pending = computing.get(running) as Promise<T> | undefined;
    if (!pending) {
      pending = snapshot(db, key, stamp, now(), compute, stored);
      computing.set(running, pending);
      void pending.then(
        () => computing.delete(running),
        () => computing.delete(running),
      );
    }
    return { value: await pending, freshness: fresh };
  }

  return {
    freshness,
    over,

    /** The six KPI badges of the scopes together (empty before their first sync), and how fresh. */
    async kpis(
      context: { settings: Settings; db: LensDb },
      targets: readonly ScopeTarget[],
      tabId: number | undefined,
    ): Promise<{ badges: BadgeView[]; freshness: Freshness }> {
      const inputs = kpiInputs(context.settings);
      const { value, freshness: fresh } = await over(context.db, 'kpis', targets, tabId, inputs, async () =>
        teamKpiBadges(await loadTeamData(context.db, targets, context.settings.gitlabUrl), inputs.kpi, inputs.allocationRules, new Date(now())),
      );
      return { badges: value ?? [], freshness: fresh };
    },
  };
}

export type Answers = ReturnType<typeof createAnswers>;
