/**
 * Protects the background's `ui:okr-pickers` (utils/background/handlers/okr-pickers.ts): what the
 * OKR editor's pickers offer comes from the cache only: every cached epic with its group path,
 * and the distinct labels of the team's cached issues, sorted and capped; empty lists, not an
 * error, before anything is synced or set up.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataService } from '../../../utils/background/data-service';
import { cachedEpics, createOkrPickerHandlers, epicGroupPath, teamLabels } from '../../../utils/background/handlers/okr-pickers';
import { putIssues } from '../../../utils/db/cache';
import { openLensDb, type LensDb } from '../../../utils/db/database';
import { epicSchema, issueSchema } from '../../../utils/gitlab/schemas';
import { MessageError } from '../../../utils/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';
import { rawIssue } from '../gitlab/fake-gitlab';

const GITLAB = 'https://gitlab.example.com';
const PROJECTS = { webApp: { id: 201, path: 'demo/web-app' }, api: { id: 202, path: 'demo/sub/api' }, other: { id: 301, path: 'elsewhere/tool' } };

function issue(project: { id: number; path: string }, iid: number, labels: string[]) {
  return issueSchema.parse(
    rawIssue(project.id, iid, '2025-03-01T00:00:00.000Z', {
      labels,
      references: { short: `#${iid}`, relative: `#${iid}`, full: `${project.path}#${iid}` },
      web_url: `${GITLAB}/${project.path}/-/issues/${iid}`,
    }),
  );
}

function epic(groupId: number, iid: number, fields: Record<string, unknown> = {}) {
  return epicSchema.parse({
    id: groupId * 1000 + iid,
    iid,
    group_id: groupId,
    title: `Epic ${iid}`,
    state: 'opened',
    web_url: `${GITLAB}/groups/demo/-/epics/${iid}`,
    labels: [],
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
    ...fields,
  });
}

let count = 0;
const opened: LensDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

async function setUp(team: Partial<Settings['team']> = {}, ids: Record<string, number> = {}) {
  const db = await openLensDb(`okr-pickers-test-${++count}`);
  opened.push(db);
  const settings: Settings = { ...DEFAULT_SETTINGS, gitlabUrl: GITLAB, token: 'glpat-x', team: { ...DEFAULT_SETTINGS.team, ...team } };
  const data = {
    context: async () => ({ settings, db, client: {} }),
    storedId: async (kind: 'project' | 'group', path: string) => ids[`${kind}:${path}`],
  } as unknown as Pick<DataService, 'context' | 'storedId'>;
  return { db, settings, data, handlers: createOkrPickerHandlers(data) };
}

describe('ui:okr-pickers', () => {
  it('answers empty lists when nothing is synced', async () => {
    const { handlers } = await setUp({ group: 'demo' }, { 'group:demo': 100 });
    expect(await handlers['ui:okr-pickers']({}, {})).toEqual({ epics: [], labels: [] });
  });

  it('answers empty lists before a token is set, instead of an error', async () => {
    const handlers = createOkrPickerHandlers({
      context: async () => {
        throw new MessageError({ kind: 'not-configured', message: 'Engineering Lens is not set up: add a token in its settings.' });
      },
      storedId: async () => undefined,
    });
    expect(await handlers['ui:okr-pickers']({}, {})).toEqual({ epics: [], labels: [] });
  });

  it("lists the cached epics by group and number, and the labels of the team's issues only, sorted", async () => {
    const { db, handlers } = await setUp({ group: 'demo' }, { 'group:demo': 100 });
    await db.put('epics', epic(100, 3, { title: 'Database resilience', references: { short: '&3', relative: '&3', full: 'demo&3' } }));
    await db.put('epics', epic(100, 1, { title: 'Platform reliability', references: { short: '&1', relative: '&1', full: 'demo&1' } }));
    await db.put('epics', epic(700, 2, { title: 'Elsewhere', web_url: `${GITLAB}/groups/elsewhere/-/work_items/2` }));
    await putIssues(db, [
      issue(PROJECTS.webApp, 1, ['type::bug', 'frontend']),
      issue(PROJECTS.webApp, 2, ['type::bug', 'Backend']),
      issue(PROJECTS.api, 1, ['type::feature']),
      // Not the team's: its labels are not offered.
      issue(PROJECTS.other, 1, ['not-ours']),
    ]);
    expect(await handlers['ui:okr-pickers']({}, {})).toEqual({
      epics: [
        { group: 'demo', iid: 1, title: 'Platform reliability' },
        { group: 'demo', iid: 3, title: 'Database resilience' },
        { group: 'elsewhere', iid: 2, title: 'Elsewhere' },
      ],
      labels: ['Backend', 'frontend', 'type::bug', 'type::feature'],
    });
  });

  it("takes the team's listed projects, by id or by a path looked up before; paths never looked up are left out", async () => {
    const { db, settings } = await setUp({ projects: [String(PROJECTS.other.id), PROJECTS.webApp.path, 'never/looked-up'] }, { [`project:${PROJECTS.webApp.path}`]: PROJECTS.webApp.id });
    await putIssues(db, [issue(PROJECTS.webApp, 1, ['web']), issue(PROJECTS.api, 1, ['api']), issue(PROJECTS.other, 1, ['tool'])]);
    const storedId = async (kind: 'project' | 'group', path: string) => (kind === 'project' && path === PROJECTS.webApp.path ? PROJECTS.webApp.id : undefined);
    expect(await teamLabels(db, settings, storedId)).toEqual(['tool', 'web']);
  });

  it('offers no labels without a team, and keeps the most used ones when there are more than the limit', async () => {
    const none = await setUp();
    await putIssues(none.db, [issue(PROJECTS.webApp, 1, ['web'])]);
    expect(await none.handlers['ui:okr-pickers']({}, {})).toEqual({ epics: [], labels: [] });

    const { db, settings } = await setUp({ projects: [String(PROJECTS.webApp.id)] });
    await putIssues(db, [issue(PROJECTS.webApp, 1, ['rare', 'common']), issue(PROJECTS.webApp, 2, ['common', 'usual']), issue(PROJECTS.webApp, 3, ['usual', 'common'])]);
    expect(await teamLabels(db, settings, async () => undefined, 2)).toEqual(['common', 'usual']);
  });

  it('keeps open epics, then the most recently updated, when there are more than the limit', async () => {
    const { db } = await setUp();
    await db.put('epics', epic(100, 1, { state: 'closed', updated_at: '2025-03-01T00:00:00.000Z' }));
    await db.put('epics', epic(100, 2, { updated_at: '2025-01-01T00:00:00.000Z' }));
    await db.put('epics', epic(100, 3, { updated_at: '2025-02-01T00:00:00.000Z' }));
    expect((await cachedEpics(db, 2)).map((e) => e.iid)).toEqual([2, 3]);
  });

  it("names an epic's group by its reference, its URL, or the path its group was looked up by", async () => {
    expect(epicGroupPath({ references: { short: '&3', relative: '&3', full: 'gitlab-org/quality&3' }, web_url: 'x' })).toBe('gitlab-org/quality');
    expect(epicGroupPath({ web_url: `${GITLAB}/groups/a/b/-/epics/7` })).toBe('a/b');
    expect(epicGroupPath({ web_url: `${GITLAB}/groups/a/-/work_items/7#note` })).toBe('a');
    expect(epicGroupPath({ web_url: `${GITLAB}/a/-/issues/7` })).toBeNull();
    const { db } = await setUp();
    await db.put('scopeIds', { key: 'group:found/by-path', kind: 'group', path: 'found/by-path', id: 555, checkedAt: '2025-01-01T00:00:00.000Z' });
    await db.put('epics', epic(555, 9, { web_url: 'https://elsewhere.example/9' }));
    await db.put('epics', epic(556, 9, { web_url: 'https://elsewhere.example/9' }));
    expect(await cachedEpics(db)).toEqual([{ group: 'found/by-path', iid: 9, title: 'Epic 9' }]);
  });
});
