import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getIssuesByProject } from '../../../utils/db/cache';
import { openLensDb, type LensDb } from '../../../utils/db/database';
import { getSyncState } from '../../../utils/db/sync-state';
import { GitLabClient } from '../../../utils/gitlab/client';
import { isStale, syncStatusOf } from '../../../utils/sync/freshness';
import { syncGroup, syncProject } from '../../../utils/sync/sync';
import { BASE_URL, fakeFetch, issuesEndpoint, json, rawIssue, rawIssues, readExample, text, type RecordedRequest } from '../gitlab/fake-gitlab';

const PROJECT = 12;
const NOW = Date.parse('2025-03-01T12:00:00Z');
const DAY = 86_400_000;
let dbCount = 0;
const openDbs: LensDb[] = [];

afterEach(() => openDbs.splice(0).forEach((db) => db.close()));

async function freshDb() {
  const db = await openLensDb(`sync-test-${++dbCount}`);
  openDbs.push(db);
  return db;
}

type Route = (request: RecordedRequest) => Response | Promise<Response> | undefined;

/** A project's endpoints: issues from `store`, one MR, the documented members, no milestones. */
function projectGitLab(store: { issues: ReturnType<typeof rawIssues> }, override: Route = () => undefined) {
  const issues = issuesEndpoint(store);
  return fakeFetch(async (request) => {
    const overridden = await override(request);
    if (overridden) return overridden;
    const path = request.url.pathname.replace('/api/v4', '');
    if (path === `/projects/${PROJECT}/issues`) return issues(request);
    if (path === `/projects/${PROJECT}/merge_requests`) return json(readExample('list_project_merge_requests.json'));
    if (path === `/projects/${PROJECT}/members/all`) return json(readExample('list_project_members_all.json'));
    if (path === `/projects/${PROJECT}/milestones`) return json([], { headers: { date: 'Sat, 01 Mar 2025 11:59:59 GMT' } });
    if (path === `/projects/${PROJECT}`) return json({ id: PROJECT, name: 'p', path_with_namespace: 'g/p', default_branch: 'main', web_url: 'x' });
    if (path === `/projects/${PROJECT}/repository/files/.gitlab%2FCODEOWNERS/raw`) return text('* @alice\n', 200);
    if (path.includes('/repository/files/')) return json({ message: '404 File Not Found' }, { status: 404 });
    return json({ message: '404 Not Found' }, { status: 404 });
  });
}

function deps(db: LensDb, fetch: typeof globalThis.fetch, sleeps: number[] = []) {
  const client = new GitLabClient({
    baseUrl: BASE_URL,
    getToken: async () => 'glpat-test',
    fetch,
    now: () => NOW,
    sleep: async (ms) => void sleeps.push(ms),
  });
  return { client, db, now: () => NOW };
}

/** List requests for the project's issues (not the daily one-item count, `per_page=1`). */
const issueRequests = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.url.pathname.endsWith(`/projects/${PROJECT}/issues`) && r.url.searchParams.get('per_page') !== '1');
const countRequests = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.url.pathname.endsWith(`/projects/${PROJECT}/issues`) && r.url.searchParams.get('per_page') === '1');

