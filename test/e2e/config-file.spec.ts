import { readFileSync } from 'node:fs';
import { API_TOKEN, PROJECT_PATHS } from '../gitlab-sandbox/index';
import { configure, expect, test } from './fixtures';

test('export the settings, import a bad file (refused with every reason, nothing changed), then the edited good file', async ({ sandbox, openOptions }) => {
  const options = await openOptions();
  await options.getByLabel('Projects').fill(PROJECT_PATHS.webApp);
  await configure(options, sandbox.url, API_TOKEN);

  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export settings' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('engineering-lens.json');
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text).not.toContain(API_TOKEN);
  const exported = JSON.parse(text) as { format: string; version: number; settings: { gitlabUrl: string; team: { projects: string[] }; kpi: Record<string, unknown> } };
  expect(exported).toMatchObject({ format: 'engineering-lens-config', version: 1, settings: { gitlabUrl: sandbox.url, team: { projects: [PROJECT_PATHS.webApp] } } });

  // A bad edit: two wrong fields and a typo'd key.
  const bad = structuredClone(exported) as unknown as { settings: Record<string, unknown> & { kpi: Record<string, unknown>; team: Record<string, unknown> } };
  bad.settings.kpi.windowDays = 3;
  bad.settings.team.projects = ['not a path'];
  bad.settings.tean = {};
  bad.settings.team.projects = [''];
  await options.getByTestId('config-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const result = options.getByTestId('config-import-result');
  await expect(result).toContainText('bad.json was not imported; nothing changed. 3 problems:');
  await expect(result).toContainText('settings.kpi.windowDays');
  await expect(result).toContainText('settings.team.projects.0');
  await expect(result).toContainText('settings.tean: Unknown setting "tean".');
  await expect(options.getByLabel('Projects')).toHaveValue(PROJECT_PATHS.webApp);

  // The good edit: another project and window; it fills the form, Save makes it the settings.
  exported.settings.team.projects = [PROJECT_PATHS.apiService];
  exported.settings.kpi.windowDays = 60;
  await options.getByTestId('config-import').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await expect(result).toHaveText('Imported team.json. Review the settings below, then Save.');
  await expect(options.getByLabel('Projects')).toHaveValue(PROJECT_PATHS.apiService);
  await expect(options.getByText('You have changes that are not saved yet.')).toBeVisible();
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('save-status')).toHaveText('Saved.');
  await options.reload();
  await expect(options.getByLabel('Projects')).toHaveValue(PROJECT_PATHS.apiService);
  await expect(options.getByLabel('Window (days)', { exact: true })).toHaveValue('60');
});
