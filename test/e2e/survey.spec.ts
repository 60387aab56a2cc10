import type { Page } from '@playwright/test';
import { API_TOKEN, PROJECT_IDS, PROJECT_PATHS, READ_TOKEN, startSandbox, type Sandbox } from '../gitlab-sandbox/index';
import { configure, expect, test } from './fixtures';
import { extensionWorker } from './service-worker';

const QUESTION_1 = 'If you were paid 1% of the engineering development fee per release to work on something, what would that be?';
const QUESTION_2 = 'How would you justify it?';

const surveyTest = test.extend<{ sandbox: Sandbox }>({
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ port: 0, scale: { issuesPerProject: 0, mergeRequestsPerProject: 0 } });
    sandbox.controls.addFixtures({ project: PROJECT_PATHS.webApp, issues: [{ title: 'Slow checkout' }] });
    await use(sandbox);
    await sandbox.close();
  },
});

/** The suggestions GitLab (the stand-in) holds in web-app. */
const suggestions = (sandbox: Sandbox) => sandbox.data.issuesOf(PROJECT_IDS.webApp).filter((issue) => issue.labels.includes('engineering-allocation::suggestion'));

async function openForm(page: Page, sandbox: Sandbox) {
  await page.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/1`);
  await page.locator('[data-lens="issue-suggest-allocation"]').getByRole('button', { name: 'Suggest engineering allocation' }).click();
  const dialog = page.locator('[data-lens="issue-suggest-allocation"]').getByRole('dialog', { name: 'Suggest engineering allocation' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function fill(dialog: ReturnType<Page['locator']>) {
  await dialog.getByLabel(QUESTION_1).fill('Make the CI cache survive runner restarts');
  await dialog.getByLabel(QUESTION_2).fill('Pipelines would be 4 minutes faster for everyone.');
  await dialog.getByLabel('Category').selectOption('developer efficiency');
}

surveyTest('a suggestion from an issue page is filed once, with its labels, both answers and a link to the issue; the draft survives closing the form', async ({ context, sandbox, openOptions }) => {
  await configure(await openOptions(), sandbox.url, API_TOKEN);
  const page = await context.newPage();
  let dialog = await openForm(page, sandbox);
  // Escape closes the dialog; what was typed is still there on the next page load.
  await dialog.getByLabel(QUESTION_1).fill('Make the CI cache survive runner restarts');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  dialog = await openForm(page, sandbox);
  await expect(dialog.getByLabel(QUESTION_1)).toHaveValue('Make the CI cache survive runner restarts');

  // Both answers are required: nothing is filed without the second.
  await dialog.getByLabel('Category').selectOption('developer efficiency');
  await dialog.getByRole('button', { name: 'Submit suggestion' }).click();
  await expect(dialog.getByLabel(QUESTION_2)).toHaveAttribute('aria-invalid', 'true');
  expect(suggestions(sandbox)).toEqual([]);

  await fill(dialog);
  await dialog.getByRole('button', { name: 'Submit suggestion' }).click();
  await expect(dialog.getByTestId('lens-survey-state')).toContainText('Sent', { timeout: 30_000 });
  const [issue, ...more] = suggestions(sandbox);
  expect(more).toEqual([]);
  expect(issue!.title).toBe('Make the CI cache survive runner restarts');
  expect(issue!.labels.sort()).toEqual(['engineering-allocation-category::developer-efficiency', 'engineering-allocation::suggestion']);
  expect(issue!.description).toContain('Pipelines would be 4 minutes faster for everyone.');
  expect(issue!.description).toContain(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/1`);
  expect(issue!.description).toMatch(/<!-- engineering-lens-submission: ela-[0-9a-f-]{36} -->/);
  await expect(dialog.getByRole('link', { name: 'Open the issue' })).toHaveAttribute('href', new RegExp(`/-/issues/${issue!.iid}$`));
});

surveyTest('a 503 returned after GitLab stored the issue creates no duplicate', async ({ context, sandbox, openOptions }) => {
  await configure(await openOptions(), sandbox.url, API_TOKEN);
  // The suggestion goes to the issue's project, named by its path.
  sandbox.controls.failAfterCommit({ count: 1, status: 503, method: 'POST', pathPrefix: '/api/v4/projects/' });
  const page = await context.newPage();
  const dialog = await openForm(page, sandbox);
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Submit suggestion' }).click();
  await expect(dialog.getByTestId('lens-survey-state')).toContainText('Saved in the outbox');
  // The outbox looks the submission id up before any re-send, and finds the stored issue.
  await expect(dialog.getByTestId('lens-survey-state')).toContainText('Sent', { timeout: 90_000 });
  expect(suggestions(sandbox)).toHaveLength(1);
  expect(sandbox.requests.entries.filter((entry) => entry.method === 'POST')).toHaveLength(1);
});

