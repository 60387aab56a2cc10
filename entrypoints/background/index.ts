import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRouter } from '../../utils/background/router';
import { createHandlers } from '../../utils/background/handlers';
import { loadSettings, saveSettings } from '../../utils/background/settings-store';
import {
  isConfiguredGitLabPage,
  syncContentScriptRegistration,
} from '../../utils/background/content-script-registration';
import { connectionProbe, describeGitLabError } from '../../utils/background/gitlab-access';

export default defineBackground(() => {
  const handlers = createHandlers({
    loadSettings,
    saveSettings,
    hasOriginPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    syncContentScriptRegistration,
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    createProbe: connectionProbe,
    describeError: describeGitLabError,
  });
  const route = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionBaseUrl: browser.runtime.getURL('/'),
    isAllowedContentUrl: async (url) => isConfiguredGitLabPage(url, (await loadSettings()).settings.gitlabUrl),
    onError: (name, error) => console.error(`[Engineering Lens] ${name} failed`, error),
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  // Registered content scripts persist, but a revoked permission or an edited URL must not
  // leave a stale one behind.
  const resync = () =>
    void loadSettings()
      .then(({ settings }) => syncContentScriptRegistration(settings.gitlabUrl))
      .catch((error: unknown) => console.error('[Engineering Lens] content script registration failed', error));
  browser.runtime.onInstalled.addListener(resync);
  browser.runtime.onStartup.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
});
