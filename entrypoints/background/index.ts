/**
 * The background service worker: wires storage, the GitLab client, the cache, the handlers, the
 * router and the alarms together. No logic of its own (utils/background/ holds it).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createAlarmDispatcher, DAILY_SYNC_ALARM, ensureAlarms, OUTBOX_ALARM, runDailySync } from '../../utils/background/alarms';
import { createOutbox } from '../../utils/background/outbox';
import { openOutboxDb, outboxStore, type OutboxDb } from '../../utils/db/outbox-db';
import { createSurveyHandlers } from '../../utils/background/handlers/survey';
import { createCheckpointHandlers } from '../../utils/background/handlers/survey-checkpoint';
import { createOkrPickerHandlers } from '../../utils/background/handlers/okr-pickers';
import { createDashboardHandlers } from '../../utils/background/handlers/dashboard';
import { createTokenScopes } from '../../utils/background/token-scopes';
import { createSharedConfig } from '../../utils/background/shared-config';
import type { SharedConfigState } from '../../utils/settings/effective';
import { createAnswers } from '../../utils/background/answers';
import { loadConnectionCheck, saveConnectionCheck } from '../../utils/background/connection-check-store';
import { isConfiguredGitLabPage, syncContentScriptRegistration } from '../../utils/background/content-script-registration';
import { createDataService } from '../../utils/background/data-service';
import { connectionProbe, describeGitLabError } from '../../utils/background/gitlab-access';
import { createBoardHandlers } from '../../utils/background/handlers/board';
import { createAllocationHandlers } from '../../utils/background/handlers/allocation';
import { createBoardAllocationHandlers } from '../../utils/background/handlers/board-allocation';
import { createDriHandlers } from '../../utils/background/handlers/dri';
import { createEpicHandlers } from '../../utils/background/handlers/epic';
import { createIssueHandlers } from '../../utils/background/handlers/issue';
import { createPopupHandlers } from '../../utils/background/handlers/popup';
import { createProgressPorts } from '../../utils/background/progress-ports';
import { createUiPrefsHandlers } from '../../utils/background/handlers/ui-prefs';
import { createSettingsHandlers } from '../../utils/background/handlers/settings';
import { createRouter } from '../../utils/background/router';
import { storedTeamProblems } from '../../utils/background/scopes';
import { loadSettings, saveSettings, tokenFor } from '../../utils/background/settings-store';
import { createLensDbHandle } from '../../utils/db/database';
import { forgetFailures } from '../../utils/db/sync-state';
import { GitLabClient } from '../../utils/gitlab/client';
import { isGitLabError } from '../../utils/gitlab/errors';
import { SETTINGS_CHANGED_PUSH, SYNC_ENDED_PUSH } from '../../utils/message-envelope';

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

/** Tells open GitLab tabs that the settings in force changed, so their overlays ask again. */
function notifySettingsChanged(): void {
  void browser.tabs.query({}).then((tabs) => {
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      browser.tabs.sendMessage(tab.id, { name: SETTINGS_CHANGED_PUSH }).catch(() => {
        // No overlay in that tab.
      });
    }
  });
}

