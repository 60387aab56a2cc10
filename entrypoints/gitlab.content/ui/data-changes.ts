/**
 * Pushes from the background ("a sync you waited for ended") fanned out to the overlays. Only
 * messages from our own background (same extension, not from a tab) are accepted.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isSettingsChangedPush, isSyncEndedPush, type SyncEndedPush } from '../../../utils/message-envelope';

const listeners = new Set<(push: SyncEndedPush) => void>();
const settingsListeners = new Set<() => void>();

export function listenForSyncPushes(ctx: ContentScriptContext): void {
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab) return;
    if (isSyncEndedPush(message)) for (const callback of listeners) callback(message);
    else if (isSettingsChangedPush(message)) for (const callback of settingsListeners) callback();
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}

/** Calls back for every sync that ended; each overlay decides whether it shows that scope. */
export function onSyncEnded(callback: (push: SyncEndedPush) => void): () => void {
  listeners.add(callback);
  return () => listeners.delete(callback);
}

/** Calls back when saved settings changed (say, the allocation rules): the answer may differ now. */
export function onSettingsChanged(callback: () => void): () => void {
  settingsListeners.add(callback);
  return () => settingsListeners.delete(callback);
}
