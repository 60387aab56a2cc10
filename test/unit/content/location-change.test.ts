import { describe, expect, it } from 'vitest';
import { handleLocationChange } from '../../../entrypoints/gitlab.content/location-change';
import { createRunner } from '../../../entrypoints/gitlab.content/runner';
import type { Feature } from '../../../entrypoints/gitlab.content/feature';

const NAME = 'wxt:locationchange';

/** The content script's wiring: the listener feeds the real runner, which starts an issue feature. */
function setUp() {
  const started: number[] = [];
  const issue: Feature = { id: 'issue', include: ['issue'], init: () => {} };
  const runner = createRunner({
    features: [issue],
    start: (_feature, page) => started.push(page.iid!),
    readBody: () => ({ page: 'projects:issues:show' }),
    gitlabBase: () => new URL('https://gitlab.example.com'),
  });
  runner.update(new URL('https://gitlab.example.com/g/p/-/issues/1'));
  const listener = (event: Event) => handleLocationChange(event, (url) => runner.update(url));
  return { started, listener };
}

/** WXT's own event: made in the content script's world, with the destination as a URL. */
function wxtEvent(href: string): Event {
  return Object.assign(new Event(NAME), { newUrl: new URL(href), oldUrl: new URL('https://gitlab.example.com/g/p/-/issues/1') });
}

describe('location changes', () => {
  it('restarts the features for the page WXT says the tab went to', () => {
    const { started, listener } = setUp();
    listener(wxtEvent('https://gitlab.example.com/g/p/-/issues/2'));
    expect(started).toEqual([1, 2]);
  });

  it.each([
    // What a page script's event looks like from the content script: its expandos stay in the page's world.
    ['no newUrl', new CustomEvent(NAME)],
    ['a string newUrl', Object.assign(new CustomEvent(NAME), { newUrl: 'https://gitlab.example.com/g/p/-/issues/3' })],
    ['a URL-like object', Object.assign(new CustomEvent(NAME), { newUrl: { href: 'https://gitlab.example.com/g/p/-/issues/3' } })],
  ])('ignores an event with %s: nothing throws and nothing restarts', (_what, event) => {
    const { started, listener } = setUp();
    expect(() => listener(event)).not.toThrow();
    expect(started).toEqual([1]);
  });
});
