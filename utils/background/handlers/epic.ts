/**
 * The epic page's answer: cached group data at once, a group sync started when it is stale and
 * pushed to the tab when it ends (same pattern as overview-handlers.ts).
 */
import { getEpic, getIssuesByProjects } from '../db/cache';
import type { GitLabEpic } from '../gitlab/schemas';
import { epicBadges } from '../overview/epic-badges';
import { kpiSettingsFrom } from '../settings';
import type { DataService } from './data-service';
import type { Handlers } from './router';
import { scopeDataStamp, snapshotBadges } from './badge-snapshots';
import { scopeKey } from '../db/records';
import { groupProjectIds } from './scope-cache';

export type EpicHandlers = Pick<Handlers, 'content:epic-overview'>;

export function createEpicHandlers(data: DataService, now: () => number): EpicHandlers {
  return {
    'content:epic-overview': async ({ groupPath, iid }, sender) => {
      const { settings, db } = await data.context();
      const kpi = kpiSettingsFrom(settings);
      const groupId = await data.groupId(groupPath);
      const freshness = await data.ensureFresh({ kind: 'group', id: groupId }, sender.tab?.id);
      if (!freshness.syncedAt) return { badges: [], windowDays: kpi.windowDays, freshness };
      const at = now();
      const stamp = `${await scopeDataStamp(db, scopeKey('group', groupId))}|${JSON.stringify(kpi)}`;
      const badges = await snapshotBadges(db, `epic:${groupId}:${iid}`, stamp, at, async () => {
        // Child epics may live in subgroups: take every cached epic, the tree is built by parent links.
        const [epic, epics, issues] = await Promise.all([
          getEpic(db, groupId, iid),
          db.getAll('epics'),
          groupProjectIds(db, groupPath, settings.gitlabUrl).then((ids) => getIssuesByProjects(db, ids)),
        ]);
        // Without the epic record (GitLab Free answers 403 to the epics API) its own issues still count.
        const root: Pick<GitLabEpic, 'id' | 'iid' | 'group_id'> = epic ?? { id: -1, iid, group_id: groupId };
        return epicBadges({ epic: root, epics: epic ? epics : [], issues }, kpi, new Date(at));
      });
      return { badges, windowDays: kpi.windowDays, freshness };
    },
  };
}
