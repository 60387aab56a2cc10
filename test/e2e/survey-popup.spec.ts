import type { Page } from '@playwright/test';
import { API_TOKEN, PROJECT_IDS, PROJECT_PATHS, startSandbox, type Sandbox } from '../gitlab-sandbox/index';
import { configure, expect, test } from './fixtures';

const QUESTION_1 = /^If you were paid 1% of the engineering development fee per release/;

const surveyTest = test.extend<{ sandbox: Sandbox }>({
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    // Enough issues for web-app's hand-written ones, the three seeded suggestions among them.
    const sandbox = await startSandbox({ port: 0, scale: { issuesPerProject: 12, mergeRequestsPerProject: 0 } });
    await use(sandbox);
    await sandbox.close();
  },
});

const suggestionsIn = (sandbox: Sandbox, projectId: number) =>
  sandbox.data.issuesOf(projectId).filter((issue) => issue.labels.includes('engineering-allocation::suggestion') && !/Redis DB 0|legacy search|local dev setup/.test(issue.title));

async function setUp(options: Page, sandbox: Sandbox, surveyProject = '') {
  await options.getByLabel('Projects').fill(PROJECT_PATHS.webApp);
  await options.getByLabel('Survey project').fill(surveyProject);
  await configure(options, sandbox.url, API_TOKEN);
}

async function suggestInPopup(popup: Page, suggestion: string, category = 'tech debt') {
  await popup.getByLabel(QUESTION_1).fill(suggestion);
  await popup.getByLabel('How would you justify it?').fill('It slows every deploy.');
  await popup.getByLabel('Category').selectOption(category);
  await popup.getByRole('button', { name: 'Submit suggestion' }).click();
}

surveyTest('the popup files a suggestion without an issue in the team project, and the outbox links to it', async ({ context, extensionId, sandbox, openOptions }) => {
  await setUp(await openOptions(), sandbox);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('tab', { name: 'Suggest' }).click();
  // No survey project is set: the team's only project is offered, and can be changed here.
  await expect(popup.getByLabel('Survey project')).toHaveValue(PROJECT_PATHS.webApp);
  // A draft survives closing the popup.
  await popup.getByLabel(QUESTION_1).fill('Delete the feature flags older than a year');
  await popup.reload();
  await popup.getByRole('tab', { name: 'Suggest' }).click();
  await expect(popup.getByLabel(QUESTION_1)).toHaveValue('Delete the feature flags older than a year');

  await suggestInPopup(popup, 'Delete the feature flags older than a year');
  await expect(popup.getByTestId('survey-form-state')).toContainText('Sent', { timeout: 30_000 });
  const [issue, ...more] = suggestionsIn(sandbox, PROJECT_IDS.webApp);
  expect(more).toEqual([]);
  expect(issue!.title).toBe('Delete the feature flags older than a year');
  expect(issue!.labels.sort()).toEqual(['engineering-allocation-category::tech-debt', 'engineering-allocation::suggestion']);
  expect(issue!.description).not.toContain('Related issue');
  const entry = popup.getByTestId('outbox-item').filter({ hasText: 'Delete the feature flags older than a year' });
  await expect(entry.getByTestId('outbox-state')).toContainText('Sent');
  await expect(entry.getByRole('link', { name: 'Open the issue' })).toHaveAttribute('href', new RegExp(`/${PROJECT_PATHS.webApp}/-/issues/${issue!.iid}$`));
  // The form is empty again for the next one.
  await expect(popup.getByLabel(QUESTION_1)).toHaveValue('');
});

