import { useCallback, useEffect, useRef, useState } from 'react';
import { sendMessage } from '../../../../utils/send-message';
import type { OkrPickers } from './shared';

/** A picker focused after this long asks the background again: the team may have synced since. */
export const PICKERS_REFRESH_MS = 5_000;

const NONE: OkrPickers = { epics: [], labels: [] };

/**
 * The epics and labels the pickers offer, from the background's cache: asked when the section
 * opens, and again when a picker gets the focus a while later. A failed ask leaves the lists as
 * they were: the fields still take what is typed.
 */
export function useOkrPickers(): { pickers: OkrPickers; refresh: () => void } {
  const [pickers, setPickers] = useState<OkrPickers>(NONE);
  const asked = useRef<{ at: number; pending: boolean }>({ at: 0, pending: false });
  const ask = useCallback((force: boolean) => {
    const state = asked.current;
    if (state.pending || (!force && Date.now() - state.at < PICKERS_REFRESH_MS)) return;
    state.pending = true;
    state.at = Date.now();
    Promise.resolve()
      .then(() => sendMessage('ui:okr-pickers', {}))
      .then(
        (answer) => setPickers({ epics: answer?.epics ?? [], labels: answer?.labels ?? [] }),
        () => {},
      )
      .finally(() => {
        state.pending = false;
      });
  }, []);
  useEffect(() => ask(true), [ask]);
  const refresh = useCallback(() => ask(false), [ask]);
  return { pickers, refresh };
}
