import { PROJECT_PATHS, READ_TOKEN } from '../gitlab-sandbox/index';
import { configure, expect } from './fixtures';
import { EXPECTED_PROJECT_KPIS, FIXTURE_ENGINEERS } from './kpi-fixture';
import { kpiTest } from './kpi-test';

kpiTest('the popup shows the team KPIs against their targets after a sync', async ({ context, extensionId, sandbox, openOptions }) => {
  const options = await openOptions();
  await options.getByLabel('Engineers').fill(FIXTURE_ENGINEERS.join('\n'));
  await options.getByLabel('Projects').fill(PROJECT_PATHS.webApp);
  await configure(options, sandbox.url, READ_TOKEN);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Sync now' }).click();
  await expect(popup.getByTestId('sync-result')).toHaveText('Sync complete.');

  // The team is web-app alone here, so its KPIs are the ones computed by hand in kpi-fixture.ts.
  const list = popup.getByRole('list', { name: 'Team KPIs, last 90 days' });
  await expect(list.getByRole('listitem')).toHaveCount(EXPECTED_PROJECT_KPIS.length);
  for (const [i, text] of EXPECTED_PROJECT_KPIS.entries()) {
    await expect(list.getByRole('listitem').nth(i).locator('.kpi-list__text')).toHaveText(text);
  }
  // Each row: value and sample, target, and status in words (MTTR 4.0 h meets 24 h; On-time 40 % misses 80 %).
  await expect(list.getByRole('listitem').nth(2)).toContainText('target ≤ 24.0 h');
  await expect(list.getByRole('listitem').nth(2).locator('.kpi-list__status')).toHaveText('✓ on target');
  await expect(list.getByRole('listitem').nth(0).locator('.kpi-list__status')).toHaveText('! missed');
  // The team named by its paths, the sync in one line, per-resource detail folded away.
  await expect(popup.getByTestId('popup-team')).toHaveText(new RegExp(`^${PROJECT_PATHS.webApp} · last 90 days · `));
  await expect(popup.getByTestId('sync-summary')).toHaveText(/^Synced (just now|\d+ min ago)$/);
  await expect(popup.getByRole('list', { name: 'Sync status' })).toBeHidden();
  await popup.getByText('Details').click();
  await expect(popup.getByRole('list', { name: 'Sync status' })).toContainText(`issues · ${PROJECT_PATHS.webApp}`);
  // Chrome's popups are at most 600 px high: the main view fits without scrolling.
  await popup.getByText('Details').click();
  await popup.setViewportSize({ width: 380, height: 600 });
  expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
});

kpiTest('without a team the popup says where to add one', async ({ context, extensionId, sandbox, openOptions }) => {
  const options = await openOptions();
  await configure(options, sandbox.url, READ_TOKEN);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByText("Add the team's group or projects in the settings to see its KPIs here.")).toBeVisible();
});

kpiTest('the popup follows a sync as the background stores each page', async ({ context, extensionId, sandbox, openOptions }) => {
  // Five pages of issues, each answered slowly, from the first sync on: a run takes a few seconds,
  // whether Sync now starts it or joins the one saving the settings started.
  sandbox.controls.ensureIssueCount(PROJECT_PATHS.webApp, 450);
  sandbox.controls.setLatency(400);
  const options = await openOptions();
  await options.getByLabel('Projects').fill(PROJECT_PATHS.webApp);
  await configure(options, sandbox.url, READ_TOKEN);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Sync now' }).click();
  const issues = popup.locator('.sync-list li', { hasText: `issues · ${PROJECT_PATHS.webApp}` });
  // The count grows page by page while the run goes on...
  await expect(popup.getByTestId('sync-summary')).toHaveText(/^Syncing… [1-9]\d* items so far$/, { timeout: 15_000 });
  await expect(issues).toContainText(/syncing… [1-9]\d* so far/, { timeout: 15_000 });
  await expect(issues).toContainText(/syncing… [2-9]\d\d so far/, { timeout: 15_000 });
  // ...and the line says synced when the run ends.
  await expect(issues).toContainText('synced, last success', { timeout: 30_000 });
});

kpiTest('an ongoing incident is badged on its issue and board card, and listed in the popup', async ({ context, extensionId, sandbox, openOptions }) => {
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
  sandbox.controls.addFixtures({
    project: PROJECT_PATHS.webApp,
    issues: [{ iid: 50, title: 'Checkout is down', issue_type: 'incident', labels: ['incident', 'severity::1'], created_at: hoursAgo(3) }],
  });
  const options = await openOptions();
  await options.getByLabel('Projects').fill(PROJECT_PATHS.webApp);
  await configure(options, sandbox.url, READ_TOKEN);

  // Issue page: one red badge with its age and severity (the stand-in sends severity CRITICAL for
  // severity::1, as GitLab's incident severity), said in words.
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/50`);
  const badge = page.locator('[data-lens="issue-kpi-badges"]').getByRole('note', { name: 'Ongoing incident · 3 h · Critical', exact: true });
  await expect(badge).toBeVisible({ timeout: 30_000 });
  await expect(badge).toHaveAttribute('data-status', 'missed');

  // Board card.
  await page.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/boards/1`);
  const card = page.locator(`li.board-card[data-item-path="${PROJECT_PATHS.webApp}#50"]`);
  await expect(card.locator('[data-lens="board-card-badges"]').getByRole('note', { name: 'Ongoing incident · 3 h · Critical' })).toBeVisible();

  // Popup: counted first, as a link to GitLab.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const incidents = popup.getByRole('region', { name: '1 ongoing incident' });
  await expect(incidents).toBeVisible();
  const link = incidents.getByRole('link', { name: `${PROJECT_PATHS.webApp}#50 Checkout is down` });
  await expect(link).toHaveAttribute('href', `${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/50`);
  await expect(incidents).toContainText('· 3 h · Critical');
});
