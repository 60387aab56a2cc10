import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DAILY_SYNC_ALARM } from '../../../utils/background/alarms';
import { loadSettings, saveSettings, tokenVault } from '../../../utils/background/settings-store';
import { DEFAULT_SETTINGS } from '../../../utils/settings';

const registered = new Map<string, object>();

// What every start of the service worker does, whatever woke it (issue #7, items 3 and 8).

async function startBackground(): Promise<void> {
  vi.resetModules();
  const background = (await import('../../../entrypoints/background/index')).default;
  await background.main();
}

beforeEach(async () => {
  fakeBrowser.reset();
  // Not in WXT's fake browser; the start only registers listeners on them.
  Object.assign(fakeBrowser.permissions.onRemoved, { addListener: vi.fn() });
  Object.assign(fakeBrowser.runtime.onConnect, { addListener: vi.fn() });
  // A small in-memory scripting API: registered content scripts by id.
  registered.clear();
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => ids.flatMap((id) => registered.get(id) ?? []),
    registerContentScripts: async (scripts: Array<{ id: string }>) => scripts.forEach((script) => registered.set(script.id, script)),
    updateContentScripts: async (scripts: Array<{ id: string }>) => scripts.forEach((script) => registered.set(script.id, { ...registered.get(script.id), ...script })),
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => ids.forEach((id) => registered.delete(id)),
  });
  await tokenVault.clear();
});

describe('at every start of the background', () => {
  it('creates the daily sync alarm, not only on install (browsers may drop alarms)', async () => {
    await startBackground();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(DAILY_SYNC_ALARM)).toMatchObject({ periodInMinutes: 1440 }));

    // A browser restart that lost the alarm: the next start puts it back.
    await fakeBrowser.alarms.clearAll();
    await startBackground();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(DAILY_SYNC_ALARM)).toBeDefined());
  });

  it('registers the content script for the configured GitLab at document_start, replacing the old self-managed one', async () => {
    registered.set('gitlab-self-managed', { id: 'gitlab-self-managed', matches: ['https://gitlab.example.com/*'] });
    await startBackground();
    await vi.waitFor(() =>
      expect([...registered.values()]).toEqual([
        { id: 'gitlab', matches: ['https://gitlab.com/*'], js: ['content-scripts/gitlab.js'], runAt: 'document_start', persistAcrossSessions: true },
      ]),
    );
  });

  it('closes storage.local to content scripts where the browser can (Chrome 102+)', async () => {
    const setAccessLevel = vi.fn(async () => {});
    Object.assign(fakeBrowser.storage.local, { setAccessLevel });
    await startBackground();
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    delete (fakeBrowser.storage.local as { setAccessLevel?: unknown }).setAccessLevel;
  });
});

describe('where the token is stored', () => {
  it('keeps the token out of storage.local, where content scripts could read it', async () => {
    const saved = await saveSettings({ ...DEFAULT_SETTINGS, gitlabUrl: 'https://gitlab.example.com', token: 'glpat-secret' });
    expect(saved.ok).toBe(true);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('glpat-secret');
    expect(await tokenVault.read()).toEqual({ gitlabUrl: 'https://gitlab.example.com', token: 'glpat-secret' });
    expect((await loadSettings()).settings).toMatchObject({ gitlabUrl: 'https://gitlab.example.com', token: 'glpat-secret' });
  });

  it('hands the token only to the GitLab it was saved for', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, gitlabUrl: 'https://gitlab.example.com', token: 'glpat-secret' });
    expect(await tokenVault.tokenFor('https://gitlab.example.com')).toBe('glpat-secret');
    expect(await tokenVault.tokenFor('https://other.example.com')).toBe('');
    // Settings that now name another GitLab (saved without a token) get no token.
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, token: undefined, gitlabUrl: 'https://other.example.com' } });
    expect((await loadSettings()).settings.token).toBe('');
  });

  it('keeps one parsed copy in memory, dropped when the stored settings change', async () => {
    // A fresh module, as in a starting worker (fakeBrowser.reset() dropped the earlier one's watch).
    vi.resetModules();
    const { loadSettings, saveSettings } = await import('../../../utils/background/settings-store');
    await saveSettings({ ...DEFAULT_SETTINGS, gitlabUrl: 'https://gitlab.example.com', token: 'glpat-secret', kpi: { windowDays: 30 } });
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    await loadSettings();
    await loadSettings();
    expect(reads).toHaveBeenCalledTimes(1);
    const stored = (await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown>;
    await fakeBrowser.storage.local.set({ settings: { ...stored, kpi: { windowDays: 45 } } });
    await vi.waitFor(async () => expect((await loadSettings()).settings.kpi.windowDays).toBe(45));
    reads.mockRestore();
  });

  it('moves a token saved by an earlier version out of storage.local', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, gitlabUrl: 'https://gitlab.example.com', token: 'glpat-legacy' } });
    vi.resetModules();
    const store = await import('../../../utils/background/settings-store');
    expect((await store.loadSettings()).settings.token).toBe('glpat-legacy');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('glpat-legacy');
    expect(await store.tokenVault.read()).toEqual({ gitlabUrl: 'https://gitlab.example.com', token: 'glpat-legacy' });
  });
});
