import { deleteDB, openDB, unwrap } from 'idb';
import 'fake-indexeddb/auto';
import { forceCloseDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  getIssue,
  getIssuesByProject,
  getIssuesByProjects,
  getMembers,
  getMilestones,
  putIssues,
} from '../../../utils/db/cache';
import { createLensDbHandle, DB_VERSION, openLensDb, UPGRADES, type LensDb } from '../../../utils/db/database';
import { scopeKey, toStoredMembers, toStoredMilestones } from '../../../utils/db/records';
import { commitSyncStep, getAllSyncStates, getSyncState } from '../../../utils/db/sync-state';
import { epicSchema, issueSchema, memberSchema, milestoneSchema, parseList } from '../../../utils/gitlab/schemas';
import { rawIssue, readExample } from '../gitlab/fake-gitlab';

let dbCount = 0;
const opened: LensDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

async function freshDb(): Promise<LensDb> {
  const db = await openLensDb(`db-test-${++dbCount}`);
  opened.push(db);
  return db;
}

const issue = (projectId: number, iid: number, fields: Record<string, unknown> = {}) =>
  issueSchema.parse(rawIssue(projectId, iid, '2025-01-01T00:00:00.000Z', { closed_at: null, due_date: null, ...fields }));

describe('database schema', () => {
  it('creates every store and index at the current version', async () => {
    const db = await freshDb();
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(UPGRADES.length);
    expect([...db.objectStoreNames].sort()).toEqual(
      ['badgeSnapshots', 'codeowners', 'epics', 'issues', 'members', 'mergeRequests', 'milestones', 'scopeIds', 'syncState'].sort(),
    );
    const tx = db.transaction(['issues', 'mergeRequests']);
    // v4 dropped the range indexes nothing queried: writes keep only what reads use.
    expect([...tx.objectStore('issues').indexNames]).toEqual(['by-project']);
    expect([...tx.objectStore('mergeRequests').indexNames]).toEqual(['by-project']);
  });

  it('upgrades a version 1 cache in place, keeping its data', async () => {
    const name = `db-test-${++dbCount}`;
    const v1 = await openDB(name, 1, { upgrade: (db, _old, _new, tx) => UPGRADES[0]!(db as never, tx as never) });
    await v1.put('syncState', { id: 'issues:project:1', lastSuccessAt: '2026-01-01T00:00:00Z' });
    v1.close();
    const db = await openLensDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('badgeSnapshots');
    expect([...db.objectStoreNames]).toContain('scopeIds');
    expect(await db.get('syncState', 'issues:project:1')).toMatchObject({ lastSuccessAt: '2026-01-01T00:00:00Z' });
    db.close();
  });

  // Upgrades run from the stored version: reopening must not re-run step 1 (creating existing
  // stores would throw), which is what makes adding a step for version 2 safe.
  it('reopens an existing database without running its upgrades again', async () => {
    const name = `db-test-${++dbCount}`;
    const first = await openLensDb(name);
    await putIssues(first, [issue(1, 1)]);
    first.close();
    const again = await openLensDb(name);
    opened.push(again);
    expect(await getIssuesByProject(again, 1)).toHaveLength(1);
  });
});

describe('createLensDbHandle', () => {
  const state = (id: string) => ({ id, cursor: null, lastSuccessAt: null, lastError: null, inProgress: false, progressAt: null, itemsInRun: 0, problems: [] });

  /** A write that fails with "The database connection is closing" on a closed connection. */
  async function usable(db: LensDb): Promise<boolean> {
    await db.put('syncState', state('probe'));
    return (await db.get('syncState', 'probe')) !== undefined;
  }

  it('shares one connection between calls', async () => {
    const handle = createLensDbHandle(`db-test-${++dbCount}`);
    const db = await handle.open();
    opened.push(db);
    expect(await handle.open()).toBe(db);
  });

  // Issue 7: a request arriving while the cache is deleted opened a connection that the delete's
  // versionchange then closed, and that closed connection stayed cached until the worker restarted.
  it('opens a working connection after an open() that raced a delete', async () => {
    const handle = createLensDbHandle(`db-test-${++dbCount}`);
    const before = await handle.open();
    await before.put('syncState', state('issues:project:1'));

    const deleting = handle.deleteAll();
    const during = handle.open(); // e.g. a page asking for badges while the settings are saved
    await deleting;
    const duringDb = await during.catch(() => null);
    if (duringDb) opened.push(duringDb);

    const next = await handle.open();
    opened.push(next);
    expect(await usable(next)).toBe(true);
    expect(await next.get('syncState', 'issues:project:1')).toBeUndefined(); // the delete happened
  });

  it('forgets an open() already on its way when the delete starts', async () => {
    const handle = createLensDbHandle(`db-test-${++dbCount}`);
    const onItsWay = handle.open();
    await handle.deleteAll();
    await onItsWay.catch(() => null);
    const next = await handle.open();
    opened.push(next);
    expect(await usable(next)).toBe(true);
  });

  it('drops a connection that another delete or a newer version made close (blocking)', async () => {
    const name = `db-test-${++dbCount}`;
    const handle = createLensDbHandle(name);
    const first = await handle.open();
    await deleteDB(name); // versionchange: the handle's connection steps aside
    await expect(first.put('syncState', state('x'))).rejects.toThrow();

    const next = await handle.open();
    opened.push(next);
    expect(next).not.toBe(first);
    expect(await usable(next)).toBe(true);
  });

  it('drops a connection the browser closed abnormally (terminated)', async () => {
    const handle = createLensDbHandle(`db-test-${++dbCount}`);
    const first = await handle.open();
    forceCloseDatabase(unwrap(first) as never); // fires "close", as DevTools clearing storage does

    const next = await handle.open();
    opened.push(next);
    expect(next).not.toBe(first);
    expect(await usable(next)).toBe(true);
  });
});

