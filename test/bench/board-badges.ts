/**
 * SPEC §9 budget check for board card badges, run by hand (timed tests flake on busy CI):
 *   npm run bench   (or: npm run build:e2e && npx tsx test/bench/board-badges.ts [runs])
 * Opens the stand-in's 1,000-card board (board 2) with a warm cache, mounted by script as GitLab's
 * Vue app is and with its cards in the served HTML, and measures, in the page:
 * - from the moment the last card is in the DOM (the board holds its 1,000 open cards and more)
 *   to the moment the last card that needs a badge (overdue, due soon) has it: within 100 ms, or
 *   before the frame that first shows the cards (the page's own first layout of the cards is not
 *   ours, and a badge in before it is seen with the card);
 * - that the badged cards in the viewport got their badges in the frame that first showed the
 *   cards, or the next one;
 * - main-thread long tasks (PerformanceObserver `longtask`, > 50 ms) against the same board on
 *   an origin the extension does not run on, in the same browser: the page's own first render
 *   of 1,000 cards is one, with or without us; the extension may not make it more than 50 ms
 *   longer (quietest runs compared), nor add a long task after the render.
 * Exits 1 when a budget is exceeded.
 */
import type { Page } from '@playwright/test';
import { PROJECT_PATHS, startSandbox } from '../gitlab-sandbox/index';
import { configuredExtension } from './configured-extension';

const CARDS = 1000;
const BUDGET_MS = 100;
const LONG_TASK_MS = 50;
const runs = Number(process.argv[2] ?? 7);

interface Sample {
  cardsAt: number;
  /** After the frame that first rendered the cards (the stand-in's own layout and paint). */
  renderedAt: number;
  badgesAt: number | null;
  /** Cards that received a badge row. */
  badged: number;
  /** Badged cards in the viewport, and when the last of them got its badge. */
  visible: { count: number; lastAt: number | null };
  longTasks: { start: number; duration: number }[];
}

/**
 * Installed before the page's scripts: notes when all cards are in the DOM, and when every card
 * host's shadow root has received its badge row (an observer per open shadow root, so nothing
 * polls). Plain JavaScript source: tsx would wrap named functions in a helper the page lacks.
 */
