import { GitLabError } from './errors';

/** Validates and normalises the GitLab URL: http(s), no trailing slash, no `/api/v4`. */
export function normaliseBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new GitLabError({ kind: 'bad-url', reason: 'invalid-url', url: input });
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw new GitLabError({ kind: 'bad-url', reason: 'invalid-url', url: input });
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v4$/, '');
  return `${url.origin}${path}`;
}
