import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRouter } from '../../utils/background/router';
import { createHandlers } from '../../utils/background/handlers';
import { createOverviewHandlers } from '../../utils/background/overview-handlers';
import { createSyncHandlers } from '../../utils/background/sync-handlers';
import { createBoardHandlers } from '../../utils/background/board-handlers';
import { createEpicHandlers } from '../../utils/background/epic-handlers';
import { createDataService } from '../../utils/background/data-service';
import { loadSettings, saveSettings, readToken } from '../../utils/background/settings-store';
import {
  isConfiguredGitLabPage,
  syncContentScriptRegistration,
} from '../../utils/background/content-script-registration';
import { connectionProbe, describeGitLabError } from '../../utils/background/gitlab-access';
import { isGitLabError } from '../../utils/gitlab/errors';
import { scheduleDailySync, DAILY_SYNC_ALARM, teamScopes } from '../../utils/background/daily-sync';
import { openLensDb, deleteLensDb } from '../../utils/db/database';
import { GitLabClient } from '../../utils/gitlab/client';
import { DATA_CHANGED_PUSH } from '../../utils/messages';

export default defineBackground(() => {
  let db: ReturnType<typeof openLensDb> | null = null;
  const openDb = () => (db ??= openLensDb());

  const data = createDataService({
    loadSettings: async () => (await loadSettings()).settings,
    openDb,
    createClient: (settings) => new GitLabClient({ baseUrl: settings.gitlabUrl, getToken: readToken }),
    notifyTab: (tabId, scope) =>
      void browser.tabs.sendMessage(tabId, { name: DATA_CHANGED_PUSH, scope }).catch(() => {
        // The tab navigated away or closed: nothing to update.
      }),
    now: Date.now,
    onSyncError: (scope, error) => console.warn(`[Engineering Lens] sync of ${scope} failed`, error),
  });

  async function clearCache(): Promise<void> {
    data.forget();
    const open = db;
    db = null;
    await deleteLensDb(open ? await open : null);
  }

  const settingsHandlers = createHandlers({
    loadSettings,
    saveSettings: async (candidate) => {
      const before = (await loadSettings()).settings.gitlabUrl;
      const result = await saveSettings(candidate);
      // Another GitLab's data must not mix with the new one's: start the cache afresh.
      if (result.ok && result.settings.gitlabUrl !== before) await clearCache();
      return result;
    },
    clearCache,
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
  browser.runtime.onInstalled.addListener(() => {
    resync();
    void scheduleDailySync(browser.alarms);
  });
  browser.runtime.onStartup.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== DAILY_SYNC_ALARM) return;
    void (async () => {
      const { settings } = await loadSettings();
      if (!settings.token) return;
      for (const scope of await teamScopes(settings, data)) {
        await data.syncNow(scope).catch((error: unknown) => console.warn('[Engineering Lens] daily sync failed', error));
      }
    })();
  });
});
