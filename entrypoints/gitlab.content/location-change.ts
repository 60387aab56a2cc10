/**
 * Client-side navigations (Vue Router pushState, `?show=` drawers, back and forward), acted on
 * once they have committed: the features of a URL start only when the tab is on that URL.
 *
 * Not WXT's `wxt:locationchange` where the Navigation API exists: WXT dispatches it from the
 * Navigation API's `navigate` event (node_modules/wxt/dist/utils/internal/location-watcher.mjs),
 * which fires before the navigation commits, for navigations that are then cancelled or
 * intercepted, and for cross-document navigations too, so the next URL's features mounted into
 * the page being left. `currententrychange` fires after a same-document navigation has committed
 * (push, replace, traverse, reload of the entry) and never for one that leaves the document.
 * Without the Navigation API (Firefox before it shipped it) WXT polls `location.href` once a
 * second, which only ever sees committed URLs; popstate makes back and forward immediate.
 *
 * Events are only a hint: the URL always comes from `location.href`, never from the event. The
 * page shares `window` and `navigation` with us and can dispatch events of these names (even
 * WXT's, whose real name `<extension id>:<entrypoint>:wxt:locationchange` is no secret); a forged
 * event can make us look at the address bar again, nothing more.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Calls `update` with the tab's URL whenever a check finds it changed since the last one. */
export function createLocationTracker(update: (url: URL) => void, current: () => string = () => location.href) {
  let last = current();
  return {
    check(): void {
      const href = current();
      if (href === last) return;
      last = href;
      update(new URL(href));
    },
  };
}

/**
 * WXT's `wxt:locationchange` (the fallback without the Navigation API), checked before it is
 * trusted as a hint. Properties a page sets on its event live in the page's JavaScript world and
 * are invisible here, so a page's event has no `newUrl`; only WXT's own event carries a URL made
 * in this world. Anything else is ignored: the page must not be able to throw inside our script.
 */
export function handleLocationChange(event: Event, check: () => void): void {
  const { newUrl } = event as Event & { newUrl?: unknown };
  if (!(newUrl instanceof URL)) return;
  check();
}

/** Watches for committed client-side navigations until the context is invalidated. */
export function watchLocation(ctx: ContentScriptContext, update: (url: URL) => void): void {
  const tracker = createLocationTracker(update);
  const check = () => {
    if (!ctx.isInvalid) tracker.check();
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    ctx.addEventListener(navigation, 'currententrychange', check);
    return;
  }
  ctx.addEventListener(window, 'popstate', check);
  ctx.addEventListener(window, 'wxt:locationchange', (event) => handleLocationChange(event, check));
}