describe('syncProject', () => {
  it('cold sync of 250 issues costs 3 list requests and stores every issue once', async () => {
    const db = await freshDb();
    const store = { issues: rawIssues(PROJECT, 250) };
    const { fetch, requests } = projectGitLab(store);
    const report = await syncProject(PROJECT, deps(db, fetch));

    expect(report.ok).toBe(true);
    expect(issueRequests(requests)).toHaveLength(3);
    expect(await getIssuesByProject(db, PROJECT)).toHaveLength(250);
    const state = await getSyncState(db, `issues:project:${PROJECT}`);
    expect(state).toMatchObject({ cursor: store.issues[249]!.updated_at, inProgress: false, lastError: null, itemsInRun: 250 });
    expect(syncStatusOf(state, NOW)).toBe('ok');
  });

  it('warm sync with nothing changed costs one request per resource', async () => {
    const db = await freshDb();
    const store = { issues: rawIssues(PROJECT, 250) };
    const { fetch, requests } = projectGitLab(store);
    await syncProject(PROJECT, deps(db, fetch));
    requests.length = 0;

    await syncProject(PROJECT, deps(db, fetch));
    const paths = requests.map((r) => r.url.pathname.replace(`/api/v4/projects/${PROJECT}`, ''));
    // CODEOWNERS is fresh (read less than a day ago), so it costs nothing.
    expect(paths.sort()).toEqual(['/issues', '/members/all', '/merge_requests', '/milestones']);
    expect(issueRequests(requests)[0]!.url.searchParams.get('updated_after')).toBe(store.issues[249]!.updated_at);
  });

  it('resumes after a crash on page 3 from the saved cursor, with no duplicates and no gaps', async () => {
    const db = await freshDb();
    const store = { issues: rawIssues(PROJECT, 250) };
    let issueCalls = 0;
    const crashing = projectGitLab(store, (request) => {
      if (request.url.pathname.endsWith('/issues') && ++issueCalls === 3) throw new Error('service worker stopped');
      return undefined;
    });
    const first = await syncProject(PROJECT, deps(db, crashing.fetch));
    const failed = first.results.find((r) => r.resourceId === `issues:project:${PROJECT}`);
    expect(failed).toMatchObject({ status: 'failed', itemsInRun: 200, error: { kind: 'internal' } });
    const interrupted = await getSyncState(db, `issues:project:${PROJECT}`);
    expect(interrupted.cursor).toBe(store.issues[199]!.updated_at);
    expect(await getIssuesByProject(db, PROJECT)).toHaveLength(200);

    // Meanwhile an issue from page 1 is edited: it moves to the end of the updated_at order.
    store.issues[5] = rawIssue(PROJECT, 6, '2025-02-28T00:00:00.000Z', { title: 'edited' });
    const resumed = projectGitLab(store);
    await syncProject(PROJECT, deps(db, resumed.fetch));
    const resumedIssueRequests = issueRequests(resumed.requests);
    expect(resumedIssueRequests[0]!.url.searchParams.get('updated_after')).toBe(store.issues[199]!.updated_at);
    expect(resumedIssueRequests).toHaveLength(1); // 52 items from the cursor on

    const cached = await getIssuesByProject(db, PROJECT);
    expect(cached).toHaveLength(250);
    expect(new Set(cached.map((i) => i.iid)).size).toBe(250);
    expect(cached.find((i) => i.iid === 6)?.title).toBe('edited');
  });

  it('once a week lists everything and removes what GitLab no longer lists (deleted, hidden, moved out)', async () => {
    const db = await freshDb();
    const store = { issues: rawIssues(PROJECT, 150) };
    const { fetch, requests } = projectGitLab(store);
    const at = (ms: number) => ({ ...deps(db, fetch), now: () => NOW + ms });
    await syncProject(PROJECT, at(0));
    expect((await getSyncState(db, `issues:project:${PROJECT}`)).reconciledAt).toBe(new Date(NOW).toISOString());

    // GitLab deletes #7: an updated_after sync cannot see it go.
    store.issues = store.issues.filter((issue) => issue.iid !== 7);
    requests.length = 0;
    await syncProject(PROJECT, at(DAY));
    expect(issueRequests(requests).map((r) => r.url.searchParams.has('updated_after'))).toEqual([true]);
    expect(await getIssuesByProject(db, PROJECT)).toHaveLength(150);

    // A week after the last full listing: the list is read whole (2 pages of 100), #7 removed.
    requests.length = 0;
    await syncProject(PROJECT, at(7 * DAY));
    expect(issueRequests(requests).map((r) => r.url.searchParams.has('updated_after'))).toEqual([false, false]);
    const cached = await getIssuesByProject(db, PROJECT);
    expect(cached).toHaveLength(149);
    expect(cached.some((issue) => issue.iid === 7)).toBe(false);
    expect((await getSyncState(db, `issues:project:${PROJECT}`)).reconciledAt).toBe(new Date(NOW + 7 * DAY).toISOString());

    // And back to one updated_after request.
    requests.length = 0;
    await syncProject(PROJECT, at(7 * DAY + 3_600_000));
    expect(issueRequests(requests).map((r) => r.url.searchParams.has('updated_after'))).toEqual([true]);
  });

  it("relists at once when GitLab's daily count of the issues disagrees with the cache", async () => {
    const db = await freshDb();
    const store = { issues: rawIssues(PROJECT, 150) };
    // GitLab sends X-Total on offset pages up to 10,000 items (gitlab/API.md).
    const { fetch, requests } = projectGitLab(store, (request) =>
      request.url.pathname.endsWith('/issues') && request.url.searchParams.get('per_page') === '1'
        ? json(store.issues.slice(0, 1), { headers: { 'x-total': String(store.issues.length) } })
        : undefined,
    );
    const at = (ms: number) => ({ ...deps(db, fetch), now: () => NOW + ms });
    await syncProject(PROJECT, at(0));

    // Within the day: no count. The cold listing just counted.
    store.issues = store.issues.filter((issue) => issue.iid !== 7);
    requests.length = 0;
    await syncProject(PROJECT, at(3_600_000));
    expect(countRequests(requests)).toHaveLength(0);
    expect(await getIssuesByProject(db, PROJECT)).toHaveLength(150);

    // A day later: GitLab counts 149, the cache 150: the whole list is read and #7 goes.
    requests.length = 0;
    await syncProject(PROJECT, at(DAY));
    expect(countRequests(requests)).toHaveLength(1);
    expect(issueRequests(requests).map((r) => r.url.searchParams.has('updated_after'))).toEqual([false, false]);
    expect(await getIssuesByProject(db, PROJECT)).toHaveLength(149);

    // Counts agree the next day: one count, one updated_after request.
    requests.length = 0;
    await syncProject(PROJECT, at(2 * DAY));
    expect(countRequests(requests)).toHaveLength(1);
    expect(issueRequests(requests).map((r) => r.url.searchParams.has('updated_after'))).toEqual([true]);
  });

  it('removes nothing when the weekly listing had an element it could not read', async () => {
    const db = await freshDb();
    const store = { issues: rawIssues(PROJECT, 20) };
    const { fetch } = projectGitLab(store);
    await syncProject(PROJECT, { ...deps(db, fetch), now: () => NOW });
    // #3 gone, and #4 now sent with a due date GitLab never sends: unreadable, so maybe still there.
    store.issues = store.issues.filter((issue) => issue.iid !== 3);
    store.issues[2] = { ...store.issues[2]!, due_date: 'soon' } as (typeof store.issues)[number];
    await syncProject(PROJECT, { ...deps(db, fetch), now: () => NOW + 7 * DAY });
    expect(await getIssuesByProject(db, PROJECT)).toHaveLength(20);
  });

  it('waits for Retry-After when GitLab throttles mid-sync, then completes', async () => {
    const db = await freshDb();
    const store = { issues: rawIssues(PROJECT, 250) };
    let issueCalls = 0;
    const { fetch, requests } = projectGitLab(store, (request) =>
      request.url.pathname.endsWith('/issues') && ++issueCalls === 2 ? text('Retry later', 429, { 'retry-after': '5' }) : undefined,
    );
    const sleeps: number[] = [];
    const report = await syncProject(PROJECT, deps(db, fetch, sleeps));
    expect(report.ok).toBe(true);
    expect(sleeps).toContain(5000);
    expect(issueRequests(requests)).toHaveLength(4);
    expect(await getIssuesByProject(db, PROJECT)).toHaveLength(250);
  });

  it('records a long rate limit as the error with retryAt, keeping the cursor of the stored pages', async () => {
    const db = await freshDb();
    const store = { issues: rawIssues(PROJECT, 250) };
    let issueCalls = 0;
    const { fetch } = projectGitLab(store, (request) =>
      request.url.pathname.endsWith('/issues') && ++issueCalls === 2 ? text('Retry later', 429, { 'retry-after': '900' }) : undefined,
    );
    const report = await syncProject(PROJECT, deps(db, fetch));
    expect(report.ok).toBe(false);
    const state = await getSyncState(db, `issues:project:${PROJECT}`);
    expect(state.cursor).toBe(store.issues[99]!.updated_at);
    expect(state.lastError).toMatchObject({ kind: 'rate-limited', retryAt: '2025-03-01T12:15:00.000Z' });
    expect(syncStatusOf(state, NOW)).toBe('failed');
  });

  it('stores CODEOWNERS from the first documented location that exists, and parse problems', async () => {
    const db = await freshDb();
    const store = { issues: [...rawIssues(PROJECT, 2), rawIssue(PROJECT, 3, '2025-01-01T00:00:00Z', { due_date: 'tomorrow' })] };
    const { fetch } = projectGitLab(store);
    await syncProject(PROJECT, deps(db, fetch));
    expect(await db.get('codeowners', PROJECT)).toMatchObject({ path: '.gitlab/CODEOWNERS', ref: 'main', text: '* @alice\n' });
    const state = await getSyncState(db, `issues:project:${PROJECT}`);
    expect(state.problems).toEqual([expect.objectContaining({ path: '[2].due_date', iid: 3 })]);
  });

  it('keeps reporting an unreadable item through later incremental runs until a readable copy arrives', async () => {
    const db = await freshDb();
    const bad = rawIssue(PROJECT, 3, '2024-01-15T00:00:00Z', { due_date: 'tomorrow' });
    const store: { issues: ReturnType<typeof rawIssues> } = { issues: [...rawIssues(PROJECT, 2), bad] };
    const { fetch } = projectGitLab(store);
    await syncProject(PROJECT, deps(db, fetch));
    // Nothing changed: the warm run reads nothing, and the issue is still not cached.
    await syncProject(PROJECT, deps(db, fetch));
    expect((await getSyncState(db, `issues:project:${PROJECT}`)).problems).toEqual([expect.objectContaining({ iid: 3 })]);
    // Fixed in GitLab: the next run reads it, stores it, and the problem goes.
    store.issues[2] = rawIssue(PROJECT, 3, '2025-02-28T00:00:00Z', { due_date: '2025-03-10' });
    await syncProject(PROJECT, deps(db, fetch));
    expect((await getSyncState(db, `issues:project:${PROJECT}`)).problems).toEqual([]);
    expect((await getIssuesByProject(db, PROJECT)).map((issue) => issue.iid).sort()).toEqual([1, 2, 3]);
  });

  it('moves the milestones cursor to the server time of the first page (no order_by on that API)', async () => {
    const db = await freshDb();
    const { fetch } = projectGitLab({ issues: [] });
    await syncProject(PROJECT, deps(db, fetch));
    expect((await getSyncState(db, `milestones:project:${PROJECT}`)).cursor).toBe('2025-03-01T11:59:59.000Z');
  });
});

