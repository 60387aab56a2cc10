/**
 * Accessibility of our UI (issue 10 item 13): axe reports no violation inside our overlays on the
 * issue page, the drawer, the board and the epic, nor on the popup and the options page, in light
 * and dark (contrast included). GitLab's own page (here the stand-in) is not ours to judge: only
 * our hosts are checked on GitLab pages.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { GROUP_PATH, PROJECT_PATHS, READ_TOKEN } from '../gitlab-sandbox/index';
import { configure, expect, test } from './fixtures';

const project = PROJECT_PATHS.webApp;

/** Violations inside the given parts of the page, as "rule: target" lines (readable in a failure). */
async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const { violations: found, passes } = await builder.analyze();
  // Not a vacuous pass: axe reached our elements (inside their shadow roots) and checked contrast.
  const contrast = passes.find((rule) => rule.id === 'color-contrast');
  expect(contrast?.nodes.length ?? 0, `contrast checked inside ${include ?? 'the page'}`).toBeGreaterThan(0);
  return found.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`));
}

for (const theme of ['light', 'dark'] as const) {
  test(`our overlays on GitLab pages have no axe violations (${theme})`, async ({ context, sandbox, openOptions }) => {
    sandbox.controls.setTheme(theme);
    const options = await openOptions();
    await options.getByLabel('Projects').fill(project);
    await configure(options, sandbox.url, READ_TOKEN);
    const page = await context.newPage();

    // Issue page, with the KPI line opened.
    await page.goto(`${sandbox.url}/${project}/-/issues/2`);
    const strip = page.locator('[data-lens="issue-kpi-badges"]');
    await strip.getByRole('button', { name: /KPIs · \d of 6 on target/ }).click({ timeout: 30_000 });
    await expect(strip.getByRole('note', { name: /^On-time/ })).toBeVisible();
    expect(await violations(page, '[data-lens="issue-kpi-badges"]')).toEqual([]);

    // Board: the summary bar and the card badges; then the drawer.
    await page.goto(`${sandbox.url}/${project}/-/boards/1`);
    await expect(page.locator('[data-lens="board-summary"]').getByRole('note', { name: /^On-time/ })).toBeVisible();
    await expect(page.locator('[data-lens="board-card-badges"]').first()).toBeAttached();
    expect(await violations(page, '[data-lens="board-summary"]')).toEqual([]);
    expect(await violations(page, '[data-lens="board-card-badges"]')).toEqual([]);
    await page.locator('li.board-card [data-testid="board-card-title-link"]').first().click();
    const drawer = page.locator('[data-lens="drawer-kpi-badges"]');
    await expect(drawer.getByRole('note').first()).toBeVisible();
    expect(await violations(page, '[data-lens="drawer-kpi-badges"]')).toEqual([]);

    // Epic (the seeded group's first).
    await page.goto(`${sandbox.url}/groups/${GROUP_PATH}/-/epics/1`);
    await expect(page.locator('[data-lens="epic-kpi-badges"]').getByRole('note').first()).toBeVisible({ timeout: 30_000 });
    expect(await violations(page, '[data-lens="epic-kpi-badges"]')).toEqual([]);
  });

  test(`the popup and the options page have no axe violations (${theme})`, async ({ context, extensionId, sandbox, openOptions }) => {
    const options = await openOptions();
    await options.emulateMedia({ colorScheme: theme });
    await options.getByLabel('Projects').fill(project);
    await configure(options, sandbox.url, READ_TOKEN);
    expect(await violations(options)).toEqual([]);

    const popup = await context.newPage();
    await popup.emulateMedia({ colorScheme: theme });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByRole('list', { name: /^Team KPIs/ })).toBeVisible({ timeout: 30_000 });
    await popup.getByText('Details').click();
    expect(await violations(popup)).toEqual([]);
    // The survey's tabs: the form with the outbox, and the weekly checkpoint.
    await popup.getByRole('tab', { name: 'Suggest' }).click();
    await expect(popup.getByText('None yet.', { exact: false })).toBeVisible();
    expect(await violations(popup)).toEqual([]);
    await popup.getByRole('tab', { name: 'Checkpoint' }).press('ArrowRight');
    await expect(popup.getByRole('tab', { name: 'Team' })).toBeFocused();
    await popup.getByRole('tab', { name: 'Checkpoint' }).click();
    await expect(popup.getByTestId('checkpoint').getByText(/Open suggestions in|No open suggestions/).first()).toBeVisible({ timeout: 30_000 });
    expect(await violations(popup)).toEqual([]);
  });
}
