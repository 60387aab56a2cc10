/**
 * The background's data access for the overlays: cached data at once, a sync started when it is
 * stale, and a push to the asking tab when that sync ends (stale-while-revalidate, issue #3).
 * Everything durable is in IndexedDB; the in-memory maps only avoid duplicate work while the
 * worker lives and may be lost at any time.
 */
import type { LensDb } from '../db/database';
import { scopeKey, type ScopeKey } from '../db/records';
import { getSyncState } from '../db/sync-state';
import type { GitLabClient } from '../gitlab/client';
import { isStale, syncGroup, syncProject } from '../gitlab/sync';
import { MessageError, type ErrorInfo } from '../messages';
import type { Settings } from '../settings';

export interface Freshness {
  /** When the scope's issues were last synced completely; null before the first sync. */
  syncedAt: string | null;
  syncing: boolean;
  error?: ErrorInfo;
}

export interface DataServiceDeps {
  loadSettings(): Promise<Settings>;
  openDb(): Promise<LensDb>;
  createClient(settings: Settings): GitLabClient;
  /** Tells a tab that data it showed has changed (a sync it waited for ended). */
  notifyTab(tabId: number, scope: ScopeKey): void;
  now(): number;
  onSyncError?(scope: ScopeKey, error: unknown): void;
}

export type Scope = { kind: 'project' | 'group'; id: number };

export function createDataService(deps: DataServiceDeps) {
  let client: { key: string; client: GitLabClient } | null = null;
  const syncs = new Map<ScopeKey, Promise<boolean>>();
  const waitingTabs = new Map<ScopeKey, Set<number>>();
  const projectIds = new Map<string, number>();
  const groupIds = new Map<string, number>();

  async function context(): Promise<{ settings: Settings; db: LensDb; client: GitLabClient }> {
    const settings = await deps.loadSettings();
    if (!settings.token) {
      throw new MessageError({ kind: 'not-configured', message: 'Engineering Lens is not set up: add a token in its settings.' });
    }
    // One client per GitLab, so its concurrency bound covers every caller; the token itself is
    // read fresh by the client on each request.
    if (client?.key !== settings.gitlabUrl) client = { key: settings.gitlabUrl, client: deps.createClient(settings) };
    return { settings, db: await deps.openDb(), client: client.client };
  }

  function startSync(scope: Scope, db: LensDb, gitlab: GitLabClient): void {
    const key = scopeKey(scope.kind, scope.id);
    if (syncs.has(key)) return;
    const run = (scope.kind === 'project' ? syncProject : syncGroup)(scope.id, { client: gitlab, db, now: deps.now })
      .then(
        (report) => report.ok,
        (error: unknown) => {
          deps.onSyncError?.(key, error);
          return false;
        },
      )
      .finally(() => {
        syncs.delete(key);
        const tabs = waitingTabs.get(key);
        waitingTabs.delete(key);
        for (const tabId of tabs ?? []) deps.notifyTab(tabId, key);
      });
    syncs.set(key, run);
  }

  return {
    context,

    /** Reports how fresh a scope's cache is and starts a sync when it is stale. */
    async ensureFresh(scope: Scope, tabId?: number): Promise<Freshness> {
      const { settings, db, client: gitlab } = await context();
      const key = scopeKey(scope.kind, scope.id);
      const state = await getSyncState(db, `issues:${key}`);
      if (isStale(state, settings.sync.staleAfterMinutes * 60_000, deps.now())) startSync(scope, db, gitlab);
      if (syncs.has(key) && tabId !== undefined) {
        const tabs = waitingTabs.get(key) ?? new Set<number>();
        tabs.add(tabId);
        waitingTabs.set(key, tabs);
      }
      const error = state.lastError ? { kind: state.lastError.kind, message: state.lastError.message } : undefined;
      return { syncedAt: state.lastSuccessAt, syncing: syncs.has(key), ...(error ? { error } : {}) };
    },

    /** Syncs a scope now (daily alarm, popup refresh); resolves when done, true if all went well. */
    async syncNow(scope: Scope): Promise<boolean> {
      const { db, client: gitlab } = await context();
      startSync(scope, db, gitlab);
      return (await syncs.get(scopeKey(scope.kind, scope.id))) ?? false;
    },

    /** Numeric id of a project path (costs one request per path while the worker lives). */
    async projectId(path: string): Promise<number> {
      const known = projectIds.get(path);
      if (known !== undefined) return known;
      const { client: gitlab } = await context();
      const project = await gitlab.getProject(path);
      projectIds.set(path, project.id);
      return project.id;
    },

    /** A project id already learnt (no request); undefined when not known yet. */
    knownProjectId(path: string): number | undefined {
      return projectIds.get(path);
    },

    rememberProject(path: string, id: number): void {
      projectIds.set(path, id);
    },

    async groupId(path: string): Promise<number> {
      const known = groupIds.get(path);
      if (known !== undefined) return known;
      const { client: gitlab } = await context();
      const group = await gitlab.getGroup(path);
      groupIds.set(path, group.id);
      return group.id;
    },

    /** Forgets everything learnt about the previous GitLab (the URL changed). */
    forget(): void {
      client = null;
      projectIds.clear();
      groupIds.clear();
    },
  };
}

export type DataService = ReturnType<typeof createDataService>;
