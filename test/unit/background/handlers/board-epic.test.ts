import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnswers } from '../../../../utils/background/answers';
import { createBoardHandlers, epicCards, epicPathOf } from '../../../../utils/background/handlers/board';
import type { DataService } from '../../../../utils/background/data-service';
import { createEpicHandlers } from '../../../../utils/background/handlers/epic';
import { cachedProjects, projectPathOf } from '../../../../utils/background/scope-cache';
import { putIssues } from '../../../../utils/db/cache';
import { openLensDb, type LensDb } from '../../../../utils/db/database';
import { GitLabError } from '../../../../utils/gitlab/errors';
import { epicSchema, issueSchema } from '../../../../utils/gitlab/schemas';
import { DEFAULT_SETTINGS } from '../../../../utils/settings';
import { DEFAULT_KPI_SETTINGS } from '../../../../utils/kpi';
import { rawIssue } from '../../gitlab/fake-gitlab';

const GITLAB = 'https://gitlab.example.com';
const now = Date.parse('2025-03-10T12:00:00Z');
const sender = { tab: { id: 7 } };
const PROJECTS = { webApp: { id: 201, path: 'demo/web-app' }, api: { id: 202, path: 'demo/sub/api' }, other: { id: 301, path: 'elsewhere/tool' } };

/** An open issue without due date or milestone, created Mar 1, unless overridden. */
function cached(project: { id: number; path: string }, iid: number, fields: Record<string, unknown> = {}) {
  return issueSchema.parse(
    rawIssue(project.id, iid, '2025-03-01T00:00:00.000Z', {
      state: 'opened',
      closed_at: null,
      due_date: null,
      milestone: null,
      // A visible category label: cards get no allocation badge unless a test says otherwise.
      labels: ['type::feature'],
      created_at: '2025-03-01T00:00:00.000Z',
      references: { short: `#${iid}`, relative: `#${iid}`, full: `${project.path}#${iid}` },
      web_url: `${GITLAB}/${project.path}/-/issues/${iid}`,
      epic: null,
      weight: null,
      ...fields,
    }),
  );
}

let count = 0;
const opened: LensDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

async function setUp() {
  const db = await openLensDb(`handlers-test-${++count}`);
  opened.push(db);
  const scopes: string[] = [];
  const known = new Map<string, number>();
  /** The scopes' completed syncs, as the data service stamps them. */
  const synced = { stamp: '2025-03-10T11:00:00.000Z' };
  const data = {
    context: async () => ({ settings: { ...DEFAULT_SETTINGS, gitlabUrl: GITLAB, token: 'glpat-x' }, db, client: {} }),
    ensureFresh: async (scope: { kind: string; id: number }) => {
      scopes.push(`${scope.kind}:${scope.id}`);
      return { syncedAt: '2025-03-10T11:00:00.000Z', syncing: false, scopes: [`${scope.kind}:${scope.id}`], dataStamp: synced.stamp };
    },
    groupId: async (path: string) => (path === 'demo' ? 100 : 999),
    projectId: async (path: string) => {
      throw new Error(`no request expected for ${path}`);
    },
    knownProjectId: (path: string) => known.get(path),
    rememberProject: async (path: string, id: number) => void known.set(path, id),
  } as unknown as DataService;
  return { db, data, scopes, synced };
}

describe('projectPathOf', () => {
  it('reads the full reference, else the web URL below the GitLab root', () => {
    expect(projectPathOf({ references: { full: 'g/sub/p#12' }, web_url: 'x' }, GITLAB)).toBe('g/sub/p');
    expect(projectPathOf({ references: { full: 'g/p!3' }, web_url: 'x' }, GITLAB)).toBe('g/p');
    expect(projectPathOf({ web_url: 'https://example.com/gitlab/g/p/-/issues/4' }, 'https://example.com/gitlab/')).toBe('g/p');
    expect(projectPathOf({ web_url: 'https://other.example/g/p/-/issues/4' }, GITLAB)).toBeNull();
  });
});

