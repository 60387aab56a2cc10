/** The e2e build in Chromium, configured for a stand-in through its options page like a user. */
import type { BrowserContext } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { READ_TOKEN, type Sandbox } from '../gitlab-sandbox/index';
import { configure, launchWithExtension, serviceWorkerOf } from '../e2e/fixtures';

export async function configuredExtension(sandbox: Sandbox): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lens-bench-'));
  const context = await launchWithExtension(dir);
  const id = new URL((await serviceWorkerOf(context)).url()).host;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await configure(options, sandbox.url, READ_TOKEN);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
