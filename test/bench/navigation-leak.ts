/**
 * Long-lived tab check (issue 9): client-side navigations must not leave overlays behind.
 *   npm run bench   (or: npm run build:e2e && npx tsx test/bench/navigation-leak.ts [navigations])
 * Configures the e2e build for the stand-in through its options page, opens an issue, then
 * navigates client-side (pushState, as GitLab's Vue Router does; the stand-in's
 * `__sandbox.navigate`) between issues and a board, each time waiting until the overlay of the new
 * page has rendered its badges. At the first page and after the navigations, after a full GC, it
 * reads through the DevTools protocol:
 * - `Memory.getDOMCounters`: documents, nodes, JS event listeners of the renderer;
 * - in the content script's isolated world: the live ShadowRoot and MutationObserver objects
 *   (`Runtime.queryObjects` on their prototypes), and `Runtime.getHeapUsage`.
 * Exits 1 when ShadowRoots or MutationObservers grew by more than 5, listeners by more than 50,
 * or the JS heap by more than 2 MB.
 */
import type { CDPSession, Page } from '@playwright/test';
import { PROJECT_IDS, PROJECT_PATHS, startSandbox } from '../gitlab-sandbox/index';
import { configuredExtension } from './configured-extension';

const navigations = Number(process.argv[2] ?? 500);
const LIMITS = { shadowRoots: 5, mutationObservers: 5, jsEventListeners: 50, heapBytes: 2 * 1024 * 1024 };
const MB = 1024 * 1024;

interface Counters {
  documents: number;
  nodes: number;
  jsEventListeners: number;
  shadowRoots: number;
  mutationObservers: number;
  heapUsed: number;
}

interface Target {
  path: string;
  /** The overlay that shows the page is done: its host has badges in its shadow root. */
  lens: string;
}

/** Finds the content script's isolated world of the page's main frame (origin chrome-extension://…). */
function watchIsolatedWorld(cdp: CDPSession, frameId: string): () => number {
  const worlds = new Map<number, string>();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string; frameId?: string } | undefined;
    if (aux?.type === 'isolated' && context.origin.startsWith('chrome-extension://')) worlds.set(context.id, aux.frameId ?? '');
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => worlds.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => worlds.clear());
  return () => {
    const ids = [...worlds].filter(([, frame]) => frame === frameId).map(([id]) => id);
    if (ids.length !== 1) throw new Error(`Expected one isolated world of the extension in the page, found ${ids.length}`);
    return ids[0]!;
  };
}

/** How many live objects have `prototype` (an expression in the isolated world) in their chain. */
async function countObjects(cdp: CDPSession, contextId: number, prototype: string): Promise<number> {
  const objectGroup = 'navigation-leak';
  try {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: prototype, contextId, objectGroup });
    if (exceptionDetails || !result.objectId) throw new Error(`Cannot evaluate ${prototype} in the isolated world`);
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId, objectGroup });
    const { result: own } = await cdp.send('Runtime.getProperties', { objectId: objects.objectId!, ownProperties: true });
    // The array's indices, without `length`.
    return own.filter((property) => /^\d+$/.test(property.name)).length;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup });
  }
}

