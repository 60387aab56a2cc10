/**
 * CODEOWNERS parser and matcher. Inputs are the examples in GitLab's documentation
 * (doc/user/project/codeowners/reference.md and advanced.md, cited per test) and GitLab's own
 * parser sources where the docs are silent (ee/lib/gitlab/code_owners/file.rb,
 * lib/gitlab/code_owners/section_parser.rb, reference_extractor.rb); the expected owners are
 * written by hand from what those pages say.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ownersOf,
  parseCodeowners,
  type CodeOwner,
  type ParsedCodeowners,
} from '../../../utils/dri/codeowners';

function label(owner: CodeOwner): string {
  switch (owner.kind) {
    case 'user':
      return `@${owner.username}`;
    case 'group':
      return `@${owner.path}`;
    case 'email':
      return owner.email;
    case 'role':
      return `@@${owner.role}`;
  }
}

/** Owners of `path` by section name ('' is the unnamed section). */
function owners(parsed: ParsedCodeowners, path: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const match of ownersOf(parsed, path)) (result[match.section] ??= []).push(label(match.owner));
  return result;
}

function problemCodes(parsed: ParsedCodeowners): [number, string][] {
  return parsed.problems.map((problem) => [problem.line, problem.code]);
}

function lineOf(text: string, fragment: string): number {
  return text.split('\n').findIndex((line) => line.includes(fragment)) + 1;
}

/** Whether a one-entry file `<pattern> @owner` gives `path` an owner. */
function matches(pattern: string, path: string): boolean {
  return ownersOf(parseCodeowners(`${pattern} @owner`), path).length > 0;
}

describe('CODEOWNERS syntax overview', () => {
  // doc/user/project/codeowners/reference.md — the example at the top of the page.
  const text = `# Specify a default Code Owner for all files with a wildcard:
* @default-owner

# Specify multiple Code Owners to a specific file:
README.md @doc-team @tech-lead

# Specify a Code Owner to all files with a specific extension:
*.rb @ruby-owner

# Specify Code Owners with usernames or email addresses:
LICENSE @legal janedoe@gitlab.com

# Use group names to match groups and nested groups:
README @group @group/with-nested/subgroup

# Specify a Code Owner to a directory and all its contents:
/docs/ @all-docs
/docs/* @root-docs
/docs/**/*.md @markdown-docs  # Match specific file types in any subdirectory
/db/**/index.md @index-docs   # Match a specific file name in any subdirectory

# Use a section to group related rules:
[Documentation]
ee/docs    @docs
docs       @docs

# Assign a role as a Code Owner:
/config/ @@maintainer
`;
  const parsed = parseCodeowners(text);

  it('gives each path the last matching entry of the unnamed section', () => {
    expect(owners(parsed, 'lib/tasks/cleanup.sh')).toEqual({ '': ['@default-owner'] });
    expect(owners(parsed, 'README.md')).toEqual({ '': ['@doc-team', '@tech-lead'] });
    expect(owners(parsed, 'app/models/user.rb')).toEqual({ '': ['@ruby-owner'] });
    expect(owners(parsed, 'LICENSE')).toEqual({ '': ['@legal', 'janedoe@gitlab.com'] });
    expect(owners(parsed, 'README')).toEqual({ '': ['@group', '@group/with-nested/subgroup'] });
  });

  it('tells directories, one-level wildcards and globstars apart', () => {
    expect(owners(parsed, 'docs/api/openapi.yaml')).toEqual({ '': ['@all-docs'] });
    expect(owners(parsed, 'docs/index.html')).toEqual({ '': ['@root-docs'] });
    expect(owners(parsed, 'docs/index.md')).toEqual({ '': ['@markdown-docs'] });
    expect(owners(parsed, 'docs/api/rest/issues.md')).toEqual({ '': ['@markdown-docs'] });
    expect(owners(parsed, 'db/index.md')).toEqual({ '': ['@index-docs'] });
    expect(owners(parsed, 'db/migrate/v2/index.md')).toEqual({ '': ['@index-docs'] });
  });

  it('evaluates the Documentation section separately, including the role entry after its comment', () => {
    expect(owners(parsed, 'config/gitlab.yml')).toEqual({ '': ['@default-owner'], Documentation: ['@@maintainer'] });
    expect(owners(parsed, 'ee/docs')).toEqual({ '': ['@default-owner'], Documentation: ['@docs'] });
    // `docs` has no trailing slash: it names a file called docs, not the directory's contents.
    expect(owners(parsed, 'docs/README.md')).toEqual({ '': ['@markdown-docs'] });
  });

  it('reports the end-of-line comments, which GitLab reads as (invalid) owners', () => {
    expect(problemCodes(parsed)).toEqual([
      [lineOf(text, '/docs/**/*.md'), 'malformed_entry_owner'],
      [lineOf(text, '/db/**/index.md'), 'malformed_entry_owner'],
    ]);
    expect(parsed.problems[0]?.message).toContain('"Match"');
    expect(parsed.problems[0]?.text).toBe('/docs/**/*.md @markdown-docs  # Match specific file types in any subdirectory');
  });
});

