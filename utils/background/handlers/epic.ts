/**
 * The epic page's answer: On-time, Complete and progress over the epic's issues and its child
 * epics' issues, from the group's cache (answers.ts); a stale group starts a sync the tab is told
 * about. On a top epic (one with child epics) also the status table of its children (SPEC §1).
 */
import { getEpic, getIssuesByProjects } from '../../db/cache';
import { GitLabError } from '../../gitlab/errors';
import type { GitLabEpic } from '../../gitlab/schemas';
import { allocationOf } from '../../overview/allocation-scopes';
import { epicBadges, epicFamily, issuesOfEpics } from '../../overview/epic-badges';
import { topEpicTable } from '../../overview/top-epic';
import { kpiSettingsFrom } from '../../settings';
import type { Answers } from '../answers';
import type { DataService } from '../data-service';
import type { Handlers } from '../router';
import { groupProjectIds, type ScopeTarget } from '../scope-cache';

type EpicHandlers = Pick<Handlers, 'content:epic-overview' | 'content:group-work-item'>;

export function createEpicHandlers(data: DataService, answers: Answers, now: () => number): EpicHandlers {
  /** `<gitlabUrl> <groupId>&<iid>` → is an epic; a work item's type does not change. */
  const workItemTypes = new Map<string, boolean>();
  return {
    'content:group-work-item': async ({ groupPath, iid }) => {
      const { settings, db, client } = await data.context();
      const groupId = await data.groupId(groupPath);
      if (await getEpic(db, groupId, iid)) return { epic: true };
      const key = `${settings.gitlabUrl} ${groupId}&${iid}`;
      let epic = workItemTypes.get(key);
      if (epic === undefined) {
        try {
          await client.getGroupEpic(groupId, iid);
          epic = true;
        } catch (error) {
          // 404: the iid is a group-level issue or task. 403: this GitLab serves no epics (Free),
          // so its group work items are not epics either. Anything else is not an answer.
          if (!(error instanceof GitLabError && (error.kind === 'not-found' || error.kind === 'forbidden'))) throw error;
          epic = false;
        }
        workItemTypes.set(key, epic);
      }
      return { epic };
    },
    'content:epic-overview': async ({ groupPath, iid }, sender) => {
      const { settings, db } = await data.context();
      const kpi = kpiSettingsFrom(settings);
      const group: ScopeTarget = { kind: 'group', id: await data.groupId(groupPath), path: groupPath };
      // `answer` names the answer's shape: a snapshot stored before the top-epic table is recomputed.
      const dependsOn = { kpi, allocation: settings.allocation, gitlabUrl: settings.gitlabUrl, answer: 'top-epic' };
      const { value, freshness } = await answers.over(db, `epic:${iid}`, [group], sender.tab?.id, dependsOn, async () => {
        // Child epics may live in subgroups: take every cached epic, the tree is built by parent links.
        const [epic, epics, issues] = await Promise.all([
          getEpic(db, group.id, iid),
          db.getAll('epics'),
          groupProjectIds(db, groupPath, settings.gitlabUrl).then((ids) => getIssuesByProjects(db, ids)),
        ]);
        // Without the epic record (GitLab Free answers 403 to the epics API) its own issues still count.
        const root: Pick<GitLabEpic, 'id' | 'iid' | 'group_id'> = epic ?? { id: -1, iid, group_id: group.id };
        const family = epicFamily(root, epic ? epics : []);
        const today = new Date(now());
        // Child epics need the epic's record (its id links them); without children, no table.
        const table = epic ? topEpicTable(epic, epics, issues, { kpi, allocation: settings.allocation, gitlabUrl: settings.gitlabUrl }, today) : null;
        return {
          badges: epicBadges({ epic: root, epics: epic ? epics : [], issues }, kpi, today),
          allocation: allocationOf(issuesOfEpics(family, issues), settings, epics),
          topEpic: table && table.rows.length > 0 ? table : null,
        };
      });
      return {
        badges: value?.badges ?? [],
        windowDays: kpi.windowDays,
        freshness,
        ...(value ? { allocation: value.allocation } : {}),
        topEpic: value?.topEpic ?? null,
      };
    },
  };
}
