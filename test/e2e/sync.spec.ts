import type { BrowserContext, Page } from '@playwright/test';
import { PROJECT_IDS, PROJECT_PATHS, READ_TOKEN, type Sandbox } from '../gitlab-sandbox/index';
import { configure, expect, serviceWorkerOf, test } from './fixtures';

const PROJECT = PROJECT_IDS.webApp;
const path = (resource: string) => `/api/v4/projects/${PROJECT}/${resource}`;

/** GET requests the stand-in answered (or dropped) for one API path. */
function requestsTo(sandbox: Sandbox, apiPath: string) {
  return sandbox.requests.entries.filter((entry) => entry.method === 'GET' && entry.path === apiPath);
}

async function setUpTeam(sandbox: Sandbox, openOptions: () => Promise<Page>): Promise<void> {
  const options = await openOptions();
  await options.getByLabel('Projects').fill(PROJECT_PATHS.webApp);
  await configure(options, sandbox.url, READ_TOKEN);
  await options.close();
}

async function syncFromPopup(context: BrowserContext, extensionId: string, expected = 'Sync complete.'): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Sync now' }).click();
  await expect(popup.getByTestId('sync-result')).toHaveText(expected, { timeout: 30_000 });
  return popup;
}

/** Counts what the extension cached, from inside its service worker. */
async function cachedIssueIids(context: BrowserContext): Promise<number[]> {
  const worker = await serviceWorkerOf(context);
  return worker.evaluate(
    (projectId) =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('engineering-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('issues').objectStore('issues').index('by-project').getAll(projectId);
          request.onsuccess = () => resolve((request.result as Array<{ iid: number }>).map((issue) => issue.iid));
          request.onerror = () => reject(request.error);
        };
      }),
    PROJECT,
  );
}

test.describe('sync against the stand-in', () => {
  test('a cold sync costs ⌈N/100⌉ list requests; a warm one, one request per resource', async ({ context, extensionId, sandbox, openOptions }) => {
    await setUpTeam(sandbox, openOptions);
    const issueCount = sandbox.data.issuesOf(PROJECT).length;
    const mergeRequestCount = sandbox.data.mergeRequestsOf(PROJECT).length;
    sandbox.requests.reset();

    const popup = await syncFromPopup(context, extensionId);
    expect(requestsTo(sandbox, path('issues'))).toHaveLength(Math.ceil(issueCount / 100));
    expect(requestsTo(sandbox, path('merge_requests'))).toHaveLength(Math.ceil(mergeRequestCount / 100));
    expect(requestsTo(sandbox, path('members/all'))).toHaveLength(1);
    expect((await cachedIssueIids(context)).length).toBe(issueCount);
    await expect(popup.getByRole('list', { name: 'Sync status' })).toContainText('issues · project 201 synced');

    sandbox.requests.reset();
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect(popup.getByTestId('sync-result')).toHaveText('Sync complete.');
    for (const resource of ['issues', 'merge_requests', 'members/all', 'milestones']) {
      expect(requestsTo(sandbox, path(resource)), resource).toHaveLength(1);
    }
    // CODEOWNERS is re-read at most daily.
    expect(sandbox.requests.entries.filter((entry) => entry.path.includes('/repository/files/'))).toHaveLength(0);
  });

  test('429 with Retry-After and a burst of 503s are waited out', async ({ context, extensionId, sandbox, openOptions }) => {
    await setUpTeam(sandbox, openOptions);
    sandbox.requests.reset();
    sandbox.controls.rateLimitNext({ count: 2, retryAfter: 1, pathPrefix: path('issues') });
    sandbox.controls.failNext({ count: 3, status: 503, pathPrefix: path('merge_requests') });

    await syncFromPopup(context, extensionId);
    const issues = requestsTo(sandbox, path('issues'));
    expect(issues.slice(0, 2).map((entry) => entry.status)).toEqual([429, 429]);
    // Retry-After: 1 second between the second 429 and the retry.
    expect(Date.parse(issues[2]!.time) - Date.parse(issues[1]!.time)).toBeGreaterThanOrEqual(950);
    expect(requestsTo(sandbox, path('merge_requests')).slice(0, 4).map((entry) => entry.status)).toEqual([503, 503, 503, 200]);
    expect((await cachedIssueIids(context)).length).toBe(sandbox.data.issuesOf(PROJECT).length);
  });

  test('a worker stopped mid-sync resumes with no duplicates and no gaps', async ({ context, extensionId, sandbox, openOptions }) => {
    sandbox.controls.ensureIssueCount(PROJECT, 1000);
    const issueCount = sandbox.data.issuesOf(PROJECT).length;
    await setUpTeam(sandbox, openOptions);
    sandbox.requests.reset();
    sandbox.controls.setLatency(250);

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => requestsTo(sandbox, path('issues')).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);

    // Stop the extension's service worker the way the browser does when it is idle.
    const cdp = await context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popup.close();
    const stored = (await cachedIssueIids(context)).length;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(issueCount);

    sandbox.controls.setLatency(0);
    await syncFromPopup(context, extensionId);
    const iids = await cachedIssueIids(context);
    expect(iids).toHaveLength(issueCount);
    expect(new Set(iids).size).toBe(issueCount);
    // The resumed run (the one with updated_after) starts at the saved cursor and reads only what
    // was not stored yet; updated_after is inclusive, so the item at the cursor comes again.
    const resumed = requestsTo(sandbox, path('issues')).filter((entry) => entry.query.updated_after);
    expect(resumed.length).toBeGreaterThanOrEqual(Math.ceil((issueCount - stored) / 100));
    expect(resumed.length).toBeLessThanOrEqual(Math.ceil((issueCount - stored + 1) / 100));
  });

  test('an item GitLab sends malformed is skipped and reported, the rest is cached', async ({ context, extensionId, sandbox, openOptions }) => {
    const bad = sandbox.data.issuesOf(PROJECT)[5]!;
    // A due date that is not a calendar date: the schema rejects this one issue.
    (bad as { due_date: string | null }).due_date = 'next tuesday';
    sandbox.data.touch();
    await setUpTeam(sandbox, openOptions);
    const popup = await syncFromPopup(context, extensionId);
    const problems = popup.locator('details', { hasText: '1 item from GitLab could not be read' });
    await expect(problems).toBeVisible();
    await problems.locator('summary').click();
    await expect(problems).toContainText(`#${bad.iid}`);
    await expect(problems).toContainText('due_date');
    const iids = await cachedIssueIids(context);
    expect(iids).toHaveLength(sandbox.data.issuesOf(PROJECT).length - 1);
    expect(iids).not.toContain(bad.iid);
  });
});
