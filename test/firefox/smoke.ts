/**
 * The Firefox build, run for real (issue 11): Debian's Firefox ESR driven over WebDriver BiDi
 * (puppeteer-core, no browser download), with the e2e build installed as a temporary add-on,
 * against the GitLab stand-in. Options → Test connection → Save, an issue page with its badges, a
 * board with its summary bar. Run by `npm test` (npm run test:firefox); FIREFOX_PATH overrides
 * /usr/bin/firefox-esr. Exits 1 on any failure.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import puppeteer, { type Page } from 'puppeteer-core';
import { PROJECT_PATHS, READ_TOKEN, startSandbox } from '../gitlab-sandbox/index';

const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const BUILD = path.resolve(import.meta.dirname, '../../.output/firefox-mv2-e2e');
const ADDON_ID = 'engineering-lens@example.org';
const TIMEOUT = 30_000;

/** Waits until `check` (run in the page) returns a truthy value; fails with `what` after the timeout. */
async function until(page: Page, what: string, check: () => unknown): Promise<void> {
  try {
    await page.waitForFunction(check, { timeout: TIMEOUT, polling: 200 });
  } catch {
    throw new Error(`Firefox smoke: ${what} did not happen within ${TIMEOUT / 1000} s`);
  }
  console.log(`ok: ${what}`);
}

/** Types into the field its <label> names (Firefox's BiDi has no accessibility queries). */
async function typeInto(page: Page, label: string, value: string): Promise<void> {
  const id = await page.evaluate(
    (text) => [...document.querySelectorAll('label')].find((element) => element.textContent?.trim().startsWith(text))?.htmlFor,
    label,
  );
  if (!id) throw new Error(`Firefox smoke: no field labelled ${label}`);
  await page.locator(`[id="${id}"]`).fill(value);
}

const sandbox = await startSandbox({ port: 0 });
// A fixed internal UUID, so the test knows the add-on's moz-extension:// origin.
const uuid = randomUUID();
const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: FIREFOX_PATH,
  headless: true,
  extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }) },
});
try {
  await browser.installExtension(BUILD);
  const page = await browser.newPage();
  // BiDi refuses to navigate to moz-extension:// itself: go there from a page (the e2e build
  // makes the options page web-accessible for this).
  await page.goto(`${sandbox.url}/`);
  await page.evaluate((url) => void (location.href = url), `moz-extension://${uuid}/options.html`);
  await until(page, 'the options page renders', () => document.querySelector('h1')?.textContent?.includes('Engineering Lens'));

  await until(page, 'the connection form is there', () => [...document.querySelectorAll('label')].some((label) => label.textContent?.trim() === 'GitLab URL'));
  await typeInto(page, 'GitLab URL', sandbox.url);
  await typeInto(page, 'Personal access token', READ_TOKEN);
  await page.locator('button::-p-text(Test connection)').click();
  await until(page, 'Test connection reports the user', () => /connected as/i.test(document.body.textContent ?? ''));
  await page.locator('button[type="submit"]::-p-text(Save)').click();
  await until(page, 'the settings are saved', () => document.querySelector('[data-testid="save-status"]')?.textContent === 'Saved.');

  // Issue page: the strip with the issue's own badges (open shadow root).
  await page.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/87`);
  await until(page, 'the issue page shows its badges', () =>
    document.querySelector('[data-lens="issue-kpi-badges"]')?.shadowRoot?.querySelector('[data-testid="lens-due"]'),
  );
  // Board: the summary bar with the project's KPIs.
  await page.goto(`${sandbox.url}/${PROJECT_PATHS.webApp}/-/boards/1`);
  await until(page, 'the board shows its summary bar with KPIs', () =>
    document.querySelector('[data-lens="board-summary"]')?.shadowRoot?.querySelector('[data-testid="lens-on-time"]'),
  );
} finally {
  await browser.close();
  await sandbox.close();
}
