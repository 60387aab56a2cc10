import { useState } from 'react';
import type { ScopeChoice } from '../../../components/ScopeSwitch';
import { sendMessage } from '../../../utils/send-message';

/** The scope last chosen in this tab, kept across client-side navigation and between views. */
let preferred: ScopeChoice = 'own';

/** The scope an overlay starting now will ask for first. */
export function preferredScope(): ScopeChoice {
  return preferred;
}

export function useScopeChoice(): [ScopeChoice, (scope: ScopeChoice) => void] {
  const [scope, setScope] = useState<ScopeChoice>(preferred);
  return [
    scope,
    (next) => {
      preferred = next;
      setScope(next);
    },
  ];
}

/**
 * Whether the issue strip's KPI line is open: as the user last left it, in any tab (the
 * background keeps it). Read once per page, when the first issue strip is prepared (before
 * GitLab renders its anchor), not on every page the content script runs on; a strip that mounts
 * before the answer starts folded.
 */
let kpisOpen = false;
let kpisOpenAsked = false;

export function loadKpisOpen(): void {
  if (kpisOpenAsked) return;
  kpisOpenAsked = true;
  sendMessage('content:ui-prefs', {}).then(
    (prefs) => (kpisOpen = prefs.kpisOpen),
    () => {
      // Not answered (not set up): folded.
    },
  );
}

export function useKpisOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(kpisOpen);
  return [
    open,
    (next) => {
      kpisOpen = next;
      setOpen(next);
      sendMessage('content:set-ui-prefs', { kpisOpen: next }).catch(() => {
        // Kept for this tab at least.
      });
    },
  ];
}
