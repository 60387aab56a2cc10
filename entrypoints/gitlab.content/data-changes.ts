/**
 * Pushes from the background ("the data you showed changed") fanned out to the overlays. Only
 * messages from our own background (same extension, not from a tab) are accepted.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isDataChangedPush } from '../../utils/message-envelope';

const changes = new EventTarget();

export function listenForDataChanges(ctx: ContentScriptContext): void {
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab) return;
    if (isDataChangedPush(message)) changes.dispatchEvent(new Event('change'));
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}

export function onDataChanged(callback: () => void): () => void {
  changes.addEventListener('change', callback);
  return () => changes.removeEventListener('change', callback);
}
