/**
 * Queues writes on `tx` and resolves once it commits. IndexedDB does not abort a transaction
 * when `put` throws synchronously (an invalid key is a DataError thrown on the spot), nor when a
 * write queued after a read (put-newer.ts) fails: the writes before it would still commit. So a
 * throw, or any queued write that fails, aborts the transaction here, keeping every step
 * all-or-nothing.
 */
export async function writeAtomically(
  tx: { abort(): void; done: Promise<void> },
  queueWrites: (pending: Promise<unknown>[]) => void,
): Promise<void> {
  const queued: Promise<unknown>[] = [];
  const abort = () => {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
  };
  try {
    queueWrites(queued);
  } catch (error) {
    abort();
    await Promise.allSettled([tx.done, ...queued]); // the aborted requests reject; nobody else awaits them
    throw error;
  }
  const watched = queued.map((write) =>
    write.catch((error: unknown) => {
      abort();
      throw error;
    }),
  );
  // The failed write's own error first: the transaction's AbortError only follows from it.
  const results = await Promise.allSettled([...watched, tx.done]);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw (failure as PromiseRejectedResult).reason;
}