describe('content:board-cards', () => {
  it('prefetches the likely cards of a group board: open ones and those closed within the window', async () => {
    const { db, data } = await setUp();
    await putIssues(db, [
      cached(PROJECTS.webApp, 1),
      // Closed Feb 1: 37 days before Mar 10, inside the default 90-day window.
      cached(PROJECTS.api, 2, { state: 'closed', closed_at: '2025-02-01T00:00:00.000Z' }),
      // Closed Nov 1: 129 days before, outside the window: not prefetched.
      cached(PROJECTS.webApp, 3, { state: 'closed', closed_at: '2024-11-01T00:00:00.000Z', created_at: '2024-10-01T00:00:00.000Z' }),
      // Another group's project.
      cached(PROJECTS.other, 4),
    ]);
    const handlers = createBoardHandlers(data, createAnswers(data, () => now), () => now);
    const answer = await handlers['content:board-cards']({ board: { groupPath: 'demo' }, cards: [], prefetch: true }, sender);
    expect(Object.keys(answer.cards).sort()).toEqual(['demo/sub/api#2', 'demo/web-app#1']);
    // Nothing needs attention on these cards: known, and no badge.
    expect(answer.cards['demo/web-app#1']).toEqual([]);
    expect(answer.complete).toBe(true);
  });

  it('keeps the prefetched answer until a sync of the scope completes or the day changes', async () => {
    const { db, data, synced } = await setUp();
    await putIssues(db, [cached(PROJECTS.webApp, 1, { due_date: '2025-03-11' })]);
    let at = now;
    const handlers = createBoardHandlers(data, createAnswers(data, () => at), () => at);
    const prefetch = () => handlers['content:board-cards']({ board: { projectPath: PROJECTS.webApp.path, projectId: PROJECTS.webApp.id }, cards: [], prefetch: true }, sender);
    const texts = async () => Object.fromEntries(Object.entries((await prefetch()).cards).map(([path, badges]) => [path, badges.map((badge) => badge.text)]));
    expect(await texts()).toEqual({ 'demo/web-app#1': ['due in 1 d'] });
    // Stored by a sync still running: not in the answer until that sync completes.
    await putIssues(db, [cached(PROJECTS.webApp, 2, { due_date: '2025-03-09' })]);
    expect(await texts()).toEqual({ 'demo/web-app#1': ['due in 1 d'] });
    synced.stamp = '2025-03-10T11:30:00.000Z';
    expect(await texts()).toEqual({ 'demo/web-app#1': ['due in 1 d'], 'demo/web-app#2': ['overdue 1 d'] });
    // The next morning, without a sync: tomorrow is today, and yesterday two days ago.
    at = now + 20 * 3_600_000;
    expect(await texts()).toEqual({ 'demo/web-app#1': ['due today'], 'demo/web-app#2': ['overdue 2 d'] });
  });

  it('answers every cached card of a project board in one message and leaves unknown ones out', async () => {
    const { db, data, scopes } = await setUp();
    await putIssues(db, [
      // Due Mar 5, open, now Mar 10 12:00Z: overdue 5 d.
      cached(PROJECTS.webApp, 1, { due_date: '2025-03-05' }),
      cached(PROJECTS.webApp, 2),
    ]);
    const handlers = createBoardHandlers(data, createAnswers(data, () => now), () => now);
    const answer = await handlers['content:board-cards'](
      { board: { projectPath: PROJECTS.webApp.path, projectId: PROJECTS.webApp.id }, cards: ['demo/web-app#1', 'demo/web-app#2', 'demo/web-app#99', 'garbage'] },
      sender,
    );
    expect(Object.keys(answer.cards)).toEqual(['demo/web-app#1', 'demo/web-app#2']);
    expect(answer.cards['demo/web-app#1']!.map((badge) => badge.text)).toEqual(['overdue 5 d']);
    // Known with nothing to say (no due date): an empty list, so the card gets no host.
    expect(answer.cards['demo/web-app#2']).toEqual([]);
    expect(scopes).toEqual(['project:201']);
  });

  it('finds the projects of a group board in the cache, reading many cards at once', async () => {
    const { db, data, scopes } = await setUp();
    // Due Mar 12: 1.5 days away, within the 3-day "due soon" band.
    const many = Array.from({ length: 60 }, (_, i) => cached(PROJECTS.webApp, i + 1, { due_date: '2025-03-12' }));
    await putIssues(db, [...many, cached(PROJECTS.api, 5, { state: 'closed', closed_at: '2025-03-03T00:00:00.000Z' })]);
    const handlers = createBoardHandlers(data, createAnswers(data, () => now), () => now);
    const cards = [...many.map((issue) => `demo/web-app#${issue.iid}`), 'demo/sub/api#5'];
    const answer = await handlers['content:board-cards']({ board: { groupPath: 'demo' }, cards }, sender);
    expect(Object.keys(answer.cards)).toHaveLength(61);
    expect(answer.cards['demo/web-app#60']!.map((badge) => badge.text)).toEqual(['due in 2 d']);
    expect(answer.cards['demo/sub/api#5']).toEqual([]);
    expect(scopes).toEqual(['group:100']);
  });
});

