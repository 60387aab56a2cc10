import { deleteDB, openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { GitLabEpic, GitLabIssue, GitLabMergeRequest } from '../gitlab/schemas';
import type { ScopeKey, StoredCodeowners, StoredMember, StoredMilestone, StoredScopeId, SyncState } from './records';

// The extension's IndexedDB cache (SPEC §8). Only the background service worker opens it.

const DB_NAME = 'engineering-lens';

export interface LensDbSchema extends DBSchema {
  issues: {
    key: [number, number]; // [project_id, iid]
    value: GitLabIssue;
    indexes: { 'by-project': number };
  };
  mergeRequests: {
    key: [number, number]; // [project_id, iid]
    value: GitLabMergeRequest;
    indexes: { 'by-project': number };
  };
  members: {
    key: [ScopeKey, number]; // [scope, user id]
    value: StoredMember;
    indexes: { 'by-scope': ScopeKey };
  };
  milestones: {
    key: [ScopeKey, number]; // [scope, milestone id]
    value: StoredMilestone;
    indexes: { 'by-scope': ScopeKey };
  };
  epics: {
    key: [number, number]; // [group_id, iid]
    value: GitLabEpic;
  };
  codeowners: {
    key: number; // projectId
    value: StoredCodeowners;
  };
  syncState: {
    key: string; // resource id, e.g. issues:project:12
    value: SyncState;
  };
  badgeSnapshots: {
    key: string; // what the badges are of, e.g. team:project:12
    value: BadgeSnapshot;
  };
  scopeIds: {
    key: string; // `project:<full path>` or `group:<full path>`
    value: StoredScopeId;
  };
}

/**
 * An answer computed from the cache (badges, or a board's card badges by path), kept until the
 * data or settings it came from change. Its key says what it is (`kpis:`, `epic:`, `cards:`).
 */
export interface BadgeSnapshot<T = unknown> {
  key: string;
  /** Sync stamps of the data and the settings used; a different stamp means recompute. */
  stamp: string;
  computedAt: number;
  badges: T;
}

export type LensDb = IDBPDatabase<LensDbSchema>;
type UpgradeTransaction = IDBPTransaction<LensDbSchema, StoreNames<LensDbSchema>[], 'versionchange'>;
type Upgrade = (db: LensDb, transaction: UpgradeTransaction) => void;

/**
 * Schema changes, one per version, applied in order from the user's current version. Never edit a
 * released step: add a new one (e.g. the outbox store) so existing caches upgrade in place.
 * Index key paths whose value is null (closed_at of an open issue) simply leave the record out
 * of that index, which is what range queries over closed or due issues want.
 */
export const UPGRADES: readonly Upgrade[] = [
  // v1: GitLab cache and sync state. (Released steps stay as they were: the range indexes made
  // here are dropped again in v4, hence the casts.)
  (db) => {
    const issues = db.createObjectStore('issues', { keyPath: ['project_id', 'iid'] });
    issues.createIndex('by-project', 'project_id');
    issues.createIndex('by-updated-at' as never, 'updated_at');
    issues.createIndex('by-closed-at' as never, 'closed_at');
    issues.createIndex('by-due-date' as never, 'due_date');
    const mergeRequests = db.createObjectStore('mergeRequests', { keyPath: ['project_id', 'iid'] });
    mergeRequests.createIndex('by-project', 'project_id');
    mergeRequests.createIndex('by-merged-at' as never, 'merged_at');
    db.createObjectStore('members', { keyPath: ['scope', 'id'] }).createIndex('by-scope', 'scope');
    db.createObjectStore('milestones', { keyPath: ['scope', 'id'] }).createIndex('by-scope', 'scope');
    db.createObjectStore('epics', { keyPath: ['group_id', 'iid'] }).createIndex('by-group' as never, 'group_id');
    db.createObjectStore('codeowners', { keyPath: 'projectId' });
    db.createObjectStore('syncState', { keyPath: 'id' });
  },
  // v2: computed KPI badges, so a warm page does not recompute over every cached issue.
  (db) => {
    db.createObjectStore('badgeSnapshots', { keyPath: 'key' });
  },
  // v3: project and group ids by path, so a restarted worker reads the cache without asking GitLab.
  (db) => {
    db.createObjectStore('scopeIds', { keyPath: 'key' });
  },
  // v4: drop the indexes nothing queried (closed, due, updated and merged ranges; epics by group),
  // which every write kept up to date. KPIs read a scope's items by project.
  (_db, transaction) => {
    const issues = transaction.objectStore('issues');
    for (const index of ['by-updated-at', 'by-closed-at', 'by-due-date']) issues.deleteIndex(index as never);
    transaction.objectStore('mergeRequests').deleteIndex('by-merged-at' as never);
    transaction.objectStore('epics').deleteIndex('by-group' as never);
  },
];

export const DB_VERSION = UPGRADES.length;

export function openLensDb(name: string = DB_NAME): Promise<LensDb> {
  return openConnection(name, () => undefined);
}

/** Opens the database; `onGone` runs once the connection can no longer be used. */
async function openConnection(name: string, onGone: () => void): Promise<LensDb> {
  let db: LensDb | undefined = undefined;
  db = await openDB<LensDbSchema>(name, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      for (const upgrade of UPGRADES.slice(oldVersion)) upgrade(database, transaction);
    },
    // An updated extension is opening a newer version, or the cache is being deleted: step aside
    // instead of blocking it.
    blocking() {
      db?.close();
      onGone();
    },
    // The browser closed it abnormally (storage cleared from DevTools, disk error...).
    terminated: onGone,
  });
  return db;
}

/**
 * The background's shared connection. A connection that was closed (by a newer version or a
 * delete asking for it, by the browser, or by deleteAll) is forgotten at once, so the next open()
 * opens a new one instead of handing out a closing connection until the worker restarts.
 */
interface LensDbHandle {
  /** The cached open connection, or a new one. */
  open(): Promise<LensDb>;
  /** Drops the whole cache (the user pointed the extension at another GitLab). */
  deleteAll(): Promise<void>;
}

export function createLensDbHandle(name: string = DB_NAME): LensDbHandle {
  let cached: Promise<LensDb> | null = null;
  const forget = (connection: Promise<LensDb>) => {
    if (cached === connection) cached = null;
  };

  return {
    open() {
      if (cached) return cached;
      const connection: Promise<LensDb> = openConnection(name, () => forget(connection));
      cached = connection;
      connection.catch(() => forget(connection)); // a failed open is tried again by the next one
      return connection;
    },

    async deleteAll() {
      const connection = cached;
      cached = null;
      // Asked for before any await: an open() from here on queues behind the delete and gets a
      // fresh database. One that was already on its way gets the delete's versionchange, closes
      // (blocking) and is forgotten.
      const deleting = deleteDB(name);
      await connection?.then(
        (db) => db.close(),
        () => undefined,
      );
      await deleting;
    },
  };
}
