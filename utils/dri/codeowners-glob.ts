/**
 * CODEOWNERS path patterns, matched the way GitLab matches them (ee/lib/gitlab/code_owners/file.rb):
 * the pattern is normalised, then compared with Ruby's `File.fnmatch?` using
 * `FNM_DOTMATCH | FNM_PATHNAME` against the path with a leading `/`. The semantics that follow
 * from that, and that this module reproduces:
 *
 * - `*` and `?` never cross a `/`; both match dotfiles (`FNM_DOTMATCH`).
 * - `**` followed by `/`, at the start of a path level, matches zero or more whole directories.
 *   Anywhere else (`/docs/**` at the very end, `a**b`) it is just `*`: one level only.
 * - `[abc]`, `[a-z]`, `[!abc]` / `[^abc]` match one character; `[]` matches nothing, `[!]` any
 *   character, a reversed range `[z-a]` only `z` and `a`; an unclosed `[` makes the pattern match
 *   nothing.
 * - `\x` matches `x` literally. No braces (`FNM_EXTGLOB` is not set). Case-sensitive.
 * - A pattern without a trailing `/` matches a file of exactly that name: `docs` does not match
 *   `docs/index.md`; `docs/` does.
 */

/** GitLab runs on Ruby, whose `\s` is ASCII whitespace only. */
const RUBY_SPACE_CLASS = '[ \\t\\n\\v\\f\\r]';
const ESCAPED_SPACES = new RegExp(`\\\\${RUBY_SPACE_CLASS}+`, 'g');

/** GitLab's `normalize_pattern`: escapes, then anchoring (`/**` + `/` for relative paths) and directories. */
export function normalizePattern(pattern: string): string {
  if (pattern === '*') return '/**/*';
  // Only a leading `\#` is rewritten; fnmatch itself reads any other `\x` as a literal `x`.
  let normalized = pattern.replace(/^\\#/, '#').replace(ESCAPED_SPACES, ' ');
  if (!normalized.startsWith('/')) normalized = `/**/${normalized}`;
  if (normalized.endsWith('/')) normalized = `${normalized}**/*`;
  return normalized;
}

/** A path split into levels of characters (code points), prepared once for many patterns. */
export type PreparedPath = readonly (readonly string[])[];
export type PathMatcher = (path: PreparedPath) => boolean;

/** Prepares a repository path that starts with `/`. */
export function preparePath(path: string): PreparedPath {
  return path.split('/').map((level) => Array.from(level));
}

/** One character of a level: a literal, `?`, a `[...]` class, or `*` (any run of characters). */
type Token = { kind: 'star' } | { kind: 'any' } | { kind: 'literal'; char: string } | { kind: 'class'; test: RegExp };
type Level = Token[] | 'any-directories';

const NEVER: PathMatcher = () => false;

/** Compiles a normalised pattern into a matcher of prepared paths. */
export function compilePattern(normalized: string): PathMatcher {
  const parts = splitLevels(normalized);
  if (!parts) return NEVER;
  const levels: Level[] = [];
  parts.forEach((part, index) => {
    if (part.raw === '**' && part.slash && index < parts.length - 1) {
      // `**/**/` is the same as `**/`.
      if (levels[levels.length - 1] !== 'any-directories') levels.push('any-directories');
    } else {
      levels.push(part.tokens);
    }
  });
  return (path) => matchLevels(levels, path);
}

interface PatternLevel {
  /** The pattern text of the level. */
  raw: string;
  tokens: Token[];
  /** Ended by a plain `/` (not the end of the pattern, nor an escaped `\/`). */
  slash: boolean;
}

/**
 * Splits the pattern into path levels of tokens. As in fnmatch, a `[...]` class is read to its `]`
 * even across a `/` (it then stays in its level), `\/` still separates levels, and an unclosed `[`
 * means the pattern matches nothing (`undefined`).
 */
function splitLevels(pattern: string): PatternLevel[] | undefined {
  const chars = Array.from(pattern);
  const levels: PatternLevel[] = [];
  let raw = '';
  let tokens: Token[] = [];
  const endLevel = (slash: boolean) => {
    levels.push({ raw, tokens, slash });
    raw = '';
    tokens = [];
  };
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i] as string;
    if (char === '/') {
      endLevel(true);
    } else if (char === '*') {
      raw += char;
      while (chars[i + 1] === '*') {
        raw += '*';
        i += 1;
      }
      tokens.push({ kind: 'star' });
    } else if (char === '?') {
      raw += char;
      tokens.push({ kind: 'any' });
    } else if (char === '[') {
      const bracket = readBracket(chars, i + 1);
      if (!bracket) return undefined;
      raw += chars.slice(i, bracket.end + 1).join('');
      tokens.push({ kind: 'class', test: new RegExp(`^${bracket.source}$`, 'su') });
      i = bracket.end;
    } else if (char === '\\') {
      // A trailing backslash escapes nothing and is ignored, as in fnmatch.
      const next = chars[i + 1];
      i += 1;
      if (next === '/') endLevel(false);
      else if (next !== undefined) {
        raw += char + next;
        tokens.push({ kind: 'literal', char: next });
      }
    } else {
      raw += char;
      tokens.push({ kind: 'literal', char });
    }
  }
  endLevel(false);
  return levels;
}

