import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { GROUP_PATH, PROJECT_PATHS, READ_TOKEN, startSandbox, type Epic, type Sandbox } from '../gitlab-sandbox/index';
import { configure, expect, test } from './fixtures';
import { movedElements, recordLayoutShifts } from './kpi-test';

const DAY = 86_400_000;

/**
 * The seeded top epic &1 "Platform reliability (Q3 objective)" with its seeded children &2, &3,
 * &4, given dates here, plus two hand-made children &10 (closed) and &11 (no dates), and issues
 * with hand-picked weights, due dates and labels in an otherwise empty GitLab. T is today, a
 * calendar day in UTC (the default KPI time zone); `day(n)` is T + n days.
 */
function addTopEpicFixture(sandbox: Sandbox, now = Date.now()): void {
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  const day = (days: number) => at(days).slice(0, 10);
  const epics = sandbox.data.epics;
  const seeded = (iid: number) => epics.find((epic) => epic.iid === iid && epic.id === 500 + iid)!;
  const dated = (iid: number, start: number | null, due: number | null) => Object.assign(seeded(iid), { start_date: start === null ? null : day(start), due_date: due === null ? null : day(due) });
  dated(2, -10, 9); // Checkout performance
  dated(3, -10, 9); // Database resilience
  dated(4, -30, -1); // Observability v2
  const child = (iid: number, title: string, fields: Partial<Epic>): Epic => ({ ...seeded(1), id: 500 + iid, iid, work_item_id: 9000 + iid, parent_id: 501, title, labels: [], ...fields });
  epics.push(
    child(10, 'Legacy cleanup', { state: 'closed', closed_at: at(-15), start_date: day(-60), due_date: day(-20) }),
    // A title with markup in it: GitLab's text, shown as text.
    child(11, 'Docs <b>revamp</b>', { start_date: null, due_date: null }),
  );
  sandbox.data.touch();
  const feature = ['type::feature'];
  const maintenance = ['type::maintenance'];
  sandbox.controls.addFixtures({
    project: PROJECT_PATHS.webApp,
    issues: [
      // &2: P1 (w3, feature) due T-3, closed T-5: on time. P2 (w2, maintenance) due T+5, open: not due yet.
      { title: 'P1', epic_iid: 2, weight: 3, labels: feature, created_at: at(-20), due_date: day(-3), closed_at: at(-5) },
      { title: 'P2', epic_iid: 2, weight: 2, labels: maintenance, created_at: at(-20), due_date: day(5) },
      // &3: D1 (w4, maintenance) due T-4, closed T-2: late. D2 (w6, feature) no due date, open.
      { title: 'D1', epic_iid: 3, weight: 4, labels: maintenance, created_at: at(-20), due_date: day(-4), closed_at: at(-2) },
      { title: 'D2', epic_iid: 3, weight: 6, labels: feature, created_at: at(-20) },
      // &4: O1 (w1, feature) due T-6, closed T-8: on time. O2 (w3, feature) due T-2, open: late.
      { title: 'O1', epic_iid: 4, weight: 1, labels: feature, created_at: at(-25), due_date: day(-6), closed_at: at(-8) },
      { title: 'O2', epic_iid: 4, weight: 3, labels: feature, created_at: at(-25), due_date: day(-2) },
      // &10: C1 (w2, maintenance) no due date, closed T-25.
      { title: 'C1', epic_iid: 10, weight: 2, labels: maintenance, created_at: at(-50), closed_at: at(-25) },
    ],
  });
}

/**
 * The table by hand, rows by due date (none last), then title:
 * - &10 Legacy cleanup, due T-20: C1 closed, 2/2 weight → 100%; no issue with a due date → On-time —;
 *   all maintenance → Maintenance 100%; the epic is closed → done.
 * - &4 Observability v2, due T-1: O1 closed 1 of 1 + 3 = 4 → 25%; On-time O1 on time, O2 open past
 *   its due date → 1/2 = 50% (missed, under 80%); all feature → Feature 100%; past its due date with
 *   work left → off track.
 * - &2 Checkout performance, due T+9: P1 closed 3 of 3 + 2 = 5 → 60%; On-time only P1 is due → 1/1 =
 *   100%; feature 3, maintenance 2 of 5 weight → Feature 60% · Maintenance 40%; T-10 to T+9 is
 *   9 − (−10) + 1 = 20 days, 10 gone → 50%: 60% ≥ 50% → on track.
 * - &3 Database resilience, due T+9 (after &2 by title): D1 closed 4 of 4 + 6 = 10 → 40%; On-time D1
 *   closed after its due date → 0/1 = 0%; feature 6, maintenance 4 → Feature 60% · Maintenance 40%;
 *   50% of the time gone, 50 − 40 = 10 points behind (≤ 15) → at risk.
 * - &11 Docs <b>revamp</b>, no dates: no issues → "no issues", On-time —, Allocation —; no due date → no dates.
 */
