/**
 * How the user left our UI on GitLab pages (issue 10: the KPI line "state remembered"), kept in
 * the extension's storage for every tab and browser restart. Only booleans: nothing from GitLab.
 */
import type { Handlers } from '../router';

type UiPrefsHandlers = Pick<Handlers, 'content:ui-prefs' | 'content:set-ui-prefs'>;

export interface UiPrefs {
  kpisOpen: boolean;
  /** The issue page's Suggested DRI panel: open until the user folds it. */
  driOpen: boolean;
}

export const DEFAULT_UI_PREFS: UiPrefs = { kpisOpen: false, driOpen: true };

export interface UiPrefsStore {
  load(): Promise<unknown>;
  save(prefs: UiPrefs): Promise<void>;
}

/** Stored prefs as they are, or the defaults for what is missing or not a boolean. */
export function readUiPrefs(stored: unknown): UiPrefs {
  const record = (stored ?? {}) as Record<string, unknown>;
  return {
    kpisOpen: typeof record.kpisOpen === 'boolean' ? record.kpisOpen : DEFAULT_UI_PREFS.kpisOpen,
    driOpen: typeof record.driOpen === 'boolean' ? record.driOpen : DEFAULT_UI_PREFS.driOpen,
  };
}

export function createUiPrefsHandlers(store: UiPrefsStore): UiPrefsHandlers {
  return {
    'content:ui-prefs': async () => readUiPrefs(await store.load().catch(() => null)),
    'content:set-ui-prefs': async (changes) => {
      const current = readUiPrefs(await store.load().catch(() => null));
      await store.save({
        kpisOpen: changes.kpisOpen ?? current.kpisOpen,
        driOpen: changes.driOpen ?? current.driOpen,
      });
      return {};
    },
  };
}
