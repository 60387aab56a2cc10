import { PROJECT_PATHS } from '../gitlab-sandbox/index';
import { expect } from './fixtures';
import { EXPECTED_PROJECT_KPI_NAMES } from './kpi-fixture';
import { kpiTest, setUpKpiTeam } from './kpi-test';

kpiTest('an issue opened in the drawer of the issue list shows its badges; closing removes them', async ({ context, sandbox, openOptions }) => {
  await setUpKpiTeam(sandbox, openOptions);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues`);
  await page.getByRole('link', { name: 'Open and overdue' }).click();
  await expect(page).toHaveURL(/[?&]show=/);

  const drawer = page.locator('[data-testid="work-item-drawer"] [data-lens="drawer-kpi-badges"]');
  // #2 of kpi-fixture.ts: due 5 days ago, open, created 30 days ago; the project KPIs by hand.
  await expect(drawer.getByRole('note', { name: 'overdue 5 d', exact: true })).toBeVisible();
  await expect(drawer.getByRole('note', { name: 'open 30 d', exact: true })).toBeVisible();
  // The project KPIs fold into one line in the drawer too; it opens in place.
  await drawer.getByRole('button', { name: 'Project KPIs · 2 of 6 on target' }).click();
  await expect(drawer.getByRole('note', { name: EXPECTED_PROJECT_KPI_NAMES[0], exact: true })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/[?&]show=/);
  await expect(page.locator('[data-lens="drawer-kpi-badges"]')).toHaveCount(0);
  // The list itself is GitLab's alone: no page strip on a list.
  await expect(page.locator('[data-lens="issue-kpi-badges"]')).toHaveCount(0);
});
