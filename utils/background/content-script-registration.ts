/**
 * Self-managed GitLab: the manifest's content script covers gitlab.com only, so the configured
 * origin gets the same script registered at run time once its optional host permission is
 * granted (SPEC §1). Registered scripts persist across browser restarts; we re-check at startup
 * anyway so a revoked permission or changed URL never leaves a stale registration.
 */
import { browser } from 'wxt/browser';
import { isGitLabCom, originPermissionPattern } from '../gitlab-url';

export const SELF_MANAGED_SCRIPT_ID = 'gitlab-self-managed';
// WXT writes the `gitlab.content` entrypoint here.
const CONTENT_SCRIPT_FILE = 'content-scripts/gitlab.js';

export type RegistrationResult = 'gitlab-com' | 'registered' | 'permission-missing';

export async function syncContentScriptRegistration(gitlabUrl: string): Promise<RegistrationResult> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SELF_MANAGED_SCRIPT_ID] });
  if (isGitLabCom(gitlabUrl)) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SELF_MANAGED_SCRIPT_ID] });
    return 'gitlab-com';
  }
  const pattern = originPermissionPattern(gitlabUrl);
  if (!(await browser.permissions.contains({ origins: [pattern] }))) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SELF_MANAGED_SCRIPT_ID] });
    return 'permission-missing';
  }
  const script = {
    id: SELF_MANAGED_SCRIPT_ID,
    matches: [pattern],
    js: [CONTENT_SCRIPT_FILE],
    runAt: 'document_idle' as const,
  };
  if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
  return 'registered';
}

/**
 * Whether a page belongs to the configured GitLab. Only that origin's pages may ask for data:
 * overlays live in open shadow roots that page scripts can read, so a gitlab.com page must not
 * receive data from a self-managed GitLab (the static gitlab.com script then stays silent).
 */
export function isConfiguredGitLabPage(pageUrl: string, gitlabUrl: string): boolean {
  try {
    return new URL(pageUrl).origin === new URL(gitlabUrl).origin;
  } catch {
    return false;
  }
}
