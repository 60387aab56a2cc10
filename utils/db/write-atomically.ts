/**
 * Queues writes on `tx` and resolves once it commits. IndexedDB does not abort a transaction
 * when `put` throws synchronously (an invalid key is a DataError thrown on the spot): the writes
 * queued before it would still commit. So a throw aborts the transaction here, keeping every
 * step all-or-nothing.
 */
export async function writeAtomically(
  tx: { abort(): void; done: Promise<void> },
  queueWrites: (pending: Promise<unknown>[]) => void,
): Promise<void> {
  const pending: Promise<unknown>[] = [tx.done];
  try {
    queueWrites(pending);
  } catch (error) {
    tx.abort();
    await Promise.allSettled(pending); // the aborted requests reject; nobody else awaits them
    throw error;
  }
  await Promise.all(pending);
}
