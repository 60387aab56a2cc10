import type { Page } from '@playwright/test';
import { GROUP_PATH, PROJECT_PATHS, READ_TOKEN, startSandbox, type Sandbox } from '../gitlab-sandbox/index';
import { configure, expect, test } from './fixtures';

/**
 * An empty GitLab plus six web-app issues on board 1 (lists: Open, workflow::in dev,
 * workflow::in review, Closed) and one api-service issue, all weighted, with the default rules:
 *
 * | # | labels                              | epic | weight | list      | category                  |
 * |---|-------------------------------------|------|--------|-----------|---------------------------|
 * | 1 | type::feature                       |      | 3      | Open      | Feature                   |
 * | 2 | type::maintenance, workflow::in dev |      | 2      | in dev    | Maintenance (label)       |
 * | 3 | workflow::in dev                    | &4   | 1      | in dev    | Maintenance (from &1)     |
 * | 4 | docs                                |      | 2      | Open      | Uncategorized             |
 * | 5 | type::bug (closed)                  |      | 2      | Closed    | Bug                       |
 * | 6 | type::feature, workflow::in review  |      | 4      | in review | Feature                   |
 * | api-service 1 | type::feature             | &2   | 3      | (not on the board)          |
 *
 * &4 has no labels; its parent &1 has type::maintenance. &2 is &1's child.
 */
function addAllocationFixture(sandbox: Sandbox): void {
  sandbox.controls.addFixtures({
    project: PROJECT_PATHS.webApp,
    issues: [
      { title: 'Checkout button', labels: ['type::feature'], weight: 3 },
      { title: 'Upgrade Rails', labels: ['type::maintenance', 'workflow::in dev'], weight: 2 },
      { title: 'Trace slow queries', labels: ['workflow::in dev'], epic_iid: 4, weight: 1 },
      { title: 'Write the runbook', labels: ['docs'], weight: 2 },
      { title: 'Fix the cart total', labels: ['type::bug'], weight: 2, state: 'closed', closed_at: new Date().toISOString() },
      { title: 'Wish lists', labels: ['type::feature', 'workflow::in review'], weight: 4 },
    ],
  });
  sandbox.controls.addFixtures({ project: PROJECT_PATHS.apiService, issues: [{ title: 'Search API', labels: ['type::feature'], epic_iid: 2, weight: 3 }] });
}

const allocationTest = test.extend<{ sandbox: Sandbox }>({
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ port: 0, scale: { issuesPerProject: 0, mergeRequestsPerProject: 0 } });
    addAllocationFixture(sandbox);
    await use(sandbox);
    await sandbox.close();
  },
});

const note = (page: Page, lens: string, name: string) => page.locator(`[data-lens="${lens}"]`).getByRole('note', { name, exact: true });

allocationTest('an issue shows its category and why', async ({ context, sandbox, openOptions }) => {
  await configure(await openOptions(), sandbox.url, READ_TOKEN);
  const page = await context.newPage();
  const issue = (iid: number) => `${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/${iid}`;
  await page.goto(issue(2));
  await expect(note(page, 'issue-kpi-badges', 'Allocation: Maintenance · label type::maintenance')).toBeVisible({ timeout: 30_000 });
  await page.goto(issue(3));
  await expect(note(page, 'issue-kpi-badges', 'Allocation: Maintenance · inherited from &1')).toBeVisible();
  await page.goto(issue(4));
  await expect(note(page, 'issue-kpi-badges', 'Allocation: Uncategorized · no matching label')).toBeVisible();
});

