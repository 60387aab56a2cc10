/** The popup's view of sync: status per cached resource, and "Sync now" for the team. */
import { getAllSyncStates } from '../db/sync-state';
import { syncStatusOf } from '../gitlab/sync';
import { MessageError } from '../messages';
import type { DataService } from './data-service';
import type { Handlers } from './router';
import { kpiSettingsFrom } from '../settings';
import { resolveTeam, teamTargetsOrExplain } from './scopes';
import { combineFreshness, hasTeam, kpiBadgesFor } from './team-data';

export type SyncHandlers = Pick<Handlers, 'ui:sync-status' | 'ui:sync-now' | 'ui:team-kpis'>;

export function createSyncHandlers(data: DataService, now: () => number): SyncHandlers {
  return {
    'ui:sync-status': async () => {
      const { settings, db } = await data.context().catch((error: unknown) => {
        if (error instanceof MessageError && error.info.kind === 'not-configured') return { settings: null, db: null };
        throw error;
      });
      if (!settings || !db) return { configured: false, gitlabUrl: '', resources: [] };
      const states = await getAllSyncStates(db);
      const at = now();
      return {
        configured: true,
        gitlabUrl: settings.gitlabUrl,
        resources: states.map((state) => ({
          id: state.id,
          status: syncStatusOf(state, at),
          lastSuccessAt: state.lastSuccessAt,
          itemsInRun: state.itemsInRun,
          problems: state.problems.map(
            (problem) => `${problem.iid === undefined ? '' : `#${problem.iid} `}${problem.path}: ${problem.message}`,
          ),
          ...(state.lastError ? { error: { kind: state.lastError.kind, message: state.lastError.message } } : {}),
        })),
      };
    },

    'ui:team-kpis': async () => {
      const { settings, db } = await data.context();
      const kpi = kpiSettingsFrom(settings);
      if (!hasTeam(settings)) {
        return { teamConfigured: false, badges: [], windowDays: kpi.windowDays, freshness: { syncedAt: null, syncing: false, scopes: [] }, problems: [] };
      }
      const { targets, problems } = await resolveTeam(settings, data);
      const freshness = combineFreshness(await Promise.all(targets.map((target) => data.ensureFresh(target))));
      const badges = targets.length && freshness.syncedAt ? await kpiBadgesFor(db, targets, settings.gitlabUrl, kpi, new Date(now())) : [];
      return { teamConfigured: true, badges, windowDays: kpi.windowDays, freshness, problems };
    },

    'ui:sync-now': async () => {
      const { settings } = await data.context();
      const { targets, problems } = await teamTargetsOrExplain(settings, data);
      const outcomes = await Promise.all(targets.map((target) => data.syncNow({ kind: target.kind, id: target.id })));
      return { scopes: targets.length, ok: outcomes.every(Boolean) && !problems.length };
    },
  };
}
