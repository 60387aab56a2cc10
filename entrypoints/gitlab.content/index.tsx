/**
 * Runs the overlays for the detected GitLab page and again after client-side navigation
 * (Vue Router pushState, `?show=` drawers: DOM.md §7). Injected statically on gitlab.com and at
 * run time on the configured self-managed origin (utils/background/content-script-registration.ts).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readBodyData } from '../../utils/page/detect';
import { sendMessage } from '../../utils/send-message';
import { runFeature } from './feature';
import { createRunner } from './runner';
import { features } from './features';
import { listenForSyncPushes } from './data-changes';
import { handleLocationChange } from './location-change';

export default defineContentScript({
  matches: ['https://gitlab.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const gitlab = await sendMessage('content:status', {}).catch(() => null);
    if (!gitlab || ctx.isInvalid) return;
    listenForSyncPushes(ctx);
    const runner = createRunner({
      features,
      start: (feature, page, signal) => void runFeature(feature, { page, signal, ctx, gitlab }),
      readBody: () => readBodyData(document.body),
      gitlabBase: gitlab.gitlabUrl ? new URL(gitlab.gitlabUrl) : null,
    });
    ctx.onInvalidated(() => runner.stop());
    runner.update(new URL(location.href));
    // The Navigation API's navigate event (behind wxt:locationchange) fires before
    // location.href changes: take the destination from the event (if it is WXT's, see
    // location-change.ts).
    ctx.addEventListener(window, 'wxt:locationchange', (event) => handleLocationChange(event, (url) => runner.update(url)));
  },
});
