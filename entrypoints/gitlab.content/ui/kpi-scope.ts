import { useState } from 'react';
import type { ScopeChoice } from '../../../components/ScopeSwitch';

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

/** Whether the issue strip's KPI line is open, kept like the scope for the tab's life. */
let kpisOpen = false;

export function useKpisOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(kpisOpen);
  return [
    open,
    (next) => {
      kpisOpen = next;
      setOpen(next);
    },
  ];
}