describe('syncGroup', () => {
  it('treats epics on GitLab Free (403) as unavailable, not as a failure', async () => {
    const db = await freshDb();
    const { fetch } = fakeFetch((request) => {
      if (request.url.pathname.endsWith('/epics')) return json({ message: '403 Forbidden' }, { status: 403 });
      return json([]);
    });
    const report = await syncGroup(5, deps(db, fetch));
    expect(report.ok).toBe(true);
    expect(report.results.find((r) => r.resourceId === 'epics:group:5')?.status).toBe('unavailable');
  });
});

describe('syncStatusOf', () => {
  it('tells a running sync from one whose worker stopped', () => {
    const base = { id: 'x', cursor: null, lastSuccessAt: null, lastError: null, itemsInRun: 0, problems: [] };
    const recent = { ...base, inProgress: true, progressAt: new Date(NOW - 10_000).toISOString() };
    const stale = { ...base, inProgress: true, progressAt: new Date(NOW - 10 * 60_000).toISOString() };
    expect(syncStatusOf(undefined, NOW)).toBe('never');
    expect(syncStatusOf(recent, NOW)).toBe('running');
    expect(syncStatusOf(stale, NOW)).toBe('interrupted');
  });
});

describe('isStale', () => {
  it('is stale when never synced or older than maxAge', () => {
    expect(isStale(undefined, 1000, NOW)).toBe(true);
    const state = { lastSuccessAt: new Date(NOW - 500).toISOString() } as Parameters<typeof isStale>[0];
    expect(isStale(state, 1000, NOW)).toBe(false);
    expect(isStale(state, 100, NOW)).toBe(true);
  });
});
