/**
 * GitLab CODEOWNERS: a pure parser and matcher (no DOM, network or storage), following GitLab's
 * own implementation (ee/lib/gitlab/code_owners/file.rb, section_parser.rb, reference_extractor.rb)
 * and docs (doc/user/project/codeowners/reference.md, advanced.md).
 *
 * - Lines are trimmed; blank lines and lines starting with `#` are skipped (`\#` escapes a leading `#`).
 * - An entry is a pattern, then (after the first unescaped whitespace) its owner text. `\ ` is a
 *   space inside the pattern. A leading `!` makes it an exclusion.
 * - Entries before any header form the unnamed section (`''`). Headers `[Name]`, `^[Name]`
 *   (optional), `[Name][2]` (approvals) and `[Name] @a @b` (default owners for entries of that
 *   header that list no owners). Names are case-insensitive; repeated sections are combined under
 *   the first spelling, each header keeping its own default owners.
 * - Within a section entries are keyed by normalised pattern: repeating a pattern replaces the
 *   earlier entry but keeps the earlier position (a Ruby hash). The last entry in that order that
 *   matches wins; if any matching entry of the section is an exclusion, the path has no owners
 *   from that section. An entry whose owner text holds no valid owner matches but gives no owners.
 * - Malformed lines never throw: they are reported in `problems` (GitLab's error codes), and
 *   treated as GitLab treats them.
 */
import { compilePattern, normalizePattern, preparePath, type PathMatcher } from './codeowners-glob';
import { readHeader } from './codeowners-header';
import { invalidOwnerTokens, malformedOwnersMessage, ownersIn } from './codeowners-owners';

export type CodeOwnerRole = 'developer' | 'maintainer' | 'owner';

/**
 * A `@name` without `/` is reported as a user unless it is listed in `ParseOptions.groups`:
 * GitLab resolves it against users and top-level groups, which share one namespace.
 */
export type CodeOwner =
  | { kind: 'user'; username: string }
  | { kind: 'group'; path: string }
  | { kind: 'email'; email: string }
  | { kind: 'role'; role: CodeOwnerRole };

/** GitLab's CODEOWNERS validation error codes. */
export type CodeownersProblemCode =
  | 'invalid_section_format'
  | 'missing_section_name'
  | 'invalid_approval_requirement'
  | 'invalid_section_owner_format'
  | 'malformed_entry_owner'
  | 'missing_entry_owner';

export interface CodeownersProblem {
  line: number;
  /** The line as written, trimmed. */
  text: string;
  message: string;
  code: CodeownersProblemCode;
}

export interface CodeownersSectionHeader {
  line: number;
  /** The name as written on this header. */
  name: string;
  optional: boolean;
  /** Approvals required by entries under this header (at least 1, as GitLab applies it). */
  approvals: number;
  defaultOwners: CodeOwner[];
}

export interface CodeownersEntry {
  line: number;
  /** As written, without the leading `!` of an exclusion (escapes kept). */
  pattern: string;
  exclusion: boolean;
  /** Empty for exclusions and for entries without any valid owner. */
  owners: CodeOwner[];
  /** The owners are the default owners of the entry's section header. */
  fromDefaultOwners: boolean;
  optional: boolean;
  approvals: number;
}

export interface CodeownersSection {
  /** `''` for the unnamed first section, else the name as first written. */
  name: string;
  /** GitLab treats a section as optional only when every entry in it came from a `^[...]` header. */
  optional: boolean;
  /** Empty for the unnamed section. */
  headers: CodeownersSectionHeader[];
  /** In precedence order: later entries win. */
  entries: CodeownersEntry[];
}

export interface ParsedCodeowners {
  /** The unnamed section first (possibly empty), then named sections in first-appearance order. */
  sections: CodeownersSection[];
  problems: CodeownersProblem[];
}

export interface ParseOptions {
  /** Full paths known to be groups, so that single-level `@name`s are reported as groups. */
  groups?: Iterable<string>;
}

export interface OwnerMatch {
  owner: CodeOwner;
  section: string;
  pattern: string;
  optional: boolean;
  line: number;
}

interface Context {
  section: CodeownersSection;
  byPattern: Map<string, CodeownersEntry>;
  optional: boolean;
  approvals: number;
  defaultOwnersText: string;
}

const RUBY_STRIP = /^[ \t\n\v\f\r\0]+|[ \t\n\v\f\r\0]+$/g;
const RUBY_SPACE = /[ \t\n\v\f\r]/;
const BLANK = /^\s*$/;