describe('sections', () => {
  it('evaluates each section separately and keeps only the last match per section', () => {
    // doc/user/project/codeowners/reference.md — "Sections".
    const parsed = parseCodeowners(`* @admin

[README Owners]
README.md @user1 @user2
internal/README.md @user4

[README other owners]
README.md @user3
`);
    expect(owners(parsed, 'README.md')).toEqual({
      '': ['@admin'],
      'README Owners': ['@user1', '@user2'],
      'README other owners': ['@user3'],
    });
    expect(owners(parsed, 'internal/README.md')).toEqual({
      '': ['@admin'],
      'README Owners': ['@user4'],
      'README other owners': ['@user3'],
    });
  });

  it('applies section default owners to entries that list none', () => {
    // doc/user/project/codeowners/reference.md — "Set default Code Owner for a section".
    const parsed = parseCodeowners(`[Documentation] @docs-team
docs/
README.md

[Database] @database-team @agarcia
model/db/
config/db/database-setup.md @docs-team
`);
    expect(owners(parsed, 'docs/guide/install.md')).toEqual({ Documentation: ['@docs-team'] });
    expect(owners(parsed, 'README.md')).toEqual({ Documentation: ['@docs-team'] });
    expect(owners(parsed, 'model/db/schema.rb')).toEqual({ Database: ['@database-team', '@agarcia'] });
    expect(owners(parsed, 'config/db/database-setup.md')).toEqual({ Database: ['@docs-team'] });
    const database = parsed.sections.find((section) => section.name === 'Database');
    expect(database?.entries.map((entry) => entry.fromDefaultOwners)).toEqual([true, false]);
    expect(parsed.problems).toEqual([]);
  });

  it('marks matches from ^[optional] sections', () => {
    // doc/user/project/codeowners/reference.md — "Optional sections".
    const parsed = parseCodeowners(`[Documentation]
*.md @root

[Ruby]
*.rb @root

^[Go]
*.go @root
`);
    expect(ownersOf(parsed, 'cmd/server/main.go')).toEqual([
      { owner: { kind: 'user', username: 'root' }, section: 'Go', pattern: '*.go', optional: true, line: 8 },
    ]);
    expect(ownersOf(parsed, 'app/models/user.rb')[0]?.optional).toBe(false);
  });

  it('keeps a section required when only one of its duplicates is optional', () => {
    // doc/user/project/codeowners/reference.md — "Optional sections" (last paragraphs).
    const parsed = parseCodeowners(`^[Go]
*.go @gophers

[go]
go.mod @gophers
`);
    expect(parsed.sections.map((section) => [section.name, section.optional])).toEqual([
      ['', false],
      ['Go', false],
    ]);
    expect(ownersOf(parsed, 'main.go')[0]?.optional).toBe(false);
  });

  it('reads every form of section heading', () => {
    // doc/user/project/codeowners/reference.md — "Section headings and names".
    const parsed = parseCodeowners(`# Required section
[Section name]

# Optional section
^[Section name]

# Section requiring 5 approvals
[Section name][5]

# Section with @username as default owner
[Section name] @username

# Section with @group and @subgroup as default owners and requiring 2 approvals
[Section name][2] @group @subgroup
`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.sections.map((section) => section.name)).toEqual(['', 'Section name']);
    expect(
      parsed.sections[1]?.headers.map((header) => [header.line, header.optional, header.approvals, header.defaultOwners.map(label)]),
    ).toEqual([
      [2, false, 1, []],
      [5, true, 1, []],
      [8, false, 5, []],
      [11, false, 1, ['@username']],
      [14, false, 2, ['@group', '@subgroup']],
    ]);
  });

  it('combines sections whose names differ only in case, under the first spelling', () => {
    // doc/user/project/codeowners/advanced.md — "Sections with duplicate names".
    const parsed = parseCodeowners(`[Documentation]
ee/docs/    @docs
docs/       @docs

[Database]
README.md  @database
model/db/   @database

[DOCUMENTATION]
README.md  @docs
`);
    expect(parsed.sections.map((section) => [section.name, section.entries.length])).toEqual([
      ['', 0],
      ['Documentation', 3],
      ['Database', 2],
    ]);
    expect(parsed.sections[1]?.headers.map((header) => header.name)).toEqual(['Documentation', 'DOCUMENTATION']);
    expect(owners(parsed, 'README.md')).toEqual({ Documentation: ['@docs'], Database: ['@database'] });
  });

  it('does not let sections override entries outside any section', () => {
    // doc/user/project/codeowners/advanced.md — "Regular entries and sections".
    const parsed = parseCodeowners(`# Required for all files
* @general-approvers

[Documentation] @docs-team
docs/
README.md
*.txt

[Database] @database-team
model/db/
config/db/database-setup.md @docs-team
`);
    expect(owners(parsed, 'model/db/CHANGELOG.txt')).toEqual({
      '': ['@general-approvers'],
      Documentation: ['@docs-team'],
      Database: ['@database-team'],
    });
    expect(owners(parsed, 'config/db/database-setup.md')).toEqual({ '': ['@general-approvers'], Database: ['@docs-team'] });
  });

  it('records approvals and optional sections with default owners placed last', () => {
    // doc/user/project/codeowners/advanced.md — "Default Code Owners and optional sections".
    const parsed = parseCodeowners(`[Documentation][2] @docs-team
docs/
README.md

^[Database] @database-team
model/db/
config/db/database-setup.md @docs-team
`);
    expect(parsed.sections.slice(1).map((section) => [section.name, section.optional, section.headers[0]?.approvals])).toEqual([
      ['Documentation', false, 2],
      ['Database', true, 1],
    ]);
    expect(parsed.sections[1]?.entries.map((entry) => entry.approvals)).toEqual([2, 2]);
    expect(ownersOf(parsed, 'model/db/orders.sql')).toEqual([
      { owner: { kind: 'user', username: 'database-team' }, section: 'Database', pattern: 'model/db/', optional: true, line: 6 },
    ]);
  });

  it('treats [0] and a missing count as one approval', () => {
    // doc/user/project/codeowners/advanced.md — "Require multiple approvals" and "Minimum approvals".
    const parsed = parseCodeowners(`[Documentation][2]
*.md @tech-writer-team

[Ruby]
*.rb @dev-team

[Zero][0]
*.go @go-team
`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.sections.slice(1).map((section) => section.headers[0]?.approvals)).toEqual([2, 1, 1]);
  });
});

