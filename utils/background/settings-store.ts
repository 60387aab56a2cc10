/**
 * The thin adapter between settings and the browser's storage. Settings without the token are a
 * versioned WXT storage item in `browser.storage.local` (never sync storage); the token is in the
 * token vault, which content scripts cannot read (token-vault.ts). Only the background writes
 * either. The worker keeps one parsed copy in memory; a change to the stored item (a storage
 * watch) or a save drops it, so requests do not re-read and re-parse storage.
 */
import { storage } from 'wxt/utils/storage';
import { parseSettings, settingsFromStorage, type FieldErrors, type Settings, type StoredSettings } from '../settings';
import { createTokenVault, type TokenVault } from './token-vault';

export const tokenVault: TokenVault = createTokenVault();

/**
 * v1 (0.1): `{ version: 1, gitlabUrl, token, team, kpi, sync }`, the token inside.
 * v2: the same sections without `version` (WXT keeps it) and without the token (in the vault).
 */
const settingsItem = storage.defineItem<Record<string, unknown> | null>('local:settings', {
  fallback: null,
  version: 2,
  migrations: {
    2: async (v1: Record<string, unknown>) => {
      const { token, version: _version, ...rest } = v1;
      if (typeof token === 'string' && token && !(await tokenVault.read())) {
        const parsed = parseSettings({ ...rest, token });
        if (parsed.ok) await tokenVault.write({ gitlabUrl: parsed.settings.gitlabUrl, token: parsed.settings.token });
      }
      return rest;
    },
  },
});

let current: Promise<{ settings: Settings; problems: FieldErrors }> | null = null;
settingsItem.watch(() => {
  current = null;
});

async function read(): Promise<{ settings: Settings; problems: FieldErrors }> {
  const stored = await settingsItem.getValue();
  const { settings, problems } = settingsFromStorage(stored ? { ...stored, token: '' } : stored);
  return { settings: { ...settings, token: await tokenVault.tokenFor(settings.gitlabUrl) }, problems };
}

export function loadSettings(): Promise<{ settings: Settings; problems: FieldErrors }> {
  const loading = (current ??= read());
  // A failed read is not kept: the next request tries again.
  loading.catch(() => {
    if (current === loading) current = null;
  });
  return loading;
}

/** Validates, then writes; invalid input never replaces saved settings. */
export async function saveSettings(candidate: unknown): Promise<{ ok: true; settings: Settings } | { ok: false; fieldErrors: FieldErrors }> {
  const parsed = parseSettings(candidate);
  if (!parsed.ok) return parsed;
  const { token, ...rest } = parsed.settings;
  const stored: StoredSettings = rest;
  try {
    // Either order is safe: the vault hands a token only to the GitLab URL stored beside it.
    await settingsItem.setValue(stored);
    await tokenVault.write({ gitlabUrl: rest.gitlabUrl, token });
  } finally {
    current = null;
  }
  return parsed;
}

/** The token saved for this GitLab URL; '' when none is, or it belongs to another GitLab. */
export function tokenFor(gitlabUrl: string): Promise<string> {
  return tokenVault.tokenFor(gitlabUrl);
}
