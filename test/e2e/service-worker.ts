/**
 * Stopping the extension's service worker from a test, as Chrome does when it idles one out.
 * Chrome's DevTools protocol (ServiceWorker domain, on a page's session) reaches extension
 * workers too; Playwright's own Worker object outlives a stop, so the running state is followed
 * through `workerVersionUpdated` instead.
 */
import type { BrowserContext, Page } from '@playwright/test';

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping' | 'unknown';

export async function extensionWorker(context: BrowserContext, extensionId: string, host: Page) {
  const cdp = await context.newCDPSession(host);
  const scope = `chrome-extension://${extensionId}/`;
  let versionId: string | undefined;
  let status: RunningStatus = 'unknown';
  /** Every status seen, in order: a test can tell the worker started again. */
  const history: RunningStatus[] = [];
  const waiting = new Set<() => void>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(scope)) continue;
      versionId = version.versionId;
      status = version.runningStatus as RunningStatus;
      history.push(status);
      for (const check of waiting) check();
    }
  });
  await cdp.send('ServiceWorker.enable');
  const waitFor = (wanted: RunningStatus, timeout = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (status !== wanted) return;
        clearTimeout(timer);
        waiting.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`the service worker is ${status}, not ${wanted}`));
      }, timeout);
      waiting.add(check);
      check();
    });
  await waitFor('running');
  return {
    history,
    waitFor,
    /** Stops the worker now; requests it has in flight lose their answers. */
    async stop() {
      if (!versionId) throw new Error(`no service worker for ${scope}`);
      await cdp.send('ServiceWorker.stopWorker', { versionId });
      await waitFor('stopped');
    },
  };
}
