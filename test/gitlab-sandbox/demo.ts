// `npm start`: the GitLab sandbox on http://127.0.0.1:3000 plus Chromium with the e2e build of the
// extension, the sandbox's landing page and the options page open. Without a display (or without
// the build) only the sandbox runs and the steps to load the extension by hand are printed.
// Env: PORT (3000), CHROMIUM_PATH (/usr/bin/chromium).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { API_TOKEN, PROJECT_PATHS, startSandbox } from './index.ts';

const extensionPath = path.resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e');
const sandbox = await startSandbox({ port: Number(process.env.PORT ?? 3000) });
console.log(`GitLab sandbox: ${sandbox.url}`);
console.log(`In Engineering Lens options: GitLab URL ${sandbox.url}, Personal access token ${API_TOKEN}`);
console.log(`Try ${sandbox.url}/${PROJECT_PATHS.webApp}/-/boards/1 and ${sandbox.url}/groups/lens-demo/-/epics/1`);

let context: BrowserContext | undefined;
try {
  context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'lens-demo-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    viewport: null,
    args: [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`, '--no-first-run'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  const extensionId = new URL(worker.url()).host;
  await (context.pages()[0] ?? (await context.newPage())).goto(sandbox.url);
  await (await context.newPage()).goto(`chrome-extension://${extensionId}/options.html`);
  context.on('close', () => void shutdown('browser closed'));
  console.log('Chromium is open with the extension; close it or press Ctrl-C to stop.');
} catch (error) {
  console.log(`Could not open Chromium with the extension (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`);
  console.log(`Load ${extensionPath} as an unpacked extension in Chrome, then open ${sandbox.url}. Ctrl-C stops the sandbox.`);
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
