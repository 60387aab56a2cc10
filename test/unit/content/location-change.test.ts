// @vitest-environment happy-dom
/**
 * Protects when the content script acts on a client-side navigation
 * (entrypoints/gitlab.content/location-change.ts): only once the navigation has committed (the
 * Navigation API's `currententrychange`, or WXT's polling fallback), for the URL the tab is on,
 * never for the destination of a `navigate` event (which fires before commit, and also for
 * navigations that are then cancelled), and never for what a page script's event claims.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createLocationTracker, handleLocationChange, watchLocation } from '../../../entrypoints/gitlab.content/location-change';
import { createRunner } from '../../../entrypoints/gitlab.content/runner';
import type { Feature } from '../../../entrypoints/gitlab.content/feature';

/** happy-dom's document (pushState stays on its origin). */
const ORIGIN = location.origin;
const issueUrl = (iid: number) => `${ORIGIN}/g/p/-/issues/${iid}`;

/** The content script's wiring: the watcher feeds the real runner, which starts an issue feature. */
function runner() {
  const started: number[] = [];
  const aborted: number[] = [];
  const issue: Feature = { id: 'issue', include: ['issue'], init: () => {} };
  const runner = createRunner({
    features: [issue],
    start: (_feature, page, signal) => {
      started.push(page.iid!);
      signal.addEventListener('abort', () => aborted.push(page.iid!));
    },
    readBody: () => ({ page: 'projects:issues:show' }),
    gitlabBase: () => new URL(ORIGIN),
  });
  runner.update(new URL(location.href));
  return { started, aborted, update: (url: URL) => runner.update(url) };
}

/** What the page's router does: pushState (the URL commits at once). */
const pushState = (href: string) => history.pushState({}, '', href);

/** WXT's own event: made in the content script's world, with a URL object. */
function wxtEvent(newUrl: string): Event {
  return Object.assign(new Event('wxt:locationchange'), { newUrl: new URL(newUrl), oldUrl: new URL(location.href) });
}

beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState({}, '', issueUrl(1));
});

describe('createLocationTracker', () => {
  it('reports the URL the tab is on once per change, and nothing when it did not change', () => {
    const seen: string[] = [];
    const tracker = createLocationTracker((url) => seen.push(url.href));
    tracker.check();
    expect(seen).toEqual([]);
    pushState(issueUrl(2));
    tracker.check();
    tracker.check();
    expect(seen).toEqual([issueUrl(2)]);
  });
});

describe('handleLocationChange (WXT events)', () => {
  it('looks at the address bar for WXT\'s event, whatever its newUrl says', () => {
    const { started, update } = runner();
    const tracker = createLocationTracker(update);
    // WXT's event for a navigation that has not committed (or was cancelled): nothing moves.
    handleLocationChange(wxtEvent(issueUrl(2)), () => tracker.check());
    expect(started).toEqual([1]);
    pushState(issueUrl(2));
    handleLocationChange(wxtEvent(issueUrl(2)), () => tracker.check());
    expect(started).toEqual([1, 2]);
  });

  it.each([
    // What a page script's event looks like from the content script: its expandos stay in the page's world.
    ['no newUrl', new CustomEvent('wxt:locationchange')],
    ['a string newUrl', Object.assign(new CustomEvent('wxt:locationchange'), { newUrl: issueUrl(3) })],
    ['a URL-like object', Object.assign(new CustomEvent('wxt:locationchange'), { newUrl: { href: issueUrl(3) } })],
  ])('ignores an event with %s: nothing throws and nothing is checked', (_what, event) => {
    let checks = 0;
    expect(() => handleLocationChange(event, () => checks++)).not.toThrow();
    expect(checks).toBe(0);
  });
});

describe('watchLocation', () => {
  let ctx: ContentScriptContext;
  const globals = globalThis as { navigation?: EventTarget };
  let navigation: EventTarget;

  beforeEach(() => {
    ctx = new ContentScriptContext('test');
    // happy-dom has no Navigation API: a stand-in target the tests fire its events on.
    navigation = new EventTarget();
    globals.navigation = navigation;
  });

  afterEach(() => {
    ctx.abort();
    delete globals.navigation;
  });

  it('with the Navigation API: acts on currententrychange, for the committed URL, not on navigate', () => {
    const { started, aborted, update } = runner();
    watchLocation(ctx, update);

    // `navigate` fires before the navigation commits, and for navigations then cancelled.
    navigation.dispatchEvent(Object.assign(new Event('navigate', { cancelable: true }), { destination: { url: issueUrl(2) } }));
    expect(started).toEqual([1]);
    expect(aborted).toEqual([]);

    pushState(issueUrl(2));
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(started).toEqual([1, 2]);
    expect(aborted).toEqual([1]);

    // A page script's forged event while the URL stays: nothing restarts.
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(started).toEqual([1, 2]);
  });

  it('does not rely on WXT\'s navigate-based event when the Navigation API is there', () => {
    const { started, update } = runner();
    watchLocation(ctx, update);
    pushState(issueUrl(2));
    window.dispatchEvent(wxtEvent(issueUrl(2)));
    expect(started).toEqual([1]);
  });

  it('without the Navigation API: acts on popstate and on WXT\'s (polling) event, for the committed URL', () => {
    delete globals.navigation;
    const { started, update } = runner();
    watchLocation(ctx, update);
    // WXT dispatches its event under a name unique to the extension and entrypoint.
    const wxtName = `${fakeBrowser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:locationchange`;

    pushState(issueUrl(2));
    window.dispatchEvent(Object.assign(new Event(wxtName), { newUrl: new URL(issueUrl(2)) }));
    expect(started).toEqual([1, 2]);

    history.replaceState({}, '', issueUrl(3));
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(started).toEqual([1, 2, 3]);
  });

  it('stops when the extension goes away (context invalidated)', () => {
    const { started, update } = runner();
    watchLocation(ctx, update);
    ctx.abort();
    pushState(issueUrl(2));
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(started).toEqual([1]);
  });
});