describe('cache queries', () => {
  it('keys issues by [project_id, iid]: a second put replaces, never duplicates', async () => {
    const db = await freshDb();
    await putIssues(db, [issue(1, 1), issue(1, 2), issue(2, 1)]);
    await putIssues(db, [issue(1, 1, { title: 'renamed' })]);
    expect(await getIssuesByProject(db, 1)).toHaveLength(2);
    expect((await getIssue(db, 1, 1))?.title).toBe('renamed');
    expect(await getIssuesByProjects(db, [1, 2])).toHaveLength(3);
  });

  it('keeps a newer copy of an issue over an older one stored after it (two syncs at once)', async () => {
    const db = await freshDb();
    await putIssues(db, [issue(1, 1, { title: 'newer', updated_at: '2025-03-02T00:00:00.000Z' })]);
    await putIssues(db, [issue(1, 1, { title: 'older', updated_at: '2025-03-01T00:00:00.000Z' })]);
    expect((await getIssue(db, 1, 1))?.title).toBe('newer');
    // The same through a sync step, and a newer copy does replace it.
    const state = await getSyncState(db, 'issues:project:1');
    await commitSyncStep(db, { issues: [issue(1, 1, { title: 'older', updated_at: '2025-03-01T00:00:00.000Z' })] }, state);
    expect((await getIssue(db, 1, 1))?.title).toBe('newer');
    await commitSyncStep(db, { issues: [issue(1, 1, { title: 'newest', updated_at: '2025-03-03T00:00:00.000Z' })] }, state);
    expect((await getIssue(db, 1, 1))?.title).toBe('newest');
  });

  it('leaves a moved issue out of the issues that count, where it was moved from', async () => {
    const db = await freshDb();
    await putIssues(db, [issue(1, 1), issue(1, 2, { state: 'closed', moved_to_id: 900 })]);
    expect((await getIssuesByProjects(db, [1])).map((found) => found.iid)).toEqual([1]);
    // Still readable by itself (its page, a board card).
    expect((await getIssue(db, 1, 2))?.moved_to_id).toBe(900);
  });

  it('writes all issues of a call or none', async () => {
    const db = await freshDb();
    const broken = { ...issue(1, 2), project_id: undefined } as unknown as ReturnType<typeof issue>;
    await expect(putIssues(db, [issue(1, 1), broken])).rejects.toThrow();
    expect(await getIssuesByProject(db, 1)).toEqual([]);
  });


});

describe('commitSyncStep', () => {
  it('stores a page and the sync state together', async () => {
    const db = await freshDb();
    const state = { ...(await getSyncState(db, 'issues:project:1')), cursor: '2025-01-01T00:00:00.000Z', inProgress: true };
    await commitSyncStep(db, { issues: [issue(1, 1), issue(1, 2)] }, state);
    expect(await getIssuesByProject(db, 1)).toHaveLength(2);
    expect(await getAllSyncStates(db)).toEqual([state]);
  });

  it('saves nothing, not even the cursor, when a write in the step fails', async () => {
    const db = await freshDb();
    const state = { ...(await getSyncState(db, 'issues:project:1')), cursor: '2025-01-01T00:00:00.000Z' };
    const broken = { ...issue(1, 2), iid: undefined } as unknown as ReturnType<typeof issue>;
    await expect(commitSyncStep(db, { issues: [issue(1, 1), broken] }, state)).rejects.toThrow();
    expect(await getIssuesByProject(db, 1)).toEqual([]);
    expect((await getSyncState(db, 'issues:project:1')).cursor).toBeNull();
  });

  it('replaces a scope\'s members and upserts milestones, epics and CODEOWNERS', async () => {
    const db = await freshDb();
    const scope = scopeKey('project', 3);
    const members = parseList(memberSchema, readExample('list_project_members_all.json'), 'members').items;
    const state = await getSyncState(db, 'members:project:3');
    await commitSyncStep(db, { members: { scope, members: toStoredMembers(scope, members) } }, state);
    await commitSyncStep(db, { members: { scope, members: toStoredMembers(scope, members.slice(1)) } }, state);
    // The membership start (documented created_at) is kept: MR rate counts engineer-months from it.
    expect((await getMembers(db, scope)).map((m) => [m.username, m.created_at])).toEqual([
      ['john_doe', '2012-09-22T14:13:35Z'],
      ['foo_bar', '2012-10-22T14:13:35Z'],
    ]);

    const milestone = milestoneSchema.parse({ id: 11, iid: 3, title: 'v3.0', state: 'active', due_date: '2025-04-01' });
    const epics = parseList(epicSchema, readExample('list_group_epics.json'), 'epics').items;
    const codeowners = { projectId: 3, path: 'CODEOWNERS', ref: 'main', text: '* @a', fetchedAt: '2025-01-01T00:00:00.000Z' };
    await commitSyncStep(db, { milestones: toStoredMilestones(scope, [milestone]), epics, codeowners }, state);
    expect(await getMilestones(db, scope)).toEqual([{ ...milestone, scope }]);
    expect((await db.getAll('epics')).map((epic) => epic.group_id)).toContain(7);
    expect(await db.get('codeowners', 3)).toEqual(codeowners);
  });

  it('returns an empty state for a resource never synced', async () => {
    const db = await freshDb();
    expect(await getSyncState(db, 'epics:group:5')).toMatchObject({ id: 'epics:group:5', cursor: null, lastSuccessAt: null, inProgress: false });
  });
});
