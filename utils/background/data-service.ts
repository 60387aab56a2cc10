/**
 * The background's data access for the overlays: cached data at once, a sync started when it is
 * stale, and a push to the asking tab when that sync ends (stale-while-revalidate, issue #3).
 * Everything durable is in IndexedDB (the cache, sync states, path→id lookups); the in-memory
 * maps only avoid duplicate work while the worker lives and may be lost at any time.
 */
import type { LensDb } from '../db/database';
import { emptySyncState, scopeKey, type ScopeKey, type StoredScopeId } from '../db/records';
import type { GitLabClient } from '../gitlab/client';
import { GitLabError } from '../gitlab/errors';
import { dataStampOf, scopeFreshness } from '../sync/freshness';
import { scopeResourceIds, syncGroup, syncProject, type SyncReport } from '../sync/sync';
import type { SyncProgress } from '../sync/runner';
import { MessageError, type ErrorInfo, type SyncOutcome } from '../messages';
import type { Settings } from '../settings';

export interface Freshness {
  /** When the scope's oldest resource last synced completely; null until each has synced once. */
  syncedAt: string | null;
  syncing: boolean;
  error?: ErrorInfo;
  /** The scopes (`project:12`) the answer was computed from: a tab re-asks only for pushes of these. */
  scopes: ScopeKey[];
}

/** One scope's freshness, with the data stamp its snapshots are keyed on (answers.ts). */
export interface ScopeFreshness extends Freshness {
  dataStamp: string;
}

interface DataServiceDeps {
  loadSettings(): Promise<Settings>;
  openDb(): Promise<LensDb>;
  createClient(settings: Settings): GitLabClient;
  /** Tells a tab that a sync it waited for ended, and whether it went well. */
  notifyTab(tabId: number, push: { scope: ScopeKey } & SyncOutcome): void;
  now(): number;
  onSyncError?(scope: ScopeKey, error: unknown): void;
  /** Each stored page and each resource's start and end, for pages showing progress. */
  onSyncProgress?(progress: SyncProgress): void;
}

export type Scope = { kind: 'project' | 'group'; id: number };

/** A path GitLab did not know (404) is asked about again after this, not on every page. */
const FAILED_LOOKUP_RETRY_MS = 10 * 60_000;

export type Lookup = { id: number } | { error: ErrorInfo };

