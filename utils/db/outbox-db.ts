/**
 * The survey outbox (SPEC §6): its own IndexedDB database beside the cache, so clearing the
 * cache (a new GitLab, a removed token) never deletes a suggestion someone took the time to write.
 * Only the background service worker opens it.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxRecord } from '../survey/outbox';

const OUTBOX_DB = 'engineering-lens-outbox';

interface OutboxDbSchema extends DBSchema {
  submissions: { key: string; value: OutboxRecord };
}

export type OutboxDb = IDBPDatabase<OutboxDbSchema>;

export function openOutboxDb(name: string = OUTBOX_DB): Promise<OutboxDb> {
  return openDB<OutboxDbSchema>(name, 1, {
    upgrade(db) {
      db.createObjectStore('submissions', { keyPath: 'id' });
    },
  });
}

export const outboxStore = (db: OutboxDb) => ({
  all: () => db.getAll('submissions'),
  get: (id: string) => db.get('submissions', id),
  put: async (record: OutboxRecord) => void (await db.put('submissions', record)),
  remove: (id: string) => db.delete('submissions', id),
});
