/**
 * The content script is registered at run time for the configured GitLab only, gitlab.com
 * included (SPEC §1): self-managed origins once their optional host permission is granted.
 * Registered scripts persist across browser restarts; we re-check at every start anyway so a
 * revoked permission or changed URL never leaves a stale registration. It runs at
 * document_start so its hosts are ready before GitLab renders the page (no layout shift), and
 * only on the configured origin, so it can start without first asking the background.
 */
import { browser } from 'wxt/browser';
import { isGitLabCom, originPermissionPattern } from '../gitlab-url';

const CONTENT_SCRIPT_ID = 'gitlab';
/** The id versions before 0.2 used for self-managed origins (gitlab.com had a manifest script). */
const LEGACY_SCRIPT_ID = 'gitlab-self-managed';
// WXT writes the `gitlab.content` entrypoint here.
const CONTENT_SCRIPT_FILE = 'content-scripts/gitlab.js';

type RegistrationResult = 'registered' | 'permission-missing';

/** One registration change at a time: two at once would both register the same id. */
let queue: Promise<unknown> = Promise.resolve();

export function syncContentScriptRegistration(gitlabUrl: string): Promise<RegistrationResult> {
  const next = queue.then(() => register(gitlabUrl));
  queue = next.catch(() => {});
  return next;
}

async function register(gitlabUrl: string): Promise<RegistrationResult> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID, LEGACY_SCRIPT_ID] });
  const ids = new Set(existing.map((script) => script.id));
  if (ids.has(LEGACY_SCRIPT_ID)) await browser.scripting.unregisterContentScripts({ ids: [LEGACY_SCRIPT_ID] });
  const pattern = originPermissionPattern(gitlabUrl);
  if (!isGitLabCom(gitlabUrl) && !(await browser.permissions.contains({ origins: [pattern] }))) {
    if (ids.has(CONTENT_SCRIPT_ID)) await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    return 'permission-missing';
  }
  const script = {
    id: CONTENT_SCRIPT_ID,
    matches: [pattern],
    js: [CONTENT_SCRIPT_FILE],
    runAt: 'document_start' as const,
  };
  if (ids.has(CONTENT_SCRIPT_ID)) await browser.scripting.updateContentScripts([script]);
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
