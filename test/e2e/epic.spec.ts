import type { Page } from '@playwright/test';
import { GROUP_PATH, PROJECT_PATHS, READ_TOKEN, startSandbox, type Epic, type Sandbox } from '../gitlab-sandbox/index';
import { configure, expect, test } from './fixtures';

const DAY = 86_400_000;

/**
 * An empty GitLab plus a hand-made epic tree &7 ← &8 ← &9 (&8 is a child of &7, &9 a child of
 * &8) whose numbers are computed by hand in `EXPECTED`. Dates are relative to the real clock,
 * due dates are calendar days in UTC (the default KPI time zone).
 */
function addEpicFixture(sandbox: Sandbox, now = Date.now()): void {
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  const day = (days: number) => at(days).slice(0, 10);
  const template = sandbox.data.epics[0]!;
  const epic = (iid: number, parentIid: number | null): Epic => ({
    ...template,
    id: 500 + iid,
    iid,
    work_item_id: 9000 + iid,
    parent_id: parentIid === null ? null : 500 + parentIid,
    title: `Fixture epic ${iid}`,
    labels: [],
  });
  sandbox.data.epics.push(epic(7, null), epic(8, 7), epic(9, 8));
  sandbox.data.touch();
  sandbox.controls.addFixtures({
    project: PROJECT_PATHS.webApp,
    milestones: [{ title: 'Epic Sprint', start_date: day(-21), due_date: day(-7), group: true }],
    issues: [
      // A (&7, weight 3): due -10 d, closed -12 d: on time; in Epic Sprint, closed before its -7 d end.
      { title: 'A', epic_iid: 7, weight: 3, created_at: at(-40), due_date: day(-10), closed_at: at(-12), milestone: 'Epic Sprint' },
      // B (&8, weight 5): due -10 d, closed -5 d: late; in Epic Sprint, closed after its end.
      { title: 'B', epic_iid: 8, weight: 5, created_at: at(-30), due_date: day(-10), closed_at: at(-5), milestone: 'Epic Sprint' },
      // C (&9, weight 2): due -20 d, still open: late.
      { title: 'C', epic_iid: 9, weight: 2, created_at: at(-30), due_date: day(-20) },
      // E (&7, weight 6): no own due date, so Epic Sprint's -7 d; closed -9 d: on time, and complete.
      { title: 'E', epic_iid: 7, weight: 6, created_at: at(-20), closed_at: at(-9), milestone: 'Epic Sprint' },
      // Not in the tree: an issue of the seeded &5, on time, weight 8.
      { title: 'Other epic', epic_iid: 5, weight: 8, created_at: at(-40), due_date: day(-10), closed_at: at(-12) },
    ],
  });
  sandbox.controls.addFixtures({
    project: PROJECT_PATHS.apiService,
    // D (&8, another project, weight 4): due in 10 d, open: not in the On-time sample yet.
    issues: [{ title: 'D', epic_iid: 8, weight: 4, created_at: at(-10), due_date: day(10) }],
  });
}

/**
 * By hand, for &7 and its child epics &8, &9 (issues A, B, C, D, E):
 * - On-time: sample A, B, C, E (D is not due yet); on time A, E → 2/4 = 50 %.
 * - Complete: Epic Sprint (due -7 d) holds A, B, E; closed by its end A, E → 2/3 = 67 %.
 * - Progress by weight: closed A + B + E = 3 + 5 + 6 = 14 of 3 + 5 + 2 + 4 + 6 = 20 → 70 %.
 */
// Accessible names: text, then the status in words (50 % and 67 % miss 80 %; progress has no target).
const EXPECTED = ['On-time 50% (2/4), missed', 'Complete 67% (2/3), missed', 'Progress 70% (14/20 weight)'];

const epicTest = test.extend<{ sandbox: Sandbox }>({
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ port: 0, scale: { issuesPerProject: 0, mergeRequestsPerProject: 0 } });
    addEpicFixture(sandbox);
    await use(sandbox);
    await sandbox.close();
  },
});

async function expectEpicBadges(page: Page): Promise<void> {
  const host = page.locator('[data-lens="epic-kpi-badges"]');
  await expect(host).toHaveCount(1);
  for (const text of EXPECTED) await expect(host.getByRole('note', { name: text, exact: true })).toHaveCount(1);
  // The allocation line: A–E carry no labels and their epics none, so all 5 are Uncategorized
  // (weight 20 of 20), and nothing is engineering-led: 40 points under the 40 % budget.
  await expect(host.getByRole('button', { name: 'Uncategorized 100% (5)' })).toBeVisible();
  await expect(host.getByRole('note', { name: 'Engineering-led 0% · budget 40%, under budget', exact: true })).toBeVisible();
  await expect(host.getByRole('note')).toHaveCount(EXPECTED.length + 1);
}