const INSTRUMENT = `(() => {
  const cards = ${CARDS};
  const sample = { cardsAt: 0, renderedAt: 0, badgesAt: null, longTasks: [] };
  window.__bench = sample;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) sample.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  let cardCount = 0;
  let counted = 0;
  sample.badged = 0;
  // Which badged cards were in the viewport is read at the end, once the layout is settled.
  const badgedCards = [];
  window.__visibleBadgesAt = () => {
    const inView = badgedCards.filter(({ host, id }) => {
      // The card as it is now (the page may have re-rendered it since).
      const card = host.isConnected ? host.parentElement : id && document.querySelector('li.board-card[data-item-id="' + id + '"]');
      const box = card ? card.getBoundingClientRect() : null;
      return box && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
    });
    return { count: inView.length, lastAt: inView.length ? Math.max(...inView.map(({ at }) => at)) : null };
  };
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('[data-lens="board-card-badges"]') && node.shadowRoot) {
          const root = node.shadowRoot;
          // The last badge row to appear is when the badges are done (read once the page is quiet).
          const done = () => {
            sample.badged++;
            sample.badgesAt = performance.now();
            badgedCards.push({ host: node, id: node.parentElement && node.parentElement.getAttribute('data-item-id'), at: sample.badgesAt });
          };
          // A host may arrive already filled (badges known before the card rendered).
          if (root.querySelector('.lens-badge')) done();
          else
            new MutationObserver((_, observer) => {
              if (!root.querySelector('.lens-badge')) return;
              observer.disconnect();
              done();
            }).observe(root, { childList: true });
        } else if (node.matches('li.board-card')) cardCount++;
        else if (node.firstElementChild) cardCount += node.querySelectorAll('li.board-card').length;
      }
    }
    // The board may hold more cards than the 1,000 of its Open list (Closed, Doing...): the last
    // card present is the last one added once there are at least that many.
    if (cardCount >= cards && cardCount > counted) {
      counted = cardCount;
      const at = performance.now();
      sample.cardsAt = at;
      // The first frame after this one has rendered the cards: the page's own work ends there.
      requestAnimationFrame(() => setTimeout(() => {
        if (sample.cardsAt === at) sample.renderedAt = performance.now();
      }));
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

async function measure(page: Page, url: string, withBadges: boolean): Promise<Sample> {
  // The two pages are tabs of one browser: the one in the background gets its frames throttled
  // (about one a second in Chromium 156), which would read as a slow render.
  await page.bringToFront();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __bench: Sample }).__bench.cardsAt > 0, null, { polling: 250 });
  if (withBadges) {
    await page.waitForFunction(() => (window as unknown as { __bench: Sample }).__bench.badgesAt !== null, null, { polling: 250, timeout: 30_000 });
  }
  await page.waitForTimeout(1500); // let trailing badges, work and its long tasks land
  return page.evaluate(() => {
    const win = window as unknown as { __bench: Sample; __visibleBadgesAt(): Sample['visible'] };
    return { ...win.__bench, visible: win.__visibleBadgesAt() };
  });
}

/** One frame at 60 Hz: cards in view are badged in the frame they first appear in, or the next. */
const FRAME_MS = 1000 / 60;

function report(
  label: string,
  samples: Sample[],
): { worstMs: number; worstTaskMs: number; firstRenderTaskMs: number; quietRenderTaskMs: number; worstVisibleMs: number } {
  let worstMs = 0;
  let worstVisibleMs = Number.NEGATIVE_INFINITY;
  let worstTaskMs = 0;
  const firstRenderTasks: number[] = [];
  for (const [i, s] of samples.entries()) {
    const done = s.badgesAt === null ? null : s.badgesAt - s.cardsAt;
    // Tasks that end after the page's own first rendering of the cards.
    const after = s.longTasks.filter((t) => t.start + t.duration > s.renderedAt);
    const firstRender = s.longTasks.filter((t) => t.start + t.duration > s.cardsAt && t.start < s.renderedAt);
    const longest = Math.max(0, ...after.map((t) => t.duration));
    // Badges in before the frame that first shows the cards are in time, however long the page
    // itself takes to get there (a busy machine can make that frame late by a second).
    if (done !== null && s.badgesAt! > s.renderedAt) worstMs = Math.max(worstMs, done);
    // Relative to the end of the frame that first showed the cards: ≤ 0 is that same frame.
    const visibleMs = s.visible.lastAt === null ? null : s.visible.lastAt - s.renderedAt;
    if (visibleMs !== null) worstVisibleMs = Math.max(worstVisibleMs, visibleMs);
    worstTaskMs = Math.max(worstTaskMs, longest);
    firstRenderTasks.push(Math.max(0, ...firstRender.map((t) => t.duration)));
    const list = (tasks: Sample['longTasks']) => tasks.map((t) => `${t.duration.toFixed(0)} ms`).join(', ') || 'none';
    console.log(
      `${label} run ${i + 1}: cards rendered after ${(s.renderedAt - s.cardsAt).toFixed(0)} ms (long tasks ${list(firstRender)});` +
        (done === null ? '' : ` ${s.badged} cards badged, the last ${done.toFixed(0)} ms after the cards, ${(s.badgesAt! - s.renderedAt).toFixed(0)} ms after the render;`) +
        (visibleMs === null ? '' : ` the ${s.visible.count} in view ${visibleMs <= 0 ? 'in the first frame' : `${visibleMs.toFixed(0)} ms after the first frame`};`) +
        ` long tasks after the render: ${list(after)}`,
    );
  }
  firstRenderTasks.sort((a, b) => a - b);
  return {
    worstMs,
    worstTaskMs,
    firstRenderTaskMs: firstRenderTasks[Math.floor(firstRenderTasks.length / 2)] ?? 0,
    quietRenderTaskMs: firstRenderTasks[0] ?? 0,
    worstVisibleMs,
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Used JS heap of the page's renderer (page and content script worlds share it), after a GC. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: 0 });
  // The board's 1,000 cards (the stand-in tops the project up as the board page would), then
  // three cards that need attention, which come first by position: so the viewport holds
  // badged cards (overdue 2 d, overdue 9 d, due tomorrow).
  sandbox.controls.ensureIssueCount(PROJECT_PATHS.webApp, CARDS);
  const day = (offset: number) => new Date(sandbox.data.now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const created = new Date(sandbox.data.now.getTime() - 20 * 86_400_000).toISOString();
  sandbox.controls.addFixtures({
    project: PROJECT_PATHS.webApp,
    issues: [-2, -9, 1].map((due, k) => ({ title: `Needs attention ${k + 1}`, created_at: created, due_date: day(due) })),
  });
  const url = `${sandbox.url}/${PROJECT_PATHS.webApp}/-/boards/2`;
  let extension: Awaited<ReturnType<typeof configuredExtension>> | null = null;
  try {
    extension = await configuredExtension(sandbox);
    const page = await extension.context.newPage();
    await page.addInitScript({ content: INSTRUMENT });
    // Warm-up: syncs the project into the cache and wakes the service worker.
    await measure(page, url, true);
    // The baseline is the same browser on another origin for the same stand-in (localhost, where
    // the extension registered no content script): a separately launched browser differs in
    // profile and process model, and its long tasks with it.
    const baselinePage = await extension.context.newPage();
    await baselinePage.addInitScript({ content: INSTRUMENT });
    const withoutExtension = (address: string) => address.replace('//127.0.0.1:', '//localhost:');

    // GitLab's board is a Vue app mounted by script; a server-rendered board has its cards in the
    // HTML as it arrives, where the content script has the least time. Both are measured.
    const variants = [
      { name: 'board mounted by script', url },
      { name: 'board in the served HTML', url: `${url}?sandbox_static=1` },
    ];
    for (const variant of variants) {
      console.log(`\n${variant.name}:`);
      // Interleaved, so that the machine's slower and quieter moments fall on both sides alike.
      const samples: Sample[] = [];
      const baseline: Sample[] = [];
      for (let i = 0; i < runs; i++) {
        samples.push(await measure(page, variant.url, true));
        baseline.push(await measure(baselinePage, withoutExtension(variant.url), false));
      }
      const ours = report('extension', samples);
      const theirs = report('baseline (no extension)', baseline);
      if (variant === variants[0]) {
        const [heapWith, heapWithout] = [await heapAfterGc(page), await heapAfterGc(baselinePage)];
        console.log(
          `JS heap of the board page after GC: ${mb(heapWith)} with the extension, ${mb(heapWithout)} without ` +
            `(the content script's share: ${mb(heapWith - heapWithout)})`,
        );
      }
      // The budget: the last badge within 100 ms of the last card being present. The page's own
      // render of the cards is the yardstick printed beside it.
      const renders = baseline.map((b) => b.renderedAt - b.cardsAt).sort((a, b) => a - b);
      const pageRenderMs = renders[Math.floor(renders.length / 2)]!;
      console.log(
        (ours.worstMs === 0
          ? `every badge was in before the frame that first showed the cards (budget: ${BUDGET_MS} ms after the last card); `
          : `worst: the last badge ${ours.worstMs.toFixed(0)} ms after the last card was present (budget ${BUDGET_MS} ms); `) +
          `the page alone takes ${pageRenderMs.toFixed(0)} ms (median) to render the cards; ` +
          `longest task after the cards rendered ${ours.worstTaskMs.toFixed(0)} ms, baseline ${theirs.worstTaskMs.toFixed(0)} ms`,
      );
      // The page's own render task swings by ±100 ms from run to run on this 2-core VM (the same
      // layout of the same 36,000 boxes: measured in traces, with and without the extension).
      // What the extension adds is read from the quietest run of each (the minimum), the
      // median printed beside it.
      const addedTaskMs = ours.quietRenderTaskMs - theirs.quietRenderTaskMs;
      console.log(
        `longest task of the first render: ${ours.quietRenderTaskMs.toFixed(0)} ms with the extension, ` +
          `${theirs.quietRenderTaskMs.toFixed(0)} ms without in the quietest run: ${addedTaskMs >= 0 ? '+' : ''}${addedTaskMs.toFixed(0)} ms (budget +${LONG_TASK_MS}); ` +
          `median ${ours.firstRenderTaskMs.toFixed(0)} ms and ${theirs.firstRenderTaskMs.toFixed(0)} ms`,
      );
      const noneInView = ours.worstVisibleMs === Number.NEGATIVE_INFINITY;
      console.log(
        noneInView
          ? 'no badged card in view (the fixture should have some)'
          : `badged cards in view: the last ${ours.worstVisibleMs <= 0 ? 'inside the first frame of the cards' : `${ours.worstVisibleMs.toFixed(0)} ms after the first frame`} ` +
              `(budget: that frame or the next, ${FRAME_MS.toFixed(1)} ms)`,
      );
      const tooSlow = ours.worstMs > BUDGET_MS || ours.worstVisibleMs > FRAME_MS || noneInView;
      const tooLong = ours.worstTaskMs > Math.max(LONG_TASK_MS, theirs.worstTaskMs) || addedTaskMs > LONG_TASK_MS;
      if (tooSlow || tooLong) process.exitCode = 1;
    }
  } finally {
    await extension?.close();
    await sandbox.close();
  }
}

await main();
