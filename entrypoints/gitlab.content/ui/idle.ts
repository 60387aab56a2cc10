/**
 * Resolves when the page is idle (or after `timeoutMs`): for overlays that can wait, so their
 * work (and the background's answer to them) does not compete with the page's first render or
 * with the badges that have a time budget.
 */
export function afterIdle(timeoutMs = 1_000): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 200);
  });
}