/** The class of the element right above the strip: it must sit below GitLab's header row. */
function elementAbove(page: Page): Promise<string | undefined> {
  return page.locator('[data-lens="epic-kpi-badges"]').evaluate((host) => host.previousElementSibling?.className);
}

epicTest('epic KPI badges over the epic and its child epics, in the work-item and the legacy view', async ({ context, sandbox, openOptions }) => {
  await configure(await openOptions(), sandbox.url, READ_TOKEN);
  const page = await context.newPage();

  await page.goto(`${sandbox.url}/groups/${GROUP_PATH}/-/epics/7`);
  await expect(page.locator('.work-item-view')).toBeVisible();
  await expectEpicBadges(page);
  expect(await elementAbove(page)).toContain('work-item-header');
  // The sample is explained on keyboard focus.
  const progress = page.locator('[data-lens="epic-kpi-badges"]').getByRole('note', { name: EXPECTED[2] });
  await progress.focus();
  await expect(progress.getByRole('tooltip')).toHaveText(
    '14 of 20 weight is in closed issues of &7 and its 2 child epics.',
  );

  await page.goto(`${sandbox.url}/groups/${GROUP_PATH}/-/epics/7?force_legacy_view=true`);
  await expect(page.locator('.js-epic-container .detail-page-header')).toBeVisible();
  await expectEpicBadges(page);
  expect(await elementAbove(page)).toContain('detail-page-header');
});

epicTest('an epic board gets the board overlay: the group summary bar, and a badge on the epic cards that need attention', async ({ context, sandbox, openOptions }) => {
  // &7 overdue by 4 days, &8 due tomorrow, &9 with nothing to say (no due date).
  const due = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
  for (const [iid, date] of [[7, due(-4)], [8, due(1)], [9, null]] as const) {
    const epic = sandbox.data.epics.find((candidate) => candidate.iid === iid && candidate.id === 500 + iid)!;
    epic.due_date = date;
    epic.state = 'opened';
  }
  sandbox.data.touch();
  await configure(await openOptions(), sandbox.url, READ_TOKEN);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/groups/${GROUP_PATH}/-/epic_boards/1`);
  const summary = page.locator('[data-lens="board-summary"]');
  await expect(summary.getByRole('note', { name: /^On-time/ })).toBeVisible({ timeout: 30_000 });
  const card = (iid: number) => page.locator(`li.board-card[data-item-path="${GROUP_PATH}&${iid}"]`);
  await expect(card(7).locator('[data-lens="board-card-badges"]').getByRole('note', { name: 'overdue 4 d', exact: true })).toBeVisible();
  await expect(card(8).locator('[data-lens="board-card-badges"]').getByRole('note', { name: 'due in 1 d', exact: true })).toBeVisible();
  // Warm, as on any later visit: the card with nothing to say gets no row at all (on the cold
  // first visit it kept the empty row reserved before the answer, so nothing moved).
  await page.reload();
  await expect(card(7).locator('[data-lens="board-card-badges"]').getByRole('note', { name: 'overdue 4 d', exact: true })).toBeVisible();
  await expect(card(9).locator('[data-lens="board-card-badges"]')).toHaveCount(0);
});

epicTest('a group work item is told apart by its type: an epic gets the epic strip, a group-level issue none', async ({ context, sandbox, openOptions }) => {
  await configure(await openOptions(), sandbox.url, READ_TOKEN);
  const page = await context.newPage();

  // The seeded group-level issue (#12) lives at the same kind of URL as an epic work item.
  await page.goto(`${sandbox.url}/groups/${GROUP_PATH}/-/work_items/12`);
  await expect(page.locator('.work-item-view[data-work-item-type="Issue"]')).toBeVisible();
  // The extension asked the epics API, which has no epic #12 ...
  await expect
    .poll(() => sandbox.requests.entries.some((entry) => /\/groups\/[^/]+\/epics\/12$/.test(entry.path) && entry.status === 404))
    .toBe(true);
  // ... and so mounts no epic strip (the answer is in; a second is ample for a mount to show).
  await page.waitForTimeout(1_000);
  await expect(page.locator('[data-lens]')).toHaveCount(0);

  // The same URL form for an epic gets the strip, with the epic's own numbers.
  await page.goto(`${sandbox.url}/groups/${GROUP_PATH}/-/work_items/7`);
  await expectEpicBadges(page);
});
