/**
 * Where the personal access token lives: an IndexedDB database of the extension's own origin,
 * apart from the settings. Content scripts run with the GitLab page's origin, so they cannot
 * open it, in Chrome and Firefox alike (Firefox has no way to hide `storage.local` from content
 * scripts; Chrome's setAccessLevel is applied too, as a second wall: background/index.ts).
 *
 * The token is stored together with the GitLab URL it was saved for, in one record, so "the
 * token for GitLab X" is never another GitLab's token, even while settings are being changed.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

const VAULT_DB_NAME = 'engineering-lens-secrets';

interface SavedToken {
  /** The normalised GitLab URL the token belongs to (settings.gitlabUrl). */
  gitlabUrl: string;
  token: string;
}

interface VaultSchema extends DBSchema {
  secrets: { key: 'token'; value: SavedToken & { id: 'token' } };
}

export interface TokenVault {
  read(): Promise<SavedToken | null>;
  write(saved: SavedToken): Promise<void>;
  clear(): Promise<void>;
  /** The token saved for exactly this GitLab URL, or '' (none saved, or saved for another GitLab). */
  tokenFor(gitlabUrl: string): Promise<string>;
}

export function createTokenVault(name: string = VAULT_DB_NAME): TokenVault {
  let connection: Promise<IDBPDatabase<VaultSchema>> | null = null;
  const open = () =>
    (connection ??= openDB<VaultSchema>(name, 1, {
      upgrade(db) {
        db.createObjectStore('secrets', { keyPath: 'id' });
      },
      // Closed from elsewhere (deleted, upgraded): open again next time.
      blocking(_current, _next, event) {
        (event.target as IDBDatabase).close();
        connection = null;
      },
      terminated() {
        connection = null;
      },
    }));

  /** Read once per worker: every GitLab request asks for the token. Only this module writes it. */
  let saved: Promise<SavedToken | null> | null = null;
  function read(): Promise<SavedToken | null> {
    const reading = (saved ??= open()
      .then((db) => db.get('secrets', 'token'))
      .then((record) => (record ? { gitlabUrl: record.gitlabUrl, token: record.token } : null)));
    reading.catch(() => {
      if (saved === reading) saved = null;
    });
    return reading;
  }

  return {
    read,
    async write({ gitlabUrl, token }) {
      saved = null;
      try {
        if (token) await (await open()).put('secrets', { id: 'token', gitlabUrl, token });
        else await (await open()).delete('secrets', 'token');
      } finally {
        saved = null;
      }
    },
    async clear() {
      saved = null;
      try {
        await (await open()).delete('secrets', 'token');
      } finally {
        saved = null;
      }
    },
    async tokenFor(gitlabUrl) {
      const saved = await read();
      return saved && saved.gitlabUrl === gitlabUrl ? saved.token : '';
    },
  };
}
