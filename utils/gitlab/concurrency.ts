/**
 * Runs at most `max` tasks at once; the others wait in arrival order. One limiter is shared by
 * every request a client makes, so a sync of ten projects never opens more than `max` connections.
 */
export function createConcurrencyLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency must be ≥ 1, got ${max}`);
  let active = 0;
  const waiting: Array<() => void> = [];

  return async function runLimited<T>(task: () => Promise<T>): Promise<T> {
    if (active < max) active += 1;
    // The finishing task hands its slot straight to us, so `active` does not change.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
