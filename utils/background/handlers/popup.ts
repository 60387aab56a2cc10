/** The popup's answers: the team's KPIs, sync status per cached resource, and "Sync now". */
import { getAllSyncStates } from '../../db/sync-state';
import { MessageError } from '../../messages';
import { syncStatusOf } from '../../sync/freshness';
import type { Answers } from '../answers';
import { teamAllocation } from './allocation';
import type { DataService } from '../data-service';
import type { Handlers } from '../router';
import { hasTeam, resolveTeam, teamTargetsOrExplain } from '../scopes';
import { loadTeamData } from '../scope-cache';
import { compileIncidentMatcher, type KpiIssue, type KpiSettings } from '../../kpi';
import { incidentSeverity } from '../../overview/issue-badges';
import { kpiSettingsFrom } from '../../settings';

type PopupHandlers = Pick<Handlers, 'ui:sync-status' | 'ui:sync-now' | 'ui:team-kpis'>;

export function createPopupHandlers(data: DataService, answers: Answers, now: () => number): PopupHandlers {
  return {
    'ui:sync-status': async () => {
      const { settings, db } = await data.context().catch((error: unknown) => {
        if (error instanceof MessageError && error.info.kind === 'not-configured') return { settings: null, db: null };
        throw error;
      });
      if (!settings || !db) return { configured: false, gitlabUrl: '', resources: [] };
      const [states, ids] = await Promise.all([getAllSyncStates(db), db.getAll('scopeIds')]);
      // Resources are named by their project's or group's path, never by a bare id.
      const pathOf = new Map<string, string>(ids.flatMap((record) => (record.id === null ? [] : [[`${record.kind}:${record.id}`, record.path] as const])));
      // A group whose epics a project's issues named (sync.ts) may never have been looked up by
      // path: its epics' pages say it.
      for (const state of states) {
        const group = /^epics:group:(\d+)$/.exec(state.id)?.[1];
        if (!group || pathOf.has(`group:${group}`)) continue;
        const [epic] = await db.getAll('epics', IDBKeyRange.bound([Number(group), 0], [Number(group), Number.MAX_SAFE_INTEGER]), 1);
        const path = epic ? /\/groups\/(.+?)\/-\/epics\//.exec(epic.web_url)?.[1] : undefined;
        if (path) pathOf.set(`group:${group}`, path);
      }
      const at = now();
      return {
        configured: true,
        gitlabUrl: settings.gitlabUrl,
        resources: states.map((state) => ({
          id: state.id,
          ...withPath(pathOf.get(state.id.split(':').slice(1).join(':'))),
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
      const [{ badges, freshness }, open, allocation] = await Promise.all([
        answers.kpis({ settings, db }, targets, undefined),
        // Kept with the scopes' completed syncs, like the KPIs: the popup opens from one read.
        answers.over(db, 'incidents', targets, undefined, { rules: settings.kpi, gitlabUrl: settings.gitlabUrl }, async () =>
          openIncidents((await loadTeamData(db, targets, settings.gitlabUrl)).issues, kpiSettingsFrom(settings), settings.gitlabUrl),
        ),
        teamAllocation(answers, { settings, db }, targets, now()),
      ]);
      const teamPaths = [settings.team.group, ...settings.team.projects].filter(Boolean);
      return { teamConfigured: true, teamPaths, incidents: open.value ?? [], badges, ...(allocation ? { allocation } : {}), windowDays, freshness, problems };
    },

    'ui:sync-now': async () => {
      const { settings } = await data.context();
      const { targets, problems } = await teamTargetsOrExplain(settings, data);
      const outcomes = await Promise.all(targets.map((target) => data.syncNow({ kind: target.kind, id: target.id })));
      return { scopes: targets.length, ok: outcomes.every(Boolean) && !problems.length };
    },
  };
}

function withPath(path: string | undefined): { scopePath?: string } {
  return path ? { scopePath: path } : {};
}

/**
 * The team's open incidents (failures that are outages, kpi/failures.ts), oldest first. Only links into the configured GitLab
 * are kept: the popup renders them as links.
 */
export function openIncidents(issues: readonly KpiIssue[], settings: KpiSettings, gitlabUrl: string) {
  const isIncident = compileIncidentMatcher(settings.failureRules);
  const root = `${gitlabUrl.replace(/\/+$/, '')}/`;
  return issues
    .filter((issue) => issue.state === 'opened' && isIncident(issue) && issue.web_url?.startsWith(root))
    .sort((a, b) => (a.created_at < b.created_at ? -1 : 1))
    .map((issue) => ({
      ref: issue.references?.full ?? `#${issue.iid}`,
      title: issue.title ?? '',
      url: issue.web_url!,
      openedAt: issue.created_at,
      severity: incidentSeverity(issue),
    }));
}
