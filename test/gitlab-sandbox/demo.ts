// `npm start`: the GitLab stand-in on http://127.0.0.1:3000 with seeded data, and, when a display
// exists, Chromium with the e2e build of the extension already configured for it. Without a
// display only the stand-in runs and the steps to load the extension by hand are printed.
// Env: PORT (3000), CHROMIUM_PATH (/usr/bin/chromium).

import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { API_TOKEN, GROUP_PATH, PROJECT_PATHS, startSandbox } from './index.ts';

const extensionPath = path.resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.PORT ?? 3000);

const sandbox = await startSandbox({ port }).catch((error: unknown) => {
  console.error(`Could not start the GitLab stand-in on port ${port}: ${String(error)}. Try PORT=3001 npm start.`);
  process.exit(1);
});
const issueUrl = `${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/39`;
console.log(`GitLab stand-in: ${sandbox.url}`);
console.log(`  Try ${issueUrl}, ${sandbox.url}/${PROJECT_PATHS.webApp}/-/boards/1, ${sandbox.url}/groups/${GROUP_PATH}/-/epics/1`);

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
let context: BrowserContext | undefined;
if (!hasDisplay || !existsSync(chromiumPath)) {
  printManualSteps(hasDisplay ? `no Chromium at ${chromiumPath} (set CHROMIUM_PATH)` : 'no display');
} else {
  try {
    context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'lens-demo-')), {
      executablePath: chromiumPath,
      headless: false,
      viewport: null,
      args: [
        `--disable-extensions-except=${extensionPath}`,
        `--load-extension=${extensionPath}`,
        '--no-first-run',
        // Chromium refuses to run as root with its sandbox on (containers, CI machines).
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
    const extensionId = new URL(worker.url()).host;
    // Configure it the way a user would: the options page, URL, token, team group, Save.
    const options = context.pages()[0] ?? (await context.newPage());
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByLabel('GitLab URL').fill(sandbox.url);
    await options.getByLabel('Personal access token').fill(API_TOKEN);
    await options.getByLabel('Group').fill(GROUP_PATH);
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor();
    await (await context.newPage()).goto(issueUrl);
    context.on('close', () => void shutdown('browser closed'));
    console.log('Chromium is open with the extension configured; close it or press Ctrl-C to stop.');
  } catch (error) {
    printManualSteps(`Chromium did not start (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
}

function printManualSteps(reason: string): void {
  console.log(`\nNot opening Chromium: ${reason}. To try the extension by hand:`);
  console.log(`  1. In Chrome/Chromium open chrome://extensions, turn on Developer mode, Load unpacked: ${extensionPath}`);
  console.log(`  2. In the extension's settings: GitLab URL ${sandbox.url}, Personal access token ${API_TOKEN}, Save.`);
  console.log(`  3. Open ${issueUrl}`);
  console.log('Ctrl-C stops the stand-in.');
}

let stopping = false;
async function shutdown(reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${reason}: stopping`);
  await context?.close().catch(() => undefined);
  await sandbox.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