describe('content:board-overview', () => {
  it('computes a group board’s KPIs over the cached projects below the group only', async () => {
    const { db, data } = await setUp();
    await putIssues(db, [
      // On-time sample in demo/*: #1 closed on time (due Mar 1, closed Feb 28), #2 open overdue.
      cached(PROJECTS.webApp, 1, { due_date: '2025-03-01', state: 'closed', closed_at: '2025-02-28T00:00:00.000Z' }),
      cached(PROJECTS.api, 2, { due_date: '2025-03-01' }),
      // Another group's project: left out (it would make 1/3).
      cached(PROJECTS.other, 3, { due_date: '2025-03-01' }),
      // A project milestone (not a group one) due Mar 5 holding #4, closed Mar 4: Complete 1/1.
      cached(PROJECTS.api, 4, { milestone: { id: 9, iid: 1, project_id: 202, title: 'v1', state: 'active', due_date: '2025-03-05' }, state: 'closed', closed_at: '2025-03-04T00:00:00.000Z' }),
    ]);
    expect([...(await cachedProjects(db, GITLAB)).values()].sort()).toEqual(['demo/sub/api', 'demo/web-app', 'elsewhere/tool']);
    const answer = await createBoardHandlers(data, createAnswers(data, () => now), () => now)['content:board-overview']({ groupPath: 'demo' }, sender);
    expect(answer.scopePath).toBe('demo');
    // #4 takes the milestone's Mar 5 as due date and was closed Mar 4: on time too → 2/3.
    expect(answer.badges.slice(0, 2).map((badge) => badge.text)).toEqual(['On-time 67% (2/3)', 'Complete 100% (1/1)']);
  });
});

describe('content:epic-overview', () => {
  it('counts the issues of the epic and its child epics in the group', async () => {
    const { db, data } = await setUp();
    const epic = (id: number, iid: number, parentId: number | null) =>
      epicSchema.parse({
        id,
        iid,
        group_id: 100,
        parent_id: parentId,
        title: `Epic ${iid}`,
        state: 'opened',
        web_url: `${GITLAB}/groups/demo/-/epics/${iid}`,
        labels: [],
        created_at: '2025-01-01T00:00:00.000Z',
        updated_at: '2025-01-01T00:00:00.000Z',
      });
    await db.put('epics', epic(501, 1, null));
    await db.put('epics', epic(502, 2, 501));
    await db.put('epics', epic(503, 3, null));
    await putIssues(db, [
      // &1: weight 3, closed. &2 (child): weight 1, open. &3 (unrelated): weight 10, closed.
      cached(PROJECTS.webApp, 1, { epic: { id: 501, iid: 1, group_id: 100 }, weight: 3, state: 'closed', closed_at: '2025-03-02T00:00:00.000Z' }),
      cached(PROJECTS.api, 2, { epic: { id: 502, iid: 2, group_id: 100 }, weight: 1 }),
      cached(PROJECTS.webApp, 3, { epic: { id: 503, iid: 3, group_id: 100 }, weight: 10, state: 'closed', closed_at: '2025-03-02T00:00:00.000Z' }),
    ]);
    const handlers = createEpicHandlers(data, createAnswers(data, () => now), () => now);
    const answer = await handlers['content:epic-overview']({ groupPath: 'demo', iid: 1 }, sender);
    // Closed weight 3 of 3 + 1 = 4 → 75 %.
    expect(answer.badges.map((badge) => badge.text)).toEqual(['On-time —', 'Complete —', 'Progress 75% (3/4 weight)']);
    // &1 is a top epic: one row for its child &2 (weight 1, open: 0 %; no dates on the epic).
    expect(answer.topEpic?.rows.map((row) => [row.ref, row.title, row.progress.text, row.dueDate, row.health])).toEqual([
      ['&2', 'Epic 2', '0% (0/1 weight)', null, 'no dates'],
    ]);
    expect(answer.topEpic?.legend).toMatch(/^Health compares progress/);
    // &3 has no child epics: no table.
    expect((await handlers['content:epic-overview']({ groupPath: 'demo', iid: 3 }, sender)).topEpic).toBeNull();
  });
});

