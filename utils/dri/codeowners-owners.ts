/**
 * Owner references in CODEOWNERS text, found the way GitLab finds them
 * (lib/gitlab/code_owners/reference_extractor.rb): GitLab scans the whole owner text of a line
 * for `@name` (user or group path), `@@role` and email addresses. Anything else is ignored, and
 * because the whole text is scanned, an `@mention` inside a trailing "comment" is an owner too
 * (GitLab has no inline comments).
 */
import type { CodeOwner } from './codeowners';

/** One namespace level, as GitLab's `NAMESPACE_FORMAT_REGEX` (lib/gitlab/path_regex.rb). */
const LEVEL = '(?:[a-zA-Z0-9_.][a-zA-Z0-9_.-]{0,254}[a-zA-Z0-9_-]|[a-zA-Z0-9_])(?<!\\.git|\\.atom)';
/** `@user`, `@group`, `@group/subgroup` (up to 20 ancestors); not preceded by a word char or `@`. */
const NAME = new RegExp(`(?<![A-Za-z0-9_@])@((?:${LEVEL}/){0,20}${LEVEL})`, 'g');
/** `@@developer(s)`, `@@maintainer(s)`, `@@owner(s)`, any case, ending at whitespace. */
const ROLE = /(?<![A-Za-z0-9_@])@@(developer|maintainer|owner)(s?)(?=[ \t\n\v\f\r]|$)/gi;
/** GitLab's loose email pattern: must end with a word character. */
const EMAIL = /[^@ \t\n\v\f\r]{1,100}@[^@ \t\n\v\f\r]{1,255}(?<![^A-Za-z0-9_])/g;
const SPACES = /[ \t\n\v\f\r]+/;

export type OwnerReference =
  | { type: 'name'; index: number; raw: string; name: string }
  | { type: 'role'; index: number; raw: string; role: 'developer' | 'maintainer' | 'owner' }
  | { type: 'email'; index: number; raw: string; email: string };

/** Every reference in `text`, in the order written (duplicates included). */
export function scanReferences(text: string): OwnerReference[] {
  const found: OwnerReference[] = [];
  for (const match of text.matchAll(NAME)) {
    const name = match[1] ?? '';
    found.push({ type: 'name', index: match.index, raw: `@${name}`, name });
  }
  for (const match of text.matchAll(ROLE)) {
    const word = match[1] ?? '';
    const role = word.toLowerCase() as 'developer' | 'maintainer' | 'owner';
    found.push({ type: 'role', index: match.index, raw: `@@${word}${match[2] ?? ''}`, role });
  }
  for (const match of text.matchAll(EMAIL)) {
    found.push({ type: 'email', index: match.index, raw: match[0], email: match[0] });
  }
  return found.sort((a, b) => a.index - b.index);
}

function tokens(text: string): string[] {
  return text.split(SPACES).filter((token) => token !== '');
}

/**
 * Owner words of an entry that hold no reference at all (GitLab's `malformed_entry_owner`):
 * `user_without_at_symbol`, `#`, words of a trailing comment.
 */
export function invalidOwnerTokens(text: string): string[] {
  return tokens(text).filter((token) => scanReferences(token).length === 0);
}

/**
 * Default owners of a section header are stricter (GitLab's `invalid_section_owner_format`):
 * every word must be exactly one reference.
 */
export function invalidDefaultOwnerTokens(text: string): string[] {
  const raw = new Set(scanReferences(text).map((reference) => reference.raw));
  return tokens(text).filter((token) => !raw.has(token));
}

/** The owners in `text`, in the order written, each once; `groups` holds lower-cased group paths. */
export function ownersIn(text: string, groups: ReadonlySet<string>): CodeOwner[] {
  const owners: CodeOwner[] = [];
  const seen = new Set<string>();
  for (const reference of scanReferences(text)) {
    let owner: CodeOwner;
    if (reference.type === 'role') owner = { kind: 'role', role: reference.role };
    else if (reference.type === 'email') owner = { kind: 'email', email: reference.email };
    else if (reference.name.includes('/') || groups.has(reference.name.toLowerCase())) {
      owner = { kind: 'group', path: reference.name };
    } else owner = { kind: 'user', username: reference.name };
    const key = ownerKey(owner);
    if (seen.has(key)) continue;
    seen.add(key);
    owners.push(owner);
  }
  return owners;
}

function ownerKey(owner: CodeOwner): string {
  switch (owner.kind) {
    case 'user':
      return `user:${owner.username.toLowerCase()}`;
    case 'group':
      return `group:${owner.path.toLowerCase()}`;
    case 'email':
      return `email:${owner.email.toLowerCase()}`;
    case 'role':
      return `role:${owner.role}`;
  }
}

/** Plain-English problem text for owner words GitLab ignores. */
export function malformedOwnersMessage(invalid: readonly string[], ownerText: string): string {
  const list = invalid.map((token) => `"${token}"`).join(', ');
  const which = invalid.length === 1 ? 'is not an owner' : 'are not owners';
  const comment = /(^|[ \t])#/.test(ownerText)
    ? ' GitLab has no end-of-line comments: the words after "#" are read as owners (and any @mention there counts).'
    : '';
  return `${list} ${which} (use @username, @group/subgroup, @@developer, @@maintainer, @@owner or an email address), so GitLab ignores ${invalid.length === 1 ? 'it' : 'them'}.${comment}`;
}
