/**
 * The token goes to the configured GitLab and nowhere else (issue #7): not across a redirect,
 * not to the previous GitLab after the URL changed, and not to the page's content scripts.
 * A second local server stands for "another host" and logs everything it receives.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from '@playwright/test';
import { API_TOKEN, PROJECT_IDS, PROJECT_PATHS, READ_TOKEN, startSandbox, type Sandbox } from '../gitlab-sandbox/index';
import { configure, expect, test } from './fixtures';

interface OtherHost {
  url: string;
  received: Array<{ path: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

/** "Another host": answers every request with a GitLab-like user, so a leak would look like success. */
async function startOtherHost(): Promise<OtherHost> {
  const received: OtherHost['received'] = [];
  const server: Server = createServer((request, response) => {
    received.push({ path: request.url ?? '', headers: request.headers });
    response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    response.end(JSON.stringify({ id: 666, username: 'mallory', name: 'Mallory', state: 'active' }));
  });
  // localhost, not 127.0.0.1: another origin even apart from the port.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    received,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const withToken = (host: OtherHost) =>
  host.received.filter(({ headers, path }) => headers['private-token'] || headers.authorization || /private_token=/.test(path));

test.describe('the token stays with its GitLab', () => {
  let other: OtherHost;
  test.beforeEach(async () => {
    other = await startOtherHost();
  });
  test.afterEach(async () => {
    await other.close();
  });

  test('a GitLab URL that redirects elsewhere is refused, and the other host never sees the token', async ({ sandbox, openOptions }) => {
    sandbox.controls.redirectNext({ count: 100, location: other.url, pathPrefix: '/api/v4/' });
    const options = await openOptions();
    await options.getByLabel('GitLab URL').fill(sandbox.url);
    await options.getByLabel('Personal access token').fill(READ_TOKEN);
    await options.getByRole('button', { name: 'Test connection' }).click();

    const result = options.getByTestId('connection-result');
    await expect(result).toContainText('Connection failed.');
    await expect(result).toContainText(`redirected to ${other.url}/api/v4/user`);
    await expect(result).not.toContainText('Mallory');

    // Save tests too, and refuses.
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(options.getByTestId('save-status')).toHaveText('Not saved: fix the fields marked above.');
    await expect(options.getByText(`redirected to ${other.url}`).first()).toBeVisible();

    // The browser learnt the redirect target without the token (and without cookies).
    expect(withToken(other)).toEqual([]);
    // The stand-in itself did see the token: the redirect came from the configured GitLab.
    expect(sandbox.requests.entries.some((entry) => entry.status === 302)).toBe(true);
  });

  test('a redirect in the middle of a sync stops the sync, not the token', async ({ context, extensionId, sandbox, openOptions }) => {
    const options = await openOptions();
    await options.getByLabel('Projects').fill(PROJECT_PATHS.webApp);
    await configure(options, sandbox.url, READ_TOKEN);
    sandbox.controls.redirectNext({ count: 100, location: other.url, pathPrefix: `/api/v4/projects/${PROJECT_IDS.webApp}/issues` });

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect(popup.getByTestId('sync-result')).toHaveText('Sync finished with errors (see Details).', { timeout: 30_000 });
    await expect(popup.getByRole('list', { name: 'Sync status' })).toContainText(`redirected to ${other.url}`);
    expect(withToken(other)).toEqual([]);
  });
});

test('after the GitLab URL changes, the old GitLab receives nothing more, least of all the new token', async ({ context, extensionId, sandbox, openOptions }) => {
  const second: Sandbox = await startSandbox({ port: 0, seed: 1 });
  try {
    const options = await openOptions();
    await options.getByLabel('Projects').fill(PROJECT_PATHS.webApp);
    await configure(options, sandbox.url, READ_TOKEN);

    // A slow first GitLab: the sync is still running (and queued) when the URL changes.
    sandbox.controls.setLatency(1500);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => sandbox.requests.entries.filter((entry) => entry.path.includes('/issues')).length).toBeGreaterThan(0);

    await options.getByLabel('GitLab URL').fill(second.url);
    await options.getByLabel('Personal access token').fill(API_TOKEN);
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(options.getByTestId('save-status')).toHaveText('Saved.');
    const savedAt = Date.now();

    // Long enough for every retry and queued request of the old client to have gone out.
    await popup.waitForTimeout(5000);
    const apiTokenName = sandbox.data.tokenBySecret(API_TOKEN)!.name;
    expect(sandbox.requests.entries.filter((entry) => entry.tokenName === apiTokenName)).toEqual([]);
    // Requests already on the wire when Save was pressed may still arrive; nothing starts after.
    const late = sandbox.requests.entries.filter((entry) => Date.parse(entry.time) > savedAt + 200);
    expect(late).toEqual([]);
  } finally {
    await second.close();
  }
});

/** Runs `expression` in the extension's content-script world of `page` (CDP), as page-facing code would. */
async function evaluateInContentScript(context: BrowserContext, page: Page, expression: string): Promise<unknown> {
  const cdp = await context.newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => contexts.push(created));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((candidate) => candidate.auxData?.type === 'isolated' && candidate.origin.startsWith('chrome-extension://'));
  if (!isolated) throw new Error(`no content-script world among ${JSON.stringify(contexts)}`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: isolated.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) return { threw: exceptionDetails.exception?.description ?? exceptionDetails.text };
  return result.value;
}

test('content scripts can read neither the token nor the settings', async ({ context, sandbox, openOptions }) => {
  const options = await openOptions();
  await configure(options, sandbox.url, READ_TOKEN);
  const issue = sandbox.data.issuesOf(PROJECT_IDS.webApp)[0]!;
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/${issue.iid}`);
  await expect(page.locator('[data-lens="issue-kpi-badges"]')).toHaveCount(1);

  const storage = await evaluateInContentScript(
    context,
    page,
    'chrome.storage.local.get(null).then((all) => ({ read: JSON.stringify(all) }), (error) => ({ refused: String(error) }))',
  );
  expect(storage).toMatchObject({ refused: expect.stringContaining('not allowed') });
  // IndexedDB in a content script is the page's own; the vault is the extension's.
  const databases = (await evaluateInContentScript(context, page, 'indexedDB.databases().then((list) => list.map((db) => db.name))')) as string[];
  expect(databases).not.toContain('engineering-lens-secrets');
  expect(JSON.stringify(await evaluateInContentScript(context, page, 'document.documentElement.outerHTML'))).not.toContain(READ_TOKEN);
});
