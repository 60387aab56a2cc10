import type { Page } from '@playwright/test';
import { PROJECT_PATHS, READ_TOKEN } from '../gitlab-sandbox/index';
import { configure, expect } from './fixtures';
import { EXPECTED_PROJECT_KPI_NAMES, EXPECTED_PROJECT_KPIS, FIXTURE_ENGINEERS } from './kpi-fixture';
import { kpiTest, movedElements, recordLayoutShifts, setUpKpiTeam } from './kpi-test';

const project = PROJECT_PATHS.webApp;


function strip(page: Page) {
  return page.locator('[data-lens="issue-kpi-badges"]');
}

/** Opens the strip's folded KPI line (it starts folded, and stays as the user left it in the tab). */
async function openKpis(page: Page): Promise<void> {
  const toggle = strip(page).getByRole('button', { name: /KPIs · \d of 6 on target/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

async function expectIssueTwoBadges(page: Page): Promise<void> {
  const host = strip(page);
  await expect(host).toHaveCount(1);
  // #2: due 5 days ago and open; created 30 days ago.
  // A badge's accessible name is its text, then its status in words (its tooltip is its description).
  await expect(host.getByTestId('lens-due')).toHaveAccessibleName('overdue 5 d');
  await expect(host.getByTestId('lens-age')).toHaveAccessibleName('open 30 d');
  // Its allocation category and why (SPEC §3): #2 carries type::maintenance.
  await expect(host.getByTestId('lens-allocation')).toHaveAccessibleName('Allocation: Maintenance · label type::maintenance');
  // The six KPIs fold into one line saying how many are on target (MTTR and MTBF of the six).
  await expect(host.getByRole('button', { name: 'Project KPIs · 2 of 6 on target' })).toBeVisible();
  await openKpis(page);
  for (const expected of EXPECTED_PROJECT_KPI_NAMES) {
    await expect(host.getByRole('note', { name: expected, exact: true })).toHaveCount(1);
  }
  await expect(host.getByRole('note')).toHaveCount(3 + EXPECTED_PROJECT_KPIS.length);
}

kpiTest.describe('issue page KPI badges', () => {
  kpiTest('work-item view shows the issue badges and the project KPIs computed by hand', async ({ context, sandbox, openOptions }) => {
    await setUpKpiTeam(sandbox, openOptions);
    const page = await context.newPage();
    await recordLayoutShifts(page);
    await page.goto(`${sandbox.url}/${project}/-/issues/2`);
    await expect(page.locator('.work-item-view')).toBeVisible();
    await expectIssueTwoBadges(page);
    await expect(strip(page)).toHaveAttribute('data-issue-view', 'work-item');
    // Cold cache: the project KPIs arrived after a sync, into lines reserved from the start, so
    // nothing of GitLab's page moved.
    expect(await movedElements(page)).toEqual([]);

    // Each badge explains its sample on keyboard focus.
    const onTime = strip(page).getByRole('note', { name: 'On-time 40% (2/5)' });
    await onTime.focus();
    await expect(onTime.getByRole('tooltip')).toBeVisible();
    await expect(onTime.getByRole('tooltip')).toContainText('2 of 5');
  });

  kpiTest('legacy view shows the same badges', async ({ context, sandbox, openOptions }) => {
    await setUpKpiTeam(sandbox, openOptions);
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/${project}/-/issues/2?sandbox_view=legacy`);
    await expect(page.locator('.issuable-details')).toBeVisible();
    await expectIssueTwoBadges(page);
    await expect(strip(page)).toHaveAttribute('data-issue-view', 'legacy');
  });

  kpiTest('a late-mounting page, pushState navigation and the dark theme', async ({ context, sandbox, openOptions }) => {
    await setUpKpiTeam(sandbox, openOptions);
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/${project}/-/issues/2?sandbox_mount_delay=2500&sandbox_theme=dark`);
    await expectIssueTwoBadges(page);
    await expect(strip(page)).toHaveAttribute('data-theme', 'dark');

    // Client-side navigation to #1 (closed 2 days before its due date): one strip, for #1.
    await page.evaluate((href) => (window as unknown as { __sandbox: { navigate(h: string): void } }).__sandbox.navigate(href), `/${project}/-/issues/1`);
    await expect(page).toHaveURL(new RegExp(`/${project}/-/issues/1$`));
    await expect(strip(page).getByTestId('lens-age')).toHaveAccessibleName('was open 28 d');
    await expect(strip(page)).toHaveCount(1);
    await expect(strip(page).getByTestId('lens-due')).toHaveAccessibleName(/on time/);
    // The KPI line stays open, as it was left on #2.
    await expect(strip(page).getByRole('button', { name: 'Project KPIs · 2 of 6 on target' })).toHaveAttribute('aria-expanded', 'true');
    await expect(strip(page).getByRole('note', { name: EXPECTED_PROJECT_KPI_NAMES[0], exact: true })).toBeVisible();
  });

  kpiTest('the KPI line starts folded and opens and closes from the keyboard', async ({ context, sandbox, openOptions }) => {
    await setUpKpiTeam(sandbox, openOptions);
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/${project}/-/issues/2`);
    const toggle = strip(page).getByRole('button', { name: 'Project KPIs · 2 of 6 on target' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    // Folded: the issue's own badges only (due, age, allocation).
    await expect(strip(page).getByRole('note')).toHaveCount(3);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(strip(page).getByRole('note')).toHaveCount(9);
    await page.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(strip(page).getByRole('note')).toHaveCount(3);

    // Remembered beyond the tab: opened here, it starts open in a new tab (its issue app mounts
    // a moment after the page, as GitLab's does, by when the remembered state has come).
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const other = await context.newPage();
    await other.goto(`${sandbox.url}/${project}/-/issues/1?sandbox_mount_delay=500`);
    await expect(strip(other).getByRole('button', { name: /^Project KPIs/ })).toHaveAttribute('aria-expanded', 'true');
    await expect(strip(other).getByRole('note', { name: EXPECTED_PROJECT_KPI_NAMES[0], exact: true })).toBeVisible();
  });

  kpiTest('the KPI window and targets set in the options change the badges', async ({ context, sandbox, openOptions }) => {
    const options = await openOptions();
    await options.getByLabel('Engineers').fill(FIXTURE_ENGINEERS.join('\n'));
    await options.getByLabel('Window (days)', { exact: true }).fill('14');
    await options.getByLabel('MTTR target (hours)').fill('5');
    await configure(options, sandbox.url, READ_TOKEN);

    const page = await context.newPage();
    await page.goto(`${sandbox.url}/${project}/-/issues/2`);
    await openKpis(page);
    // Last 14 days: due #1 (-10 d, on time), #2 (-5 d, late), #6 and #7 (-8 d via the milestone,
    // on time and late); #3 (-20 d) falls out → 2/4. Failures: only #9 (-10 d, 6 h) → MTTR 6.0 h,
    // which misses a 5 h target by more than 10 % (5.5 h).
    await expect(strip(page).getByRole('note', { name: 'On-time 50% (2/4), missed', exact: true })).toBeVisible();
    const mttr = strip(page).getByRole('note', { name: 'MTTR 6.0 h, missed', exact: true });
    await expect(mttr).toHaveAttribute('data-status', 'missed');
  });

  kpiTest('invalid KPI settings are explained and not saved', async ({ openOptions }) => {
    const options = await openOptions();
    await options.getByLabel('Time zone').fill('Mars/Olympus');
    await options.getByLabel('Window (days)', { exact: true }).fill('');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByText('Not a time zone name')).toBeVisible();
    await expect(options.getByText('Enter a number.')).toBeVisible();
    await options.reload();
    await expect(options.getByLabel('Time zone')).toHaveValue('UTC');
    await expect(options.getByLabel('Window (days)', { exact: true })).toHaveValue('90');
  });

  kpiTest('without a connection the strip says why, and GitLab\'s page is untouched', async ({ context, sandbox, openOptions }) => {
    await setUpKpiTeam(sandbox, openOptions);
    const page = await context.newPage();

    // Cold cache, GitLab's API unreachable (every connection dropped): the strip explains.
    sandbox.controls.dropNext({ count: 1000, pathPrefix: '/api/' });
    await page.goto(`${sandbox.url}/${project}/-/issues/2`);
    await expect(strip(page).getByRole('status')).toContainText('Could not reach', { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open and overdue');

    // Back online: a reload shows the badges.
    sandbox.controls.reset({ data: false });
    await page.reload();
    await expectIssueTwoBadges(page);
  });

  kpiTest('the strip switches between Project and Team KPIs, and the choice stays on the next issue', async ({ context, sandbox, openOptions }) => {
    const DAY = 86_400_000;
    const at = (offset: number) => new Date(Date.now() + offset).toISOString();
    const day = (offset: number) => at(offset * DAY).slice(0, 10);
    // The team's other project: one issue closed the day before it was due, one 10-hour incident
    // and three merged MRs, all within the last 90 days.
    sandbox.controls.addFixtures({
      project: PROJECT_PATHS.apiService,
      issues: [
        { iid: 1, title: 'Closed early', created_at: at(-10 * DAY), due_date: day(-3), closed_at: at(-4 * DAY) },
        { iid: 2, title: 'Queue stuck', issue_type: 'incident', labels: ['incident'], created_at: at(-20 * DAY), closed_at: at(-20 * DAY + 10 * 3_600_000) },
      ],
      mergeRequests: [1, 2, 3].map((iid) => ({ iid, title: `API MR ${iid}`, state: 'merged' as const, created_at: at(-iid * 10 * DAY), merged_at: at(-iid * 10 * DAY + DAY) })),
    });
    const options = await openOptions();
    await options.getByLabel('Engineers').fill(FIXTURE_ENGINEERS.join('\n'));
    await options.getByLabel('Group').fill('lens-demo');
    await configure(options, sandbox.url, READ_TOKEN);

    const page = await context.newPage();
    await page.goto(`${sandbox.url}/${project}/-/issues/2`);
    await expectIssueTwoBadges(page);
    const scope = strip(page).getByRole('group', { name: 'KPI scope' });
    await expect(scope.getByRole('button', { name: 'Project' })).toHaveAttribute('aria-pressed', 'true');

    // Team (web-app + api-service), by hand: On-time web-app 2/5 + api-service 1/1 = 3/6;
    // MTTR (2 h + 6 h + 10 h) / 3 = 6.0 h; MR rate (6 + 3) merged / 3 engineers / 3 months = 1.0.
    await scope.getByRole('button', { name: 'Team' }).click();
    await expect(strip(page).getByRole('button', { name: /^Team KPIs · \d of 6 on target/ })).toBeVisible();
    for (const text of ['On-time 50% (3/6), missed', 'MTTR 6.0 h, on target', 'MR rate 1.0 /eng/mo, missed']) {
      await expect(strip(page).getByRole('note', { name: text, exact: true })).toBeVisible();
    }
    await expect(strip(page).getByRole('group', { name: 'KPI scope' }).getByRole('button', { name: 'Team' })).toHaveAttribute('aria-pressed', 'true');
    // The issue's own badges do not depend on the scope.
    await expect(strip(page).getByTestId('lens-due')).toHaveAccessibleName('overdue 5 d');

    // Client-side navigation to another issue keeps the Team view.
    await page.evaluate((href) => (window as unknown as { __sandbox: { navigate(h: string): void } }).__sandbox.navigate(href), `/${project}/-/issues/1`);
    await expect(strip(page).getByRole('note', { name: 'On-time 50% (3/6), missed', exact: true })).toBeVisible();

    await strip(page).getByRole('group', { name: 'KPI scope' }).getByRole('button', { name: 'Project' }).click();
    await expect(strip(page).getByRole('note', { name: EXPECTED_PROJECT_KPI_NAMES[0], exact: true })).toBeVisible();
  });
});

kpiTest('the folded strip takes at most two lines at 1280 px in the work-item view, the legacy view and the drawer', async ({ context, sandbox, openOptions }) => {
  await setUpKpiTeam(sandbox, openOptions);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  // Two lines of 22 px badges with a 4 px gap, and the row's 4 px margins: 56 px.
  const twoLines = 2 * 26 - 4 + 8;
  const heightOf = async (host: string) => (await page.locator(host).boundingBox())?.height ?? Infinity;
  for (const view of ['', '?sandbox_view=legacy']) {
    await page.goto(`${sandbox.url}/${project}/-/issues/2${view}`);
    await expect(strip(page).getByRole('button', { name: 'Project KPIs · 2 of 6 on target' })).toBeVisible();
    expect(await heightOf('[data-lens="issue-kpi-badges"]')).toBeLessThanOrEqual(twoLines);
  }
  await page.goto(`${sandbox.url}/${project}/-/issues`);
  await page.getByRole('link', { name: 'Open and overdue' }).click();
  const drawer = '[data-testid="work-item-drawer"] [data-lens="drawer-kpi-badges"]';
  await expect(page.locator(drawer).getByRole('button', { name: 'Project KPIs · 2 of 6 on target' })).toBeVisible();
  expect(await heightOf(drawer)).toBeLessThanOrEqual(twoLines);
});

kpiTest('the overlays follow GitLab\'s system theme live, without a reload', async ({ context, sandbox, openOptions }) => {
  await setUpKpiTeam(sandbox, openOptions);
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${sandbox.url}/${project}/-/issues/2?sandbox_theme=system`);
  await expect(strip(page).getByTestId('lens-due')).toBeVisible();
  await expect(strip(page)).toHaveAttribute('data-theme', 'light');
  // The OS turns dark: GitLab (system theme) puts gl-dark on <html>, and our strip follows.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('gl-dark'))).toBe(true);
  await expect(strip(page)).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(strip(page)).toHaveAttribute('data-theme', 'light');

  // Board card hosts made after the switch take the new theme too.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${sandbox.url}/${project}/-/boards/1?sandbox_theme=system`);
  await expect(page.locator('[data-lens="board-card-badges"]').first()).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('[data-lens="board-card-badges"]').first()).toHaveAttribute('data-theme', 'light');
});
