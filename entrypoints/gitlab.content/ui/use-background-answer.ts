import { useLayoutEffect, useState } from 'react';
import { MessageError, type ErrorInfo } from '../../../utils/message-envelope';
import type { FreshnessInfo } from '../../../utils/messages';
import { onSettingsChanged, onSyncEnded } from './data-changes';

type AnswerState<T> =
  | { status: 'loading' }
  /** `receivedAt`: when the answer arrived, for "updated 5 min ago". */
  | { status: 'ready'; data: T; receivedAt: number }
  | { status: 'error'; error: ErrorInfo };

/**
 * Asks the background once on mount and again when a sync of a scope the answer came from
 * brought new data; a failed sync only updates the freshness note (asking again would bring
 * nothing new). Keeps showing the last answer while a new one is on its way, so badges never
 * flicker back to "loading".
 */
export function useBackgroundAnswer<T extends { freshness: FreshnessInfo }>(load: () => Promise<T>, initial?: T | null): AnswerState<T> {
  // An answer already at hand (asked before the host mounted) is shown in the first render.
  const [state, setState] = useState<AnswerState<T>>(() =>
    initial ? { status: 'ready', data: initial, receivedAt: Date.now() } : { status: 'loading' },
  );
  // A layout effect: the ask (or its answer, taken from an early ask) starts before the first paint.
  useLayoutEffect(() => {
    let alive = true;
    let shown: readonly string[] = initial?.freshness.scopes ?? [];
    const run = () =>
      load().then(
        (data) => {
          if (!alive) return;
          shown = data.freshness.scopes;
          setState({ status: 'ready', data, receivedAt: Date.now() });
        },
        (error: unknown) =>
          alive &&
          setState({
            status: 'error',
            error: error instanceof MessageError ? error.info : { kind: 'internal', message: String(error) },
          }),
      );
    if (!initial) void run();
    const stop = onSyncEnded((push) => {
      if (!shown.includes(push.scope)) return;
      if (push.ok) {
        void run();
        return;
      }
      setState((current) =>
        current.status === 'ready'
          ? { ...current, data: { ...current.data, freshness: { ...current.data.freshness, syncing: false, error: push.error } } }
          : current,
      );
    });
    const stopSettings = onSettingsChanged(() => void run());
    return () => {
      alive = false;
      stop();
      stopSettings();
    };
    // `load` is recreated on every render by callers; the request it makes is fixed per mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return state;
}
