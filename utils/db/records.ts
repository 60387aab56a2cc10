import type { SerializedGitLabError } from '../gitlab/errors';
import type { ParseProblem } from '../gitlab/parse-list';
import type { GitLabMember, GitLabMilestone } from '../gitlab/schemas';

// Shapes stored in IndexedDB that are not plain GitLab payloads. Issues, merge requests and
// epics are stored exactly as schemas.ts outputs them (their own keys carry project/group ids).

/** Whose members/milestones a record is: `project:12` or `group:5`. */
export type ScopeKey = `${'project' | 'group'}:${number}`;

export function scopeKey(kind: 'project' | 'group', id: number): ScopeKey {
  return `${kind}:${id}`;
}

export type StoredMember = GitLabMember & { scope: ScopeKey };
export type StoredMilestone = GitLabMilestone & { scope: ScopeKey };

export function toStoredMembers(scope: ScopeKey, members: readonly GitLabMember[]): StoredMember[] {
  return members.map((member) => ({ ...member, scope }));
}

export function toStoredMilestones(scope: ScopeKey, milestones: readonly GitLabMilestone[]): StoredMilestone[] {
  return milestones.map((milestone) => ({ ...milestone, scope }));
}

export interface StoredCodeowners {
  projectId: number;
  /** Where it was found (CODEOWNERS, docs/CODEOWNERS or .gitlab/CODEOWNERS), null if none. */
  path: string | null;
  /** Branch it was read from (the project's default branch). */
  ref: string | null;
  text: string | null;
  fetchedAt: string;
}

/** Error as remembered for the popup; `internal` is a bug on our side, not a GitLab failure. */
export type StoredSyncError = Omit<SerializedGitLabError, 'kind'> & {
  kind: SerializedGitLabError['kind'] | 'internal';
  at: string;
};

/**
 * Progress of one incremental sync resource, keyed `issues:project:12`, `epics:group:5`...
 * Lives in IndexedDB, not memory: the MV3 service worker may stop between any two pages.
 */
export interface SyncState {
  id: string;
  /**
   * `updated_after` for the next request: updated_at of the last item of the last page that was
   * stored (pages come in updated_at order). Null before the first page.
   */
  cursor: string | null;
  lastSuccessAt: string | null;
  lastError: StoredSyncError | null;
  /** True from the start of a run until it ends; still true after a worker stopped mid-run. */
  inProgress: boolean;
  /** When the running (or interrupted) run last stored a page. */
  progressAt: string | null;
  /** Items stored by the current or last run. */
  itemsInRun: number;
  /** Payload elements GitLab sent that could not be read in the last run (first 20). */
  problems: ParseProblem[];
  /**
   * Runs that failed in a row (0 or absent after a success): pages back off exponentially
   * instead of starting a new run on every ask (sync.ts needsSync).
   */
  failures?: number;
  /**
   * When the last complete listing of the resource (a cold run, or the weekly one that ignores the
   * cursor) began: what GitLab no longer listed then was removed (sync/runner.ts). Absent before.
   */
  reconciledAt?: string | null;
  /** When the listing in progress began, until it completes (kept across a stopped worker). */
  listingSince?: string | null;
  /** When GitLab's count of the list was last compared with the cache (daily, sync/runner.ts). */
  countedAt?: string | null;
}

/**
 * What GitLab answered for a project or group path (`project:lens-demo/web-app`): its id, or
 * why it has none. Kept in IndexedDB so a restarted worker reads the cache without asking GitLab.
 */
export interface StoredScopeId {
  key: string;
  kind: 'project' | 'group';
  path: string;
  id: number | null;
  error?: { kind: string; message: string };
  checkedAt: string;
}

export function emptySyncState(id: string): SyncState {
  return {
    id,
    cursor: null,
    lastSuccessAt: null,
    lastError: null,
    inProgress: false,
    progressAt: null,
    itemsInRun: 0,
    problems: [],
  };
}
