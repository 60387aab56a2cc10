import type { Locator } from '@playwright/test';
import { PROJECT_PATHS, READ_TOKEN } from '../gitlab-sandbox/index';
import { configure, expect } from './fixtures';
import { EXPECTED_PROJECT_KPIS, FIXTURE_ENGINEERS } from './kpi-fixture';
import { kpiTest } from './kpi-test';

const project = PROJECT_PATHS.webApp;

/** Each KPI's text and tooltip (value · target · status, then sample and formula), in order. */
async function kpisIn(container: Locator): Promise<string[]> {
  const notes = container.getByRole('note').filter({ hasText: /^(On-time|Complete|MTTR|MTBF|MR rate|Tech contribution)/ });
  await expect(notes).toHaveCount(EXPECTED_PROJECT_KPIS.length);
  return notes.evaluateAll((badges) => badges.map((badge) => `${badge.firstChild?.textContent} | ${badge.querySelector('[role="tooltip"]')?.textContent}`));
}

kpiTest('the same KPI of the same scope reads the same on the issue page, the drawer, the board bar and the popup', async ({ context, extensionId, sandbox, openOptions }) => {
  // The team is web-app alone: its Team KPIs in the popup are web-app's project KPIs.
  const options = await openOptions();
  await options.getByLabel('Engineers').fill(FIXTURE_ENGINEERS.join('\n'));
  await options.getByLabel('Projects').fill(project);
  await configure(options, sandbox.url, READ_TOKEN);

  const page = await context.newPage();
  await page.goto(`${sandbox.url}/${project}/-/issues/2`);
  const strip = page.locator('[data-lens="issue-kpi-badges"]');
  await strip.getByRole('button', { name: /^Project KPIs/ }).click();
  const onIssuePage = await kpisIn(strip);
  await expect(strip.getByRole('group', { name: 'KPI scope' })).toHaveCount(0);
  expect(onIssuePage.map((kpi) => kpi.split(' | ')[0])).toEqual(EXPECTED_PROJECT_KPIS);
  // The tooltip starts with value, target and status in words.
  expect(onIssuePage[0]).toContain('On-time 40% (2/5) | On-time: 40% · target ≥ 80% · missed. 2 of 5 issues');

  await page.goto(`${sandbox.url}/${project}/-/boards/1`);
  const bar = page.locator('[data-lens="board-summary"]');
  expect(await kpisIn(bar)).toEqual(onIssuePage);
  // The team is this project: nothing to switch to, so no Project/Team switch (nor on the issue).
  await expect(bar.getByRole('group', { name: 'KPI scope' })).toHaveCount(0);

  await page.locator(`li.board-card[data-item-path="${project}#2"] [data-testid="board-card-title-link"]`).click();
  const drawer = page.locator('[data-testid="work-item-drawer"] [data-lens="drawer-kpi-badges"]');
  const toggle = drawer.getByRole('button', { name: /^Project KPIs/ });
  // The KPI line was opened on the issue page in this tab: it stays open.
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  expect(await kpisIn(drawer)).toEqual(onIssuePage);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const rows = popup.getByRole('list', { name: 'Team KPIs, last 90 days' }).getByRole('listitem');
  await expect(rows).toHaveCount(EXPECTED_PROJECT_KPIS.length);
  const inPopup = await rows.evaluateAll((items) => items.map((li) => `${li.querySelector('.kpi-list__text')?.textContent} | ${li.getAttribute('title')}`));
  expect(inPopup).toEqual(onIssuePage);
});
