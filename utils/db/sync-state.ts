import type { StoreNames } from 'idb';
import { putUnlessOlder } from './put-newer';
import type { GitLabEpic, GitLabIssue, GitLabMergeRequest } from '../gitlab/schemas';
import type { LensDb, LensDbSchema } from './database';
import { writeAtomically } from './write-atomically';
import { emptySyncState, type ScopeKey, type StoredCodeowners, type StoredMember, type StoredMilestone, type SyncState } from './records';

export async function getSyncState(db: LensDb, id: string): Promise<SyncState> {
  return (await db.get('syncState', id)) ?? emptySyncState(id);
}

/** Every resource's state, for the popup's "last sync" and errors. */
export function getAllSyncStates(db: LensDb): Promise<SyncState[]> {
  return db.getAll('syncState');
}

/**
 * When the cached epics last changed, over every group: answers that inherit categories from
 * epics (allocation) are stamped with it, since a project's epics sync apart from its issues.
 */
export async function epicsStamp(db: LensDb): Promise<string> {
  const states = await db.getAll('syncState', IDBKeyRange.bound('epics:', 'epics:\uffff'));
  return states.map((state) => `${state.id}@${state.lastSuccessAt ?? ''}`).join(',');
}

export async function saveSyncState(db: LensDb, state: SyncState): Promise<void> {
  await db.put('syncState', state);
}

/**
 * Forgets past failures (new token): sync states lose their error and backoff, and paths GitLab
 * answered 404 for are asked about again, since the new token may see them.
 */
export async function forgetFailures(db: LensDb): Promise<void> {
  const tx = db.transaction(['syncState', 'scopeIds'], 'readwrite');
  const states = tx.objectStore('syncState');
  const ids = tx.objectStore('scopeIds');
  await writeAtomically(tx, (pending) => {
    pending.push(
      states.getAll().then((all) =>
        Promise.all(all.filter((state) => state.lastError || state.failures).map((state) => states.put({ ...state, lastError: null, failures: 0 }))),
      ),
      ids.getAll().then((all) => Promise.all(all.filter((record) => record.id === null).map((record) => ids.delete(record.key)))),
    );
  });
}

/** Data one sync step writes; members replace the scope's previous list. */
export interface SyncWrites {
  issues?: readonly GitLabIssue[];
  mergeRequests?: readonly GitLabMergeRequest[];
  epics?: readonly GitLabEpic[];
  milestones?: readonly StoredMilestone[];
  members?: { scope: ScopeKey; members: readonly StoredMember[] };
  codeowners?: StoredCodeowners;
}

/**
 * Stores a page and the sync state that points past it in ONE transaction: if the worker stops
 * at any moment, either both are saved or neither, so the cursor never runs ahead of the data
 * (no gaps) and re-reading the page later only overwrites the same keys (no duplicates).
 */
export async function commitSyncStep(db: LensDb, writes: SyncWrites, state: SyncState): Promise<void> {
  const storeNames: StoreNames<LensDbSchema>[] = ['syncState'];
  if (writes.issues) storeNames.push('issues');
  if (writes.mergeRequests) storeNames.push('mergeRequests');
  if (writes.epics) storeNames.push('epics');
  if (writes.milestones) storeNames.push('milestones');
  if (writes.members) storeNames.push('members');
  if (writes.codeowners) storeNames.push('codeowners');
  const tx = db.transaction(storeNames, 'readwrite');
  await writeAtomically(tx, (pending) => {
    for (const issue of writes.issues ?? []) pending.push(putUnlessOlder(tx.objectStore('issues'), [issue.project_id, issue.iid], issue));
    for (const mr of writes.mergeRequests ?? []) pending.push(putUnlessOlder(tx.objectStore('mergeRequests'), [mr.project_id, mr.iid], mr));
    for (const epic of writes.epics ?? []) pending.push(tx.objectStore('epics').put(epic));
    for (const milestone of writes.milestones ?? []) pending.push(tx.objectStore('milestones').put(milestone));
    if (writes.codeowners) pending.push(tx.objectStore('codeowners').put(writes.codeowners));
    if (writes.members) {
      const { scope, members } = writes.members;
      const store = tx.objectStore('members');
      pending.push(
        store
          .index('by-scope')
          .getAllKeys(scope)
          .then((stale) => Promise.all(stale.map((key) => store.delete(key))))
          .then(() => Promise.all(members.map((member) => store.put(member)))),
      );
    }
    pending.push(tx.objectStore('syncState').put(state));
  });
}