async function collectGarbage(cdp: CDPSession): Promise<void> {
  // Several times, with pauses: a GC runs finalizers and weak callbacks that let the next free more.
  for (let i = 0; i < 3; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function measure(cdp: CDPSession, isolatedWorld: () => number): Promise<Counters> {
  await collectGarbage(cdp);
  const contextId = isolatedWorld();
  const shadowRoots = await countObjects(cdp, contextId, 'ShadowRoot.prototype');
  const mutationObservers = await countObjects(cdp, contextId, 'MutationObserver.prototype');
  await collectGarbage(cdp);
  const { documents, nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { documents, nodes, jsEventListeners, shadowRoots, mutationObservers, heapUsed: usedSize };
}

/**
 * Waits until the page shows a host of `lens` that was not there before, with badges in its
 * shadow root, and marks it as seen (the next page's host must be a new one).
 */
async function waitForOverlay(page: Page, lens: string): Promise<void> {
  await page.waitForFunction(
    (selector) => {
      for (const host of document.querySelectorAll(selector)) {
        if (host.shadowRoot?.querySelector('.lens-badge')) {
          host.setAttribute('data-bench-seen', '');
          return true;
        }
      }
      return false;
    },
    `[data-lens="${lens}"]:not([data-bench-seen])`,
    { timeout: 30_000 },
  );
}

function show(label: string, counters: Counters): string {
  return (
    `${label}: ShadowRoots ${counters.shadowRoots}, MutationObservers ${counters.mutationObservers}, ` +
    `listeners ${counters.jsEventListeners}, nodes ${counters.nodes}, documents ${counters.documents}, ` +
    `JS heap ${(counters.heapUsed / MB).toFixed(2)} MB`
  );
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: 0 });
  // No simulated Vue mount delay: the navigations are about what stays behind, not timing.
  sandbox.controls.setMountDelay(0, 0);
  const issues = sandbox.data.issuesOf(PROJECT_IDS.webApp).slice(-3);
  const issue = (iid: number): Target => ({ path: `/${PROJECT_PATHS.webApp}/-/issues/${iid}`, lens: 'issue-kpi-badges' });
  // The stand-in navigates forward to a board client-side (a popstate back to it would reload).
  const board: Target = { path: `/${PROJECT_PATHS.webApp}/-/boards/1`, lens: 'board-summary' };
  const targets: Target[] = [issue(issues[0]!.iid), issue(issues[1]!.iid), board, issue(issues[2]!.iid), board];
  const extension = await configuredExtension(sandbox);
  const started = Date.now();
  try {
    const page = await extension.context.newPage();
    const cdp = await extension.context.newCDPSession(page);
    const mainFrameId = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
    const isolatedWorld = watchIsolatedWorld(cdp, mainFrameId);
    await cdp.send('Runtime.enable');

    // The first page, its project synced (a sync's end re-renders the overlay), and every target
    // visited once so the background has each answer cached.
    await page.goto(`${sandbox.url}${targets.at(-1)!.path}`);
    await page.goto(`${sandbox.url}${targets[0]!.path}`);
    await waitForOverlay(page, targets[0]!.lens);
    await page.waitForFunction(
      () => !document.querySelector('[data-lens="issue-kpi-badges"]')?.shadowRoot?.textContent?.includes('sync'),
      null,
      { timeout: 120_000 },
    );
    const before = await measure(cdp, isolatedWorld);
    console.log(show('first page', before));

    for (let i = 1; i <= navigations; i++) {
      const target = targets[i % targets.length]!;
      await page.evaluate((href) => (window as unknown as { __sandbox: { navigate(h: string): Promise<void> } }).__sandbox.navigate(href), target.path);
      await waitForOverlay(page, target.lens);
    }
    // Back to the kind of page we started on, so the same overlays are live at both measurements.
    const last = targets[navigations % targets.length]!;
    if (last.lens !== targets[0]!.lens) throw new Error('Pick a number of navigations that ends on an issue');
    const after = await measure(cdp, isolatedWorld);
    console.log(show(`after ${navigations} navigations (${((Date.now() - started) / 1000).toFixed(0)} s)`, after));

    const grown = {
      shadowRoots: after.shadowRoots - before.shadowRoots,
      mutationObservers: after.mutationObservers - before.mutationObservers,
      jsEventListeners: after.jsEventListeners - before.jsEventListeners,
      heapBytes: after.heapUsed - before.heapUsed,
    };
    const over = (Object.keys(LIMITS) as (keyof typeof LIMITS)[]).filter((key) => grown[key] > LIMITS[key]);
    console.log(
      `grown: ShadowRoots ${grown.shadowRoots} (limit ${LIMITS.shadowRoots}), MutationObservers ${grown.mutationObservers} ` +
        `(limit ${LIMITS.mutationObservers}), listeners ${grown.jsEventListeners} (limit ${LIMITS.jsEventListeners}), ` +
        `JS heap ${(grown.heapBytes / MB).toFixed(2)} MB (limit ${LIMITS.heapBytes / MB} MB)`,
    );
    if (over.length) {
      console.log(`LEAK: ${over.join(', ')} over the limit`);
      process.exitCode = 1;
    }
  } finally {
    await extension.close();
    await sandbox.close();
  }
}

await main();
