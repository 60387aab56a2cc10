import type { AllocationErrorKey, AllocationForm } from '../../form';

/** What each part of the allocation editor gets from the section. */
export interface EditorProps {
  allocation: AllocationForm;
  onChange: (allocation: AllocationForm) => void;
  /** The message to show next to the input of a settings path, if any. */
  error: (key: AllocationErrorKey) => string | undefined;
  /** Focuses the control with this `data-focus-id` once the change is rendered. */
  focusLater: (focusId: string) => void;
}

/** A category's name as lists show it, also before the user typed one. */
export function categoryLabel(name: string, index: number): string {
  return name.trim() || `Category ${index + 1} (no name)`;
}
