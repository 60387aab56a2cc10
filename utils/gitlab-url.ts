/**
 * The GitLab address a user types, made canonical: scheme, host, optional relative URL root
 * (GitLab can be served below a path), no trailing slash, no `/api/v4`, no query.
 */
export const GITLAB_COM = 'https://gitlab.com';

export type GitLabUrlResult = { ok: true; url: string } | { ok: false; message: string };

export function normalizeGitLabUrl(input: string): GitLabUrlResult {
  const raw = input.trim();
  if (!raw) return { ok: false, message: 'Enter the address of your GitLab, such as https://gitlab.com.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `"${raw}" is not a web address. Use the form https://gitlab.example.com.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'The GitLab address must start with https:// (or http:// for a local GitLab).' };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Leave the user name and password out of the address; the token signs you in.' };
  }
  // People paste API or page URLs: keep only what is above `/api/v4` or `/-/`.
  const path = url.pathname
    .replace(/\/api\/v4(\/.*)?$/, '')
    .replace(/\/-\/.*$/, '')
    .replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}

/** The host permission pattern for a GitLab origin (any port; Chrome match patterns ignore it). */
export function originPermissionPattern(gitlabUrl: string): string {
  const url = new URL(gitlabUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

export function isGitLabCom(gitlabUrl: string): boolean {
  return new URL(gitlabUrl).origin === GITLAB_COM;
}
