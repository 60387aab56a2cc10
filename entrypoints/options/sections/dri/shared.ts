import type { driCandidate, DriErrorKey, DriForm } from '../../form';

export type DriCandidate = ReturnType<typeof driCandidate>;

/** What each part of the DRI editor gets from the section. */
export interface DriEditorProps {
  dri: DriForm;
  /** The settings the rows stand for, as Save would send them (lists split, numbers read). */
  candidate: DriCandidate;
  onChange: (dri: DriForm) => void;
  /**
   * The message to show next to the input of a settings path: the path's own, else the first of
   * an item under it (`dri.services.0.dris.1`), naming that item when `items` are given.
   */
  error: (key: DriErrorKey, items?: readonly string[]) => string | undefined;
  /** Focuses the control with this `data-focus-id` once the change is rendered. */
  focusLater: (focusId: string) => void;
}

/** A service's name as buttons say it, also before the user typed one. */
export function serviceName(name: string, index: number): string {
  return name.trim() || String(index + 1);
}