export function parseCodeowners(text: string, options: ParseOptions = {}): ParsedCodeowners {
  const groups = new Set(Array.from(options.groups ?? [], (path) => path.toLowerCase()));
  const toOwners = (ownerText: string) => ownersIn(ownerText, groups);
  const problems: CodeownersProblem[] = [];
  const unnamed: Context = {
    section: { name: '', optional: false, headers: [], entries: [] },
    byPattern: new Map(),
    optional: false,
    approvals: 1,
    defaultOwnersText: '',
  };
  const contexts: Context[] = [unnamed];
  let current = unnamed;

  // A byte-order mark is dropped so that it cannot glue itself to the first pattern.
  const lines = String(text).replace(/^\uFEFF/, '').split('\n');
  lines.forEach((rawLine, index) => {
    const lineNumber = index + 1;
    const line = rawLine.replace(RUBY_STRIP, '');
    if (BLANK.test(line) || line.startsWith('#')) return;
    const report = (code: CodeownersProblemCode, message: string) =>
      problems.push({ line: lineNumber, text: line, message, code });

    const header = readHeader(line);
    if (header.kind === 'unparsable') {
      report(header.problem.code, header.problem.message);
      return;
    }
    if (header.kind === 'header') {
      for (const problem of header.problems) report(problem.code, problem.message);
      const key = header.name.toLowerCase();
      let context = contexts.find((c) => c !== unnamed && c.section.name.toLowerCase() === key);
      if (!context) {
        context = {
          section: { name: header.name, optional: false, headers: [], entries: [] },
          byPattern: new Map(),
          optional: false,
          approvals: 1,
          defaultOwnersText: '',
        };
        contexts.push(context);
      }
      context.optional = header.optional;
      context.approvals = header.approvals;
      context.defaultOwnersText = header.defaultOwnersText;
      context.section.headers.push({
        line: lineNumber,
        name: header.name,
        optional: header.optional,
        approvals: header.approvals,
        defaultOwners: toOwners(header.defaultOwnersText),
      });
      current = context;
      return;
    }

    const { pattern: written, ownerText } = splitEntry(line);
    const exclusion = written.startsWith('!');
    const pattern = exclusion ? written.slice(1) : written;
    let owners: CodeOwner[] = [];
    let fromDefaultOwners = false;
    if (!exclusion) {
      const invalid = invalidOwnerTokens(ownerText);
      if (invalid.length > 0) report('malformed_entry_owner', malformedOwnersMessage(invalid, ownerText));
      fromDefaultOwners = ownerText === '';
      const effective = fromDefaultOwners ? current.defaultOwnersText : ownerText;
      if (effective === '') {
        report(
          'missing_entry_owner',
          `"${pattern}" lists no owners and its section has no default owners, so matching files have no code owner in this section.`,
        );
      }
      owners = toOwners(effective);
    }
    current.byPattern.set(normalizePattern(pattern), {
      line: lineNumber,
      pattern,
      exclusion,
      owners,
      fromDefaultOwners,
      optional: current.optional,
      approvals: current.approvals,
    });
  });

  for (const context of contexts) {
    const entries = [...context.byPattern.values()];
    context.section.entries = entries;
    context.section.optional = entries.length > 0 && entries.every((entry) => entry.optional);
  }
  return { sections: contexts.map((c) => c.section), problems };
}

/**
 * Owners of one repository path (no leading slash needed): per section, the winning entry's
 * owners, unless an exclusion of that section matches the path.
 */
export function ownersOf(parsed: ParsedCodeowners, path: string): OwnerMatch[] {
  const fullPath = preparePath(`/${path.replace(/^\/+/, '')}`);
  const result: OwnerMatch[] = [];
  for (const section of parsed.sections) {
    let winner: CodeownersEntry | undefined;
    let excluded = false;
    for (let i = section.entries.length - 1; i >= 0 && !excluded; i -= 1) {
      const entry = section.entries[i];
      if (!entry || !matcherFor(entry)(fullPath)) continue;
      if (entry.exclusion) excluded = true;
      else winner ??= entry;
    }
    if (excluded || !winner) continue;
    for (const owner of winner.owners) {
      result.push({ owner, section: section.name, pattern: winner.pattern, optional: section.optional, line: winner.line });
    }
  }
  return result;
}

const matchers = new WeakMap<CodeownersEntry, PathMatcher>();

function matcherFor(entry: CodeownersEntry): PathMatcher {
  let matcher = matchers.get(entry);
  if (!matcher) {
    matcher = compilePattern(normalizePattern(entry.pattern));
    matchers.set(entry, matcher);
  }
  return matcher;
}

/** Splits at the first whitespace run not preceded by a backslash, as GitLab does. */
function splitEntry(line: string): { pattern: string; ownerText: string } {
  for (let i = 1; i < line.length; i += 1) {
    if (!RUBY_SPACE.test(line.charAt(i)) || line.charAt(i - 1) === '\\') continue;
    let end = i;
    while (end < line.length && RUBY_SPACE.test(line.charAt(end))) end += 1;
    return { pattern: line.slice(0, i), ownerText: line.slice(end) };
  }
  return { pattern: line, ownerText: '' };
}
