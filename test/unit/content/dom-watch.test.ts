// @vitest-environment happy-dom
/**
 * Protects the content script's one watcher of the page (entrypoints/gitlab.content/ui/dom-watch.ts):
 * while the document is parsed, listeners are called once per animation frame and once when
 * parsing ends, with no MutationObserver (each would cost the browser a record per parsed node);
 * afterwards one observer serves every listener; nothing observes once the last listener is gone.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { domListenerCount, domWatchActive, watchDom } from '../../../entrypoints/gitlab.content/ui/dom-watch';

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let observers = 0;
beforeEach(() => {
  observers = 0;
  const Native = globalThis.MutationObserver;
  vi.stubGlobal(
    'MutationObserver',
    class extends Native {
      constructor(callback: MutationCallback) {
        super(callback);
        observers++;
      }
    },
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('watchDom', () => {
  it('calls every listener after GitLab changes the page, through one observer', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const stops = [watchDom(first), watchDom(second)];
    document.body.append(document.createElement('div'));
    await settle();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    expect(observers).toBe(1);
    stops.forEach((stop) => stop());
  });

  it('stops calling a listener once stopped or its signal aborts, and observes nothing without listeners', async () => {
    const stopped = vi.fn();
    const aborted = vi.fn();
    const controller = new AbortController();
    const stop = watchDom(stopped);
    watchDom(aborted, controller.signal);
    expect(domListenerCount()).toBe(2);
    stop();
    controller.abort();
    document.body.append(document.createElement('div'));
    await settle();
    expect(stopped).not.toHaveBeenCalled();
    expect(aborted).not.toHaveBeenCalled();
    expect(domListenerCount()).toBe(0);
    expect(domWatchActive()).toBe(false);
  });

  it('keeps calling the other listeners when one throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const good = vi.fn();
    const stops = [
      watchDom(() => {
        throw new Error('a feature bug');
      }),
      watchDom(good),
    ];
    document.body.append(document.createElement('div'));
    await settle();
    expect(good).toHaveBeenCalledTimes(1);
    stops.forEach((stop) => stop());
  });

  it('while the page is parsed, calls listeners once per frame and when parsing ends, then observes', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const listener = vi.fn();
    const stop = watchDom(listener);
    document.body.append(document.createElement('div'));
    await settle();
    // No observer while parsing: the next frame tells.
    expect(observers).toBe(0);
    expect(listener).not.toHaveBeenCalled();
    vi.advanceTimersToNextFrame();
    expect(listener).toHaveBeenCalledTimes(1);
    vi.advanceTimersToNextFrame();
    expect(listener).toHaveBeenCalledTimes(2);

    readyState.mockReturnValue('interactive');
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(listener).toHaveBeenCalledTimes(3);
    // Parsed: frames no longer call it, mutations do.
    vi.advanceTimersToNextFrame();
    expect(listener).toHaveBeenCalledTimes(3);
    document.body.append(document.createElement('div'));
    await settle();
    expect(listener).toHaveBeenCalledTimes(4);
    expect(observers).toBe(1);
    stop();
    expect(domWatchActive()).toBe(false);
  });
});
