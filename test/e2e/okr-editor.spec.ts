import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { GROUP_PATH, READ_TOKEN, startSandbox, type Sandbox } from '../gitlab-sandbox/index';
import type { OkrSettings } from '../../utils/settings/okr';
import { configure, expect, test } from './fixtures';

/**
 * The OKR editor in the options page (SPEC §5, §7): a quarter's objective with one key result of
 * each kind, the epic and the label picked from what the team's sync cached; saved, and still
 * there after a reload. Invalid input is refused next to its field and nothing is saved.
 */

/** A small GitLab (30 issues a project, no MRs): enough for labels such as type::bug, quick to sync. */
const okrTest = test.extend<{ sandbox: Sandbox }>({
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ port: 0, seed: 1, scale: { issuesPerProject: 30, mergeRequestsPerProject: 0 } });
    await use(sandbox);
    await sandbox.close();
  },
});

/** The calendar quarter now in UTC (the default KPI time zone): `2026-Q2`. */
function currentQuarterId(now = new Date()): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

/** Today where the browser (and this test) runs, as the editor dates a new update. */
function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The team's group, a token and Save; then one complete sync from the popup, so the pickers have data. */
async function setUpTeam(context: BrowserContext, options: Page, sandbox: Sandbox, extensionId: string): Promise<void> {
  await options.getByLabel('Group').fill(GROUP_PATH);
  await configure(options, sandbox.url, READ_TOKEN);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Sync now' }).click();
  await expect(popup.getByTestId('sync-result')).toHaveText('Sync complete.', { timeout: 45_000 });
  await popup.close();
}

/** The OKR settings the background keeps (what popup and epic pages will read). */
async function savedOkr(options: Page): Promise<OkrSettings> {
  // The options page's own channel to the background, as sendMessage uses it.
  const answer = (await options.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ name: 'ui:settings-get', payload: {} }),
  )) as { ok: boolean; data: { settings: { okr: OkrSettings } } };
  expect(answer.ok).toBe(true);
  return answer.data.settings.okr;
}

const kr = (n: string, field: string) => `Key result ${n} ${field}`;