export function createDataService(deps: DataServiceDeps) {
  let client: { key: string; client: GitLabClient } | null = null;
  const syncs = new Map<ScopeKey, Promise<boolean>>();
  const waitingTabs = new Map<ScopeKey, Set<number>>();
  /** `project:<path>` / `group:<path>` → id; mirrors the scopeIds store. */
  const ids = new Map<string, number>();

  async function context(): Promise<{ settings: Settings; db: LensDb; client: GitLabClient }> {
    const settings = await deps.loadSettings();
    if (!settings.token) {
      throw new MessageError({ kind: 'not-configured', message: 'Engineering Lens is not set up: add a token in its settings.' });
    }
    // One client per GitLab, so its concurrency bound covers every caller; the token itself is
    // read fresh by the client on each request. A client of another GitLab is closed at once.
    if (client?.key !== settings.gitlabUrl) {
      client?.client.close();
      client = { key: settings.gitlabUrl, client: deps.createClient(settings) };
    }
    return { settings, db: await deps.openDb(), client: client.client };
  }

  function startSync(scope: Scope, db: LensDb, gitlab: GitLabClient): void {
    const key = scopeKey(scope.kind, scope.id);
    if (syncs.has(key)) return;
    const ended = (push: SyncOutcome) => {
      syncs.delete(key);
      const tabs = waitingTabs.get(key);
      waitingTabs.delete(key);
      for (const tabId of tabs ?? []) deps.notifyTab(tabId, { scope: key, ...push });
    };
    const run = (scope.kind === 'project' ? syncProject : syncGroup)(scope.id, { client: gitlab, db, now: deps.now, onProgress: deps.onSyncProgress }).then(
      (report) => {
        // A failed run is not news: the tab learns it failed, and asks again only if data came in.
        const stored = report.results.some((result) => result.itemsInRun > 0);
        ended(report.ok || stored ? { ok: true } : { ok: false, error: firstError(report) });
        return report.ok;
      },
      (error: unknown) => {
        deps.onSyncError?.(key, error);
        ended({ ok: false, error: { kind: 'internal', message: error instanceof Error ? error.message : String(error) } });
        return false;
      },
    );
    syncs.set(key, run);
  }

  async function lookup(kind: 'project' | 'group', path: string): Promise<Lookup> {
    const key = `${kind}:${path}`;
    const known = ids.get(key);
    if (known !== undefined) return { id: known };
    const { db, client: gitlab } = await context();
    const stored = await db.get('scopeIds', key);
    if (stored?.id != null) {
      ids.set(key, stored.id);
      return { id: stored.id };
    }
    if (stored?.error && deps.now() - Date.parse(stored.checkedAt) < FAILED_LOOKUP_RETRY_MS) return { error: stored.error };
    const checkedAt = new Date(deps.now()).toISOString();
    try {
      const found = kind === 'project' ? await gitlab.getProject(path) : await gitlab.getGroup(path);
      remember(db, kind, path, found.id);
      return { id: found.id };
    } catch (error) {
      if (!(error instanceof GitLabError) || error.kind !== 'not-found') throw error;
      const info = { kind: 'scope-not-found', message: `GitLab has no ${kind} “${path}” (404), or the token’s user cannot see it.` };
      const record: StoredScopeId = { key, kind, path, id: null, error: info, checkedAt };
      await db.put('scopeIds', record);
      return { error: info };
    }
  }

  function remember(db: LensDb, kind: 'project' | 'group', path: string, id: number): void {
    const key = `${kind}:${path}`;
    if (ids.get(key) === id) return;
    ids.set(key, id);
    const record: StoredScopeId = { key, kind, path, id, checkedAt: new Date(deps.now()).toISOString() };
    void db.put('scopeIds', record).catch(() => {
      // Only a shortcut: the next lookup asks GitLab again.
    });
  }

  async function idOf(kind: 'project' | 'group', path: string): Promise<number> {
    const found = await lookup(kind, path);
    if ('error' in found) throw new MessageError(found.error);
    return found.id;
  }

  return {
    context,

    /** Reports how fresh a scope's cache is and starts a sync when it is stale (and not backing off). */
    async ensureFresh(scope: Scope, tabId?: number): Promise<ScopeFreshness> {
      const { settings, db, client: gitlab } = await context();
      const key = scopeKey(scope.kind, scope.id);
      const store = db.transaction('syncState').store;
      const states = await Promise.all(scopeResourceIds(key).map(async (id) => (await store.get(id)) ?? emptySyncState(id)));
      const state = scopeFreshness(states, settings.sync.staleAfterMinutes * 60_000, deps.now());
      if (state.needsSync) startSync(scope, db, gitlab);
      if (syncs.has(key) && tabId !== undefined) {
        const tabs = waitingTabs.get(key) ?? new Set<number>();
        tabs.add(tabId);
        waitingTabs.set(key, tabs);
      }
      const error = state.error ? { kind: state.error.kind, message: state.error.message } : undefined;
      return { syncedAt: state.syncedAt, syncing: syncs.has(key), ...(error ? { error } : {}), scopes: [key], dataStamp: dataStampOf(states) };
    },

    /** Syncs a scope now (daily alarm, Sync now): a user's ask, so no backoff; true if all went well. */
    async syncNow(scope: Scope): Promise<boolean> {
      const { db, client: gitlab } = await context();
      startSync(scope, db, gitlab);
      return (await syncs.get(scopeKey(scope.kind, scope.id))) ?? false;
    },

    /** Id of a path, from memory, then IndexedDB, then GitLab; a 404 is remembered for a while. */
    lookup,

    /** Numeric id of a project path; a MessageError (`scope-not-found`) names a path GitLab does not know. */
    projectId: (path: string) => idOf('project', path),
    groupId: (path: string) => idOf('group', path),

    /** An id learnt before, in this worker or an earlier one (no request); undefined when not. */
    async storedId(kind: 'project' | 'group', path: string): Promise<number | undefined> {
      const key = `${kind}:${path}`;
      const known = ids.get(key);
      if (known !== undefined) return known;
      const stored = await (await deps.openDb()).get('scopeIds', key);
      if (stored?.id == null) return undefined;
      ids.set(key, stored.id);
      return stored.id;
    },

    /** A project id already learnt in this worker (no request, no IndexedDB); undefined when not. */
    knownProjectId(path: string): number | undefined {
      return ids.get(`project:${path}`);
    },

    async rememberProject(path: string, id: number): Promise<void> {
      remember(await deps.openDb(), 'project', path, id);
    },

    /**
     * Forgets everything learnt about the previous GitLab or token and cancels every request of
     * its client, in flight or queued: nothing meant for the old settings goes out after this.
     */
    forget(): void {
      client?.client.close();
      client = null;
      ids.clear();
    },
  };
}

function firstError(report: SyncReport): ErrorInfo {
  const failed = report.results.find((result) => result.error);
  return failed?.error
    ? { kind: failed.error.kind, message: failed.error.message }
    : { kind: 'internal', message: 'The sync did not finish.' };
}

export type DataService = ReturnType<typeof createDataService>;
