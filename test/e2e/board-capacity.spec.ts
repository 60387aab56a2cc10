import type { Page } from '@playwright/test';
import { PROJECT_PATHS, READ_TOKEN, startSandbox, type Sandbox } from '../gitlab-sandbox/index';
import { configure, expect, test } from './fixtures';

const DAY = 86_400_000;

/**
 * An empty GitLab plus web-app issues on board 1 (every open issue is on it: Open, the workflow
 * lists, Closed), two milestones of our own around today, and the seeded members (hugo.martin is
 * blocked). Capacity per milestone (the default): open issues in a current milestone or in none
 * count.
 *
 * | # | assignees             | weight | milestone        | state  | counts for                |
 * |---|-----------------------|--------|------------------|--------|---------------------------|
 * | 1 | ava.chen              | 5      | Capacity now     | open   | ava 5                     |
 * | 2 | ava.chen              | 4      |                  | open   | ava 4                     |
 * | 3 | ava.chen, jonas.berg  | 3      | Capacity now     | open   | ava 3, jonas 3 (each)     |
 * | 4 | jonas.berg            | 2      |                  | open   | jonas 2                   |
 * | 5 | jonas.berg            | 8      |                  | closed | nobody (closed)           |
 * | 6 | grace.kim             | 6      | Capacity later   | open   | nobody (later milestone)  |
 * | 7 | grace.kim             | none   |                  | open   | grace 1 (unweighted: 1)   |
 * | 8 | ben.okafor            | 10     | Capacity now     | open   | ben 10                    |
 * | 9 | dev.patel             | 3      |                  | open   | dev 3                     |
 * | 10| (nobody)              | 2      |                  | open   | unassigned 2              |
 * | 11| hugo.martin (blocked) | 5      |                  | open   | unassigned 5              |
 *
 * Counted: 9 open issues (#1–4, #7–11), 8 of them weighted → by weight.
 */
function addCapacityFixture(sandbox: Sandbox): void {
  const date = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
  sandbox.controls.addFixtures({
    project: PROJECT_PATHS.webApp,
    milestones: [
      { title: 'Capacity now', start_date: date(-3), due_date: date(10) },
      { title: 'Capacity later', start_date: date(20), due_date: date(34) },
    ],
    issues: [
      { title: 'Checkout button', assignees: ['ava.chen'], weight: 5, milestone: 'Capacity now', labels: ['workflow::in dev'] },
      { title: 'Cart badge', assignees: ['ava.chen'], weight: 4 },
      { title: 'Pair on payments', assignees: ['ava.chen', 'jonas.berg'], weight: 3, milestone: 'Capacity now', labels: ['workflow::in review'] },
      { title: 'Footer links', assignees: ['jonas.berg'], weight: 2 },
      { title: 'Old banner', assignees: ['jonas.berg'], weight: 8, state: 'closed', closed_at: new Date(Date.now() - DAY).toISOString() },
      { title: 'Next quarter search', assignees: ['grace.kim'], weight: 6, milestone: 'Capacity later' },
      { title: 'Unweighted chore', assignees: ['grace.kim'] },
      { title: 'Database upgrade', assignees: ['ben.okafor'], weight: 10, milestone: 'Capacity now' },
      { title: 'Cache keys', assignees: ['dev.patel'], weight: 3 },
      { title: 'Nobody yet', weight: 2 },
      { title: 'Left behind', assignees: ['hugo.martin'], weight: 5 },
    ],
  });
}

const capacityTest = test.extend<{ sandbox: Sandbox }>({
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ port: 0, scale: { issuesPerProject: 0, mergeRequestsPerProject: 0 } });
    addCapacityFixture(sandbox);
    await use(sandbox);
    await sandbox.close();
  },
});

const capacityList = (page: Page) => page.locator('[data-lens="board-summary"]').getByTestId('lens-capacity');

capacityTest('the board capacity list shows the values the seeded data implies', async ({ context, sandbox, openOptions }) => {
  // dev.patel's own capacity, 4, set in the options page; everyone else has the default 10.
  const options = await openOptions();
  await options.getByRole('button', { name: 'Add person' }).click();
  await options.getByLabel('Person 1 username').fill('dev.patel');
  await options.getByLabel('Person 1 weight').fill('4');
  await configure(options, sandbox.url, READ_TOKEN);

  const page = await context.newPage();
  await page.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/boards/1`);
  // ava 5 + 4 + 3 = 12 of 10 → over (1.2); ben 10 of 10 → at capacity, not over (1.0); dev 3 of
  // his own 4 (0.75); jonas 3 + 2 = 5 of 10 (0.5; the closed 8 does not count); grace 1 of 10
  // (0.1; the later milestone's 6 does not count) is the "+1 more" after four people; unassigned
  // 2 + 5 (hugo.martin is blocked) = 7.
  const expected = 'Capacity by weight: ava.chen 12/10 ! over · ben.okafor 10/10 · dev.patel 3/4 · jonas.berg 5/10 · +1 more · unassigned 7';
  const list = capacityList(page);
  await expect(list).toHaveAccessibleName(expected, { timeout: 30_000 });
  await expect(list.getByRole('tooltip')).toBeHidden();
  // What it shows: the same line, each person whole (a narrow bar wraps between people).
  await expect(list.locator('.lens-capacity-label')).toHaveText('Capacity by weight');
  await expect(list.locator('.lens-capacity-item')).toHaveText(['ava.chen 12/10 ! over ·', 'ben.okafor 10/10 ·', 'dev.patel 3/4 ·', 'jonas.berg 5/10 ·', '+1 more ·', 'unassigned 7']);
  // Only ava.chen is marked, with the mark and the word.
  await expect(list.locator('.lens-capacity-over')).toHaveText(['ava.chen 12/10 ! over']);

  await list.focus();
  const tooltip = list.getByRole('tooltip');
  await expect(tooltip).toBeVisible();
  await expect(list).toHaveAccessibleDescription(/^Open weight per assignee on this board against their capacity/);
  await expect(tooltip).toContainText('1 open issue planned in another milestone is not counted. Closed issues never count.');
  await expect(tooltip).toContainText(
    'Per person: Ava Chen (ava.chen) 12 of 10, over; Ben Okafor (ben.okafor) 10 of 10; Dev Patel (dev.patel) 3 of 4; Jonas Berg (jonas.berg) 5 of 10; Grace Kim (grace.kim) 1 of 10. 1 person is over capacity.',
  );
  await expect(tooltip).toContainText('Unassigned: 7 weight in 2 open issues, 1 of them assigned only to inactive users or bots.');

  // A default capacity of 12, saved in the options page, reaches the open board: nobody over.
  await options.bringToFront();
  await options.getByLabel('Default capacity (weight)').fill('12');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('save-status')).toHaveText('Saved.');
  // ava 12/12 (1.0), ben 10/12 (0.83), dev 3/4 (0.75), jonas 5/12 (0.42), grace 1/12.
  await expect(capacityList(page)).toHaveAccessibleName('Capacity by weight: ava.chen 12/12 · ben.okafor 10/12 · dev.patel 3/4 · jonas.berg 5/12 · +1 more · unassigned 7');
  await expect(capacityList(page).locator('.lens-capacity-over')).toHaveCount(0);
});