describe('content:group-work-item', () => {
  /** A group work item whose epics API answer is `answer` (an epic record or an error). */
  async function ask(answer: 'epic' | GitLabError, cachedEpic = false) {
    const { db, data } = await setUp();
    if (cachedEpic) {
      await db.put('epics', epicSchema.parse({ id: 501, iid: 4, group_id: 100, title: 'E', state: 'opened', web_url: `${GITLAB}/groups/demo/-/epics/4`, labels: [], created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-01-01T00:00:00.000Z' }));
    }
    const calls: string[] = [];
    const client = {
      getGroupEpic: async (groupId: number, iid: number) => {
        calls.push(`${groupId}&${iid}`);
        if (answer !== 'epic') throw answer;
        return {};
      },
    };
    const handlers = createEpicHandlers({ ...data, context: async () => ({ ...(await data.context()), client }) } as unknown as DataService, createAnswers(data, () => now), () => now);
    const first = await handlers['content:group-work-item']({ groupPath: 'demo', iid: 4 }, sender);
    const second = await handlers['content:group-work-item']({ groupPath: 'demo', iid: 4 }, sender);
    return { first, second, calls };
  }

  it('is an epic when the cache holds it, without a request', async () => {
    expect(await ask(new GitLabError({ kind: 'not-found' }), true)).toEqual({ first: { epic: true }, second: { epic: true }, calls: [] });
  });

  it('is an epic when the epics API finds it, asked once', async () => {
    expect(await ask('epic')).toEqual({ first: { epic: true }, second: { epic: true }, calls: ['100&4'] });
  });

  it('is no epic when the epics API has none (404) or this GitLab serves no epics (403)', async () => {
    expect(await ask(new GitLabError({ kind: 'not-found' }))).toEqual({ first: { epic: false }, second: { epic: false }, calls: ['100&4'] });
    expect((await ask(new GitLabError({ kind: 'forbidden' }))).first).toEqual({ epic: false });
  });

  it('passes other failures on, so the page shows them instead of guessing', async () => {
    await expect(ask(new GitLabError({ kind: 'server', status: 502 }))).rejects.toThrow(GitLabError);
  });
});

describe('epic board cards', () => {
  const epic = (iid: number, groupPath: string, fields: Record<string, unknown> = {}) =>
    epicSchema.parse({
      id: 700 + iid,
      iid,
      group_id: groupPath === 'demo' ? 100 : 101,
      title: `Epic ${iid}`,
      description: null,
      state: 'opened',
      created_at: '2025-01-01T00:00:00.000Z',
      updated_at: '2025-01-02T00:00:00.000Z',
      closed_at: null,
      start_date: null,
      due_date: null,
      labels: [],
      web_url: `${GITLAB}/groups/${groupPath}/-/epics/${iid}`,
      references: { short: `&${iid}`, relative: `&${iid}`, full: `${groupPath}&${iid}` },
      author: { id: 1, username: 'a', name: 'A', state: 'active', avatar_url: null, web_url: `${GITLAB}/a` },
      ...fields,
    });

  it("badges the group's and its subgroups' epics that need attention, by their card path", () => {
    // Now Mar 10 12:00Z: &1 due Mar 5 (overdue 5 d), &2 due Mar 11 (due in 1 d), &3 no due date.
    const epics = [
      epic(1, 'demo', { due_date: '2025-03-05' }),
      epic(2, 'demo/sub', { due_date: '2025-03-11' }),
      epic(3, 'demo'),
      epic(4, 'elsewhere', { due_date: '2025-03-05' }),
    ];
    const cards = epicCards(epics, 'demo', DEFAULT_KPI_SETTINGS, new Date(now));
    expect(Object.fromEntries(Object.entries(cards).map(([path, badges]) => [path, badges.map((badge) => badge.text)]))).toEqual({
      'demo&1': ['overdue 5 d'],
      'demo/sub&2': ['due in 1 d'],
      'demo&3': [],
    });
  });

  it('reads the card path from the web URL when the epic has no full reference', () => {
    expect(epicPathOf({ iid: 4, references: undefined, web_url: `${GITLAB}/groups/demo/sub/-/epics/4` })).toBe('demo/sub&4');
  });
});
