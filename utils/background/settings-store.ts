/**
 * The thin adapter between settings and `browser.storage.local` (never sync storage: the
 * token is in here). Only the background writes it.
 */
import { browser } from 'wxt/browser';
import { parseSettings, settingsFromStorage, type FieldErrors, type Settings } from '../settings';

const KEY = 'settings';

export async function loadSettings(): Promise<{ settings: Settings; problems: FieldErrors }> {
  const stored = await browser.storage.local.get(KEY);
  return settingsFromStorage(stored[KEY]);
}

/** Validates, then writes; invalid input never replaces saved settings. */
export async function saveSettings(candidate: unknown): Promise<{ ok: true; settings: Settings } | { ok: false; fieldErrors: FieldErrors }> {
  const parsed = parseSettings(candidate);
  if (!parsed.ok) return parsed;
  await browser.storage.local.set({ [KEY]: parsed.settings });
  return parsed;
}

export async function readToken(): Promise<string> {
  return (await loadSettings()).settings.token;
}
