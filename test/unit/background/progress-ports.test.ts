/**
 * Protects the sync progress stream to the popup (utils/background/progress-ports.ts): our own
 * pages get every update while connected and nothing after; content scripts and other
 * extensions are turned away.
 */
import { describe, expect, it, vi } from 'vitest';
import { createProgressPorts, type ProgressPort } from '../../../utils/background/progress-ports';
import { SYNC_PROGRESS_PORT } from '../../../utils/messages';

const EXTENSION = { id: 'lens-id', baseUrl: 'chrome-extension://lens-id/' };

function port(sender: ProgressPort['sender'], name = SYNC_PROGRESS_PORT) {
  const onDisconnect: (() => void)[] = [];
  return {
    name,
    sender,
    postMessage: vi.fn(),
    disconnect: vi.fn(),
    onDisconnect: { addListener: (callback: () => void) => void onDisconnect.push(callback) },
    /** The page closed. */
    close: () => onDisconnect.forEach((callback) => callback()),
  };
}

describe('sync progress ports', () => {
  it('streams each update to the popup while it is open, and nothing after it closes', () => {
    const ports = createProgressPorts(EXTENSION);
    const popup = port({ id: 'lens-id', url: 'chrome-extension://lens-id/popup.html' });
    expect(ports.accept(popup)).toBe(true);
    ports.post({ resourceId: 'issues:project:7', phase: 'page', itemsInRun: 100 });
    expect(popup.postMessage).toHaveBeenCalledWith({ resourceId: 'issues:project:7', phase: 'page', itemsInRun: 100 });
    popup.close();
    ports.post({ resourceId: 'issues:project:7', phase: 'done', itemsInRun: 180 });
    expect(popup.postMessage).toHaveBeenCalledTimes(1);
    expect(ports.size).toBe(0);
  });

  it('turns away a content script on GitLab and another extension, and ignores other ports', () => {
    const ports = createProgressPorts(EXTENSION);
    const page = port({ id: 'lens-id', url: 'https://gitlab.example.com/g/p/-/boards/1' });
    const stranger = port({ id: 'other-id', url: 'chrome-extension://other-id/popup.html' });
    const other = port({ id: 'lens-id', url: 'chrome-extension://lens-id/popup.html' }, 'something-else');
    expect([ports.accept(page), ports.accept(stranger), ports.accept(other)]).toEqual([false, false, false]);
    expect(page.disconnect).toHaveBeenCalled();
    expect(stranger.disconnect).toHaveBeenCalled();
    ports.post({ resourceId: 'issues:project:7', phase: 'page', itemsInRun: 1 });
    expect(page.postMessage).not.toHaveBeenCalled();
    expect(stranger.postMessage).not.toHaveBeenCalled();
    expect(ports.size).toBe(0);
  });

  it('drops a port whose page closed before it could say so', () => {
    const ports = createProgressPorts(EXTENSION);
    const popup = port({ id: 'lens-id', url: 'chrome-extension://lens-id/popup.html' });
    popup.postMessage.mockImplementation(() => {
      throw new Error('Attempting to use a disconnected port object');
    });
    ports.accept(popup);
    expect(() => ports.post({ resourceId: 'mrs', phase: 'started', itemsInRun: 0 })).not.toThrow();
    expect(ports.size).toBe(0);
  });
});
