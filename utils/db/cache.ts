import type { GitLabEpic, GitLabIssue, GitLabMergeRequest } from '../gitlab/schemas';
import type { LensDb } from './database';
import { putUnlessOlder } from './put-newer';
import { writeAtomically } from './write-atomically';
import type { ScopeKey, StoredMember, StoredMilestone } from './records';

// Reads and writes of cached GitLab data for the answers to the UI. Sync writes through
// commitSyncStep (sync-state.ts) so data and cursor are saved together.
// Writes are keyed upserts, so storing an item twice never duplicates it.

/** E.g. an issue fetched on its page before the next sync; a newer stored copy is kept. */
export async function putIssues(db: LensDb, issues: readonly GitLabIssue[]): Promise<void> {
  const tx = db.transaction('issues', 'readwrite');
  await writeAtomically(tx, (pending) => {
    for (const issue of issues) pending.push(putUnlessOlder(tx.store, [issue.project_id, issue.iid], issue));
  });
}

export function getIssue(db: LensDb, projectId: number, iid: number): Promise<GitLabIssue | undefined> {
  return db.get('issues', [projectId, iid]);
}

export function getIssuesByProject(db: LensDb, projectId: number): Promise<GitLabIssue[]> {
  return db.getAllFromIndex('issues', 'by-project', projectId);
}

/**
 * The issues that count for KPIs and boards of these projects: an issue moved to another project
 * (`moved_to_id`) is left out, it counts once, where it went.
 */
export async function getIssuesByProjects(db: LensDb, projectIds: readonly number[]): Promise<GitLabIssue[]> {
  const lists = await Promise.all(projectIds.map((id) => getIssuesByProject(db, id)));
  return lists.flat().filter((issue) => issue.moved_to_id == null);
}

export function getMergeRequestsByProject(db: LensDb, projectId: number): Promise<GitLabMergeRequest[]> {
  return db.getAllFromIndex('mergeRequests', 'by-project', projectId);
}

export function getMembers(db: LensDb, scope: ScopeKey): Promise<StoredMember[]> {
  return db.getAllFromIndex('members', 'by-scope', scope);
}

export function getMilestones(db: LensDb, scope: ScopeKey): Promise<StoredMilestone[]> {
  return db.getAllFromIndex('milestones', 'by-scope', scope);
}

export function getEpic(db: LensDb, groupId: number, iid: number): Promise<GitLabEpic | undefined> {
  return db.get('epics', [groupId, iid]);
}


/** `project_id#iid`: how a listing names the issues and merge requests it saw. */
export function itemKeyOf(item: { project_id: number; iid: number }): string {
  return `${item.project_id}#${item.iid}`;
}

/**
 * Removes the cached issues or merge requests of `projectIds` that a complete listing did not
 * return (deleted, no longer visible, moved out). For a group, pass the projects its listing
 * named: a project it no longer lists at all is left as it is. Returns how many were removed.
 */
export async function removeUnlisted(
  db: LensDb,
  storeName: 'issues' | 'mergeRequests',
  projectIds: Iterable<number>,
  listed: ReadonlySet<string>,
): Promise<number> {
  const tx = db.transaction(storeName, 'readwrite');
  const index = tx.store.index('by-project');
  let removed = 0;
  for (const projectId of projectIds) {
    for (const key of await index.getAllKeys(projectId)) {
      const [project, iid] = key as [number, number];
      if (listed.has(`${project}#${iid}`)) continue;
      await tx.store.delete(key);
      removed++;
    }
  }
  await tx.done;
  return removed;
}

/** How many issues or merge requests of the project are cached (moved ones included, as GitLab counts them). */
export function countCached(db: LensDb, storeName: 'issues' | 'mergeRequests', projectId: number): Promise<number> {
  return db.countFromIndex(storeName, 'by-project', projectId);
}
