/**
 * Answers for the page overlays: computed from the IndexedDB cache at once; a stale cache
 * starts a sync whose end is pushed to the tab (stale-while-revalidate).
 */
import { DEFAULT_ALLOCATION_RULES } from '../allocation/rules';
import { getIssue, putIssues } from '../db/cache';
import { scopeKey } from '../db/records';
import { issueBadges } from '../overview/issue-badges';
import type { BadgeView } from '../overview/badge-view';
import { teamKpiBadges } from '../overview/team-kpis';
import { kpiSettingsFrom } from '../settings';
import type { DataService } from './data-service';
import type { Handlers } from './router';
import { scopeDataStamp, snapshotBadges } from './badge-snapshots';
import { loadScopeData } from './scope-cache';

export type OverviewHandlers = Pick<Handlers, 'content:issue-overview'>;

export function createOverviewHandlers(data: DataService, now: () => number): OverviewHandlers {
  return {
    'content:issue-overview': async ({ projectPath, projectId, iid }, sender) => {
      const { settings, db, client } = await data.context();
      const kpi = kpiSettingsFrom(settings);
      let issue = projectId === undefined ? undefined : await getIssue(db, projectId, iid);
      if (!issue) {
        // Cold cache: this issue costs one request now; its project syncs in the background.
        issue = await client.getIssue(projectId ?? projectPath, iid);
        await putIssues(db, [issue]);
      }
      const pid = issue.project_id;
      data.rememberProject(projectPath, pid);
      const freshness = await data.ensureFresh({ kind: 'project', id: pid }, sender.tab?.id);
      const at = new Date(now());
      let project: BadgeView[] = [];
      if (freshness.syncedAt) {
        const scope = scopeKey('project', pid);
        const stamp = `${await scopeDataStamp(db, scope)}|${JSON.stringify(kpi)}`;
        project = await snapshotBadges(db, `team:${scope}`, stamp, at.getTime(), async () =>
          teamKpiBadges(await loadScopeData(db, { kind: 'project', id: pid }, settings.gitlabUrl), kpi, DEFAULT_ALLOCATION_RULES, at),
        );
      }
      return { issue: issueBadges(issue, kpi, at), project, projectPath, windowDays: kpi.windowDays, freshness };
    },
  };
}
