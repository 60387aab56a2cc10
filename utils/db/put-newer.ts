/**
 * An upsert that never replaces a newer copy (issue 10): two syncs (a project's and its group's,
 * or a sync and an issue page's own fetch) can store the same issue at the same time, and the
 * slower one must not overwrite what GitLab changed since with what it read before.
 */
interface VersionedStore<T, K> {
  get(key: K): Promise<T | undefined>;
  put(record: T): Promise<unknown>;
}

/** Stores `record` unless the stored copy under `key` was updated later. Same transaction. */
export async function putUnlessOlder<T extends { updated_at: string }, K>(store: VersionedStore<T, K>, key: K, record: T): Promise<void> {
  const stored = await store.get(key);
  // ISO 8601 timestamps in UTC compare as strings; parsed, for payloads with other offsets.
  if (stored && Date.parse(stored.updated_at) > Date.parse(record.updated_at)) return;
  await store.put(record);
}
