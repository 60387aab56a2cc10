import type { LensDb } from '../db/database';
import type { StoredSyncError, SyncState } from '../db/records';
import { commitSyncStep, getSyncState, saveSyncState, type SyncWrites } from '../db/sync-state';
import { GitLabError } from './errors';
import type { Page } from './paginate';
import type { ParseProblem } from './parse-list';

// Runs one sync resource and keeps its SyncState in IndexedDB at every step, so a service
// worker stopped at any point resumes where the last stored page left off.

export interface SyncProgress {
  resourceId: string;
  phase: 'started' | 'page' | 'done' | 'unavailable' | 'failed';
  itemsInRun: number;
  error?: StoredSyncError;
}

export interface ResourceSyncResult {
  resourceId: string;
  status: 'ok' | 'unavailable' | 'failed';
  itemsInRun: number;
  problems: ParseProblem[];
  error?: StoredSyncError;
}

export interface SyncRunContext {
  db: LensDb;
  now: () => number;
  onProgress?: (progress: SyncProgress) => void;
}

/** How a resource pages through GitLab and what it writes per page. */
export interface IncrementalResource<T extends { updated_at?: string }> {
  id: string;
  pages: (updatedAfter: string | undefined) => AsyncIterable<Page<T>>;
  writes: (items: T[]) => SyncWrites;
  /**
   * True when GitLab returns the list in updated_at ascending order, so the cursor can advance
   * after every page. Otherwise it only moves at the end of a complete run, to the server time
   * of the first page (HTTP Date), since items later in the list may be older.
   */
  orderedByUpdatedAt: boolean;
  /** Errors that mean "not on this tier", e.g. epics on Free (403). */
  isUnavailable?: (error: GitLabError) => boolean;
}

const MAX_PROBLEMS_KEPT = 20;
const iso = (ms: number) => new Date(ms).toISOString();

/** The later of two ISO timestamps; null/undefined count as "none". */
function later(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

function maxUpdatedAt(items: readonly { updated_at?: string }[]): string | null {
  return items.reduce<string | null>((max, item) => later(max, item.updated_at), null);
}

export function toStoredSyncError(error: unknown, now: number): StoredSyncError {
  if (error instanceof GitLabError) return { ...error.toJSON(), at: iso(now) };
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error), at: iso(now) };
}

/**
 * Incremental sync with `updated_after` = the saved cursor (inclusive on GitLab's side, so items
 * sharing the cursor's timestamp are read again, never skipped). Each page and the cursor that
 * points past it are committed in one transaction (commitSyncStep).
 */
export async function runIncrementalSync<T extends { updated_at?: string }>(
  resource: IncrementalResource<T>,
  context: SyncRunContext,
): Promise<ResourceSyncResult> {
  const { db, now } = context;
  const started = await getSyncState(db, resource.id);
  let state: SyncState = { ...started, inProgress: true, progressAt: iso(now()), itemsInRun: 0, problems: [] };
  await saveSyncState(db, state);
  context.onProgress?.({ resourceId: resource.id, phase: 'started', itemsInRun: 0 });

  try {
    let newestSeen: string | null = null;
    let firstServedAt: string | null | undefined;
    for await (const page of resource.pages(started.cursor ?? undefined)) {
      firstServedAt ??= page.servedAt;
      const pageNewest = maxUpdatedAt(page.items);
      newestSeen = later(newestSeen, pageNewest);
      const next: SyncState = {
        ...state,
        cursor: resource.orderedByUpdatedAt ? later(state.cursor, pageNewest) : state.cursor,
        progressAt: iso(now()),
        itemsInRun: state.itemsInRun + page.items.length,
        problems: [...state.problems, ...page.problems].slice(0, MAX_PROBLEMS_KEPT),
      };
      await commitSyncStep(db, resource.writes(page.items), next);
      state = next; // only a committed cursor may be remembered, or a failure could skip a page
      context.onProgress?.({ resourceId: resource.id, phase: 'page', itemsInRun: state.itemsInRun });
    }
    const cursor = resource.orderedByUpdatedAt ? state.cursor : later(state.cursor, firstServedAt ?? newestSeen);
    return await finishRun(context, { ...state, cursor }, 'ok');
  } catch (error) {
    return failRun(context, state, error, resource.isUnavailable);
  }
}

/** For lists without `updated_after` (members): read everything, then replace in one step. */
export async function runFullSync<T>(
  id: string,
  pages: AsyncIterable<Page<T>>,
  writes: (items: T[]) => SyncWrites,
  context: SyncRunContext,
): Promise<ResourceSyncResult> {
  const { db, now } = context;
  let state: SyncState = { ...(await getSyncState(db, id)), inProgress: true, progressAt: iso(now()), itemsInRun: 0, problems: [] };
  await saveSyncState(db, state);
  context.onProgress?.({ resourceId: id, phase: 'started', itemsInRun: 0 });
  try {
    const items: T[] = [];
    const problems: ParseProblem[] = [];
    for await (const page of pages) {
      items.push(...page.items);
      problems.push(...page.problems);
    }
    state = { ...state, itemsInRun: items.length, problems: problems.slice(0, MAX_PROBLEMS_KEPT) };
    return await finishRun(context, state, 'ok', writes(items));
  } catch (error) {
    return failRun(context, state, error);
  }
}

export async function finishRun(
  context: SyncRunContext,
  state: SyncState,
  status: 'ok' | 'unavailable',
  writes: SyncWrites = {},
): Promise<ResourceSyncResult> {
  const at = iso(context.now());
  const done: SyncState = { ...state, inProgress: false, progressAt: at, lastSuccessAt: at, lastError: null };
  await commitSyncStep(context.db, writes, done);
  context.onProgress?.({ resourceId: state.id, phase: status === 'ok' ? 'done' : 'unavailable', itemsInRun: state.itemsInRun });
  return { resourceId: state.id, status, itemsInRun: state.itemsInRun, problems: state.problems };
}

export async function failRun(
  context: SyncRunContext,
  state: SyncState,
  error: unknown,
  isUnavailable?: (error: GitLabError) => boolean,
): Promise<ResourceSyncResult> {
  if (error instanceof GitLabError && isUnavailable?.(error)) return finishRun(context, state, 'unavailable');
  const stored = toStoredSyncError(error, context.now());
  // The cursor stays where the last committed page left it: the next run resumes from there.
  await saveSyncState(context.db, { ...state, inProgress: false, lastError: stored });
  context.onProgress?.({ resourceId: state.id, phase: 'failed', itemsInRun: state.itemsInRun, error: stored });
  return { resourceId: state.id, status: 'failed', itemsInRun: state.itemsInRun, problems: state.problems, error: stored };
}
