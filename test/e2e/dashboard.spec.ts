import { API_TOKEN, GROUP_PATH, PROJECT_PATHS, startSandbox, type Sandbox } from '../gitlab-sandbox/index';
import { configure, expect, test } from './fixtures';

/** The calendar quarter of `now` (UTC), as the settings name it. */
function quarterNow(now: Date) {
  const month = Math.floor(now.getUTCMonth() / 3) * 3;
  const start = Date.UTC(now.getUTCFullYear(), month, 1);
  const end = Date.UTC(now.getUTCFullYear(), month + 3, 1);
  return { id: `${now.getUTCFullYear()}-Q${month / 3 + 1}`, start, end };
}
/** Status by pace as the settings' default thresholds say: ≥ 90 % of the expected progress on track, ≥ 70 % at risk (the first week always on track). */
const statusOf = (progress: number, elapsed: number) =>
  progress >= 1 || elapsed < 1 / 13 ? 'On track' : progress / elapsed >= 0.9 ? 'On track' : progress / elapsed >= 0.7 ? 'At risk' : 'Off track';

const dashboardTest = test.extend<{ sandbox: Sandbox }>({
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ port: 0, scale: { issuesPerProject: 0, mergeRequestsPerProject: 0 } });
    await use(sandbox);
    await sandbox.close();
  },
});

dashboardTest('the popup shows the quarter’s OKRs with progress and status, KPI trends and what changed since yesterday', async ({ context, extensionId, sandbox, openOptions }) => {
  const now = new Date();
  const quarter = quarterNow(now);
  // Every event of the fixtures lies between the quarter's start and now.
  const inQuarter = (share: number) => new Date(quarter.start + share * (now.getTime() - quarter.start)).toISOString();
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
  sandbox.controls.addFixtures({
    project: PROJECT_PATHS.webApp,
    issues: [
      // Label key result security::cve: 3 of 4 closed = 75 %.
      ...[0.2, 0.4, 0.6].map((share, i) => ({ title: `CVE ${i + 1} fixed`, labels: ['security::cve'], created_at: inQuarter(0.1), state: 'closed' as const, closed_at: inQuarter(share) })),
      { title: 'CVE 4 open', labels: ['security::cve'], created_at: inQuarter(0.1) },
      // Epic key result &5: closed weight 2 + 2 of 2 + 2 + 1 + 3 = 50 %.
      { title: 'Relevance A', epic_iid: 5, weight: 2, created_at: inQuarter(0.1), state: 'closed' as const, closed_at: inQuarter(0.5) },
      { title: 'Relevance B', epic_iid: 5, weight: 2, created_at: inQuarter(0.1), state: 'closed' as const, closed_at: inQuarter(0.5) },
      { title: 'Relevance C', epic_iid: 5, weight: 1, created_at: inQuarter(0.1) },
      { title: 'Relevance D', epic_iid: 5, weight: 3, created_at: inQuarter(0.1) },
      // Since yesterday: one issue closed 2 hours ago.
      { title: 'Fix the login redirect', created_at: hoursAgo(30), state: 'closed' as const, closed_at: hoursAgo(2) },
    ],
  });
  const objective = {
    id: 'reliable',
    quarter: quarter.id,
    title: 'Ship securely and hire the team',
    keyResults: [
      { id: 'cves', title: 'CVEs fixed', kind: 'label', labels: ['security::cve'], projects: [] },
      { id: 'search', title: 'Search relevance shipped', kind: 'epic', epic: { group: GROUP_PATH, iid: 5 } },
      { id: 'hiring', title: 'Engineers hired', kind: 'manual', unit: 'engineers', start: 0, target: 6, history: [{ date: new Date(quarter.start).toISOString().slice(0, 10), value: 4 }] },
      { id: 'on-time', title: 'On-time to 85 %', kind: 'kpi', kpi: 'on-time', target: 85, direction: 'increase' },
    ],
  };
  const options = await openOptions();
  await options.getByLabel('Group').fill(GROUP_PATH);
  await configure(options, sandbox.url, API_TOKEN);
  // The OKRs come in as a configuration file, the way a team shares them.
  const file = { format: 'engineering-lens-config', version: 1, settings: { team: { group: GROUP_PATH }, okr: { objectives: [objective] } } };
  await options.getByTestId('config-import').setInputFiles({ name: 'okrs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(options.getByTestId('config-import-result')).toContainText('Imported okrs.json');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('save-status')).toHaveText('Saved.');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Sync now' }).click();
  await expect(popup.getByTestId('sync-result')).toHaveText('Sync complete.', { timeout: 30_000 });
  await popup.reload();
  // KPI trends: a sparkline per KPI, its six values in words for screen readers.
  await expect(popup.getByTestId('trend-on-time')).toContainText('Last 6 windows of 90 days, oldest first');
  // Since yesterday: the issue closed 2 hours ago, as a link.
  const since = popup.getByTestId('since-yesterday');
  await expect(since.locator('summary')).toHaveText('Since yesterday: 1 issue closed');
  await since.locator('summary').click();
  await expect(since.getByRole('link', { name: /Fix the login redirect/ })).toHaveAttribute('href', new RegExp(`/${PROJECT_PATHS.webApp}/-/issues/\\d+$`));

  await popup.getByRole('tab', { name: 'OKRs' }).click();
  const elapsed = (now.getTime() - quarter.start) / (quarter.end - quarter.start);
  const okrs = popup.getByTestId('okrs');
  await expect(okrs).toContainText(`% of the quarter gone`);
  await expect(okrs).toContainText('Ship securely and hire the team');
  for (const [id, progress] of [
    ['cves', 0.75],
    ['search', 0.5],
    ['hiring', 4 / 6],
  ] as const) {
    const row = popup.getByTestId(`kr-${id}`);
    // The status in words, after its mark (◐ at risk, ! off track).
    await expect(row).toContainText(new RegExp(`${Math.round(progress * 100)}% · [◐!]? ?${statusOf(progress, elapsed)}`));
  }
  await expect(popup.getByTestId('kr-hiring')).toContainText('4 of 6 engineers');
  await expect(popup.getByTestId('kr-on-time')).toContainText('On-time');

  // The epic's page shows the key result linked to it, with the same progress and status.
  const epicPage = await context.newPage();
  await epicPage.goto(`${sandbox.url}/groups/${GROUP_PATH}/-/epics/5`);
  const linked = epicPage.locator('[data-lens="epic-kpi-badges"]').getByTestId('lens-epic-krs');
  await expect(linked).toContainText('Key result Search relevance shipped (Ship securely and hire the team, ', { timeout: 30_000 });
  await expect(linked).toContainText(new RegExp(`50% · [◐!]? ?${statusOf(0.5, elapsed)}`));
  await expect(linked.getByRole('listitem')).toHaveCount(1);
  // Another epic names no key result: nothing there.
  await epicPage.goto(`${sandbox.url}/groups/${GROUP_PATH}/-/epics/2`);
  await expect(epicPage.locator('[data-lens="epic-kpi-badges"]').locator('.lens-badge').first()).toBeVisible({ timeout: 30_000 });
  await expect(epicPage.locator('[data-lens="epic-kpi-badges"]').getByTestId('lens-epic-krs')).toHaveCount(0);
});
