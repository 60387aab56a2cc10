/**
 * Repository paths an issue mentions (SPEC §4: CODEOWNERS owners "of paths mentioned in the
 * issue"): in code spans (`lib/cache/store.rb`) and as plain words with at least one slash
 * (lib/cache/, /config/redis.yml). URLs and references (group/project#12) are not paths.
 */
const CODE_SPAN = /`([^`\n]+)`/g;
// Ends at a space, a closing bracket or quote, or sentence punctuation followed by a space or the
// end (so `group/project!4` and `a/b#3` are not cut into a path).
const WORD = /(?:^|[\s(["'])(\/?(?:[\w.-]+\/)+[\w.-]*)(?=$|[\s)\]"']|[.,;:!?](?:\s|$))/g;

/** Paths without a leading slash, as CODEOWNERS matching takes them; a trailing slash kept (a directory). */
export function mentionedPaths(...texts: ReadonlyArray<string | null | undefined>): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const [, span] of text.matchAll(CODE_SPAN)) addPath(found, span!.trim());
    const withoutSpans = text.replace(CODE_SPAN, ' ');
    for (const [, word] of withoutSpans.matchAll(WORD)) addPath(found, word!);
  }
  return [...found];
}

function addPath(found: Set<string>, raw: string): void {
  const candidate = raw.replace(/[.,;:]+$/, '');
  if (/\s/.test(candidate) || candidate.includes('://') || candidate.startsWith('//')) return;
  // A reference (`group/project#12`, `group/project!3`, `group&4`) or a date (2026/01/02) is no path.
  if (/[#!&~]\d+$/.test(candidate) || /^\d+(?:\/\d+)+$/.test(candidate)) return;
  const path = candidate.replace(/^\.?\//, '');
  if (!path.includes('/') && !/\.[A-Za-z0-9]+$/.test(path)) return;
  if (path && !path.startsWith('.')) found.add(path);
  else if (path.startsWith('.gitlab/') || path.startsWith('.github/')) found.add(path);
}
