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
/** The Suggested DRI panel: open until folded (kept by the background like the KPI line). */
let driOpen = true;
let kpisOpenAsked = false;

export function loadKpisOpen(): void {
  if (kpisOpenAsked) return;
  kpisOpenAsked = true;
  sendMessage('content:ui-prefs', {}).then(
    (prefs) => {
      kpisOpen = prefs.kpisOpen;
      driOpen = prefs.driOpen;
    },
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

export function useDriOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(driOpen);
  return [
    open,
    (next) => {
      driOpen = next;
      setOpen(next);
      sendMessage('content:set-ui-prefs', { driOpen: next }).catch(() => {
        // Kept for this tab at least.
      });
    },
  ];
}
