/**
 * The popup's dashboard (SPEC §7) and the OKRs of epic pages (SPEC §5): KPI trends over the last
 * six windows, what changed since yesterday, and the current quarter's OKRs, all from the cache.
 */
import { getEpic, getIssuesByProjects } from '../../db/cache';
import { kpiTrend } from '../../dashboard/trend';
import { sinceYesterday } from '../../dashboard/since-yesterday';
import { MessageError } from '../../messages';
import { epicFamily, issuesOfEpics, type EpicIssue } from '../../overview/epic-badges';
import { evaluateOkrs, epicKey } from '../../okr/evaluate';
import { currentQuarter } from '../../okr/quarter';
import { allocationRulesFrom, kpiSettingsFrom, type Settings } from '../../settings';
import type { LensDb } from '../../db/database';
import type { Answers } from '../answers';
import type { DataService } from '../data-service';
import type { Handlers } from '../router';
import { groupProjectIds, loadTeamData } from '../scope-cache';
import { hasTeam, resolveTeam } from '../scopes';

type DashboardHandlers = Pick<Handlers, 'ui:dashboard' | 'content:epic-okrs'>;

/** The issues of each epic key result's tree in the current quarter, from the cache. */
async function epicTrees(settings: Settings, db: LensDb, data: Pick<DataService, 'groupId'>, now: Date): Promise<Map<string, EpicIssue[]>> {
  const quarter = currentQuarter(now, settings.okr.quarterStartMonth, settings.kpi.timeZone).id;
  const epics = settings.okr.objectives.filter((objective) => objective.quarter === quarter).flatMap((objective) => objective.keyResults.flatMap((kr) => (kr.kind === 'epic' ? [kr.epic] : [])));
  const trees = new Map<string, EpicIssue[]>();
  if (!epics.length) return trees;
  const allEpics = await db.getAll('epics');
  // Several key results often name epics of one group: its issues are read once.
  const groupIssues = new Map<string, Promise<EpicIssue[]>>();
  const issuesOf = (group: string) => {
    let issues = groupIssues.get(group.toLowerCase());
    if (!issues) {
      issues = groupProjectIds(db, group, settings.gitlabUrl).then((ids) => getIssuesByProjects(db, ids));
      groupIssues.set(group.toLowerCase(), issues);
    }
    return issues;
  };
  for (const { group, iid } of epics) {
    const groupId = await data.groupId(group).catch(() => null);
    if (groupId === null) continue;
    const [epic, issues] = await Promise.all([getEpic(db, groupId, iid), issuesOf(group)]);
    if (!epic && !issues.length) continue;
    const family = epicFamily(epic ?? { id: -1, iid, group_id: groupId }, epic ? allEpics : []);
    trees.set(epicKey({ group, iid }), issuesOfEpics(family, issues));
  }
  return trees;
}

/** Since yesterday and the quarter's elapsed share move with the clock: a kept dashboard is this old at most. */
const DASHBOARD_MAX_AGE_MS = 5 * 60_000;

export function createDashboardHandlers(data: DataService, answers: Pick<Answers, 'over'>, now: () => number): DashboardHandlers {
  return {
    'ui:dashboard': async () => {
      const { settings, db } = await data.context();
      if (!hasTeam(settings)) throw new MessageError({ kind: 'not-configured', message: 'Set the team in Engineering Lens settings to see its dashboard.' });
      const kpi = kpiSettingsFrom(settings);
      const { targets } = await resolveTeam(settings, data);
      // Kept with the team's completed syncs like the KPIs, so opening the popup again does not
      // read every cached issue again; renewed at least every 5 minutes.
      const dependsOn = { kpi, okr: settings.okr, allocation: settings.allocation, gitlabUrl: settings.gitlabUrl, period: Math.floor(now() / DASHBOARD_MAX_AGE_MS) };
      const { value } = await answers.over(db, 'dashboard', targets, undefined, dependsOn, async () => {
        const at = new Date(now());
        const [team, trees] = await Promise.all([loadTeamData(db, targets, settings.gitlabUrl), epicTrees(settings, db, data, at)]);
        const allocationRules = allocationRulesFrom(settings);
        return {
          trends: kpiTrend({ ...team, allocationRules }, kpi, at),
          sinceYesterday: sinceYesterday(team, at, kpi.timeZone, { failureRules: kpi.failureRules, gitlabUrl: settings.gitlabUrl }),
          okrs: evaluateOkrs({ okr: settings.okr, kpi, allocationRules, team, epicIssues: trees, now: at }),
        };
      });
      if (!value) throw new MessageError({ kind: 'not-configured', message: 'The team has not been synced yet: press Sync now.' });
      return value;
    },
    'content:epic-okrs': async ({ groupPath, iid }) => {
      const { settings, db } = await data.context();
      const at = new Date(now());
      const kpi = kpiSettingsFrom(settings);
      const linked = (group: string, epicIid: number) => group.toLowerCase() === groupPath.toLowerCase() && epicIid === iid;
      const quarter = currentQuarter(at, settings.okr.quarterStartMonth, kpi.timeZone).id;
      const any = settings.okr.objectives.some((objective) => objective.quarter === quarter && objective.keyResults.some((kr) => kr.kind === 'epic' && linked(kr.epic.group, kr.epic.iid)));
      if (!any) return { keyResults: [] };
      const trees = await epicTrees(settings, db, data, at);
      const team = { issues: [], mergeRequests: [], members: [] };
      const view = evaluateOkrs({ okr: settings.okr, kpi, allocationRules: allocationRulesFrom(settings), team, epicIssues: trees, now: at });
      const keyResults = (view?.objectives ?? []).flatMap((objective) =>
        objective.keyResults.filter((kr) => kr.epic && linked(kr.epic.group, kr.epic.iid)).map((kr) => ({ ...kr, objective: objective.title, quarter: view!.quarter.label })),
      );
      return { keyResults };
    },
  };
}
