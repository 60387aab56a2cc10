/**
 * Screenshots of our UI on the stand-in, light and dark, for the README and for reviewing the
 * look (issue 10): `npm run screenshots` (builds the e2e extension first). Writes the PNGs next to
 * this file; the README shows issue-page.png.
 */
import type { Page } from '@playwright/test';
import path from 'node:path';
import { GROUP_PATH, PROJECT_PATHS, startSandbox } from '../../gitlab-sandbox/index';
import { configuredExtension } from '../../bench/configured-extension';

const out = (name: string) => path.join(import.meta.dirname, `${name}.png`);
const sandbox = await startSandbox({ port: 0 });
const extension = await configuredExtension(sandbox);
try {
  const { context } = extension;
  const id = new URL(context.serviceWorkers()[0]!.url()).host;
  // The team: web-app, so the popup has KPIs to show.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.getByLabel('Projects').fill(PROJECT_PATHS.webApp);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options.getByText('Saved.', { exact: true }).waitFor();

  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const settle = async (target: Page, url: string, ready: string) => {
    await target.goto(url);
    await target.locator(ready).first().waitFor({ timeout: 60_000 });
    await target.waitForTimeout(1000);
  };
  const shots: [string, string, string][] = [
    ['issue', `/${PROJECT_PATHS.webApp}/-/issues/87`, '[data-lens="issue-kpi-badges"] .lens-badge'],
    ['board', `/${PROJECT_PATHS.webApp}/-/boards/1`, '[data-lens="board-summary"] .lens-badge'],
    ['epic', `/groups/${GROUP_PATH}/-/epics/1`, '[data-lens="epic-kpi-badges"] .lens-badge'],
  ];
  for (const theme of ['light', 'dark'] as const) {
    sandbox.controls.setTheme(theme);
    for (const [name, url, ready] of shots) {
      // Twice: the first visit may sync the scope; the second shows the warm page as users see it.
      await settle(page, sandbox.url + url, ready);
      await settle(page, sandbox.url + url, ready);
      await page.screenshot({ path: out(`${name}-${theme}`) });
      if (name === 'issue' && theme === 'light') await page.screenshot({ path: out('issue-page') });
    }
  }
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  for (const theme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: theme });
    await settle(popup, `chrome-extension://${id}/popup.html`, '.kpi-list li');
    await popup.screenshot({ path: out(`popup-${theme}`) });
  }
  // The options page's Allocation and Suggested DRI sections (the rules and the registry editors).
  await options.setViewportSize({ width: 1100, height: 900 });
  for (const theme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme: theme });
    for (const [name, heading] of [['options-allocation', '#allocation-heading'], ['options-dri', '#dri-heading']] as const) {
      await options.locator(heading).scrollIntoViewIfNeeded();
      await options.locator(heading).evaluate((element) => element.closest('section')?.scrollIntoView());
      await options.screenshot({ path: out(`${name}-${theme}`) });
    }
  }
} finally {
  await extension.close();
  await sandbox.close();
}
