/**
 * Section header lines, read the way GitLab reads them (lib/gitlab/code_owners/section_parser.rb).
 * GitLab is lenient: any line that starts with `[Name]` or `^[Name]` opens a section, even when
 * the rest of the header is malformed; the problems are reported but the section is still used.
 * A line that starts with `[` or `^[` without a closing `]` is skipped and reported.
 */
import type { CodeownersProblemCode } from './codeowners';
import { invalidDefaultOwnerTokens } from './codeowners-owners';

/** Ruby's `\s` and `\w` are ASCII-only; spelt out so JavaScript's Unicode `\s` does not widen them. */
const S = '[ \\t\\n\\v\\f\\r]';
const W = 'A-Za-z0-9_';
const HEADER = new RegExp(`^(\\^)?\\[(.*?)\\](?:\\[((?:${S}|\\d)*)\\])?(${S}*[@${W}.\\-/ \\t\\n\\v\\f\\r]*)?`);
const STRICT_HEADER = new RegExp(`^\\^?\\[[^\\]]+\\](?:\\[\\d+\\])?(?:${S}+[@${W}.\\-/ \\t\\n\\v\\f\\r]+)?$`);
const LOOKS_LIKE_HEADER = /^\^?\[/;
const WHOLE_NUMBER = new RegExp(`^${S}*\\d+${S}*$`);
const BLANK = /^\s*$/;

export interface HeaderProblem {
  code: CodeownersProblemCode;
  message: string;
}

export type HeaderLine =
  | { kind: 'not-a-header' }
  | { kind: 'unparsable'; problem: HeaderProblem }
  | {
      kind: 'header';
      name: string;
      optional: boolean;
      /** Effective approvals: GitLab requires at least one (`[0]`, `[]`, `[x]` mean one). */
      approvals: number;
      defaultOwnersText: string;
      problems: HeaderProblem[];
    };

export function readHeader(line: string): HeaderLine {
  const match = HEADER.exec(line);
  if (!match) {
    if (!LOOKS_LIKE_HEADER.test(line)) return { kind: 'not-a-header' };
    return {
      kind: 'unparsable',
      problem: {
        code: 'invalid_section_format',
        message: 'This looks like a section header but has no closing "]", so GitLab ignores the line.',
      },
    };
  }
  const optional = match[1] === '^';
  const name = match[2] ?? '';
  const rawApprovals = match[3];
  const approvals = rawApprovals === undefined ? 0 : Number.parseInt(rawApprovals.trim(), 10) || 0;
  const defaultOwnersText = (match[4] ?? '').replace(new RegExp(`^${S}+|${S}+$`, 'g'), '');

  const problems: HeaderProblem[] = [];
  if (BLANK.test(name)) {
    problems.push({ code: 'missing_section_name', message: 'The section header has no name between "[" and "]".' });
  }
  if (rawApprovals !== undefined && !WHOLE_NUMBER.test(rawApprovals)) {
    problems.push({
      code: 'invalid_approval_requirement',
      message: `"[${rawApprovals}]" is not a number of approvals; write a whole number such as [2]. GitLab requires one approval instead.`,
    });
  } else if (optional && approvals > 0) {
    problems.push({
      code: 'invalid_approval_requirement',
      message: 'An optional section (^[...]) cannot also require a number of approvals; GitLab keeps it optional.',
    });
  }
  const badOwners = defaultOwnersText === '' ? [] : invalidDefaultOwnerTokens(defaultOwnersText);
  if (badOwners.length > 0) {
    problems.push({
      code: 'invalid_section_owner_format',
      message:
        `Default owner${badOwners.length === 1 ? '' : 's'} ${badOwners.map((t) => `"${t}"`).join(', ')} ` +
        `${badOwners.length === 1 ? 'is' : 'are'} not an @username, @group/subgroup, @@role or email address, so GitLab ignores ${badOwners.length === 1 ? 'it' : 'them'}.`,
    });
  }
  if (problems.length === 0 && !STRICT_HEADER.test(line)) {
    problems.push({
      code: 'invalid_section_format',
      message:
        'The section header is not of the form [Name], ^[Name], [Name][2] or [Name] @owner ...; ' +
        `GitLab still opens section "${name}"` +
        (defaultOwnersText === '' ? '' : ` with default owners "${defaultOwnersText}"`) +
        ' and ignores the rest of the line.',
    });
  }
  return {
    kind: 'header',
    name,
    optional,
    approvals: Math.max(1, approvals),
    defaultOwnersText,
    problems,
  };
}
