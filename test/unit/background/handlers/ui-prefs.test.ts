/** Protects the remembered UI state (utils/background/handlers/ui-prefs.ts): kept, defaulted, validated. */
import { describe, expect, it } from 'vitest';
import { createUiPrefsHandlers, readUiPrefs } from '../../../../utils/background/handlers/ui-prefs';

const sender = { tab: { id: 1 } };

describe('UI prefs', () => {
  it('folds the KPI line until the user opens it, then remembers it for every tab', async () => {
    let stored: unknown;
    const handlers = createUiPrefsHandlers({ load: async () => stored, save: async (prefs) => void (stored = prefs) });
    expect(await handlers['content:ui-prefs']({}, sender)).toEqual({ kpisOpen: false, driOpen: true });
    await handlers['content:set-ui-prefs']({ kpisOpen: true }, sender);
    expect(await handlers['content:ui-prefs']({}, sender)).toEqual({ kpisOpen: true, driOpen: true });
    // Each preference is set on its own; the other is kept.
    await handlers['content:set-ui-prefs']({ driOpen: false }, sender);
    expect(await handlers['content:ui-prefs']({}, sender)).toEqual({ kpisOpen: true, driOpen: false });
    expect(stored).toEqual({ kpisOpen: true, driOpen: false });
  });

  it('reads garbage or a failing storage as the defaults', async () => {
    expect(readUiPrefs({ kpisOpen: 'yes', driOpen: 1 })).toEqual({ kpisOpen: false, driOpen: true });
    expect(readUiPrefs(null)).toEqual({ kpisOpen: false, driOpen: true });
    const failing = createUiPrefsHandlers({ load: async () => Promise.reject(new Error('quota')), save: async () => {} });
    expect(await failing['content:ui-prefs']({}, sender)).toEqual({ kpisOpen: false, driOpen: true });
  });
});
