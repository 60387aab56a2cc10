/**
 * How the user left our UI on GitLab pages (issue 10: the KPI line "state remembered"), kept in
 * the extension's storage for every tab and browser restart. Only booleans: nothing from GitLab.
 */
import type { Handlers } from '../router';

type UiPrefsHandlers = Pick<Handlers, 'content:ui-prefs' | 'content:set-ui-prefs'>;

export interface UiPrefs {
  kpisOpen: boolean;
}

export const DEFAULT_UI_PREFS: UiPrefs = { kpisOpen: false };

export interface UiPrefsStore {
  load(): Promise<unknown>;
  save(prefs: UiPrefs): Promise<void>;
}

/** Stored prefs as they are, or the defaults for what is missing or not a boolean. */
export function readUiPrefs(stored: unknown): UiPrefs {
  const record = (stored ?? {}) as Record<string, unknown>;
  return { kpisOpen: typeof record.kpisOpen === 'boolean' ? record.kpisOpen : DEFAULT_UI_PREFS.kpisOpen };
}

export function createUiPrefsHandlers(store: UiPrefsStore): UiPrefsHandlers {
  return {
    'content:ui-prefs': async () => readUiPrefs(await store.load().catch(() => null)),
    'content:set-ui-prefs': async ({ kpisOpen }) => {
      await store.save({ ...readUiPrefs(await store.load().catch(() => null)), kpisOpen });
      return {};
    },
  };
}
