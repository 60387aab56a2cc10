/**
 * Resolves with the first element matching any selector, now or once GitLab's late-mounting
 * Vue apps render it; null when the signal aborts or nothing appears in time (features then
 * stay silent, SPEC §1).
 */
import { firstMatch } from '../../../utils/page/anchors';
import { watchDom } from './dom-watch';

export function waitForElement(
  selectors: readonly string[],
  signal: AbortSignal,
  { root = document as ParentNode, timeoutMs = 30_000 } = {},
): Promise<Element | null> {
  const found = firstMatch(root, selectors);
  if (found || signal.aborted) return Promise.resolve(found);
  return new Promise((resolve) => {
    const finish = (element: Element | null) => {
      stopWatching();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(element);
    };
    const onAbort = () => finish(null);
    // One native query per batch of mutations (a board adds thousands of nodes in a few batches).
    const stopWatching = watchDom(() => {
      const element = firstMatch(root, selectors);
      if (element) finish(element);
    });
    const timer = setTimeout(() => finish(null), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves once <body> exists (a document_start script runs before the parser reaches it). */
export function bodyReady(): Promise<void> {
  if (document.body) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.documentElement, { childList: true });
  });
}
