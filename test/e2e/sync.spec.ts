import type { BrowserContext, Page } from '@playwright/test';
import { GROUP_PATH, PROJECT_IDS, PROJECT_PATHS, READ_TOKEN, type Sandbox } from '../gitlab-sandbox/index';
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

/**
 * Opens the popup and presses Sync now. Opening the popup already starts a sync of the stale team
 * scope (its KPIs ask for fresh data): Sync now joins that run or, if it ended before the click
 * (a slow machine), starts a second, incremental one. Only for checks that hold either way.
 */
async function syncFromPopup(context: BrowserContext, extensionId: string, expected = 'Sync complete.'): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Sync now' }).click();
  await expect(popup.getByTestId('sync-result')).toHaveText(expected, { timeout: 30_000 });
  return popup;
}

/** What a project sync reads, as the popup's sync status names them. */
const PROJECT_RESOURCES = ['issues', 'merge requests', 'members', 'milestones', 'codeowners'];

/**
 * Opens the popup, which starts a sync of the stale team scope by itself, and waits until that one
 * run has ended: reopening the popup (it lists the stored sync states) until every resource of the
 * project shows as synced. A run's last step is storing its last resource as synced, so from then
 * on no sync is in flight and a Sync now starts a run of its own.
 */
async function popupAfterItsSync(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const synced = {
    ...Object.fromEntries(PROJECT_RESOURCES.map((resource) => [`${resource} · ${PROJECT_PATHS.webApp}`, 'ok'])),
    // The epics the project's issues name (allocation inherits categories from them).
    [`epics · ${GROUP_PATH}`]: 'ok',
  };
  await expect
    .poll(
      async () => {
        await popup.reload();
        // The button comes with the popup's answers, and the sync status list with it.
        await popup.getByRole('button', { name: 'Sync now' }).waitFor();
        return Object.fromEntries(
          await popup
            .locator('.sync-list > li')
            .evaluateAll((items) => items.map((li) => [li.querySelector('.sync-list__what')?.textContent, li.getAttribute('data-status')])),
        );
      },
      { timeout: 30_000, intervals: [100, 250] },
    )
    .toEqual(synced);
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

    // The cold sync: the one opening the popup starts on the empty cache. It reads everything,
    // so none of its requests carries updated_after.
    const popup = await popupAfterItsSync(context, extensionId);
    const coldIssues = requestsTo(sandbox, path('issues'));
    expect(coldIssues).toHaveLength(Math.ceil(issueCount / 100));
    expect(coldIssues.filter((entry) => entry.query.updated_after)).toEqual([]);
    expect(requestsTo(sandbox, path('merge_requests'))).toHaveLength(Math.ceil(mergeRequestCount / 100));
    expect(requestsTo(sandbox, path('members/all'))).toHaveLength(1);
    expect((await cachedIssueIids(context)).length).toBe(issueCount);
    await popup.getByText('Details').click();
    await expect(popup.getByRole('list', { name: 'Sync status' })).toContainText(`issues · ${PROJECT_PATHS.webApp} synced`);

    // The warm sync: Sync now on the complete cache asks only for what changed since.
    sandbox.requests.reset();
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect(popup.getByTestId('sync-result')).toHaveText('Sync complete.');
    for (const resource of ['issues', 'merge_requests', 'members/all', 'milestones']) {
      expect(requestsTo(sandbox, path(resource)), resource).toHaveLength(1);
    }
    expect(sandbox.requests.entries.filter((entry) => entry.path.endsWith('/groups/100/epics')), 'epics').toHaveLength(1);
    expect(requestsTo(sandbox, path('issues'))[0]!.query.updated_after).toBeTruthy();
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
    // The new worker resumes when the popup asks; a Sync now after that run would add a request.
    await popupAfterItsSync(context, extensionId);
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
    const popup = await popupAfterItsSync(context, extensionId);
    const problems = popup.locator('details.sync-list__problems', { hasText: '1 item from GitLab could not be read' });
    await expect(problems).toBeVisible();
    await problems.locator('summary').click();
    await expect(problems).toContainText(`#${bad.iid}`);
    await expect(problems).toContainText('due_date');
    const iids = await cachedIssueIids(context);
    expect(iids).toHaveLength(sandbox.data.issuesOf(PROJECT).length - 1);
    expect(iids).not.toContain(bad.iid);
  });
});
