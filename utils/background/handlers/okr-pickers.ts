/**
 * What the options page's OKR editor offers in its pickers (SPEC §5): the cached epics and the
 * labels of the team's cached issues. Read from IndexedDB only, never from GitLab: the lists grow
 * as the team syncs, and are empty (not an error) before the first sync or without a token.
 */
import { getIssuesByProjects } from '../../db/cache';
import type { LensDb } from '../../db/database';
import type { GitLabEpic } from '../../gitlab/schemas';
import { MessageError, type ResponseOf } from '../../messages';
import type { Settings } from '../../settings';
import type { DataService } from '../data-service';
import type { Handlers } from '../router';
import { groupProjectIds } from '../scope-cache';

type OkrPickerHandlers = Pick<Handlers, 'ui:okr-pickers'>;
type Pickers = ResponseOf<'ui:okr-pickers'>;
type PickerEpic = Pickers['epics'][number];

/** At most this many epics and labels each: a datalist of thousands helps nobody. */
export const OKR_PICKER_LIMIT = 500;

/**
 * The full path of an epic's group: from `references.full` (`lens-demo&3`), else its URL
 * (`…/groups/lens-demo/-/epics/3`, or `/-/work_items/3` on GitLab 18), else null.
 */
export function epicGroupPath(epic: Pick<GitLabEpic, 'references' | 'web_url'>): string | null {
  const full = epic.references?.full;
  const fromReference = full ? /^(.+)&\d+$/.exec(full)?.[1] : undefined;
  if (fromReference) return fromReference;
  return /\/groups\/(.+?)\/-\/(?:epics|work_items)\/\d+(?:[/?#]|$)/.exec(epic.web_url)?.[1] ?? null;
}

/**
 * Cached epics as the picker lists them: open ones before closed, then the most recently
 * updated, up to the limit; listed by group path, then number.
 */
export async function cachedEpics(db: LensDb, limit = OKR_PICKER_LIMIT): Promise<PickerEpic[]> {
  const epics = await db.getAll('epics');
  let groupsById: Map<number, string> | null = null;
  const groupPathOf = async (epic: GitLabEpic): Promise<string | null> => {
    const path = epicGroupPath(epic);
    if (path) return path;
    // Neither field names the group: the path it was looked up by, if any.
    groupsById ??= new Map((await db.getAll('scopeIds')).filter((entry) => entry.kind === 'group' && entry.id != null).map((entry) => [entry.id!, entry.path]));
    return groupsById.get(epic.group_id) ?? null;
  };
  const chosen = epics
    .sort((a, b) => Number(a.state !== 'opened') - Number(b.state !== 'opened') || (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : 0))
    .slice(0, limit);
  const listed: PickerEpic[] = [];
  for (const epic of chosen) {
    const group = await groupPathOf(epic);
    if (group) listed.push({ group, iid: epic.iid, title: epic.title });
  }
  return listed.sort((a, b) => a.group.localeCompare(b.group) || a.iid - b.iid);
}

/** Ids of the team's projects whose issues are cached: its group's cached projects and its listed projects. */
async function teamProjectIds(db: LensDb, settings: Settings, storedId: DataService['storedId']): Promise<number[]> {
  const ids = new Set<number>();
  if (settings.team.group && (await storedId('group', settings.team.group)) !== undefined) {
    for (const id of await groupProjectIds(db, settings.team.group, settings.gitlabUrl)) ids.add(id);
  }
  for (const path of settings.team.projects) {
    const id = /^\d+$/.test(path) ? Number(path) : await storedId('project', path);
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}

/** Distinct labels of the team's cached issues: the most used up to the limit, sorted by name. */
export async function teamLabels(db: LensDb, settings: Settings, storedId: DataService['storedId'], limit = OKR_PICKER_LIMIT): Promise<string[]> {
  const projectIds = await teamProjectIds(db, settings, storedId);
  if (!projectIds.length) return [];
  const counts = new Map<string, number>();
  for (const issue of await getIssuesByProjects(db, projectIds)) {
    for (const label of issue.labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([label]) => label)
    .sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }) || a.localeCompare(b));
}

export function createOkrPickerHandlers(data: Pick<DataService, 'context' | 'storedId'>): OkrPickerHandlers {
  return {
    'ui:okr-pickers': async () => {
      let context: Awaited<ReturnType<DataService['context']>>;
      try {
        context = await data.context();
      } catch (error) {
        // Not set up yet (no token): nothing is cached either.
        if (error instanceof MessageError && error.info.kind === 'not-configured') return { epics: [], labels: [] };
        throw error;
      }
      const { settings, db } = context;
      const [epics, labels] = await Promise.all([cachedEpics(db), teamLabels(db, settings, data.storedId)]);
      return { epics, labels };
    },
  };
}
