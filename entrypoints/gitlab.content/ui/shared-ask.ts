/**
 * One request for many askers: overlays that need the same answer at the same moment (a board's
 * bar and each of its lists) share the message in flight instead of sending one each.
 */
const inFlight = new Map<string, Promise<unknown>>();

export function sharedAsk<T>(key: string, ask: () => Promise<T>): Promise<T> {
  const pending = inFlight.get(key) as Promise<T> | undefined;
  if (pending) return pending;
  const started = ask();
  inFlight.set(key, started);
  const done = () => void inFlight.delete(key);
  started.then(done, done);
  return started;
}
