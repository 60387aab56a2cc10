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
  // This quarter's OKRs, imported as a team would share them: one key result of each kind.
  const now = new Date();
  const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
  const okr = {
    objectives: [
      {
        id: 'reliable',
        quarter,
        title: 'Ship reliably and grow the team',
        keyResults: [
          { id: 'on-time', title: 'On-time to 85 %', kind: 'kpi', kpi: 'on-time', target: 85, direction: 'increase', baseline: 50 },
          { id: 'checkout', title: 'Checkout performance shipped', kind: 'epic', epic: { group: GROUP_PATH, iid: 2 } },
          { id: 'bugs', title: 'Bugs closed', kind: 'label', labels: ['type::bug'], projects: [] },
          { id: 'hiring', title: 'Engineers hired', kind: 'manual', unit: 'engineers', start: 0, target: 6, history: [{ date: now.toISOString().slice(0, 10), value: 4 }] },
        ],
      },
    ],
  };
  await options
    .getByTestId('config-import')
    .setInputFiles({ name: 'okrs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'engineering-lens-config', version: 1, settings: { team: { group: GROUP_PATH, projects: [PROJECT_PATHS.webApp] }, okr } })) });
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
  // Two suggestions in the outbox: one sent, one GitLab refused (422), as users meet them.
  await settle(popup, `chrome-extension://${id}/popup.html`, '.kpi-list li');
  await popup.getByRole('tab', { name: 'Suggest' }).click();
  for (const [suggestion, category, fault] of [
    ['Make the CI cache survive runner restarts', 'developer efficiency', false],
    ['Split the checkout session store off Redis DB 0', 'performance', true],
  ] as const) {
    if (fault) sandbox.controls.failNext({ status: 422, method: 'POST', pathPrefix: '/api/v4/projects/', body: { message: { title: ['is too long (maximum is 255 characters)'] } } });
    await popup.getByLabel(/^If you were paid 1%/).fill(suggestion);
    await popup.getByLabel('How would you justify it?').fill('Pipelines would be 4 minutes faster for everyone, every day.');
    await popup.getByLabel('Category').selectOption(category);
    // The team is a group: the popup asks where to file it.
    await popup.getByLabel('Survey project').fill(PROJECT_PATHS.webApp);
    await popup.getByRole('button', { name: 'Submit suggestion' }).click();
    await popup.getByTestId('survey-form-state').filter({ hasText: fault ? 'Not sent' : 'Sent' }).waitFor();
  }
  for (const theme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: theme });
    await settle(popup, `chrome-extension://${id}/popup.html`, '.kpi-list li');
    await popup.screenshot({ path: out(`popup-${theme}`) });
    await popup.getByRole('tab', { name: 'Suggest' }).click();
    await popup.getByTestId('outbox-item').first().waitFor();
    await popup.screenshot({ path: out(`popup-suggest-${theme}`) });
    await popup.getByRole('tab', { name: 'Checkpoint' }).click();
    await popup.getByTestId('checkpoint-item').first().waitFor();
    await popup.screenshot({ path: out(`popup-checkpoint-${theme}`) });
    await popup.getByRole('tab', { name: 'OKRs' }).click();
    await popup.getByTestId('okrs').waitFor();
    await popup.screenshot({ path: out(`popup-okrs-${theme}`) });
  }
  // The survey's dialog on an issue page.
  for (const theme of ['light', 'dark'] as const) {
    sandbox.controls.setTheme(theme);
    await settle(page, `${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/87`, '[data-lens="issue-suggest-allocation"] button');
    await page.locator('[data-lens="issue-suggest-allocation"] button').first().click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: out(`survey-dialog-${theme}`) });
  }
  // The options page's Allocation and Suggested DRI sections (the rules and the registry editors).
  await options.setViewportSize({ width: 1100, height: 900 });
  for (const theme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme: theme });
    for (const [name, heading] of [['options-allocation', '#allocation-heading'], ['options-dri', '#dri-heading'], ['options-survey', '#survey-heading'], ['options-okr', '#okr-heading'], ['options-shared', '#shared-heading']] as const) {
      await options.locator(heading).scrollIntoViewIfNeeded();
      await options.locator(heading).evaluate((element) => element.closest('section')?.scrollIntoView());
      await options.screenshot({ path: out(`${name}-${theme}`) });
    }
  }
} finally {
  await extension.close();
  await sandbox.close();
}
