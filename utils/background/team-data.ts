/**
 * The configured team as a KPI scope (SPEC §2: "Team KPI: the configured team: projects +
 * members, or the group"): its group and listed projects, their cached data merged.
 */
import { DEFAULT_ALLOCATION_RULES } from '../allocation/rules';
import type { LensDb } from '../db/database';
import { scopeKey } from '../db/records';
import type { KpiSettings } from '../kpi';
import type { BadgeView } from '../overview/badge-view';
import { teamKpiBadges, type TeamData } from '../overview/team-kpis';
import type { Settings } from '../settings';
import { scopeDataStamp, snapshotBadges } from './badge-snapshots';
import type { Freshness } from './data-service';
import { loadScopeData, type ScopeTarget } from './scope-cache';

/** Every scope's data, each issue, MR, member and milestone once (a project may be in the group too). */
export async function loadTeamData(db: LensDb, targets: readonly ScopeTarget[], gitlabUrl: string): Promise<TeamData> {
  const parts = await Promise.all(targets.map((target) => loadScopeData(db, target, gitlabUrl)));
  const unique = <T>(items: T[], key: (item: T) => string | number) => [...new Map(items.map((item) => [key(item), item])).values()];
  return {
    issues: unique(parts.flatMap((part) => part.issues), (issue) => `${issue.project_id}#${issue.iid}`),
    mergeRequests: unique(parts.flatMap((part) => part.mergeRequests), (mr) => `${mr.project_id}!${mr.iid}`),
    members: parts.flatMap((part) => part.members),
    milestones: unique(parts.flatMap((part) => part.milestones ?? []), (milestone) => milestone.id),
  };
}

/** The team is as fresh as its stalest scope, and syncing while any of them is. */
export function combineFreshness(all: readonly Freshness[]): Freshness {
  const synced = all.map((freshness) => freshness.syncedAt);
  const error = all.find((freshness) => freshness.error)?.error;
  return {
    syncedAt: synced.includes(null) ? null : (synced.sort()[0] ?? null),
    syncing: all.some((freshness) => freshness.syncing),
    ...(error ? { error } : {}),
    scopes: [...new Set(all.flatMap((freshness) => freshness.scopes))],
  };
}

/** The six KPI badges over the scopes' data, reused while their syncs and the settings are unchanged. */
export async function kpiBadgesFor(
  db: LensDb,
  targets: readonly ScopeTarget[],
  gitlabUrl: string,
  kpi: KpiSettings,
  at: Date,
): Promise<BadgeView[]> {
  const keys = targets.map((target) => scopeKey(target.kind, target.id));
  const stamps = await Promise.all(keys.map((key) => scopeDataStamp(db, key)));
  const stamp = `${stamps.join(';')}|${JSON.stringify(kpi)}`;
  return snapshotBadges(db, `kpis:${keys.join('+')}`, stamp, at.getTime(), async () =>
    teamKpiBadges(await loadTeamData(db, targets, gitlabUrl), kpi, DEFAULT_ALLOCATION_RULES, at),
  );
}

/** Whether the settings name a team (a group or projects) for the Team view. */
export function hasTeam(settings: Settings): boolean {
  return Boolean(settings.team.group || settings.team.projects.length);
}