surveyTest('a refused suggestion shows the reason and the fix; resend after fixing the setting, edit, and discard after a confirmation', async ({ context, extensionId, sandbox, openOptions }) => {
  const options = await openOptions();
  await setUp(options, sandbox, 'lens-demo/no-such-project');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('tab', { name: 'Suggest' }).click();
  await expect(popup.getByText('Filed as a new issue in lens-demo/no-such-project (settings).')).toBeVisible();
  await suggestInPopup(popup, 'Retire the old CI runners');
  const entry = popup.getByTestId('outbox-item').filter({ hasText: 'Retire the old CI runners' });
  await expect(entry.getByTestId('outbox-state')).toContainText('Not sent', { timeout: 30_000 });
  await expect(entry.getByTestId('outbox-state')).toContainText('Check the survey project in Engineering Lens settings');
  expect(sandbox.requests.entries.filter((entry) => entry.method === 'POST')).toHaveLength(1);

  // The fix: a survey project that exists. Resend files it there, once.
  await options.getByLabel('Survey project').fill(PROJECT_PATHS.apiService);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('save-status')).toHaveText('Saved.');
  await entry.getByRole('button', { name: 'Resend' }).click();
  await expect(entry.getByTestId('outbox-state')).toContainText('Sent', { timeout: 30_000 });
  expect(suggestionsIn(sandbox, PROJECT_IDS.apiService).map((issue) => issue.title)).toEqual(['Retire the old CI runners']);

  // GitLab refuses the next one (422): edit it and resend.
  sandbox.controls.failNext({ status: 422, method: 'POST', pathPrefix: '/api/v4/projects/', body: { message: { title: ['is invalid'] } } });
  await suggestInPopup(popup, 'Cache the CI images', 'developer efficiency');
  const refused = popup.getByTestId('outbox-item').filter({ hasText: 'Cache the CI images' });
  await expect(refused.getByTestId('outbox-state')).toContainText('Not sent', { timeout: 30_000 });
  await expect(refused.getByTestId('outbox-state')).toContainText('Edit it, then resend');
  await refused.getByRole('button', { name: 'Edit' }).click();
  await expect(refused.getByLabel(QUESTION_1)).toBeFocused();
  await refused.getByLabel(QUESTION_1).fill('Cache the CI images per branch');
  await refused.getByRole('button', { name: 'Save and resend' }).click();
  const edited = popup.getByTestId('outbox-item').filter({ hasText: 'Cache the CI images per branch' });
  await expect(edited.getByTestId('outbox-state')).toContainText('Sent', { timeout: 30_000 });
  expect(suggestionsIn(sandbox, PROJECT_IDS.apiService).map((issue) => issue.title).sort()).toEqual(['Cache the CI images per branch', 'Retire the old CI runners']);

  // And one discarded: kept until the confirmation, never sent.
  sandbox.controls.failNext({ status: 422, method: 'POST', pathPrefix: '/api/v4/projects/', body: { message: { title: ['is invalid'] } } });
  await suggestInPopup(popup, 'Rewrite everything in Rust');
  const unwanted = popup.getByTestId('outbox-item').filter({ hasText: 'Rewrite everything in Rust' });
  await expect(unwanted.getByTestId('outbox-state')).toContainText('Not sent', { timeout: 30_000 });
  await unwanted.getByRole('button', { name: 'Discard…' }).click();
  await expect(unwanted.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await unwanted.getByRole('button', { name: 'Keep it' }).click();
  await expect(unwanted).toBeVisible();
  await unwanted.getByRole('button', { name: 'Discard…' }).click();
  await unwanted.getByRole('button', { name: 'Discard', exact: true }).click();
  await expect(unwanted).toHaveCount(0);
  await popup.reload();
  await popup.getByRole('tab', { name: 'Suggest' }).click();
  await expect(popup.getByTestId('outbox-item')).toHaveCount(2);
  expect(suggestionsIn(sandbox, PROJECT_IDS.apiService)).toHaveLength(2);
});

surveyTest('the weekly checkpoint lists the open suggestions by upvotes, filterable by category', async ({ context, extensionId, sandbox, openOptions }) => {
  await setUp(await openOptions(), sandbox);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('tab', { name: 'Checkpoint' }).click();
  const items = popup.getByTestId('checkpoint-item');
  // The seeded suggestions: 7, 4 and 2 upvotes.
  await expect(items).toHaveCount(3, { timeout: 30_000 });
  await expect(items.nth(0)).toContainText('Move checkout sessions off Redis DB 0');
  await expect(items.nth(0)).toContainText('performance');
  await expect(items.nth(0)).toContainText('7 upvotes');
  await expect(items.nth(1)).toContainText('4 upvotes');
  await expect(items.nth(1)).toContainText('Delete the legacy search API');
  await expect(items.nth(2)).toContainText('Faster local dev setup');
  await expect(items.nth(2)).toContainText('Grace Kim');
  await expect(items.nth(0).getByRole('link')).toHaveAttribute('href', new RegExp(`/${PROJECT_PATHS.webApp}/-/issues/\\d+$`));

  await popup.getByLabel('Category').selectOption('tech debt');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Delete the legacy search API');
  await popup.getByLabel('Category').selectOption('security');
  await expect(popup.getByText('No open suggestions in security.')).toBeVisible();
});

surveyTest('with a survey project set, a suggestion from an issue page is filed there', async ({ context, sandbox, openOptions }) => {
  await setUp(await openOptions(), sandbox, PROJECT_PATHS.apiService);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/1`);
  const host = page.locator('[data-lens="issue-suggest-allocation"]');
  await host.getByRole('button', { name: 'Suggest engineering allocation' }).click();
  const dialog = host.getByRole('dialog', { name: 'Suggest engineering allocation' });
  await expect(dialog).toContainText(`Filed as a new issue in ${PROJECT_PATHS.apiService}`);
  await dialog.getByLabel(QUESTION_1).fill('Shard the search index');
  await dialog.getByLabel('How would you justify it?').fill('Rebuilds take 3 hours.');
  await dialog.getByLabel('Category').selectOption('scalability');
  await dialog.getByRole('button', { name: 'Submit suggestion' }).click();
  await expect(dialog.getByTestId('lens-survey-state')).toContainText('Sent', { timeout: 30_000 });
  const [issue] = suggestionsIn(sandbox, PROJECT_IDS.apiService);
  expect(issue!.title).toBe('Shard the search index');
  expect(issue!.description).toContain(`${PROJECT_PATHS.webApp}#1`);
  expect(suggestionsIn(sandbox, PROJECT_IDS.webApp)).toEqual([]);
});
