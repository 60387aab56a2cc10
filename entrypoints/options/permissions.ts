/**
 * Asks for access to a self-managed GitLab origin. Browsers grant this only inside the click
 * handler's user gesture, so callers must call this before awaiting anything else.
 */
import { browser } from 'wxt/browser';
import { isGitLabCom, normalizeGitLabUrl, originPermissionPattern } from '../../utils/gitlab-url';

export function requestOriginAccess(gitlabUrl: string): Promise<boolean> {
  const url = normalizeGitLabUrl(gitlabUrl);
  if (!url.ok || isGitLabCom(url.url)) return Promise.resolve(true);
  return browser.permissions.request({ origins: [originPermissionPattern(url.url)] }).catch(() => false);
}
