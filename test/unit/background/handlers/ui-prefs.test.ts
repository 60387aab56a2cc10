/** Protects the remembered UI state (utils/background/handlers/ui-prefs.ts): kept, defaulted, validated. */
import { describe, expect, it } from 'vitest';
import { createUiPrefsHandlers, readUiPrefs } from '../../../../utils/background/handlers/ui-prefs';

const sender = { tab: { id: 1 } };

describe('UI prefs', () => {
  it('folds the KPI line until the user opens it, then remembers it for every tab', async () => {
    let stored: unknown;
    const handlers = createUiPrefsHandlers({ load: async () => stored, save: async (prefs) => void (stored = prefs) });
    expect(await handlers['content:ui-prefs']({}, sender)).toEqual({ kpisOpen: false });
    await handlers['content:set-ui-prefs']({ kpisOpen: true }, sender);
    expect(await handlers['content:ui-prefs']({}, sender)).toEqual({ kpisOpen: true });
    expect(stored).toEqual({ kpisOpen: true });
  });

  it('reads garbage or a failing storage as the defaults', async () => {
    expect(readUiPrefs({ kpisOpen: 'yes' })).toEqual({ kpisOpen: false });
    expect(readUiPrefs(null)).toEqual({ kpisOpen: false });
    const failing = createUiPrefsHandlers({ load: async () => Promise.reject(new Error('quota')), save: async () => {} });
    expect(await failing['content:ui-prefs']({}, sender)).toEqual({ kpisOpen: false });
  });
});
