/**
 * The last connection test, kept for the options page (it shows it again, with its time, after a
 * reload). In `browser.storage.local` beside the settings: the GitLab URL, the user, the token's
 * name, scopes and expiry, or the error, and never the token itself. Only the background writes it.
 */
import { storage } from 'wxt/utils/storage';
import { connectionCheckSchema, type ConnectionCheck } from '../messages';

const checkItem = storage.defineItem<unknown>('local:connectionCheck', { fallback: null });

/** The kept test, or null when there is none (or what is stored no longer reads as one). */
export async function loadConnectionCheck(): Promise<ConnectionCheck | null> {
  const parsed = connectionCheckSchema.safeParse(await checkItem.getValue());
  return parsed.success ? parsed.data : null;
}

export async function saveConnectionCheck(check: ConnectionCheck | null): Promise<void> {
  if (check) await checkItem.setValue(check);
  else await checkItem.removeValue();
}
