/**
 * Settings section "connection": where GitLab is. The token belongs to this section but is
 * stored apart, in the token vault (utils/background/token-vault.ts); its field rule is here so
 * the options page, Save and Test connection refuse the same tokens.
 */
import { z } from 'zod';
import { normalizeGitLabUrl } from '../gitlab-url';

export const gitlabUrlField = z.string().transform((value, ctx) => {
  const result = normalizeGitLabUrl(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  }
  return result.url;
});

/**
 * What is wrong with a personal access token as typed, or null if it may be sent (also for an
 * empty token: whether one is required is the caller's rule). Leading and trailing whitespace is
 * ignored, as the token field trims it. A GitLab token is printable ASCII; anything else, often an
 * invisible character copied along with it, would only fail later: fetch refuses a header value
 * beyond Latin-1 (reported as "could not reach" the host), and GitLab rejects the rest with a 401.
 */
export function tokenProblem(token: string): string | null {
  const trimmed = token.trim();
  if (trimmed.length > 512) return 'That is longer than any GitLab token.';
  const invisible = /(?! )[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Z}]/u.exec(trimmed)?.[0];
  if (invisible) {
    return `The token contains an invisible character (${codePoint(invisible)}) — it was probably copied along with the token. Paste the token again or type it.`;
  }
  if (/\s/.test(trimmed)) return 'A token has no spaces in it.';
  const other = /[^\x21-\x7e]/u.exec(trimmed)?.[0];
  if (other) {
    const named = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(other)
      ? `"${other}" (${codePoint(other)})`
      : `a non-printable character (${codePoint(other)})`;
    return `The token contains ${named}, which no GitLab token has. Paste the token again or type it.`;
  }
  return null;
}

/** `U+200B` for a character (a whole code point, so an emoji is one). */
function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export const tokenField = z
  .string()
  .trim()
  .superRefine((token, ctx) => {
    const problem = tokenProblem(token);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
