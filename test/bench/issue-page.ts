/**
 * SPEC §9 budget check for the issue page, run by hand or with `npm run bench`:
 *   npm run build:e2e && npx tsx test/bench/issue-page.ts [runs] [issuesPerProject]
 * With a warm cache, measures in the page the time from GitLab's issue app appearing
 * (`.work-item-view`) to the extension's badges being shown (budget 50 ms): with the service
 * worker awake, right after the browser stopped it (idle stop), and in the drawer of a group
 * board, whose page carries no project id. For a cold cache it counts the requests the first
 * visit makes before its badges appear ("one round").
 */
import type { Page } from '@playwright/test';
import { GROUP_PATH, PROJECT_IDS, PROJECT_PATHS, startSandbox } from '../gitlab-sandbox/index';
import { configuredExtension } from './configured-extension';

const BUDGET_MS = 50;
const runs = Number(process.argv[2] ?? 5);
const issuesPerProject = process.argv[3] ? Number(process.argv[3]) : undefined;

/**
 * Notes when GitLab's app (the issue page's, or the drawer) and when the first badge of our host
 * in it appear. Plain JavaScript for the page.
 */
const INSTRUMENT = `(() => {
  window.__bench = { appAt: 0, badgesAt: 0 };
  // Set by the bench before it opens a drawer: from then on the drawer is what is measured.
  window.__benchDrawer = false;
  const app = () => (window.__benchDrawer ? '[data-testid="work-item-drawer"]' : '.work-item-view');
  const hostSelector = () => (window.__benchDrawer ? '[data-lens="drawer-kpi-badges"]' : '[data-lens="issue-kpi-badges"]');
  const badged = (host) => host && host.shadowRoot && host.shadowRoot.querySelector('.lens-badge');
  const watched = new WeakSet();
  const check = () => {
    const sample = window.__bench;
    if (!sample.appAt && document.querySelector(app())) sample.appAt = performance.now();
    const host = document.querySelector(hostSelector());
    if (!host || sample.badgesAt) return;
    if (badged(host)) sample.badgesAt = performance.now();
    // Badges render inside our shadow root, which the document observer does not see.
    else if (host.shadowRoot && !watched.has(host.shadowRoot)) {
      watched.add(host.shadowRoot);
      new MutationObserver(check).observe(host.shadowRoot, { childList: true, subtree: true, characterData: true });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;
interface Sample {
  appAt: number;
  badgesAt: number;
}

async function measure(page: Page, url: string): Promise<Sample> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __bench: Sample }).__bench.badgesAt > 0, null, { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { __bench: Sample }).__bench);
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, ...(issuesPerProject ? { scale: { issuesPerProject } } : {}) });
  const issue = sandbox.data.issuesOf(PROJECT_IDS.webApp).at(-1)!;
  const url = `${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/${issue.iid}`;
  const extension = await configuredExtension(sandbox);
  try {
    const page = await extension.context.newPage();
    await page.addInitScript({ content: INSTRUMENT });

    sandbox.requests.reset();
    const cold = await measure(page, url);
    const issueRequests = sandbox.requests.entries.filter((entry) => entry.path.endsWith(`/issues/${issue.iid}`)).length;
    console.log(
      `cold: badges ${(cold.badgesAt - cold.appAt).toFixed(0)} ms after the issue app, from ${issueRequests} request ` +
        '(the issue itself); the project syncs in the background and the page updates when it ends',
    );
    // Let the background sync finish so the cache is warm.
    await page.waitForFunction(
      () => !document.querySelector('[data-lens="issue-kpi-badges"]')?.shadowRoot?.textContent?.includes('sync'),
      null,
      { timeout: 120_000 },
    );

    const series = async (label: string, pageUrl: string, before?: () => Promise<void>) => {
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        await before?.();
        const s = await measure(page, pageUrl);
        samples.push(s.badgesAt - s.appAt);
      }
      const sorted = [...samples].sort((a, b) => a - b);
      console.log(`${label}: ${samples.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${sorted[Math.floor(runs / 2)]!.toFixed(0)}, budget ${BUDGET_MS})`);
      if (Math.max(...samples) > BUDGET_MS) process.exitCode = 1;
    };
    await series('warm: badges after the issue app', url);

    // The browser stops an idle worker after about 30 s: the next page wakes it.
    const cdp = await extension.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await series('warm, worker stopped: badges after the issue app', url, async () => {
      await cdp.send('ServiceWorker.stopAllWorkers');
    });

    // A card opened in the drawer of a group board, whose page has no project id: the
    // path→id learnt before serves. Measured from the drawer appearing, with the board loaded.
    const drawerSamples: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(`${sandbox.url}/groups/${GROUP_PATH}/-/boards/5`);
      await page.locator('[data-lens="board-summary"]').locator('.lens-badge').first().waitFor({ timeout: 60_000 });
      await page.evaluate((iid) => {
        const win = window as unknown as { __bench: Sample; __benchDrawer: boolean; __sandbox: { openDrawer(iid: number): void } };
        win.__bench = { appAt: 0, badgesAt: 0 };
        win.__benchDrawer = true;
        win.__sandbox.openDrawer(iid);
      }, issue.iid);
      await page.waitForFunction(() => (window as unknown as { __bench: Sample }).__bench.badgesAt > 0, null, { timeout: 60_000 });
      const s = await page.evaluate(() => (window as unknown as { __bench: Sample }).__bench);
      drawerSamples.push(s.badgesAt - s.appAt);
    }
    const sortedDrawer = [...drawerSamples].sort((a, b) => a - b);
    console.log(
      `warm, drawer on a group board: badges after the drawer: ${drawerSamples.map((ms) => ms.toFixed(0)).join(', ')} ms ` +
        `(median ${sortedDrawer[Math.floor(runs / 2)]!.toFixed(0)}, budget ${BUDGET_MS})`,
    );
    if (Math.max(...drawerSamples) > BUDGET_MS) process.exitCode = 1;
  } finally {
    await extension.close();
    await sandbox.close();
  }
}

await main();
