/**
 * Runs the overlays for the detected GitLab page and again after client-side navigation
 * (Vue Router pushState, `?show=` drawers: DOM.md §7). Registered at run time by the background
 * for the configured GitLab only, gitlab.com included, at document_start
 * (utils/background/content-script-registration.ts): the overlays' hosts must be ready before
 * GitLab renders its board or issue, or putting them in later would move GitLab's content. So
 * nothing here waits for the background before the features start.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readBodyData } from '../../utils/page/detect';
import { sendMessage } from '../../utils/send-message';
import { runFeature, type GitLabStatus } from './feature';
import { createRunner } from './runner';
import { features } from './features';
import { listenForSyncPushes } from './ui/data-changes';
import { watchLocation } from './location-change';
import { bodyReady } from './ui/wait-for-element';
import { followTheme } from './ui/theme';

export default defineContentScript({
  matches: ['https://gitlab.com/*'],
  registration: 'runtime',
  // No window.postMessage to the page on start: GitLab's own message listeners need not see us.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const gitlab: Promise<GitLabStatus | null> = sendMessage('content:status', {}).catch(() => null);
    await bodyReady();
    if (ctx.isInvalid) return;
    listenForSyncPushes(ctx);
    followTheme(ctx);
    let base: URL | null = null;
    const runner = createRunner({
      features,
      start: (feature, page, signal) => void runFeature(feature, { page, signal, ctx, gitlab }),
      readBody: () => readBodyData(document.body),
      gitlabBase: () => base,
    });
    ctx.onInvalidated(() => runner.stop());
    runner.update(new URL(location.href));
    // Client-side navigations, once committed (location-change.ts).
    watchLocation(ctx, (url) => runner.update(url));
    const status = await gitlab;
    if (ctx.isInvalid) return;
    // The background does not answer for this page (not the configured GitLab any more): stay out.
    if (!status) return runner.stop();
    // A GitLab below a path (https://host/gitlab): page paths are read relative to it from now on.
    base = new URL(status.gitlabUrl);
    if (base.pathname.replace(/\/+$/, '')) runner.update(new URL(location.href));
  },
});
