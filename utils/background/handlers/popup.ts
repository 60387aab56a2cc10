/** The popup's answers: the team's KPIs, sync status per cached resource, and "Sync now". */
import { getAllSyncStates } from '../../db/sync-state';
import { MessageError } from '../../messages';
import { syncStatusOf } from '../../sync/freshness';
import type { Answers } from '../answers';
import type { DataService } from '../data-service';
import type { Handlers } from '../router';
import { hasTeam, resolveTeam, teamTargetsOrExplain } from '../scopes';

type PopupHandlers = Pick<Handlers, 'ui:sync-status' | 'ui:sync-now' | 'ui:team-kpis'>;

export function createPopupHandlers(data: DataService, answers: Answers, now: () => number): PopupHandlers {
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
      const windowDays = settings.kpi.windowDays;
      if (!hasTeam(settings)) {
        return { teamConfigured: false, badges: [], windowDays, freshness: { syncedAt: null, syncing: false, scopes: [] }, problems: [] };
      }
      const { targets, problems } = await resolveTeam(settings, data);
      const { badges, freshness } = await answers.kpis({ settings, db }, targets, undefined);
      return { teamConfigured: true, badges, windowDays, freshness, problems };
    },

    'ui:sync-now': async () => {
      const { settings } = await data.context();
      const { targets, problems } = await teamTargetsOrExplain(settings, data);
      const outcomes = await Promise.all(targets.map((target) => data.syncNow({ kind: target.kind, id: target.id })));
      return { scopes: targets.length, ok: outcomes.every(Boolean) && !problems.length };
    },
  };
}
