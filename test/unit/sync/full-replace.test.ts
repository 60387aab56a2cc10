import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getMembers } from '../../../utils/db/cache';
import { openLensDb, type LensDb } from '../../../utils/db/database';
import { scopeKey } from '../../../utils/db/records';
import { getSyncState } from '../../../utils/db/sync-state';
import { GitLabClient } from '../../../utils/gitlab/client';
import type { Page } from '../../../utils/gitlab/paginate';
import { runFullSync } from '../../../utils/sync/runner';
import { syncProject } from '../../../utils/sync/sync';
import { BASE_URL, fakeFetch, json, readExample } from '../gitlab/fake-gitlab';

// Issue 7, "A bad members page wipes the cached members": a list that replaces the cached one is
// applied only when GitLab's whole answer could be read, and never when it suddenly empties.

const PROJECT = 201;
const SCOPE = scopeKey('project', PROJECT);
const MEMBERS_ID = `members:${SCOPE}`;
const FIRST_SYNC = Date.parse('2025-03-01T12:00:00Z');
const SECOND_SYNC = Date.parse('2025-03-02T12:00:00Z');

let dbCount = 0;
const openDbs: LensDb[] = [];
afterEach(() => openDbs.splice(0).forEach((db) => db.close()));

async function freshDb() {
  const db = await openLensDb(`sync-full-replace-${++dbCount}`);
  openDbs.push(db);
  return db;
}

const template = (readExample('list_project_members_all.json') as Record<string, unknown>[])[0]!;
const rawMembers = (n: number, extra: Record<string, unknown> = {}) =>
  Array.from({ length: n }, (_, i) => ({ ...template, id: 100 + i, username: `user${i}`, name: `User ${i}`, ...extra }));

/** A project whose members endpoint answers `members()`; every other list is empty. */
function project(members: () => unknown) {
  return fakeFetch((request) => {
    const path = request.url.pathname.replace('/api/v4', '');
    if (path === `/projects/${PROJECT}/members/all`) return json(members());
    if (path === `/projects/${PROJECT}`) return json({ id: PROJECT, name: 'p', path_with_namespace: 'g/p', default_branch: null, web_url: 'x' });
    return json([]);
  }).fetch;
}

async function syncMembers(db: LensDb, members: unknown, now: number) {
  const client = new GitLabClient({ baseUrl: BASE_URL, getToken: async () => 'glpat-test', fetch: project(() => members), now: () => now });
  const report = await syncProject(PROJECT, { client, db, now: () => now });
  return report.results.find((result) => result.resourceId === MEMBERS_ID)!;
}

/** 12 members cached by a successful sync on FIRST_SYNC. */
async function dbWithTwelveMembers() {
  const db = await freshDb();
  expect(await syncMembers(db, rawMembers(12), FIRST_SYNC)).toMatchObject({ status: 'ok', itemsInRun: 12 });
  expect(await getMembers(db, SCOPE)).toHaveLength(12);
  return db;
}

describe('members sync (full replace)', () => {
  it('keeps the 12 cached members when GitLab sends a page of members it cannot read', async () => {
    const db = await dbWithTwelveMembers();
    const result = await syncMembers(db, rawMembers(12, { access_level: 'developer' }), SECOND_SYNC);

    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ kind: 'invalid-payload' });
    expect(result.error?.message).toMatch(/^GitLab sent 12 members of project 201 that could not be read; kept the 12 cached members\./);
    expect(await getMembers(db, SCOPE)).toHaveLength(12);
    const state = await getSyncState(db, MEMBERS_ID);
    expect(state).toMatchObject({ inProgress: false, itemsInRun: 0, lastSuccessAt: new Date(FIRST_SYNC).toISOString() });
    expect(state.lastError).toEqual(result.error);
    expect(state.problems[0]).toMatchObject({ path: '[0].access_level', id: 100 });
  });

  it('does not replace the cached list with the readable part of a list with one bad member', async () => {
    const db = await dbWithTwelveMembers();
    const result = await syncMembers(db, [...rawMembers(3), { ...template, id: 999, username: null }], SECOND_SYNC);
    expect(result.status).toBe('failed');
    expect(result.error?.message).toMatch(/^GitLab sent 1 member of project 201 that could not be read; kept the 12 cached members\./);
    expect((await getMembers(db, SCOPE)).map((m) => m.id)).toEqual(rawMembers(12).map((m) => m.id));
  });

  it('keeps the 12 cached members when GitLab suddenly returns none', async () => {
    const db = await dbWithTwelveMembers();
    const result = await syncMembers(db, [], SECOND_SYNC);

    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ kind: 'invalid-payload' });
    expect(result.error?.message).toMatch(/^GitLab returned no members for project 201 while 12 are cached; kept the cached list\./);
    expect(await getMembers(db, SCOPE)).toHaveLength(12);
    expect(await getSyncState(db, MEMBERS_ID)).toMatchObject({ lastSuccessAt: new Date(FIRST_SYNC).toISOString(), problems: [] });
  });

  it('applies an empty list when nothing is cached yet (a new project)', async () => {
    const db = await freshDb();
    const result = await syncMembers(db, [], FIRST_SYNC);
    expect(result).toMatchObject({ status: 'ok', itemsInRun: 0 });
    expect(await getSyncState(db, MEMBERS_ID)).toMatchObject({ lastError: null, lastSuccessAt: new Date(FIRST_SYNC).toISOString() });
  });

  it('replaces the cached list with a normal one, and clears the previous error', async () => {
    const db = await dbWithTwelveMembers();
    await syncMembers(db, [], SECOND_SYNC); // refused
    const result = await syncMembers(db, rawMembers(3), SECOND_SYNC);
    expect(result).toMatchObject({ status: 'ok', itemsInRun: 3 });
    expect((await getMembers(db, SCOPE)).map((m) => m.username)).toEqual(['user0', 'user1', 'user2']);
    expect(await getSyncState(db, MEMBERS_ID)).toMatchObject({ lastError: null, lastSuccessAt: new Date(SECOND_SYNC).toISOString() });
  });
});

describe('runFullSync', () => {
  async function* pagesOf<T>(...pages: Partial<Page<T>>[]): AsyncIterable<Page<T>> {
    for (const page of pages) yield { items: [], problems: [], nextUrl: null, pagination: 'offset', servedAt: null, ...page };
  }

  // The rule belongs to every resource that is replaced rather than merged, not to members only.
  it('refuses any replaced resource whose answer was not a list, even with nothing cached', async () => {
    const db = await freshDb();
    let written = false;
    const problem = { context: 'labels of group 5', index: -1, path: '', message: 'Expected a list, got object' };
    const result = await runFullSync(
      'labels:group:5',
      pagesOf<{ id: number }>({ problems: [problem] }),
      () => ((written = true), {}),
      async () => 0,
      { db, now: () => SECOND_SYNC },
    );
    expect(written).toBe(false);
    expect(result.status).toBe('failed');
    expect(result.error?.message).toMatch(/^GitLab sent a list of labels of group 5 that could not be read; stored none of the list\./);
  });
});
