/**
 * How every feature that waits for, or keeps a host beside, something GitLab renders learns that
 * the page changed (issue 9): one watcher for the whole content script.
 *
 * Measured on the stand-in's board with its 1,000 cards in the HTML: a single empty
 * MutationObserver on the document's subtree, in the content script's world, makes the browser's
 * parsing of that page 60–70 ms longer (a record per parsed node, handed to our world), while an
 * empty content script costs nothing measurable. So:
 * - while the document is still being parsed, listeners are called once per animation frame
 *   (the frame callback runs before the browser lays out and paints what the parser added, so a
 *   host put in then is in the anchor's first frame) and once when parsing ends;
 * - after that (GitLab mounts its Vue apps and re-renders them), one MutationObserver calls them
 *   with every batch of mutations, in its microtask, before the browser paints them.
 * Listeners get no records: walking them touches every node from our world (a wrapper each). A
 * native query per call, or a check of what the listener placed, is cheaper.
 */

export type DomListener = () => void;

const listeners = new Set<DomListener>();
let observer: MutationObserver | null = null;
let frame = 0;
let waitingForParse = false;

function notify(): void {
  for (const listener of [...listeners]) {
    try {
      listener();
    } catch (error) {
      // One feature's bug must not keep the others from seeing the page.
      console.error('[Engineering Lens]', error);
    }
  }
}

function onFrame(): void {
  frame = 0;
  notify();
  if (listeners.size && document.readyState === 'loading') frame = requestAnimationFrame(onFrame);
}

function onParsed(): void {
  waitingForParse = false;
  cancelAnimationFrame(frame);
  frame = 0;
  if (!listeners.size) return;
  start();
  notify();
}

function start(): void {
  if (document.readyState === 'loading') {
    if (!frame) frame = requestAnimationFrame(onFrame);
    if (!waitingForParse) {
      waitingForParse = true;
      document.addEventListener('DOMContentLoaded', onParsed, { once: true });
    }
    return;
  }
  if (observer) return;
  observer = new MutationObserver(notify);
  observer.observe(document, { childList: true, subtree: true });
}

function stopAll(): void {
  observer?.disconnect();
  observer = null;
  cancelAnimationFrame(frame);
  frame = 0;
  if (waitingForParse) document.removeEventListener('DOMContentLoaded', onParsed);
  waitingForParse = false;
}

/**
 * Calls `listener` whenever the document may have changed (see above) until the returned function
 * is called or `signal` aborts.
 */
export function watchDom(listener: DomListener, signal?: AbortSignal): () => void {
  if (signal?.aborted) return () => {};
  // A wrapper per registration: the same function registered twice is two listeners.
  const entry: DomListener = () => listener();
  listeners.add(entry);
  start();
  const stop = () => {
    signal?.removeEventListener('abort', stop);
    if (!listeners.delete(entry) || listeners.size) return;
    stopAll();
  };
  signal?.addEventListener('abort', stop, { once: true });
  return stop;
}

/** How many listeners the watcher has (for tests of ownership). */
export function domListenerCount(): number {
  return listeners.size;
}

/** Whether the watcher observes the page now (an observer or a frame loop). */
export function domWatchActive(): boolean {
  return observer !== null || frame !== 0 || waitingForParse;
}
