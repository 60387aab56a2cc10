/**
 * The e2e setting for numbers checked by hand: an empty stand-in (no seeded issues or MRs) plus
 * the hand-made history of kpi-fixture.ts in web-app, and a team of three engineers.
 */
import type { Page } from '@playwright/test';
import { PROJECT_PATHS, READ_TOKEN, startSandbox, type Sandbox } from '../gitlab-sandbox/index';
import { configure, test } from './fixtures';
import { FIXTURE_ENGINEERS, kpiFixture } from './kpi-fixture';

export const kpiTest = test.extend<{ sandbox: Sandbox }>({
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ port: 0, scale: { issuesPerProject: 0, mergeRequestsPerProject: 0 } });
    sandbox.controls.addFixtures(kpiFixture(PROJECT_PATHS.webApp));
    await use(sandbox);
    await sandbox.close();
  },
});

/** Sets the extension up for the stand-in with the fixture's engineers. */
export async function setUpKpiTeam(sandbox: Sandbox, openOptions: () => Promise<Page>): Promise<void> {
  const options = await openOptions();
  await options.getByLabel('Engineers').fill(FIXTURE_ENGINEERS.join('\n'));
  await configure(options, sandbox.url, READ_TOKEN);
}

/**
 * Records layout shifts of GitLab's own elements (CLS entries; nodes inside our shadow roots are
 * reported as null or inside [data-lens]: our rows may reflow as their numbers arrive). Each
 * entry says where the element was and went, and when: enough to tell which insertion moved it.
 */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Source = { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
    const moved: string[] = [];
    (window as unknown as { __moved: string[] }).__moved = moved;
    const at = (rect: DOMRectReadOnly) => `(${Math.round(rect.x)},${Math.round(rect.y)})`;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        // A shift right after the user's own click or key (opening our KPI line) is expected,
        // as CLS counts it: only shifts nobody asked for are recorded.
        if ((entry as unknown as { hadRecentInput: boolean }).hadRecentInput) continue;
        for (const source of (entry as unknown as { sources: Source[] }).sources) {
          const element = source.node instanceof Element ? source.node : (source.node?.parentElement ?? null);
          if (!element || element.closest('[data-lens]')) continue;
          const move = `${at(source.previousRect)}→${at(source.currentRect)} at ${Math.round(entry.startTime)} ms`;
          moved.push(`${element.tagName}.${element.className} ${move}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** GitLab elements that moved since the page loaded. */
export function movedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __moved: string[] }).__moved);
}
