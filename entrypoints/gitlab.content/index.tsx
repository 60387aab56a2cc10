/**
 * Runs the overlays for the detected GitLab page and again after client-side navigation
 * (Vue Router pushState, `?show=` drawers: DOM.md §7). Injected statically on gitlab.com and at
 * run time on the configured self-managed origin (utils/background/content-script-registration.ts).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectPage, readBodyData, type PageInfo } from '../../utils/page/detect';
import { sendMessage } from '../../utils/send-message';
import { runFeature, type FeatureContext } from './feature';
import { features } from './features';
import { listenForDataChanges } from './data-changes';

export default defineContentScript({
  matches: ['https://gitlab.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const gitlab = await sendMessage('content:status', {}).catch(() => null);
    if (!gitlab || ctx.isInvalid) return;
    listenForDataChanges(ctx);
    const runner = createRunner(ctx, gitlab);
    runner.update();
    // The Navigation API's navigate event (behind wxt:locationchange) fires before
    // location.href changes: take the destination from the event.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => runner.update(event.newUrl));
  },
});

function pageKey(page: PageInfo): string {
  return [page.kind, page.projectPath, page.groupPath, page.iid, page.boardId].join('|');
}

/** Restarts page features when the page changes and drawer features when the drawer changes. */
function createRunner(ctx: ContentScriptContext, gitlab: FeatureContext['gitlab']) {
  let pageRun: { key: string; controller: AbortController } | null = null;
  let drawerRun: { key: string; controller: AbortController } | null = null;
  const base = gitlab.gitlabUrl ? new URL(gitlab.gitlabUrl) : null;

  const start = (page: PageInfo, drawer: boolean) => {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    for (const feature of features) {
      if (!!feature.drawer !== drawer || !feature.include.includes(page.kind)) continue;
      void runFeature(feature, { page, signal: controller.signal, ctx, gitlab });
    }
    return controller;
  };

  return {
    update(url: URL = new URL(location.href)) {
      const page = detectPage(url, readBodyData(document.body), base?.origin === url.origin ? base : null);
      const key = pageKey(page);
      if (pageRun?.key !== key) {
        pageRun?.controller.abort();
        pageRun = { key, controller: start(page, false) };
      }
      const drawerKey = page.drawer ? `${key}|${page.drawer}` : '';
      if (drawerRun?.key !== drawerKey) {
        drawerRun?.controller.abort();
        drawerRun = drawerKey ? { key: drawerKey, controller: start(page, true) } : null;
      }
    },
  };
}
