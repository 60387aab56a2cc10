/**
 * WXT's `wxt:locationchange` event, checked before the runner sees it. The event goes through
 * `window`, which the page shares with us, and its real name
 * (`<extension id>:<entrypoint>:wxt:locationchange`) is no secret: a page script can dispatch an
 * event of that name. Properties a page sets on its event live in the page's JavaScript world and
 * are invisible here, so such an event has no `newUrl`; only WXT's own event carries a URL made
 * in this world. Anything else is ignored: the page must not be able to throw inside our script.
 */
export function handleLocationChange(event: Event, update: (url: URL) => void): void {
  const { newUrl } = event as Event & { newUrl?: unknown };
  if (!(newUrl instanceof URL)) return;
  update(newUrl);
}