export default defineBackground(() => {
  restrictStorageToExtensionPages();
  const lensDb = createLensDbHandle();
  const openDb = () => lensDb.open();
  const progress = createProgressPorts({ id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') });
  browser.runtime.onConnect.addListener((port) => void progress.accept(port));

  // The team's shared configuration file: the sections it sets replace the local ones.
  const shared = createSharedConfig({
    client: (local) => new GitLabClient({ baseUrl: local.gitlabUrl, getToken: () => tokenFor(local.gitlabUrl) }),
    // Written only by this worker (save below); a value from an older version reads as unread.
    load: async () => ((await browser.storage.local.get('sharedConfig')).sharedConfig as SharedConfigState | undefined) ?? null,
    save: (state) => browser.storage.local.set({ sharedConfig: state }),
    now: Date.now,
    changed: () => notifySettingsChanged(),
  });
  /** Asked once per client, for Assign and the survey alike. */
  const tokenScopes = createTokenScopes();
  /** The settings in force: the local ones with the shared file's sections. */
  const settingsInForce = async () => shared.effective((await loadSettings()).settings);

  const data = createDataService({
    loadSettings: settingsInForce,
    openDb,
    // The token saved for this client's GitLab only: never another GitLab's, even mid-change.
    createClient: (settings) => new GitLabClient({ baseUrl: settings.gitlabUrl, getToken: () => tokenFor(settings.gitlabUrl) }),
    notifyTab: (tabId, push) =>
      void browser.tabs.sendMessage(tabId, { name: SYNC_ENDED_PUSH, ...push }).catch(() => {
        // The tab navigated away or closed: nothing to update.
      }),
    now: Date.now,
    onSyncError: (scope, error) => log(`sync of ${scope} failed`, error),
    onSyncProgress: (update) => progress.post(update),
  });
  const answers = createAnswers(data, Date.now);
  // Survey suggestions: written to their own database first, delivered exactly once.
  let outboxDb: Promise<OutboxDb> | null = null;
  const outbox = createOutbox({
    store: async () => outboxStore(await (outboxDb ??= openOutboxDb())),
    client: async () => (await data.context()).client,
    now: Date.now,
    random: Math.random,
    randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
    schedule: (at) => {
      if (at === null) void browser.alarms.clear(OUTBOX_ALARM);
      else void browser.alarms.create(OUTBOX_ALARM, { when: Math.max(at, Date.now() + 1_000) });
    },
    // Unknown (no navigator) counts as online: sending is how an unreachable GitLab is found out.
    online: () => globalThis.navigator?.onLine !== false,
  });

  async function clearCache(): Promise<void> {
    data.forget();
    await lensDb.deleteAll();
  }

  const route = createRouter(
    {
      ...createSettingsHandlers({
        loadSettings,
        saveSettings,
        clearCache,
        connectionChanged: async (change) => {
          // Another GitLab's data must not mix with the new one's: start the cache afresh.
          if (change === 'gitlab') return clearCache();
          data.forget();
          await forgetFailures(await openDb());
        },
        teamProblems: async (settings) => storedTeamProblems(await openDb(), settings),
        loadConnectionCheck,
        saveConnectionCheck,
        now: Date.now,
        hasOriginPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
        syncContentScriptRegistration,
        settingsChanged: notifySettingsChanged,
        shared,
        openOptionsPage: () => browser.runtime.openOptionsPage(),
        createProbe: connectionProbe,
        describeError: describeGitLabError,
      }),
      ...createIssueHandlers(data, answers, Date.now),
      ...createEpicHandlers(data, answers, Date.now),
      ...createBoardHandlers(data, answers, Date.now),
      ...createBoardAllocationHandlers(data, answers),
      ...createPopupHandlers(data, answers, Date.now),
      ...createAllocationHandlers(data, answers, Date.now),
      ...createDriHandlers(data, answers, Date.now, tokenScopes),
      ...createSurveyHandlers({
        outbox,
        loadSettings: settingsInForce,
        drafts: {
          load: async () => (await browser.storage.local.get('surveyDrafts')).surveyDrafts,
          save: (drafts) => browser.storage.local.set({ surveyDrafts: drafts }),
        },
        client: async () => (await data.context()).client,
        tokenScopes,
      }),
      ...createCheckpointHandlers(data),
      ...createOkrPickerHandlers(data),
      ...createDashboardHandlers(data, answers, Date.now),
      ...createUiPrefsHandlers({
        load: async () => (await browser.storage.local.get('uiPrefs')).uiPrefs,
        save: (prefs) => browser.storage.local.set({ uiPrefs: prefs }),
      }),
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
  // leave a stale one behind: checked at every start too.
  const resync = () =>
    void loadSettings()
      .then(({ settings }) => syncContentScriptRegistration(settings.gitlabUrl))
      .catch((error: unknown) => log('content script registration failed', error));
  browser.runtime.onInstalled.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  resync();

  ensureAlarms(browser.alarms).catch((error: unknown) => log('could not schedule alarms', error));
  browser.alarms.onAlarm.addListener(
    createAlarmDispatcher(
      {
        [DAILY_SYNC_ALARM]: async () => {
          // The shared file is read again with the daily sync, before the team it names is synced.
          const { settings } = await loadSettings();
          await shared.refresh(settings).catch((error: unknown) => log('shared configuration read failed', error));
          await runDailySync(await settingsInForce(), data, log);
        },
        [OUTBOX_ALARM]: () => outbox.wake(),
      },
      log,
    ),
  );
  // A worker that starts may find a suggestion a stopped one left mid-send: recovered and resumed.
  outbox.wake().catch((error: unknown) => log('survey outbox failed', error));
  // Back online: Firefox's background page fires it; Chrome's worker does not, and the outbox
  // polls navigator.onLine instead (OFFLINE_POLL_MS).
  if (typeof globalThis.addEventListener === 'function') {
    globalThis.addEventListener('online', () => void outbox.wake(true).catch((error: unknown) => log('survey outbox failed', error)));
  }
});
