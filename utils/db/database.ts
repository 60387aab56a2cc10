import { deleteDB, openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { GitLabEpic, GitLabIssue, GitLabMergeRequest } from '../gitlab/schemas';
import type { BadgeView } from '../overview/badge-view';
import type { ScopeKey, StoredCodeowners, StoredMember, StoredMilestone, StoredScopeId, SyncState } from './records';

// The extension's IndexedDB cache (SPEC §8). Only the background service worker opens it.

export const DB_NAME = 'engineering-lens';

export interface LensDbSchema extends DBSchema {
  issues: {
    key: [number, number]; // [project_id, iid]
    value: GitLabIssue;
    indexes: { 'by-project': number; 'by-updated-at': string; 'by-closed-at': string; 'by-due-date': string };
  };
  mergeRequests: {
    key: [number, number]; // [project_id, iid]
    value: GitLabMergeRequest;
    indexes: { 'by-project': number; 'by-merged-at': string };
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
    indexes: { 'by-group': number };
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

/** Badges computed from the cache, kept until the data or settings they came from change. */
export interface BadgeSnapshot {
  key: string;
  /** Sync stamps of the data and the settings used; a different stamp means recompute. */
  stamp: string;
  computedAt: number;
  badges: BadgeView[];
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
  // v1: GitLab cache and sync state.
  (db) => {
    const issues = db.createObjectStore('issues', { keyPath: ['project_id', 'iid'] });
    issues.createIndex('by-project', 'project_id');
    issues.createIndex('by-updated-at', 'updated_at');
    issues.createIndex('by-closed-at', 'closed_at');
    issues.createIndex('by-due-date', 'due_date');
    const mergeRequests = db.createObjectStore('mergeRequests', { keyPath: ['project_id', 'iid'] });
    mergeRequests.createIndex('by-project', 'project_id');
    mergeRequests.createIndex('by-merged-at', 'merged_at');
    db.createObjectStore('members', { keyPath: ['scope', 'id'] }).createIndex('by-scope', 'scope');
    db.createObjectStore('milestones', { keyPath: ['scope', 'id'] }).createIndex('by-scope', 'scope');
    db.createObjectStore('epics', { keyPath: ['group_id', 'iid'] }).createIndex('by-group', 'group_id');
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
export interface LensDbHandle {
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