surveyTest('with the next two POSTs answered 503, exactly one issue is created within 90 s', async ({ context, sandbox, openOptions }) => {
  surveyTest.setTimeout(150_000);
  await configure(await openOptions(), sandbox.url, API_TOKEN);
  // Answered before GitLab does anything: nothing is stored by either.
  sandbox.controls.failNext({ count: 2, status: 503, method: 'POST', pathPrefix: '/api/v4/projects/' });
  const page = await context.newPage();
  const dialog = await openForm(page, sandbox);
  await fill(dialog);
  const submitted = Date.now();
  await dialog.getByRole('button', { name: 'Submit suggestion' }).click();
  await expect(dialog.getByTestId('lens-survey-state')).toContainText('last try: GitLab had a server error');
  await expect(dialog.getByTestId('lens-survey-state')).toContainText('Sent', { timeout: 90_000 });
  expect(Date.now() - submitted).toBeLessThan(90_000);
  expect(suggestions(sandbox)).toHaveLength(1);
  const log = sandbox.requests.entries.filter((entry) => entry.path.startsWith(`/api/v4/projects/${encodeURIComponent(PROJECT_PATHS.webApp)}/issues`));
  // Each re-send after an unanswered one is preceded by a lookup: the suggestions by label, then
  // the issues the user opened (in case a triager relabelled it).
  expect(log.map((entry) => `${entry.method} ${entry.status}`)).toEqual(['POST 503', 'GET 200', 'GET 200', 'POST 503', 'GET 200', 'GET 200', 'POST 201']);
});

surveyTest('the service worker stopped right after submit: the issue is still created, once', async ({ context, extensionId, sandbox, openOptions }) => {
  surveyTest.setTimeout(120_000);
  const options = await openOptions();
  await configure(options, sandbox.url, API_TOKEN);
  const worker = await extensionWorker(context, extensionId, options);
  // GitLab stores the issue at once but answers late: the worker is gone before the answer.
  sandbox.controls.delayAfterCommit({ ms: 10_000, method: 'POST', pathPrefix: '/api/v4/projects/' });
  const page = await context.newPage();
  const dialog = await openForm(page, sandbox);
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Submit suggestion' }).click();
  await expect.poll(() => suggestions(sandbox).length).toBe(1);
  await worker.stop();
  // The next worker finds the suggestion left mid-send, looks its id up, and does not send again.
  await expect(dialog.getByTestId('lens-survey-state')).toContainText('Sent', { timeout: 90_000 });
  expect(worker.history.slice(worker.history.lastIndexOf('stopped'))).toContain('running');
  expect(suggestions(sandbox)).toHaveLength(1);
  expect(sandbox.requests.entries.filter((entry) => entry.method === 'POST')).toHaveLength(1);
  await expect(dialog.getByRole('link', { name: 'Open the issue' })).toHaveAttribute('href', new RegExp(`/-/issues/${suggestions(sandbox)[0]!.iid}$`));
});

surveyTest('offline, then online: kept in the outbox, delivered once when the browser is back', async ({ context, sandbox, openOptions }) => {
  surveyTest.setTimeout(120_000);
  await configure(await openOptions(), sandbox.url, API_TOKEN);
  const page = await context.newPage();
  const dialog = await openForm(page, sandbox);
  await fill(dialog);
  await context.setOffline(true);
  await dialog.getByRole('button', { name: 'Submit suggestion' }).click();
  await expect(dialog.getByTestId('lens-survey-state')).toContainText('Saved in the outbox');
  // Nothing goes out while offline.
  await page.waitForTimeout(3_000);
  expect(sandbox.requests.entries.filter((entry) => entry.method === 'POST')).toEqual([]);
  await context.setOffline(false);
  await expect(dialog.getByTestId('lens-survey-state')).toContainText('Sent', { timeout: 60_000 });
  expect(suggestions(sandbox)).toHaveLength(1);
  expect(sandbox.requests.entries.filter((entry) => entry.method === 'POST')).toHaveLength(1);
});

surveyTest('a read_api token: the message names the api scope and the suggestion is kept', async ({ context, sandbox, openOptions }) => {
  await configure(await openOptions(), sandbox.url, READ_TOKEN);
  const page = await context.newPage();
  const dialog = await openForm(page, sandbox);
  // Told when the form opens, before anything is typed.
  await expect(dialog.getByTestId('lens-survey-blocked')).toContainText('needs a token with the api scope; this one has read_api');
  await expect(dialog.getByTestId('lens-survey-blocked')).toContainText('What you write is kept');
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Submit suggestion' }).click();
  await expect(dialog.getByTestId('lens-survey-state')).toContainText('api scope', { timeout: 30_000 });
  await expect(dialog.getByTestId('lens-survey-state')).toContainText('kept in the outbox');
  expect(suggestions(sandbox)).toEqual([]);
});
