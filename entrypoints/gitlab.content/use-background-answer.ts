import { useEffect, useState } from 'react';
import { MessageError, type ErrorInfo } from '../../utils/message-envelope';
import { onDataChanged } from './data-changes';

export type AnswerState<T> =
  | { status: 'loading' }
  /** `receivedAt`: when the answer arrived, for "updated 5 min ago". */
  | { status: 'ready'; data: T; receivedAt: number }
  | { status: 'error'; error: ErrorInfo };

/**
 * Asks the background once on mount and again whenever it pushes a data change; keeps showing
 * the last answer while a new one is on its way, so badges never flicker back to "loading".
 */
export function useBackgroundAnswer<T>(load: () => Promise<T>): AnswerState<T> {
  const [state, setState] = useState<AnswerState<T>>({ status: 'loading' });
  useEffect(() => {
    let alive = true;
    const run = () =>
      load().then(
        (data) => alive && setState({ status: 'ready', data, receivedAt: Date.now() }),
        (error: unknown) =>
          alive &&
          setState({
            status: 'error',
            error: error instanceof MessageError ? error.info : { kind: 'internal', message: String(error) },
          }),
      );
    void run();
    const stop = onDataChanged(() => void run());
    return () => {
      alive = false;
      stop();
    };
    // `load` is recreated on every render by callers; the request it makes is fixed per mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return state;
}