describe('path patterns', () => {
  // doc/user/project/codeowners/reference.md — "Path matching", with the paths the page lists.
  it.each([
    ['/README.md', 'README.md', true],
    ['/README.md', 'internal/README.md', false],
    ['/docs/README.md', 'docs/README.md', true],
    ['/docs/README.md', 'README.md', false],
  ])('absolute path %s on %s: %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it.each([
    ['README.md', 'README.md', true],
    ['README.md', 'internal/README.md', true],
    ['README.md', 'app/lib/README.md', true],
    ['internal/README.md', 'internal/README.md', true],
    ['internal/README.md', 'docs/internal/README.md', true],
    ['internal/README.md', 'docs/api/internal/README.md', true],
    ['internal/README.md', 'README.md', false],
    ['internal/README.md', 'external/README.md', false],
  ])('relative path %s on %s: %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it.each([
    ['/docs/', 'docs/index.md', true],
    ['/docs/', 'docs/api/graphql/index.md', true],
    ['/docs/', 'other/docs/index.md', false],
    ['docs/', 'other/docs/index.md', true],
  ])('directory path %s on %s: %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it.each([
    ['/docs/*.md', 'docs/index.md', true],
    ['/docs/*.md', 'docs/api/index.md', false],
    ['/docs/index.*', 'docs/index.md', true],
    ['/docs/index.*', 'docs/index.html', true],
    ['/docs/index.*', 'docs/index.xml', true],
    ['/docs/index.*', 'docs/api/index.md', false],
    ['/docs/*spec*', 'docs/qa_specs.rb', true],
    ['/docs/*spec*', 'docs/spec_helpers.rb', true],
    ['/docs/*spec*', 'docs/runtime.spec', true],
    ['/docs/*spec*', 'docs/readme.md', false],
    ['/docs/*/README.md', 'docs/api/README.md', true],
    ['/docs/*/README.md', 'docs/README.md', false],
    ['/docs/*/README.md', 'docs/api/v4/README.md', false],
  ])('wildcard path %s on %s: %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it.each([
    ['/docs/**/index.md', 'docs/index.md', true],
    ['/docs/**/index.md', 'docs/api/index.md', true],
    ['/docs/**/index.md', 'docs/api/graphql/index.md', true],
    ['/docs/**/index.md', 'docs/api/graphql/readme.md', false],
  ])('globstar path %s on %s: %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  // doc/user/project/codeowners/advanced.md — "Pattern matching" (File::fnmatch with
  // FNM_DOTMATCH | FNM_PATHNAME).
  it.each([
    ['*', '.gitignore', true],
    ['*', 'config/.env.example', true],
    ['**/*.rb', 'config/database.rb', true],
    ['**/*.rb', 'app/controllers/users/stars_controller.rb', true],
    ['/config/*', 'config/database.yml', true],
    ['/config/*', 'config/initializers/session.rb', false],
  ])('fnmatch flags: %s on %s: %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  // What Ruby's File.fnmatch does with GitLab's normalised patterns (ee/lib/gitlab/code_owners/file.rb
  // and its spec): no trailing slash means one file; `**` not followed by `/` is one level; `?` and
  // `[...]` work; braces do not; matching is case-sensitive.
  it.each([
    ['docs', 'docs', true],
    ['docs', 'docs/index.md', false],
    ['/docs/**', 'docs/index.md', true],
    ['/docs/**', 'docs/api/index.md', false],
    ['/*', 'README.md', true],
    ['/*', 'nested/path/README.md', false],
    ['foo/*', 'baz/foo/bar', true],
    ['foo/*', 'foo/bar', true],
    ['foo/*', 'fufoo/bar', false],
    ['/lib/?.rb', 'lib/a.rb', true],
    ['/lib/?.rb', 'lib/ab.rb', false],
    ['/lib/v[0-9]/', 'lib/v2/client.rb', true],
    ['/lib/v[0-9]/', 'lib/vx/client.rb', false],
    ['/lib/[!a]*.rb', 'lib/b.rb', true],
    ['/lib/[!a]*.rb', 'lib/a.rb', false],
    ['/lib/[abc', 'lib/[abc', false],
    ['/docs/{a,b}.md', 'docs/a.md', false],
    ['/docs/{a,b}.md', 'docs/{a,b}.md', true],
    ['*.RB', 'app.rb', false],
  ])('fnmatch semantics: %s on %s: %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it('matches many wildcards in linear time (no regular-expression backtracking)', () => {
    const parsed = parseCodeowners(`/${'*a'.repeat(400)} @owner`);
    const started = performance.now();
    expect(owners(parsed, `${'a'.repeat(2000)}b`)).toEqual({});
    expect(owners(parsed, 'a'.repeat(2000))).toEqual({ '': ['@owner'] });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('accepts paths with or without a leading slash', () => {
    const parsed = parseCodeowners('/README.md @root');
    expect(owners(parsed, '/README.md')).toEqual(owners(parsed, 'README.md'));
    expect(owners(parsed, 'README.md')).toEqual({ '': ['@root'] });
  });

  it('reads escaped spaces as part of the path', () => {
    // doc/user/project/codeowners/advanced.md — "Entries with spaces".
    const parsed = parseCodeowners('path\\ with\\ spaces/*.md @owner');
    expect(owners(parsed, 'path with spaces/README.md')).toEqual({ '': ['@owner'] });
    expect(owners(parsed, 'path/README.md')).toEqual({});
    expect(parsed.sections[0]?.entries[0]?.pattern).toBe('path\\ with\\ spaces/*.md');
  });

  it('splits an unescaped space into pattern and owners, as the docs warn', () => {
    // doc/user/project/codeowners/advanced.md — "Entries with spaces".
    const parsed = parseCodeowners('folder with spaces/*.md @group');
    expect(parsed.sections[0]?.entries.map((entry) => entry.pattern)).toEqual(['folder']);
    expect(owners(parsed, 'folder with spaces/notes.md')).toEqual({});
    expect(owners(parsed, 'folder')).toEqual({ '': ['@group'] });
    expect(problemCodes(parsed)).toEqual([[1, 'malformed_entry_owner']]);
    expect(parsed.problems[0]?.message).toContain('"with", "spaces/*.md"');
  });

  it('matches a path full of spaces and owner look-alikes', () => {
    // ee/spec/lib/gitlab/code_owners/file_spec.rb — "paths with whitespaces and username lookalikes".
    const parsed = parseCodeowners(
      'a/weird\\ path\\ with/\\ @username\\ /\\ and-email@lookalikes.com\\ / @user-1 email@gitlab.org @user-2',
    );
    expect(owners(parsed, 'a/weird path with/ @username / and-email@lookalikes.com /test.rb')).toEqual({
      '': ['@user-1', 'email@gitlab.org', '@user-2'],
    });
  });

  it('reads \\# as a pattern, not a comment', () => {
    // doc/user/project/code_owners.md (earlier version of the page): "This needs to be escaped using
    // `\#`"; ee/lib/gitlab/code_owners/file.rb normalize_pattern.
    const parsed = parseCodeowners('# a comment @nobody\n\\#file_with_pound.rb @owner-file-with-pound');
    expect(owners(parsed, 'examples/#file_with_pound.rb')).toEqual({ '': ['@owner-file-with-pound'] });
    expect(parsed.sections[0]?.entries).toHaveLength(1);
  });
});

describe('last match wins', () => {
  it('prefers the later, more specific entry', () => {
    // doc/user/project/codeowners/advanced.md — "Define Code Owners for specific files or directories".
    const parsed = parseCodeowners(`# This line would match the file terms.md
*.md @doc-team

# This line would also match the file terms.md
terms.md @legal-team
`);
    expect(owners(parsed, 'terms.md')).toEqual({ '': ['@legal-team'] });
    expect(owners(parsed, 'docs/privacy.md')).toEqual({ '': ['@doc-team'] });
  });

  it('keeps a repeated pattern at its first position, with the later owners', () => {
    // ee/lib/gitlab/code_owners/file.rb: entries are a hash keyed by normalised pattern.
    const parsed = parseCodeowners(`*.rb @a
/app/ @b
*.rb @c
`);
    expect(parsed.sections[0]?.entries.map((entry) => [entry.pattern, entry.line])).toEqual([
      ['*.rb', 3],
      ['/app/', 2],
    ]);
    expect(owners(parsed, 'app/models/user.rb')).toEqual({ '': ['@b'] });
    expect(owners(parsed, 'lib/tasks.rb')).toEqual({ '': ['@c'] });
  });
});

describe('exclusions', () => {
  it('excludes paths within their own section only', () => {
    // doc/user/project/codeowners/reference.md — "Exclusion patterns", first example.
    const parsed = parseCodeowners(`# All files require approval from @username
* @username

# Except pom.xml which needs no approval
!pom.xml

[Ruby]
# All ruby files require approval from @ruby-team
*.rb @ruby-team

# Except Ruby files in the config directory
!/config/**/*.rb
`);
    expect(owners(parsed, 'pom.xml')).toEqual({});
    expect(owners(parsed, 'services/billing/pom.xml')).toEqual({});
    expect(owners(parsed, 'app/models/user.rb')).toEqual({ '': ['@username'], Ruby: ['@ruby-team'] });
    expect(owners(parsed, 'config/routes.rb')).toEqual({ '': ['@username'] });
    expect(owners(parsed, 'config/initializers/session.rb')).toEqual({ '': ['@username'] });
    expect(parsed.problems).toEqual([]);
  });

  it('lets an exclusion win over later entries of the section', () => {
    // doc/user/project/codeowners/reference.md — "Exclusions are evaluated in order in their section".
    const text = `* @default-owner
!*.rb                      # Excludes all Ruby files.
/special/*.rb @ruby-owner  # This won't take effect as *.rb is already excluded.
`;
    const parsed = parseCodeowners(text);
    expect(owners(parsed, 'special/importer.rb')).toEqual({});
    expect(owners(parsed, 'special/notes.txt')).toEqual({ '': ['@default-owner'] });
    // The exclusion's trailing comment is never read; the entry's is.
    expect(problemCodes(parsed)).toEqual([[3, 'malformed_entry_owner']]);
  });

  it('does not re-include an excluded path in the same section', () => {
    // doc/user/project/codeowners/reference.md — "After a pattern is excluded, it cannot be included again".
    const parsed = parseCodeowners(`[Ruby]
*.rb @ruby-team           # All Ruby files need Ruby team approval.
!/config/**/*.rb          # Ruby files in config don't need Ruby team approval.
/config/routes.rb @ops    # This won't take effect as config Ruby files are excluded.
`);
    expect(owners(parsed, 'config/routes.rb')).toEqual({});
    expect(owners(parsed, 'app/models/user.rb')).toEqual({ Ruby: ['@ruby-team'] });
  });

  it('leaves other sections free to own an excluded path', () => {
    // doc/user/project/codeowners/reference.md — "use multiple sections".
    const parsed = parseCodeowners(`[Ruby]
*.rb @ruby-team
!/config/**/*.rb        # Config Ruby files don't need Ruby team approval.

[Config]
/config/ @ops-team      # Config files still require ops-team approval.
`);
    expect(owners(parsed, 'config/routes.rb')).toEqual({ Config: ['@ops-team'] });
  });

  it('exempts files updated by automation', () => {
    // doc/user/project/codeowners/reference.md — "Use exclusions for files that are automatically updated".
    const parsed = parseCodeowners(`* @default-owner

# Files updated by automation don't need approval.
!package-lock.json
!yarn.lock
!**/generated/          # Any files in generated directories.
!.gitlab-ci.yml
`);
    for (const path of ['package-lock.json', 'web/yarn.lock', 'src/generated/api.ts', 'a/b/generated/c/d.ts', '.gitlab-ci.yml']) {
      expect(owners(parsed, path)).toEqual({});
    }
    expect(owners(parsed, 'src/app.ts')).toEqual({ '': ['@default-owner'] });
  });

  it('excludes whatever the order of the exclusion and the entry', () => {
    // ee/lib/gitlab/code_owners/file.rb entries_for_path: any matching exclusion empties the section.
    const parsed = parseCodeowners('!*.rb\n* @all');
    expect(owners(parsed, 'app.rb')).toEqual({});
    expect(owners(parsed, 'app.py')).toEqual({ '': ['@all'] });
  });

  it('lets an entry with the very same pattern replace an exclusion (hash key)', () => {
    // ee/lib/gitlab/code_owners/file.rb: `!*.rb` and `*.rb` share the key `/**/*.rb`, so the later
    // line replaces the exclusion; a different pattern cannot re-include (see above).
    const parsed = parseCodeowners('* @all\n!*.rb\n*.rb @ruby');
    expect(owners(parsed, 'app.rb')).toEqual({ '': ['@ruby'] });
  });
});

describe('owners', () => {
  it('reads users, groups, subgroups and emails', () => {
    // doc/user/project/codeowners/reference.md — "Entry owners" and the LICENSE example.
    const parsed = parseCodeowners(`/path/to/entry.rb @group @group/subgroup @user
LICENSE @legal janedoe@gitlab.com
`);
    expect(ownersOf(parsed, 'path/to/entry.rb').map((match) => match.owner)).toEqual([
      { kind: 'user', username: 'group' },
      { kind: 'group', path: 'group/subgroup' },
      { kind: 'user', username: 'user' },
    ]);
    expect(ownersOf(parsed, 'LICENSE').map((match) => match.owner)).toEqual([
      { kind: 'user', username: 'legal' },
      { kind: 'email', email: 'janedoe@gitlab.com' },
    ]);
  });

  it('reports single-level names as groups when told which names are groups', () => {
    // doc/user/project/codeowners/reference.md — "Add a group as a Code Owner".
    const text = `file.md @group-x @group-x/subgroup-y

[Maintainers]
* @gitlab-org/maintainers/group-name
`;
    const parsed = parseCodeowners(text, { groups: ['Group-X'] });
    expect(ownersOf(parsed, 'file.md').map((match) => match.owner)).toEqual([
      { kind: 'group', path: 'group-x' },
      { kind: 'group', path: 'group-x/subgroup-y' },
      { kind: 'group', path: 'gitlab-org/maintainers/group-name' },
    ]);
    expect(ownersOf(parseCodeowners(text), 'file.md')[0]?.owner).toEqual({ kind: 'user', username: 'group-x' });
  });

  it('reads roles, singular or plural, in any case', () => {
    // doc/user/project/codeowners/reference.md — "Add a role as a Code Owner" (`@@developers` is
    // accepted); lib/gitlab/code_owners/reference_extractor.rb ROLE_REGEXP (developer, maintainer,
    // owner; case-insensitive).
    const parsed = parseCodeowners(`file.md @@developer @@maintainer
team.md @@developers @@Owners @@owner
`);
    expect(ownersOf(parsed, 'file.md').map((match) => match.owner)).toEqual([
      { kind: 'role', role: 'developer' },
      { kind: 'role', role: 'maintainer' },
    ]);
    expect(ownersOf(parsed, 'team.md').map((match) => match.owner)).toEqual([
      { kind: 'role', role: 'developer' },
      { kind: 'role', role: 'owner' },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('ignores and reports roles GitLab does not accept', () => {
    // doc/user/project/codeowners/reference.md — "Only Developer, Maintainer, and Owner roles are available".
    const parsed = parseCodeowners('bad.md @@reporter @@dev @alice');
    expect(owners(parsed, 'bad.md')).toEqual({ '': ['@alice'] });
    expect(problemCodes(parsed)).toEqual([[1, 'malformed_entry_owner']]);
    expect(parsed.problems[0]?.message).toContain('"@@reporter", "@@dev"');
  });

  it('ignores malformed owners but keeps the valid ones', () => {
    // doc/user/project/codeowners/advanced.md — "Malformed owners".
    const parsed = parseCodeowners('/path/* @group user_without_at_symbol @user_with_at_symbol');
    expect(owners(parsed, 'path/file.rb')).toEqual({ '': ['@group', '@user_with_at_symbol'] });
    expect(parsed.problems).toEqual([
      {
        line: 1,
        text: '/path/* @group user_without_at_symbol @user_with_at_symbol',
        code: 'malformed_entry_owner',
        message: expect.stringContaining('"user_without_at_symbol" is not an owner'),
      },
    ]);
  });

  it('counts @mentions written in a trailing "comment"', () => {
    // doc/user/project/codeowners/reference.md — "Inline comments are unsupported. Any Code Owners
    // listed in a comment are parsed."
    const parsed = parseCodeowners('*.md @docs # ask @alice first');
    expect(owners(parsed, 'README.md')).toEqual({ '': ['@docs', '@alice'] });
    expect(parsed.problems[0]?.message).toContain('no end-of-line comments');
  });

  it('keeps entries without owners: matching paths have no owner in that section', () => {
    // doc/user/project/codeowners/advanced.md — "Zero owners"; file.rb adds missing_entry_owner.
    const parsed = parseCodeowners(`* @default-owner
/generated/

[Frontend] @frontend
*.js not_a_user
*.ts
`);
    expect(owners(parsed, 'generated/schema.ts')).toEqual({ Frontend: ['@frontend'] });
    expect(owners(parsed, 'generated/client.js')).toEqual({});
    expect(owners(parsed, 'lib/index.js')).toEqual({ '': ['@default-owner'] });
    expect(parsed.sections[0]?.entries[1]).toMatchObject({ pattern: '/generated/', owners: [] });
    // Invalid owner text is not "no owners": the section default does not step in.
    expect(problemCodes(parsed)).toEqual([
      [2, 'missing_entry_owner'],
      [5, 'malformed_entry_owner'],
    ]);
  });
});

describe('malformed lines', () => {
  it('skips an unclosed section header and keeps its entries in the previous section', () => {
    // doc/user/project/codeowners/advanced.md — "Unparsable sections" (both examples). The page
    // says the header becomes an entry `[Section`; file.rb now skips it. Either way it matches no file.
    const first = parseCodeowners(`* @group

[Section name
docs/ @docs_group
`);
    expect(problemCodes(first)).toEqual([[3, 'invalid_section_format']]);
    expect(first.sections.map((section) => section.name)).toEqual(['']);
    expect(owners(first, 'docs/index.md')).toEqual({ '': ['@docs_group'] });

    const second = parseCodeowners(`[Docs]
docs/**/* @group

[Section name
docs/ @docs_group
`);
    // `docs/**/*` and `docs/` normalise to the same pattern, so the later line replaces the earlier.
    expect(second.sections[1]?.entries.map((entry) => [entry.pattern, entry.line])).toEqual([['docs/', 5]]);
    expect(owners(second, 'docs/index.md')).toEqual({ Docs: ['@docs_group'] });
  });

  it('reports every syntax error GitLab reports, by line', () => {
    // ee/spec/lib/gitlab/code_owners/file_spec.rb — "detects syntax errors".
    const parsed = parseCodeowners(`*.rb

[]
*_spec.rb @gl-test

^[Optional][5]
*.txt @user

[Invalid section

[OK section header]
`);
    expect(problemCodes(parsed)).toEqual([
      [1, 'missing_entry_owner'],
      [3, 'missing_section_name'],
      [6, 'invalid_approval_requirement'],
      [9, 'invalid_section_format'],
    ]);
    for (const problem of parsed.problems) expect(problem.message.length).toBeGreaterThan(20);
  });

  // lib/gitlab/code_owners/section_parser.rb and its spec: a header with a bad approval count,
  // bad default owners or trailing junk still opens its section; the problem is reported.
  it.each([
    ['[]', ['missing_section_name'], ''],
    ['^[Doc][1]', ['invalid_approval_requirement'], 'Doc'],
    ['[Doc][]', ['invalid_approval_requirement'], 'Doc'],
    ['[Doc][1 0]', ['invalid_approval_requirement'], 'Doc'],
    ['[Doc] malformed', ['invalid_section_owner_format'], 'Doc'],
    ['[Doc][2] @@dev', ['invalid_section_owner_format'], 'Doc'],
    ['[Doc]]', ['invalid_section_format'], 'Doc'],
    ['[Doc][2]@owner', ['invalid_section_format'], 'Doc'],
    ['[Doc][one]', ['invalid_section_format'], 'Doc'],
    ['[Doc] @owner+malformed', ['invalid_section_format'], 'Doc'],
    ['[Doc][2] @doc @rrr.dev @dev', [], 'Doc'],
    ['[Doc] @@DEVeloper @maintainers @OWNER', [], 'Doc'],
  ])('header %s: problems %j, section "%s"', (header, codes, section) => {
    const parsed = parseCodeowners(`${header}\nx.md @owner`);
    expect(parsed.problems.map((problem) => problem.code)).toEqual(codes);
    expect(parsed.sections).toHaveLength(2);
    expect(ownersOf(parsed, 'x.md')[0]?.section).toBe(section);
  });

  it('gives a section header\'s valid default owners even when the header is malformed', () => {
    // lib/gitlab/code_owners/section_parser.rb spec: '[Doc] @owner+malformed' has default owners '@owner'.
    const parsed = parseCodeowners('[Doc] @owner+malformed\nx.md');
    expect(owners(parsed, 'x.md')).toEqual({ Doc: ['@owner'] });
  });

  it('never throws, whatever the input', () => {
    const alphabet = ['[', ']', '^', '!', '\\', '@', '@@', '#', '*', '**', '?', ' ', '\t', '\n', '\r\n', '/', 'a', 'é', '.', '-', '0', 'x@y.z'];
    let seed = 7;
    const next = () => {
      seed = (seed * 16807) % 2147483647;
      return seed;
    };
    for (let run = 0; run < 500; run += 1) {
      let text = '';
      for (let i = next() % 60; i > 0; i -= 1) text += alphabet[next() % alphabet.length];
      const lineCount = text.split('\n').length;
      const parsed = parseCodeowners(text);
      for (const problem of parsed.problems) expect(problem.line).toBeLessThanOrEqual(lineCount);
      expect(() => ownersOf(parsed, 'a/b.c')).not.toThrow();
    }
  });

  it('reads CRLF line endings and a byte-order mark like plain lines', () => {
    const parsed = parseCodeowners('\uFEFF* @default-owner\r\n[Docs] @docs\r\ndocs/\r\n');
    expect(owners(parsed, 'docs/index.md')).toEqual({ '': ['@default-owner'], Docs: ['@docs'] });
    expect(parsed.problems).toEqual([]);
  });
});

describe('sample CODEOWNERS (test/fixtures/codeowners/CODEOWNERS)', () => {
  const text = readFileSync(fileURLToPath(new URL('../../fixtures/codeowners/CODEOWNERS', import.meta.url)), 'utf8');
  const parsed = parseCodeowners(text);

  it('finds the sections, combining [postgresql] into [PostgreSQL]', () => {
    expect(parsed.sections.map((section) => [section.name, section.optional, section.headers.length])).toEqual([
      ['', false, 0],
      ['PostgreSQL', false, 2],
      ['Redis', false, 1],
      ['Prometheus', true, 1],
      ['Security', false, 1],
      ['Runbooks', false, 1],
    ]);
    expect(parsed.sections[2]?.headers[0]?.approvals).toBe(2);
  });

  it('reports the trailing comment and the unclosed [Kafka header', () => {
    expect(problemCodes(parsed)).toEqual([
      [lineOf(text, '/lib/cache/lua/'), 'malformed_entry_owner'],
      [lineOf(text, '[Kafka'), 'invalid_section_format'],
    ]);
  });

  it.each([
    ['lib/cache/store.rb', { '': ['@@maintainer'], Redis: ['@redis-dri'] }],
    ['lib/cache/lua/evict.lua', { '': ['@@maintainer'], Redis: ['@redis-dri'] }],
    ['config/redis.cache.yml', { '': ['@@maintainer'], Redis: ['@redis-dri'] }],
    ['app/workers/sidekiq/retry_job.rb', { '': ['@@maintainer'], Redis: ['@redis-dri', '@acme/jobs'] }],
    ['db/schema.rb', { '': ['@@maintainer'], PostgreSQL: ['@pg-dri', '@acme/dba'] }],
    ['db/migrate/20240101_add_orders.rb', { '': ['@@maintainer'], PostgreSQL: ['@pg-dri', '@acme/dba', '@schema-review'] }],
    ['db/seeds/development.rb', { '': ['@@maintainer'] }],
    ['config/database.yml', { '': ['@@maintainer'], PostgreSQL: ['@pg-dri', '@acme/dba'] }],
    ['ops/pgbouncer/pgbouncer.ini', { '': ['@@maintainer'], PostgreSQL: ['@pg-dri'] }],
    // The typo'd [Kafka header is skipped, so its entry lands in the section before it.
    ['services/events/consumer.go', { '': ['@@maintainer'], PostgreSQL: ['@kafka-dri'] }],
    ['monitoring/alerts/postgres.rules.yml', { '': ['@@maintainer'], Prometheus: ['@prom-dri'] }],
    ['monitoring/dashboards/redis.json', { '': ['@@maintainer'], Prometheus: ['@acme/sre/dashboards'] }],
    ['monitoring/dashboards/generated/redis.json', { '': ['@@maintainer'] }],
    ['lib/metrics/exporter.rb', { '': ['@@maintainer'], Prometheus: ['@prom-dri'] }],
    ['config/secrets/production.enc', { '': ['@@maintainer'], Security: ['security@acme.example', '@@owner'] }],
    ['docs/runbooks/on call/paging.md', { '': ['@tech-writers'], Runbooks: ['@acme/sre'] }],
    ['docs/runbooks/postgresql.md', { '': ['@tech-writers'], Runbooks: ['@pg-dri'] }],
    ['frontend/Dockerfile', { '': ['@platform/release'] }],
    ['.gitlab/issue_templates/Bug.md', { '': ['@tech-writers'] }],
    ['.gitlab-ci.yml', { '': ['@platform/release'] }],
    ['package-lock.json', {}],
    ['vendor/gems/pg/lib/pg.rb', {}],
  ])('%s', (path, expected) => {
    expect(owners(parsed, path)).toEqual(expected);
  });

  it('describes each match fully', () => {
    expect(ownersOf(parsed, 'monitoring/dashboards/redis.json')).toEqual([
      { owner: { kind: 'role', role: 'maintainer' }, section: '', pattern: '*', optional: false, line: lineOf(text, '* @@maintainers') },
      {
        owner: { kind: 'group', path: 'acme/sre/dashboards' },
        section: 'Prometheus',
        pattern: '/monitoring/dashboards/*.json',
        optional: true,
        line: lineOf(text, '/monitoring/dashboards/*.json'),
      },
    ]);
  });
});
