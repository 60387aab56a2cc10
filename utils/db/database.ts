import { deleteDB, openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { GitLabEpic, GitLabIssue, GitLabMergeRequest } from '../gitlab/schemas';
import type { BadgeView } from '../overview/badge-view';
import type { ScopeKey, StoredCodeowners, StoredMember, StoredMilestone, SyncState } from './records';

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
];

export const DB_VERSION = UPGRADES.length;

export async function openLensDb(name: string = DB_NAME): Promise<LensDb> {
  let db: LensDb | undefined = undefined;
  db = await openDB<LensDbSchema>(name, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      for (const upgrade of UPGRADES.slice(oldVersion)) upgrade(database, transaction);
    },
    // An updated extension is opening a newer version: step aside instead of blocking it.
    blocking() {
      db?.close();
    },
  });
  return db;
}

/** Drops the whole cache (the user pointed the extension at another GitLab). */
export async function deleteLensDb(open: LensDb | null, name: string = DB_NAME): Promise<void> {
  open?.close();
  await deleteDB(name);
}