const EXPECTED_ROWS = [
  ['Legacy cleanup &10', '100% (2/2 weight)', '—', 'T-20', 'Maintenance 100%', 'done'],
  ['Observability v2 &4', '25% (1/4 weight)', '50% (1/2)', 'T-1', 'Feature 100%', 'off track'],
  ['Checkout performance &2', '60% (3/5 weight)', '100% (1/1)', 'T+9', 'Feature 60% · Maintenance 40%', 'on track'],
  ['Database resilience &3', '40% (4/10 weight)', '0% (0/1)', 'T+9', 'Feature 60% · Maintenance 40%', 'at risk'],
  ['Docs <b>revamp</b> &11', 'no issues', '—', 'none', '—', 'no dates'],
];

/** EXPECTED_ROWS with `T±n` as the calendar day in UTC. */
function expectedRows(now = Date.now()): string[][] {
  return EXPECTED_ROWS.map((row) =>
    row.map((cell) => {
      const offset = /^T([+-]\d+)$/.exec(cell)?.[1];
      return offset ? new Date(now + Number(offset) * DAY).toISOString().slice(0, 10) : cell;
    }),
  );
}

/** Each body row as its cells' visible text (tooltips are hidden until hover or focus). */
async function rowTexts(table: Locator): Promise<string[][]> {
  const rows = table.locator('tbody tr');
  const texts: string[][] = [];
  for (let index = 0; index < (await rows.count()); index++) {
    texts.push((await rows.nth(index).locator('th, td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim()));
  }
  return texts;
}

const topEpicTest = test.extend<{ sandbox: Sandbox }>({
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ port: 0, scale: { issuesPerProject: 0, mergeRequestsPerProject: 0 } });
    addTopEpicFixture(sandbox);
    await use(sandbox);
    await sandbox.close();
  },
});

topEpicTest('a top epic shows the status table of its child epics; an epic without children shows none', async ({ context, sandbox, openOptions }) => {
  await configure(await openOptions(), sandbox.url, READ_TOKEN);
  const page = await context.newPage();
  const host = page.locator('[data-lens="epic-kpi-badges"]');
  const table = host.getByRole('table', { name: 'Child epics' });

  await page.goto(`${sandbox.url}/groups/${GROUP_PATH}/-/epics/1`);
  await expect(table.locator('tbody tr')).toHaveCount(EXPECTED_ROWS.length, { timeout: 30_000 });
  await expect(table.getByRole('columnheader')).toHaveText(['Title', 'Progress', 'On-time', 'Due', 'Allocation', 'Health']);
  expect(await rowTexts(table)).toEqual(expectedRows());
  // Titles are links to the child epics.
  await expect(table.getByRole('link', { name: 'Database resilience' })).toHaveAttribute('href', `${sandbox.url}/groups/${GROUP_PATH}/-/epics/3`);
  await expect(host.getByText(/^Health compares progress with the share of days gone/)).toBeVisible();
  await expect(table.locator('b')).toHaveCount(0);

  // Warm, as on any later visit: the table goes in with the strip, so GitLab's content never moves.
  await recordLayoutShifts(page);
  await page.reload();
  await expect(table.locator('tbody tr')).toHaveCount(EXPECTED_ROWS.length);
  await page.waitForTimeout(1_000);
  expect(await movedElements(page)).toEqual([]);

  // The why of a health word, by keyboard: from the title link, Tab to On-time, Tab to the health word.
  await table.getByRole('link', { name: 'Database resilience' }).focus();
  await page.keyboard.press('Tab');
  const onTime = table.getByText('0% (0/1)', { exact: true });
  await expect(onTime).toBeFocused();
  // Only the tooltip of the focused value is shown (the others are hidden, so not found by role).
  await expect(host.getByRole('tooltip')).toHaveText(
    'On-time: 0% · target ≥ 80% · missed. 0 of 1 issue due in the last 90 days was closed by its due date (end of day, UTC).',
  );
  await page.keyboard.press('Tab');
  const atRisk = table.getByText('at risk', { exact: true });
  await expect(atRisk).toBeFocused();
  // &3 runs T-10 to T+9.
  const [from, to] = [-10, 9].map((days) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10));
  await expect(host.getByRole('tooltip')).toHaveText(
    `40% done with 50% of the time gone (10 of 20 days, ${from} to ${to}): 10 points behind; up to 15 points behind is at risk.`,
  );
  await expect(atRisk).toHaveAccessibleDescription(/^40% done with 50% of the time gone/);

  // No axe violation in the strip with its table, light and dark.
  for (const theme of ['light', 'dark'] as const) {
    sandbox.controls.setTheme(theme);
    await page.reload();
    await expect(table.locator('tbody tr')).toHaveCount(EXPECTED_ROWS.length);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('[data-lens="epic-kpi-badges"]').analyze();
    expect(violations.map((violation) => `${theme} ${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(' ')}`)).toEqual([]);
  }

  // A child epic (no children of its own) and a top-level epic without children: badges, no table.
  for (const iid of [2, 5]) {
    await page.goto(`${sandbox.url}/groups/${GROUP_PATH}/-/epics/${iid}`);
    await expect(host.getByRole('note', { name: /^Progress/ })).toBeVisible({ timeout: 30_000 });
    await expect(host.getByRole('table')).toHaveCount(0);
  }
});