/**
 * Matches pattern levels against path levels. Only the latest `**` is retried, one directory at a
 * time, as in Ruby's fnmatch; every other level matches exactly one path level, so retrying an
 * earlier `**` could never find a match the latest one misses.
 */
function matchLevels(levels: readonly Level[], path: PreparedPath): boolean {
  let p = 0;
  let s = 0;
  let retryP = -1;
  let retryS = -1;
  for (;;) {
    const level = levels[p];
    if (level === 'any-directories') {
      p += 1;
      retryP = p;
      retryS = s;
      continue;
    }
    const segment = path[s];
    if (level !== undefined && segment !== undefined && matchLevel(level, segment)) {
      p += 1;
      s += 1;
      if (p === levels.length && s === path.length) return true;
      if (p < levels.length && s < path.length) continue;
    }
    if (retryP >= 0 && retryS + 1 < path.length) {
      retryS += 1;
      p = retryP;
      s = retryS;
      continue;
    }
    return false;
  }
}

/**
 * Matches one level (no `/`) character by character. As in fnmatch, only the latest `*` is
 * retried, one character further each time: at most (pattern × name) steps, where a regular
 * expression with many `*` could backtrack exponentially.
 */
function matchLevel(tokens: readonly Token[], chars: readonly string[]): boolean {
  let p = 0;
  let s = 0;
  let retryP = -1;
  let retryS = -1;
  for (;;) {
    const token = tokens[p];
    if (token?.kind === 'star') {
      p += 1;
      if (p === tokens.length) return true;
      retryP = p;
      retryS = s;
      continue;
    }
    const char = chars[s];
    if (token !== undefined && char !== undefined && tokenMatches(token, char)) {
      p += 1;
      s += 1;
      continue;
    }
    if (token === undefined && char === undefined) return true;
    if (retryP < 0 || retryS >= chars.length) return false;
    retryS += 1;
    p = retryP;
    s = retryS;
  }
}

function tokenMatches(token: Exclude<Token, { kind: 'star' }>, char: string): boolean {
  if (token.kind === 'any') return true;
  if (token.kind === 'literal') return token.char === char;
  return token.test.test(char);
}

/** Reads `[...]` starting after the `[`; `end` is the index of the closing `]`. */
function readBracket(chars: readonly string[], start: number): { source: string; end: number } | undefined {
  let i = start;
  let negate = false;
  if (chars[i] === '!' || chars[i] === '^') {
    negate = true;
    i += 1;
  }
  const items: string[] = [];
  for (;;) {
    let first = chars[i];
    if (first === undefined) return undefined;
    if (first === ']') break;
    if (first === '\\') {
      i += 1;
      first = chars[i];
      if (first === undefined) return undefined;
    }
    i += 1;
    if (chars[i] === '-' && chars[i + 1] !== ']') {
      let j = i + 1;
      if (chars[j] === '\\') j += 1;
      const last = chars[j];
      if (last === undefined) return undefined;
      i = j + 1;
      // Ruby's fnmatch lets a reversed range (`[z-a]`) match just its two ends.
      if (codePoint(first) <= codePoint(last)) items.push(`${classChar(first)}-${classChar(last)}`);
      else items.push(classChar(first), classChar(last));
      continue;
    }
    items.push(classChar(first));
  }
  if (items.length === 0) return { source: negate ? '.' : '(?!)', end: i };
  return { source: `[${negate ? '^' : ''}${items.join('')}]`, end: i };
}

function codePoint(char: string): number {
  return char.codePointAt(0) ?? 0;
}

function classChar(char: string): string {
  return `\\u{${codePoint(char).toString(16)}}`;
}
