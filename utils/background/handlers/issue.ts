/**
 * Answers for the page overlays: computed from the IndexedDB cache at once; a stale cache
 * starts a sync whose end is pushed to the tab (stale-while-revalidate).
 */
import { getIssue, putIssues } from '../db/cache';
import { issueBadges } from '../overview/issue-badges';
import { kpiSettingsFrom } from '../settings';
import type { DataService } from './data-service';
import type { Handlers } from './router';
import type { ScopeTarget } from './scope-cache';
import { resolveTeam } from './scopes';
import { combineFreshness, hasTeam, kpiBadgesFor } from './team-data';

export type OverviewHandlers = Pick<Handlers, 'content:issue-overview'>;

export function createOverviewHandlers(data: DataService, now: () => number): OverviewHandlers {
  return {
    'content:issue-overview': async ({ projectPath, projectId, iid, kpiScope = 'project' }, sender) => {
      const { settings, db, client } = await data.context();
      const kpi = kpiSettingsFrom(settings);
      let issue = projectId === undefined ? undefined : await getIssue(db, projectId, iid);
      if (!issue) {
        // Cold cache: this issue costs one request now; its project syncs in the background.
        issue = await client.getIssue(projectId ?? projectPath, iid);
        await putIssues(db, [issue]);
      }
      const pid = issue.project_id;
      await data.rememberProject(projectPath, pid);
      const teamConfigured = hasTeam(settings);
      const team = kpiScope === 'team' && teamConfigured ? (await resolveTeam(settings, data)).targets : [];
      const targets: ScopeTarget[] = team.length ? team : [{ kind: 'project', id: pid }];
      const tabId = sender.tab?.id;
      const freshness = combineFreshness(await Promise.all(targets.map((target) => data.ensureFresh(target, tabId))));
      const at = new Date(now());
      const kpis = freshness.syncedAt ? await kpiBadgesFor(db, targets, settings.gitlabUrl, kpi, at) : [];
      return {
        issue: issueBadges(issue, kpi, at),
        kpis,
        kpiScope: team.length ? 'team' : 'project',
        teamConfigured,
        projectPath,
        windowDays: kpi.windowDays,
        freshness,
      };
    },
  };
}
