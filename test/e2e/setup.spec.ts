import { API_TOKEN, PROJECT_IDS, PROJECT_PATHS, READ_TOKEN, REGISTRY_ONLY_TOKEN, REVOKED_TOKEN, USER_ONLY_TOKEN } from '../gitlab-sandbox/index';
import { configure, expect, test } from './fixtures';

test.describe('a new user sets up Engineering Lens', () => {
  test('tests the connection, saves, and sees the overlay host on an issue page', async ({ context, sandbox, openOptions }) => {
    const options = await openOptions();
    await options.getByLabel('GitLab URL').fill(sandbox.url);
    await options.getByLabel('Personal access token').fill(READ_TOKEN);
    await options.getByRole('button', { name: 'Test connection' }).click();

    const result = options.getByTestId('connection-result');
    await expect(result).toContainText(`Connected to ${sandbox.url}`);
    const user = sandbox.data.user(sandbox.data.tokenBySecret(READ_TOKEN)!.user_id)!;
    await expect(result).toContainText(`@${user.username}`);
    await expect(result).toContainText('read_api');

    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByTestId('save-status')).toHaveText('Saved.');
    // The token is never shown back, only that one is saved.
    await expect(options.getByLabel('Personal access token')).toHaveValue('');
    await expect(options.getByLabel('Personal access token')).toHaveAttribute('placeholder', /Saved/);

    const issue = sandbox.data.issuesOf(PROJECT_IDS.webApp)[0]!;
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/${issue.iid}`);
    const host = page.locator('[data-lens="issue-kpi-badges"]');
    await expect(host).toHaveCount(1);
    await expect(host.getByRole('group', { name: 'Engineering Lens: issue KPIs' })).toBeVisible();
  });

  test('a revoked token shows what is wrong and keeps what was saved', async ({ sandbox, openOptions }) => {
    const options = await openOptions();
    await configure(options, sandbox.url, API_TOKEN);

    await options.getByLabel('Personal access token').fill(REVOKED_TOKEN);
    await options.getByRole('button', { name: 'Test connection' }).click();
    const result = options.getByTestId('connection-result');
    await expect(result).toContainText('Connection failed.');
    await expect(result).toContainText('401');

    await options.reload();
    await expect(options.getByLabel('GitLab URL')).toHaveValue(sandbox.url);
    await expect(options.getByLabel('Personal access token')).toHaveAttribute('placeholder', /Saved/);
  });

  test('a token GitLab refuses for lack of scope (403) is explained', async ({ sandbox, openOptions }) => {
    const options = await openOptions();
    await options.getByLabel('GitLab URL').fill(sandbox.url);
    await options.getByLabel('Personal access token').fill(REGISTRY_ONLY_TOKEN);
    await options.getByRole('button', { name: 'Test connection' }).click();
    const result = options.getByTestId('connection-result');
    await expect(result).toContainText('Connection failed.');
    await expect(result).toContainText('403');
    await expect(result).toContainText('read_api');
  });

  test('an unreachable GitLab and a malformed URL are explained', async ({ openOptions }) => {
    const options = await openOptions();
    await options.getByLabel('GitLab URL').fill('http://127.0.0.1:9');
    await options.getByLabel('Personal access token').fill(READ_TOKEN);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(options.getByTestId('connection-result')).toContainText(/could not reach|unreachable|refused/i);

    await options.getByLabel('GitLab URL').fill('ftp://gitlab.example.com');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByText('must start with https://')).toBeVisible();
    await expect(options.getByTestId('save-status')).toHaveText('Not saved: fix the fields marked above.');
  });

  test('a token without an API scope is flagged, and overlays say what GitLab refused', async ({ context, sandbox, openOptions }) => {
    const options = await openOptions();
    await options.getByLabel('GitLab URL').fill(sandbox.url);
    await options.getByLabel('Personal access token').fill(USER_ONLY_TOKEN);
    await options.getByRole('button', { name: 'Test connection' }).click();
    const result = options.getByTestId('connection-result');
    await expect(result).toContainText('read_user');
    await expect(result).toContainText('This token cannot read the API');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByTestId('save-status')).toHaveText('Saved.');

    // GitLab answers 403 insufficient_scope; the issue page says so instead of breaking.
    const issue = sandbox.data.issuesOf(PROJECT_IDS.webApp)[0]!;
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/${issue.iid}`);
    const strip = page.locator('[data-lens="issue-kpi-badges"]');
    await expect(strip.getByRole('status')).toContainText('read_api');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(issue.title);
  });

  test('removing the saved token stops the overlays and says how to set up again', async ({ context, sandbox, openOptions }) => {
    const options = await openOptions();
    await configure(options, sandbox.url, READ_TOKEN);
    options.once('dialog', (dialog) => void dialog.accept());
    await options.getByRole('button', { name: 'Remove saved token' }).click();
    await expect(options.getByTestId('save-status')).toHaveText('Token removed; cached GitLab data deleted.');
    await expect(options.getByRole('button', { name: 'Remove saved token' })).toHaveCount(0);
    await expect(options.getByLabel('Personal access token')).not.toHaveAttribute('placeholder', /Saved/);

    const issue = sandbox.data.issuesOf(PROJECT_IDS.webApp)[0]!;
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/${issue.iid}`);
    const strip = page.locator('[data-lens="issue-kpi-badges"]');
    await expect(strip).toContainText('Engineering Lens is not set up.');
    await expect(strip.getByRole('button', { name: 'Open settings' })).toBeVisible();
  });
});
