import type { Page } from '@playwright/test';
import { API_TOKEN, PROJECT_PATHS, type Sandbox } from '../gitlab-sandbox/index';
import { configure, expect, test } from './fixtures';

const FILE = '.gitlab/engineering-lens.json';
const shareFile = (sandbox: Sandbox, settings: unknown) =>
  sandbox.controls.addFixtures({ project: PROJECT_PATHS.infra, files: { [FILE]: JSON.stringify({ format: 'engineering-lens-config', version: 1, settings }) } });

async function popupTeam(page: Page, extensionId: string): Promise<string> {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const team = page.getByTestId('popup-team');
  await expect(team).toBeVisible({ timeout: 30_000 });
  return (await team.textContent()) ?? '';
}

test('a shared configuration from a repository file sets the team; a local override and an invalid file fall back to this browser’s settings', async ({ context, extensionId, sandbox, openOptions }) => {
  shareFile(sandbox, { team: { projects: [PROJECT_PATHS.apiService] } });
  const options = await openOptions();
  await options.getByLabel('Projects').fill(PROJECT_PATHS.webApp);
  await options.getByLabel('Configuration project').fill(PROJECT_PATHS.infra);
  await configure(options, sandbox.url, API_TOKEN);
  const status = options.getByTestId('shared-status');
  await expect(status).toContainText(`In use: ${FILE} on main in ${PROJECT_PATHS.infra}`);
  await expect(status).toContainText('From the shared file: Team, KPIs, Allocation, Suggested DRI, Survey, OKRs.');
  await expect(options.getByTestId('shared-notice-team')).toContainText('Team comes from the shared configuration');

  const popup = await context.newPage();
  expect(await popupTeam(popup, extensionId)).toMatch(new RegExp(`^${PROJECT_PATHS.apiService} · `));

  // Keep my own team: the local project is back in force.
  await options.getByRole('checkbox', { name: 'Team' }).check();
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('save-status')).toHaveText('Saved.');
  await expect(status).toContainText('Local, overriding it: Team.');
  await expect(options.getByTestId('shared-notice-team')).toHaveCount(0);
  await expect(options.getByTestId('shared-notice-kpi')).toBeVisible();
  expect(await popupTeam(popup, extensionId)).toMatch(new RegExp(`^${PROJECT_PATHS.webApp} · `));

  // The file goes bad: it is named with its problem and not used.
  await options.getByRole('checkbox', { name: 'Team' }).uncheck();
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('save-status')).toHaveText('Saved.');
  shareFile(sandbox, { team: { projects: [PROJECT_PATHS.apiService] }, kpi: { windowDays: 2 } });
  await options.getByRole('button', { name: 'Read the file now' }).click();
  await expect(status).toContainText('Not in use');
  await expect(status).toContainText('settings.kpi.windowDays');
  await expect(options.getByTestId('shared-notice-team')).toHaveCount(0);
  expect(await popupTeam(popup, extensionId)).toMatch(new RegExp(`^${PROJECT_PATHS.webApp} · `));
});