okrTest('a quarter with an objective and a KPI, an epic, a label and a manual key result is saved and still there after a reload', async ({ context, sandbox, extensionId, openOptions }) => {
  test.setTimeout(120_000);
  const quarter = currentQuarterId();
  const today = localToday();
  let options = await openOptions();
  await setUpTeam(context, options, sandbox, extensionId);
  await options.reload();
  await expect(options.getByRole('heading', { name: 'OKRs', exact: true })).toBeVisible();

  // The quarter: the current one is what a new objective starts in.
  await options.getByRole('button', { name: 'Add objective' }).click();
  await expect(options.getByLabel('Objective 1 Title')).toBeFocused();
  await expect(options.getByLabel('Objective 1 Quarter')).toHaveValue(quarter);
  await expect(options.getByLabel('Objective 1 Quarter').locator('option')).toHaveCount(4);
  await options.getByLabel('Objective 1 Title').fill('Ship reliably');

  const addKeyResult = options.getByRole('button', { name: 'Add key result to objective 1' });

  // 1.1 KPI: On-time, target 85 %.
  await addKeyResult.click();
  await expect(options.getByLabel(kr('1.1', 'Title'))).toBeFocused();
  await options.getByLabel(kr('1.1', 'Title')).fill('On-time delivery at 85 %');
  await expect(options.getByLabel(kr('1.1', 'Kind'))).toHaveValue('kpi');
  await options.getByLabel(kr('1.1', 'KPI')).selectOption({ label: 'On-time' });
  await options.getByLabel(kr('1.1', 'Target')).fill('85');
  // The unit is shown next to the field and read with it.
  await expect(options.getByLabel(kr('1.1', 'Target'))).toHaveAccessibleDescription('%');
  await expect(options.getByLabel(kr('1.1', 'Direction'))).toHaveValue('increase');

  // 1.2 Epic: picked from the cached epics of lens-demo.
  await addKeyResult.click();
  await options.getByLabel(kr('1.2', 'Title')).fill('Database resilience shipped');
  await options.getByLabel(kr('1.2', 'Kind')).selectOption({ label: 'Epic' });
  const epic = options.getByLabel(kr('1.2', 'Epic'));
  await epic.focus();
  const epicList = options.locator(`datalist[id="${await epic.getAttribute('list')}"]`);
  await expect(epicList.locator(`option[value="${GROUP_PATH}&3"]`)).toHaveAttribute('label', '&3 Database resilience');
  await epic.fill(`${GROUP_PATH}&3`);
  await expect(epic).toHaveAccessibleDescription('Database resilience');

  // 1.3 Label query: type::bug, one of the labels of the team's cached issues.
  await addKeyResult.click();
  await options.getByLabel(kr('1.3', 'Title')).fill('Close the bugs');
  await options.getByLabel(kr('1.3', 'Kind')).selectOption({ label: 'Label query' });
  const labels = options.getByLabel(kr('1.3', 'Labels'));
  const labelList = options.locator(`datalist[id="${await labels.getAttribute('list')}"]`);
  await expect(labelList.locator('option[value="type::bug"]')).toHaveCount(1);
  await labels.fill('type::bug');

  // 1.4 Manual: a hiring plan, 4 of 6 engineers hired by today.
  await addKeyResult.click();
  await options.getByLabel(kr('1.4', 'Title')).fill('Engineers hired');
  await options.getByLabel(kr('1.4', 'Kind')).selectOption({ label: 'Manual value' });
  await options.getByLabel(kr('1.4', 'Unit')).fill('engineers');
  await options.getByLabel(kr('1.4', 'Start')).fill('0');
  await options.getByLabel(kr('1.4', 'Target')).fill('6');
  await options.getByRole('button', { name: 'Add update to key result 1.4' }).click();
  await expect(options.getByLabel(kr('1.4', 'update 1 Value'))).toBeFocused();
  await expect(options.getByLabel(kr('1.4', 'update 1 Date'))).toHaveValue(today);
  await options.getByLabel(kr('1.4', 'update 1 Value')).fill('4');

  // Nothing is marked invalid, and Save keeps it.
  await expect(options.locator('section.options-okr [aria-invalid="true"]')).toHaveCount(0);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('save-status')).toHaveText('Saved.');

  // What the background keeps.
  const okr = await savedOkr(options);
  expect(okr.objectives).toHaveLength(1);
  const [objective] = okr.objectives;
  expect(objective).toMatchObject({ quarter, title: 'Ship reliably' });
  expect(objective!.keyResults.map(({ id: _id, ...rest }) => rest)).toEqual([
    { kind: 'kpi', title: 'On-time delivery at 85 %', kpi: 'on-time', target: 85, direction: 'increase' },
    { kind: 'epic', title: 'Database resilience shipped', epic: { group: GROUP_PATH, iid: 3 } },
    { kind: 'label', title: 'Close the bugs', labels: ['type::bug'], projects: [] },
    { kind: 'manual', title: 'Engineers hired', unit: 'engineers', start: 0, target: 6, history: [{ date: today, value: 4 }] },
  ]);
  expect(new Set(objective!.keyResults.map((keyResult) => keyResult.id)).size).toBe(4);

  // After a reload, the editor shows it all again.
  await options.reload();
  await expectSetUp(options, quarter, today);

  // The popup shows the objective and its four key results; the epic's page the one naming it.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('tab', { name: 'OKRs' }).click();
  const okrs = popup.getByTestId('okrs');
  await expect(okrs).toContainText('Ship reliably', { timeout: 30_000 });
  for (const title of ['On-time delivery at 85 %', 'Database resilience shipped', 'Close the bugs', 'Engineers hired']) await expect(okrs).toContainText(title);
  // 4 of 6 = 67 %.
  await expect(popup.getByTestId(`kr-${objective!.keyResults[3]!.id}`)).toContainText('67% ·');
  await expect(popup.getByTestId(`kr-${objective!.keyResults[3]!.id}`)).toContainText('4 of 6 engineers');
  const epicPage = await context.newPage();
  await epicPage.goto(`${sandbox.url}/groups/${GROUP_PATH}/-/epics/3`);
  await expect(epicPage.locator('[data-lens="epic-kpi-badges"]').getByTestId('lens-epic-krs')).toContainText('Key result Database resilience shipped (Ship reliably,', { timeout: 30_000 });
  await popup.close();
  await epicPage.close();
  // Filled in, the section has no axe violations, light or dark.
  for (const theme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme: theme });
    const results = await new AxeBuilder({ page: options }).include('section.options-okr').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await options.emulateMedia({ colorScheme: 'light' });
  await options.locator('section.options-okr').screenshot({ path: 'test-results/options-okr.png' });

  // Invalid input, field by field: the message next to its field, as typed.
  await options.getByLabel('Objective 1 Title').fill('');
  await expect(options.getByLabel('Objective 1 Title')).toHaveAccessibleDescription('Enter a title.');
  await options.getByLabel(kr('1.1', 'Target')).fill('-5');
  await expect(options.getByLabel(kr('1.1', 'Target'))).toHaveAccessibleDescription('% On-time is a percentage: enter 0 to 100.');
  await options.getByLabel(kr('1.2', 'Epic')).fill(GROUP_PATH);
  await expect(options.getByLabel(kr('1.2', 'Epic'))).toHaveAccessibleDescription(/Enter the epic's number \(the digits after &\)\.$/);
  await options.getByLabel(kr('1.4', 'update 1 Value')).fill('');
  await expect(options.getByLabel(kr('1.4', 'update 1 Value'))).toHaveAccessibleDescription(/Enter a number\.$/);
  await expect(options.getByLabel(kr('1.3', 'Labels'))).not.toHaveAttribute('aria-invalid', 'true');

  // Save refuses it, says so, and puts the focus on the first marked field.
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByTestId('save-status')).toHaveText('Not saved: fix the fields marked above.');
  await expect(options.getByLabel('Objective 1 Title')).toBeFocused();
  await expect(options.getByLabel('Objective 1 Title')).toHaveAccessibleDescription('Enter a title.');
  await expect(options.getByLabel(kr('1.1', 'Target'))).toHaveAccessibleDescription('% On-time is a percentage: enter 0 to 100.');

  // Nothing of it was saved: the background and a fresh options page have what was saved before.
  expect(await savedOkr(options)).toEqual(okr);
  options = await openOptions();
  await expectSetUp(options, quarter, today);
});

