/**
 * The `?show=` drawer parameter (DOM.md §1, §7). GitLab's work-item drawer encodes the opened
 * item as `btoa(JSON.stringify({ iid, full_path, id }))` (makeDrawerUrlParam); the stand-in does
 * the same. Newer GitLab versions may change the encoding, so callers fall back to the drawer's
 * reference link.
 */
export function decodeDrawerParam(value: string | null): { projectPath: string; iid: number } | null {
  if (!value) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(atob(value));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { iid, full_path: fullPath } = parsed as { iid?: unknown; full_path?: unknown };
  const number = typeof iid === 'string' && /^\d+$/.test(iid) ? Number(iid) : iid;
  if (typeof fullPath !== 'string' || !fullPath || typeof number !== 'number' || !Number.isInteger(number) || number <= 0) return null;
  return { projectPath: fullPath, iid: number };
}
