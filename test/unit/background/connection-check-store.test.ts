/** The kept connection test (utils/background/connection-check-store.ts): read back as written, nothing odd let through. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadConnectionCheck, saveConnectionCheck } from '../../../utils/background/connection-check-store';
import type { ConnectionCheck } from '../../../utils/messages';

const check: ConnectionCheck = {
  gitlabUrl: 'https://gitlab.example.com',
  checkedAt: '2026-12-01T12:00:00.000Z',
  savedConnection: true,
  report: { ok: true, gitlabUrl: 'https://gitlab.example.com', user: { username: 'ada', name: 'Ada' }, token: { name: 'lens', scopes: ['read_api'], expiresAt: '2026-12-10' } },
};

describe('connection check store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the last check in storage.local and forgets it', async () => {
    expect(await loadConnectionCheck()).toBeNull();
    await saveConnectionCheck(check);
    expect(await loadConnectionCheck()).toEqual(check);
    expect(await fakeBrowser.storage.local.get('connectionCheck')).toEqual({ connectionCheck: check });
    await saveConnectionCheck(null);
    expect(await loadConnectionCheck()).toBeNull();
  });

  it('reads something that is not a check as none', async () => {
    await fakeBrowser.storage.local.set({ connectionCheck: { checkedAt: 5 } });
    expect(await loadConnectionCheck()).toBeNull();
  });
});