/** The objective and its four key results as set up above. */
async function expectSetUp(options: Page, quarter: string, today: string): Promise<void> {
  await expect(options.getByLabel('Objective 1 Title')).toHaveValue('Ship reliably');
  await expect(options.getByLabel('Objective 1 Quarter')).toHaveValue(quarter);
  await expect(options.getByRole('list', { name: 'Key results of objective 1' }).locator(':scope > li')).toHaveCount(4);
  await expect(options.getByLabel(kr('1.1', 'Title'))).toHaveValue('On-time delivery at 85 %');
  await expect(options.getByLabel(kr('1.1', 'Kind'))).toHaveValue('kpi');
  await expect(options.getByLabel(kr('1.1', 'KPI'))).toHaveValue('on-time');
  await expect(options.getByLabel(kr('1.1', 'Target'))).toHaveValue('85');
  await expect(options.getByLabel(kr('1.2', 'Kind'))).toHaveValue('epic');
  await expect(options.getByLabel(kr('1.2', 'Epic'))).toHaveValue(`${GROUP_PATH}&3`);
  await expect(options.getByLabel(kr('1.3', 'Kind'))).toHaveValue('label');
  await expect(options.getByLabel(kr('1.3', 'Labels'))).toHaveValue('type::bug');
  await expect(options.getByLabel(kr('1.4', 'Kind'))).toHaveValue('manual');
  await expect(options.getByLabel(kr('1.4', 'Unit'))).toHaveValue('engineers');
  await expect(options.getByLabel(kr('1.4', 'Start'))).toHaveValue('0');
  await expect(options.getByLabel(kr('1.4', 'Target'))).toHaveValue('6');
  await expect(options.getByLabel(kr('1.4', 'update 1 Date'))).toHaveValue(today);
  await expect(options.getByLabel(kr('1.4', 'update 1 Value'))).toHaveValue('4');
}
