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
