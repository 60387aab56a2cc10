/**
 * The issue page's (and drawer's) answer: the issue's own badges and the KPIs of its project or
 * the team, from the cache (answers.ts). A cold cache costs one request, for the issue itself;
 * its project syncs in the background and the tab is told when that ends.
 */
import { getIssue, putIssues } from '../../db/cache';
import { issueAllocation } from '../../overview/allocation-scopes';
import { issueBadges } from '../../overview/issue-badges';
import { kpiSettingsFrom } from '../../settings';
import type { Answers } from '../answers';
import type { DataService } from '../data-service';
import type { Handlers } from '../router';
import { hasTeam, teamIsOnly, kpiTargets } from '../scopes';

type IssueHandlers = Pick<Handlers, 'content:issue-overview'>;

export function createIssueHandlers(data: DataService, answers: Answers, now: () => number): IssueHandlers {
  return {
    'content:issue-overview': async ({ projectPath, projectId, iid, kpiScope = 'project' }, sender) => {
      const { settings, db, client } = await data.context();
      const kpi = kpiSettingsFrom(settings);
      // Drawers and group lists have no project id in the page: a path learnt before will do.
      const knownId = projectId ?? (await data.storedId('project', projectPath));
      const kpisOf = async (id: number) => {
        const { targets, team } = await kpiTargets(settings, data, { kind: 'project', id }, kpiScope === 'team');
        return { team, ...(await answers.kpis({ settings, db }, targets, sender.tab?.id)) };
      };
      // With the project known, the issue and the KPIs are read side by side (one round trip less).
      const [cached, early] = await Promise.all([
        knownId === undefined ? undefined : getIssue(db, knownId, iid),
        knownId === undefined ? undefined : kpisOf(knownId),
      ]);
      let issue = cached;
      if (!issue) {
        issue = await client.getIssue(knownId ?? projectPath, iid);
        await putIssues(db, [issue]);
      }
      await data.rememberProject(projectPath, issue.project_id);
      const { team, badges, freshness } = early && issue.project_id === knownId ? early : await kpisOf(issue.project_id);
      // Epics are read only when the issue's own labels match no rule (inheritance).
      let allocation = issueAllocation(issue, settings, []);
      if (allocation.kind === 'uncategorized' && issue.epic) allocation = issueAllocation(issue, settings, await db.getAll('epics'));
      return {
        issue: issueBadges(issue, kpi, new Date(now())),
        kpis: badges,
        kpiScope: team ? 'team' : 'project',
        teamConfigured: hasTeam(settings),
        teamIsOwn: teamIsOnly(settings, { projectPath }),
        projectPath,
        windowDays: kpi.windowDays,
        freshness,
        allocation,
      };
    },
  };
}
