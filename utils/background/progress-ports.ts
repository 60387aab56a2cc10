/**
 * Sync progress streamed to the extension's own pages (the popup) over ports: they connect while
 * open and are told of each stored page, start and end, instead of polling the background every
 * second. Only our pages may listen: a content script (sender URL on GitLab) or another extension
 * is turned away.
 */
import { SYNC_PROGRESS_PORT, type SyncProgressPush } from '../messages';
import type { SyncProgress } from '../sync/runner';

/** The part of a runtime port used here (browser.runtime.Port). */
export interface ProgressPort {
  name: string;
  sender?: { id?: string; url?: string };
  postMessage(message: unknown): void;
  disconnect(): void;
  onDisconnect: { addListener(callback: () => void): void };
}

export function createProgressPorts(extension: { id: string; baseUrl: string }) {
  const ports = new Set<ProgressPort>();
  return {
    /** Takes a port that asked for progress; false when it is not one, or not from our pages. */
    accept(port: ProgressPort): boolean {
      if (port.name !== SYNC_PROGRESS_PORT) return false;
      if (port.sender?.id !== extension.id || !port.sender.url?.startsWith(extension.baseUrl)) {
        port.disconnect();
        return false;
      }
      ports.add(port);
      port.onDisconnect.addListener(() => ports.delete(port));
      return true;
    },

    post({ resourceId, phase, itemsInRun }: SyncProgress): void {
      const push: SyncProgressPush = { resourceId, phase, itemsInRun };
      for (const port of ports) {
        try {
          port.postMessage(push);
        } catch {
          // The page closed between its disconnect and our post.
          ports.delete(port);
        }
      }
    },

    get size(): number {
      return ports.size;
    },
  };
}
