import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRouter } from '../../utils/background/router';
import { createHandlers } from '../../utils/background/handlers';
import { createOverviewHandlers } from '../../utils/background/overview-handlers';
import { createSyncHandlers } from '../../utils/background/sync-handlers';
import { createBoardHandlers } from '../../utils/background/board-handlers';
import { createEpicHandlers } from '../../utils/background/epic-handlers';
import { createDataService } from '../../utils/background/data-service';
import { loadSettings, saveSettings, tokenFor } from '../../utils/background/settings-store';
import {
  isConfiguredGitLabPage,
  syncContentScriptRegistration,
} from '../../utils/background/content-script-registration';
import { connectionProbe, describeGitLabError } from '../../utils/background/gitlab-access';
import { isGitLabError } from '../../utils/gitlab/errors';
import { scheduleDailySync, DAILY_SYNC_ALARM, runDailySync } from '../../utils/background/daily-sync';
import { storedTeamProblems } from '../../utils/background/scopes';
import { forgetFailures } from '../../utils/db/sync-state';
import { createLensDbHandle } from '../../utils/db/database';
import { GitLabClient } from '../../utils/gitlab/client';
import { SYNC_ENDED_PUSH } from '../../utils/messages';

const log = (message: string, detail?: unknown) => console.warn(`[Engineering Lens] ${message}`, detail ?? '');

/**
 * Chrome (102+): content scripts lose access to `storage.local`, so page-facing code cannot read
 * the settings; they get the background's public view instead. The token is not in there at all
 * (token-vault.ts); Firefox has no such switch, which is why the vault exists.
 */
function restrictStorageToExtensionPages(): void {
  const local = browser.storage.local as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  if (typeof local.setAccessLevel !== 'function') return;
  local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((error: unknown) => log('could not restrict storage access', error));
}

export default defineBackground(() => {
  restrictStorageToExtensionPages();

  const lensDb = createLensDbHandle();
  const openDb = () => lensDb.open();

  const data = createDataService({
    loadSettings: async () => (await loadSettings()).settings,
    openDb,
    // The token saved for this client's GitLab only: never another GitLab's, even mid-change.
    createClient: (settings) => new GitLabClient({ baseUrl: settings.gitlabUrl, getToken: () => tokenFor(settings.gitlabUrl) }),
    notifyTab: (tabId, push) =>
      void browser.tabs.sendMessage(tabId, { name: SYNC_ENDED_PUSH, ...push }).catch(() => {
        // The tab navigated away or closed: nothing to update.
      }),
    now: Date.now,
    onSyncError: (scope, error) => log(`sync of ${scope} failed`, error),
  });

  async function clearCache(): Promise<void> {
    data.forget();
    await lensDb.deleteAll();
  }

  const settingsHandlers = createHandlers({
    loadSettings,
    saveSettings: async (candidate) => {
      const before = (await loadSettings()).settings;
      const result = await saveSettings(candidate);
      if (!result.ok) return result;
      if (result.settings.gitlabUrl !== before.gitlabUrl) {
        // Another GitLab's data must not mix with the new one's: start the cache afresh.
        await clearCache();
      } else if (result.settings.token !== before.token) {
        // Nothing queued with the old token goes out; what failed with it may be tried at once.
        data.forget();
        await forgetFailures(await openDb());
      }
      return result;
    },
    clearCache,
    teamProblems: async (settings) => storedTeamProblems(await openDb(), settings),
    now: Date.now,
    hasOriginPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    syncContentScriptRegistration,
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    createProbe: connectionProbe,
    describeError: describeGitLabError,
  });

  const route = createRouter(
    {
      ...settingsHandlers,
      ...createOverviewHandlers(data, Date.now),
      ...createSyncHandlers(data, Date.now),
      ...createEpicHandlers(data, Date.now),
      ...createBoardHandlers(data, Date.now),
    },
    {
      extensionId: browser.runtime.id,
      extensionBaseUrl: browser.runtime.getURL('/'),
      isAllowedContentUrl: async (url) => isConfiguredGitLabPage(url, (await loadSettings()).settings.gitlabUrl),
      describeError: (error) => (isGitLabError(error) ? describeGitLabError(error) : null),
      onError: (name, error) => console.error(`[Engineering Lens] ${name} failed`, error),
    },
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  // Registered content scripts persist, but a revoked permission or an edited URL must not
  // leave a stale one behind.
  const resync = () =>
    void loadSettings()
      .then(({ settings }) => syncContentScriptRegistration(settings.gitlabUrl))
      .catch((error: unknown) => console.error('[Engineering Lens] content script registration failed', error));
  browser.runtime.onInstalled.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  resync();

  // At every start of the worker: browsers may drop alarms across restarts and updates.
  scheduleDailySync(browser.alarms).catch((error: unknown) => log('could not schedule the daily sync', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== DAILY_SYNC_ALARM) return;
    loadSettings()
      .then(({ settings }) => runDailySync(settings, data, log))
      .catch((error: unknown) => log('daily sync failed', error));
  });
});
