/** The popup's view of sync: status per cached resource, and "Sync now" for the team. */
import { getAllSyncStates } from '../db/sync-state';
import { syncStatusOf } from '../gitlab/sync';
import { MessageError } from '../messages';
import { teamScopes } from './daily-sync';
import type { DataService } from './data-service';
import type { Handlers } from './router';
import { kpiSettingsFrom } from '../settings';
import { combineFreshness, hasTeam, kpiBadgesFor, teamTargets } from './team-data';

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
        return { teamConfigured: false, badges: [], windowDays: kpi.windowDays, freshness: { syncedAt: null, syncing: false } };
      }
      const targets = await teamTargets(settings, data);
      const freshness = combineFreshness(await Promise.all(targets.map((target) => data.ensureFresh(target))));
      const badges = freshness.syncedAt ? await kpiBadgesFor(db, targets, settings.gitlabUrl, kpi, new Date(now())) : [];
      return { teamConfigured: true, badges, windowDays: kpi.windowDays, freshness };
    },

    'ui:sync-now': async () => {
      const { settings } = await data.context();
      const scopes = await teamScopes(settings, data);
      if (!scopes.length) {
        throw new MessageError({
          kind: 'no-team',
          message: "Add the team's group or projects in the settings to sync them.",
        });
      }
      const outcomes = await Promise.all(scopes.map((scope) => data.syncNow(scope)));
      return { scopes: scopes.length, ok: outcomes.every(Boolean) };
    },
  };
}