allocationTest("an epic shows the split of its tree's issues against the budget", async ({ context, sandbox, openOptions }) => {
  await configure(await openOptions(), sandbox.url, READ_TOKEN);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/groups/${GROUP_PATH}/-/epics/1`);
  // &1's tree holds web-app #3 (Maintenance by inheritance, weight 1) and api-service #1
  // (Feature, weight 3): 3 / 4 = 75 % Feature, 25 % Maintenance; engineering-led 25 %, 15 points
  // under the 40 % budget.
  const strip = page.locator('[data-lens="epic-kpi-badges"]');
  await expect(strip.getByRole('note', { name: 'Feature 75% · Maintenance 25%', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(strip.getByRole('note', { name: 'Engineering-led 25% · budget 40%, under budget', exact: true })).toBeVisible();
  await expect(strip.getByTestId('lens-allocation-uncategorized')).toHaveCount(0);
});

allocationTest('a board shows its split overall and per list, and badges the cards whose category their labels do not show', async ({ context, sandbox, openOptions }) => {
  await configure(await openOptions(), sandbox.url, READ_TOKEN);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/boards/1`);
  const bar = page.locator('[data-lens="board-summary"]');
  // Weight on the board (all lists): Feature 3 + 4 = 7, Maintenance 2 + 1 = 3, Bug 2,
  // Uncategorized 2; total 14 → 50 %, 21.4 %, 14.3 %, 14.3 %, whole percents by largest
  // remainder 50 / 22 / 14 / 14. Engineering-led (Maintenance + Bug) 5 / 14 = 36 %, within 5
  // points of 40 %.
  await expect(bar.getByRole('note', { name: 'Feature 50% · Maintenance 22% · Bug 14%', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(bar.getByRole('note', { name: 'Engineering-led 36% · budget 40%, on budget', exact: true })).toBeVisible();
  const uncategorized = bar.getByRole('button', { name: 'Uncategorized 14% (1)' });
  await uncategorized.click();
  await expect(bar.getByRole('list', { name: 'Uncategorized issues' }).getByRole('link')).toHaveText([`${PROJECT_PATHS.webApp}#4`]);

  // Each list: Open holds #1 (Feature 3) and #4 (Uncategorized 2) → 60 / 40.
  const list = (id: number) => page.locator(`[data-list-id="gid://gitlab/List/${id}"] [data-lens="board-list-allocation"]`);
  await expect(list(11).getByRole('note', { name: 'Allocation: Feature 60% · Uncategorized 40%', exact: true })).toBeVisible();
  await expect(list(12).getByRole('note', { name: 'Allocation: Maintenance 100%', exact: true })).toBeVisible();
  await expect(list(13).getByRole('note', { name: 'Allocation: Feature 100%', exact: true })).toBeVisible();
  await expect(list(14).getByRole('note', { name: 'Allocation: Bug 100%', exact: true })).toBeVisible();

  // Cards: an inherited category and Uncategorized are badged; a visible type:: label is not repeated.
  const card = (iid: number) => page.locator(`li.board-card[data-item-path="${PROJECT_PATHS.webApp}#${iid}"] [data-lens="board-card-badges"]`);
  await expect(card(3).getByRole('note', { name: 'Maintenance · from &1', exact: true })).toBeVisible();
  await expect(card(4).getByRole('note', { name: 'Uncategorized', exact: true })).toBeVisible();
  await expect(card(1).getByRole('note')).toHaveCount(0);

  // The group board: every project's issues (web-app's six and api-service's Feature, weight 3):
  // Feature 10, Maintenance 3, Bug 2, Uncategorized 2 of 17 → 58.8 / 17.6 / 11.8 / 11.8 → 59 / 17 /
  // 12 / 12 by largest remainder; engineering-led 5 / 17 = 29 %, 11 points under 40 %.
  await page.goto(`${sandbox.url}/groups/${GROUP_PATH}/-/boards/5`);
  await expect(bar.getByRole('note', { name: 'Feature 59% · Maintenance 17% · Bug 12%', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(bar.getByRole('note', { name: 'Engineering-led 29% · budget 40%, under budget', exact: true })).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Uncategorized 12% (1)' })).toBeVisible();
});

allocationTest('a rule edited in the options page (with a live preview) changes the open board’s split without a reload', async ({ context, sandbox, openOptions }) => {
  const options = await openOptions();
  await options.getByLabel('Group').fill(GROUP_PATH);
  await configure(options, sandbox.url, READ_TOKEN);
  const board = await context.newPage();
  await board.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/boards/1`);
  const bar = board.locator('[data-lens="board-summary"]');
  await expect(bar.getByRole('note', { name: 'Feature 50% · Maintenance 22% · Bug 14%', exact: true })).toBeVisible({ timeout: 30_000 });

  // A fifth rule: `docs` → Maintenance. #4 (weight 2) leaves Uncategorized.
  await options.bringToFront();
  await options.getByRole('button', { name: 'Add rule' }).click();
  await expect(options.getByLabel('Rule 5 label')).toBeFocused();
  await options.getByLabel('Rule 5 label').fill('docs');
  await options.getByLabel('Rule 5 category').selectOption({ label: 'Maintenance' });
  // The preview covers the team (lens-demo: all seven issues, weight 17): Feature 10, Maintenance
  // 5, Bug 2 → 58.8 / 29.4 / 11.8 → 59 / 29 / 12 by largest remainder.
  await expect(options.getByTestId('allocation-preview')).toContainText('Feature 59% · Maintenance 29% · Bug 12%', { timeout: 20_000 });
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('save-status')).toHaveText('Saved.');

  // The board, untouched since: Maintenance 2 + 1 + 2 = 5 of 14 → 35.7 → 36 %; engineering-led
  // 7 / 14 = 50 %, 10 points over the 40 % budget.
  await expect(bar.getByRole('note', { name: 'Feature 50% · Maintenance 36% · Bug 14%', exact: true })).toBeVisible();
  await expect(bar.getByRole('note', { name: 'Engineering-led 50% · budget 40%, over budget', exact: true })).toBeVisible();
  await expect(bar.getByTestId('lens-allocation-uncategorized')).toHaveCount(0);
  await expect(board.locator('[data-list-id="gid://gitlab/List/11"] [data-lens="board-list-allocation"]').getByRole('note', { name: 'Allocation: Feature 60% · Maintenance 40%', exact: true })).toBeVisible();
  await options.locator('section.options-allocation').screenshot({ path: 'test-results/options-allocation.png' });
});
