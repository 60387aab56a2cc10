import type { Page } from '@playwright/test';
import { API_TOKEN, PROJECT_IDS, PROJECT_PATHS, READ_TOKEN, startSandbox, type Sandbox } from '../gitlab-sandbox/index';
import { configure, expect, test } from './fixtures';

const DAY = 86_400_000;

/**
 * An empty GitLab plus web-app issue #1 ("`lib/cache/store.rb` … app/jobs/cleanup.rb", label
 * Service::Redis), a CODEOWNERS of our own, and history:
 * - Service registry (set in the options page): Redis → @ben.okafor. 50 points → score 50.
 * - CODEOWNERS `lib/cache/ @dev.patel` (the path is in the issue): 40 points → score 44.
 * - History: #2 and #3 (Service::Redis) closed by @grace.kim 1 and 2 days ago, weights
 *   1 − 1/180 and 1 − 2/180 (1.983 together): 2·20·(1 − 0.5^1.983) = 29.9 points → score 37.
 * - @hugo.martin (blocked) owns app/jobs/ in CODEOWNERS and closed five Service::Redis issues:
 *   the strongest evidence, never shown.
 * Scores: round(100·p / (p + 50)).
 */
function addDriFixture(sandbox: Sandbox): number {
  const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
  const { issues } = sandbox.controls.addFixtures({
    project: PROJECT_PATHS.webApp,
    files: { CODEOWNERS: '[Backend]\nlib/cache/ @dev.patel\n/app/jobs/ @hugo.martin\n' },
    issues: [
      { title: 'Stale carts from the cache', description: 'The store in `lib/cache/store.rb` keeps carts after checkout; app/jobs/cleanup.rb should drop them.', labels: ['Service::Redis'], created_at: at(-1) },
      { title: 'Redis timeouts', labels: ['Service::Redis'], created_at: at(-20), closed_at: at(-1), closed_by: 'grace.kim' },
      { title: 'Redis eviction policy', labels: ['Service::Redis'], created_at: at(-20), closed_at: at(-2), closed_by: 'grace.kim' },
      ...[3, 4, 5, 6, 7].map((days) => ({ title: `Old Redis fix ${days}`, labels: ['Service::Redis'], created_at: at(-30), closed_at: at(-days), closed_by: 'hugo.martin' })),
    ],
  });
  return issues![0]!.iid;
}

const driTest = test.extend<{ sandbox: Sandbox }>({
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ port: 0, scale: { issuesPerProject: 0, mergeRequestsPerProject: 0 } });
    await use(sandbox);
    await sandbox.close();
  },
});

/** The options page with the Redis service's DRI, then connection and Save. */
async function setUp(options: Page, sandbox: Sandbox, token: string): Promise<void> {
  await options.getByRole('button', { name: 'Add service' }).click();
  await options.getByLabel('Service 1 name').fill('Redis');
  await options.getByLabel('Service 1 DRIs').fill('@ben.okafor');
  await options.getByLabel('Service 1 labels').fill('Service::Redis');
  await configure(options, sandbox.url, token);
}

const panel = (page: Page) => page.locator('[data-lens="issue-suggested-dri"]');

driTest('service DRI, CODEOWNERS owner and history rank three people with their reasons; a blocked match never shows; Assign sets the assignee', async ({ context, sandbox, openOptions }) => {
  const iid = addDriFixture(sandbox);
  await setUp(await openOptions(), sandbox, API_TOKEN);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/${iid}`);

  const people = panel(page).getByTestId('lens-dri-person');
  await expect(people).toHaveCount(3, { timeout: 30_000 });
  await expect(people.nth(0)).toContainText('Ben Okafor');
  await expect(people.nth(0).getByRole('list', { name: 'Why Ben Okafor' })).toHaveText('DRI for Redis');
  await expect(people.nth(0).getByLabel('score 50 of 100')).toBeVisible();
  await expect(people.nth(1)).toContainText('Dev Patel');
  await expect(people.nth(1).getByRole('list', { name: 'Why Dev Patel' })).toHaveText('owns lib/cache/ in CODEOWNERS');
  await expect(people.nth(1).getByLabel('score 44 of 100')).toBeVisible();
  await expect(people.nth(2)).toContainText('Grace Kim');
  await expect(people.nth(2).getByRole('list', { name: 'Why Grace Kim' })).toHaveText(/^closed 2 Service::Redis issues in \d d$/);
  await expect(people.nth(2).getByLabel('score 37 of 100')).toBeVisible();
  await expect(panel(page)).not.toContainText('Hugo Martin');

  // Assign with an api token: GitLab's issue now has Ben as its assignee, said in place.
  await people.nth(0).getByRole('button', { name: 'Assign @ben.okafor' }).click();
  await expect(panel(page).getByTestId('lens-dri-result')).toContainText('Assignees now: Ben Okafor (@ben.okafor)');
  const ben = sandbox.data.users.find((user) => user.username === 'ben.okafor')!;
  expect(sandbox.data.issue(PROJECT_IDS.webApp, iid)?.assignee_ids).toEqual([ben.id]);

  // "Keep the current assignees (add)": Dev joins Ben instead of replacing him.
  await panel(page).getByRole('checkbox', { name: 'Keep the current assignees (add)' }).check();
  await people.nth(1).getByRole('button', { name: 'Assign @dev.patel' }).click();
  await expect(panel(page).getByTestId('lens-dri-result')).toContainText('Assignees now: Ben Okafor (@ben.okafor), Dev Patel (@dev.patel)');
  const dev = sandbox.data.users.find((user) => user.username === 'dev.patel')!;
  expect(sandbox.data.issue(PROJECT_IDS.webApp, iid)?.assignee_ids).toEqual([ben.id, dev.id]);

  // Folded, it stays folded on the next issue page.
  await panel(page).getByTestId('lens-dri-toggle').click();
  await expect(panel(page).getByTestId('lens-dri-toggle')).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await expect(panel(page).getByTestId('lens-dri-toggle')).toHaveAttribute('aria-expanded', 'false');
});

driTest('with a read_api token Assign is disabled and says the api scope is needed', async ({ context, sandbox, openOptions }) => {
  const iid = addDriFixture(sandbox);
  await setUp(await openOptions(), sandbox, READ_TOKEN);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/${iid}`);
  const assign = panel(page).getByRole('button', { name: 'Assign @ben.okafor' });
  await expect(assign).toBeDisabled({ timeout: 30_000 });
  await expect(assign).toHaveAccessibleDescription(/needs a token with the api scope/);
  expect(sandbox.data.issue(PROJECT_IDS.webApp, iid)?.assignee_ids).toEqual([]);
});

driTest('the drawer of a board card shows the same Suggested DRI panel', async ({ context, sandbox, openOptions }) => {
  const iid = addDriFixture(sandbox);
  await setUp(await openOptions(), sandbox, READ_TOKEN);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/boards/1`);
  await page.locator(`li.board-card[data-item-path="${PROJECT_PATHS.webApp}#${iid}"] [data-testid="board-card-title-link"]`).click();
  const drawerPanel = page.locator('[data-testid="work-item-drawer"] [data-lens="drawer-suggested-dri"]');
  const people = drawerPanel.getByTestId('lens-dri-person');
  await expect(people).toHaveCount(3, { timeout: 30_000 });
  await expect(people.nth(0).getByRole('list', { name: 'Why Ben Okafor' })).toHaveText('DRI for Redis');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-lens="drawer-suggested-dri"]')).toHaveCount(0);
});
