/**
 * The thin adapter between settings and the browser's storage. Settings without the token go to
 * `browser.storage.local` (never sync storage); the token goes to the token vault, which content
 * scripts cannot read (token-vault.ts). Only the background writes either.
 */
import { browser } from 'wxt/browser';
import { parseSettings, settingsFromStorage, type FieldErrors, type Settings } from '../settings';
import { createTokenVault, type TokenVault } from './token-vault';

const KEY = 'settings';

export const tokenVault: TokenVault = createTokenVault();

/**
 * Versions before the vault kept the token inside the stored settings: move it to the vault
 * (unless the vault already holds one) and rewrite the settings without it. Runs at most once
 * per worker; later reads find nothing to move.
 */
let migration: Promise<void> | null = null;
function moveLegacyToken(): Promise<void> {
  return (migration ??= (async () => {
    const stored = (await browser.storage.local.get(KEY))[KEY] as Record<string, unknown> | undefined;
    if (!stored || typeof stored !== 'object' || !('token' in stored)) return;
    const { token, ...rest } = stored;
    if (typeof token === 'string' && token && typeof rest.gitlabUrl === 'string' && !(await tokenVault.read())) {
      const parsed = parseSettings({ ...rest, token });
      if (parsed.ok) await tokenVault.write({ gitlabUrl: parsed.settings.gitlabUrl, token: parsed.settings.token });
    }
    await browser.storage.local.set({ [KEY]: rest });
  })().catch((error: unknown) => {
    migration = null;
    throw error;
  }));
}

export async function loadSettings(): Promise<{ settings: Settings; problems: FieldErrors }> {
  await moveLegacyToken();
  const stored = (await browser.storage.local.get(KEY))[KEY] as Record<string, unknown> | undefined;
  const { settings, problems } = settingsFromStorage(stored && typeof stored === 'object' ? { ...stored, token: '' } : stored);
  return { settings: { ...settings, token: await tokenVault.tokenFor(settings.gitlabUrl) }, problems };
}

/** Validates, then writes; invalid input never replaces saved settings. */
export async function saveSettings(candidate: unknown): Promise<{ ok: true; settings: Settings } | { ok: false; fieldErrors: FieldErrors }> {
  const parsed = parseSettings(candidate);
  if (!parsed.ok) return parsed;
  const { token, ...rest } = parsed.settings;
  // Either order is safe: the vault hands a token only to the GitLab URL stored beside it.
  await browser.storage.local.set({ [KEY]: rest });
  await tokenVault.write({ gitlabUrl: rest.gitlabUrl, token });
  return parsed;
}

/** The token saved for this GitLab URL; '' when none is, or it belongs to another GitLab. */
export function tokenFor(gitlabUrl: string): Promise<string> {
  return tokenVault.tokenFor(gitlabUrl);
}
