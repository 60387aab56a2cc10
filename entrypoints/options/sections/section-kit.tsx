/**
 * What the row-editing sections of the options page (Allocation, Suggested DRI, OKRs) share: the
 * messages to show (the section's own check of the rows as they are now over the page's
 * messages for what was sent) and moving the focus to a control once a change is rendered.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';

/** The page's messages of this section's keys, overridden by the section's own check of the current rows. */
export function useShownErrors<K extends string>(errors: Partial<Record<string, string>>, local: Partial<Record<K, string>>, isKey: (key: string) => key is K): Partial<Record<K, string>> {
  return useMemo(() => {
    const merged: Partial<Record<K, string>> = {};
    for (const [key, message] of Object.entries(errors)) if (message && isKey(key)) merged[key] = message;
    return { ...merged, ...local };
  }, [errors, local, isKey]);
}

/** The first message of `key`, else of its first item with one (`key.2`), naming that item: `"bob!": Not a GitLab username…`. */
export function messageFor<K extends string>(shown: Partial<Record<K, string>>, key: K, items?: readonly string[]): string | undefined {
  if (shown[key]) return shown[key];
  const prefix = `${key}.`;
  let first: { index: number; message: string } | null = null;
  for (const [path, message] of Object.entries(shown) as [string, string | undefined][]) {
    if (!message || !path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    if (!/^\d+$/.test(rest)) continue;
    const index = Number(rest);
    if (!first || index < first.index) first = { index, message };
  }
  if (!first) return undefined;
  const item = items?.[first.index];
  return item === undefined ? first.message : `"${item.length > 40 ? `${item.slice(0, 39)}…` : item}": ${first.message}`;
}

/**
 * `focusLater(id)` focuses the control with that `data-focus-id` inside `root` once the change
 * that adds or moves it is rendered (a new row, a row moved by keyboard); `select` also selects
 * the text of an input that has some.
 */
export function useFocusLater(root: RefObject<HTMLElement | null>, options: { select?: boolean } = {}): (focusId: string) => void {
  const pending = useRef<string | null>(null);
  const focusLater = useCallback((focusId: string) => {
    pending.current = focusId;
  }, []);
  useLayoutEffect(() => {
    const focusId = pending.current;
    if (!focusId || !root.current) return;
    pending.current = null;
    const target = [...root.current.querySelectorAll<HTMLElement>('[data-focus-id]')].find((element) => element.dataset.focusId === focusId);
    target?.focus();
    if (options.select && target instanceof HTMLInputElement && target.value) target.select();
  });
  return focusLater;
}

/** Messages the section cannot show next to a field (a row that is gone), at its top. */
export function UnplacedErrors({ messages }: { messages: readonly (readonly [string, string | undefined])[] }) {
  if (!messages.length) return null;
  return (
    <div className="field__error" role="alert">
      {messages.map(([key, message]) => (
        <p key={key}>{message}</p>
      ))}
    </div>
  );
}
