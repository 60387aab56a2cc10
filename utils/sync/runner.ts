import type { LensDb } from '../db/database';
import type { StoredSyncError, SyncState } from '../db/records';
import { commitSyncStep, getSyncState, saveSyncState, type SyncWrites } from '../db/sync-state';
import { GitLabError } from '../gitlab/errors';
import { TransportClosedError } from '../gitlab/transport';
import type { Page } from '../gitlab/paginate';
import type { ParseProblem } from '../gitlab/parse-list';

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
interface IncrementalResource<T extends { updated_at?: string }> {
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
  /**
   * An `updated_after` sync never sees what GitLab stopped listing (deleted, now confidential,
   * moved elsewhere). Every `everyMs` a run ignores the cursor and lists everything; when it
   * completes in one go with every element readable, `sweep` removes the cached items of the
   * scope that were not listed (their keys from `keyOf`). Returns how many it removed.
   */
  reconcile?: {
    everyMs: number;
    keyOf: (item: T) => string;
    sweep: (listed: ReadonlySet<string>) => Promise<number>;
    /**
     * Once every `countEveryMs`, GitLab's count of the list (null: it does not say) against the
     * cached one: when they disagree, the run lists everything at once instead of waiting for
     * the week to end.
     */
    count?: { everyMs: number; listed: () => Promise<number | null>; cached: () => Promise<number> };
  };
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

function toStoredSyncError(error: unknown, now: number): StoredSyncError {
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
  const reconcile = resource.reconcile;
  // The weekly full listing: due when the last one is a week old (or never was) and none is
  // under way. A cold run (no cursor) is a full listing by itself.
  let relist =
    reconcile !== undefined &&
    started.cursor !== null &&
    !started.listingSince &&
    (!started.reconciledAt || now() - Date.parse(started.reconciledAt) >= reconcile.everyMs);
  let countedAt = started.countedAt ?? null;
  const count = reconcile?.count;
  if (count && !relist && started.cursor !== null && !started.listingSince && (!countedAt || now() - Date.parse(countedAt) >= count.everyMs)) {
    try {
      const [listed, cached] = await Promise.all([count.listed(), count.cached()]);
      if (listed !== null && listed !== cached) relist = true;
    } catch {
      // No count today: the weekly listing still comes.
    }
    countedAt = iso(now());
  }
  const listingSince = started.listingSince ?? (started.cursor === null || relist ? iso(now()) : null);
  // Keys listed by this run, when it lists everything from the start (a sweep needs them all).
  const listed = relist ? new Set<string>() : null;
  let unreadable = false;
  // An incremental run reads only what changed, so an item that could not be read before and has
  // not changed since is still missing: its problem stays reported until a readable copy arrives.
  let state: SyncState = {
    ...started,
    listingSince,
    countedAt,
    inProgress: true,
    progressAt: iso(now()),
    itemsInRun: 0,
    problems: started.problems.filter((problem) => problem.id !== undefined),
  };
  await saveSyncState(db, state);
  context.onProgress?.({ resourceId: resource.id, phase: 'started', itemsInRun: 0 });

  try {
    let newestSeen: string | null = null;
    let firstServedAt: string | null | undefined;
    for await (const page of resource.pages(relist ? undefined : (started.cursor ?? undefined))) {
      firstServedAt ??= page.servedAt;
      if (listed && reconcile) for (const item of page.items) listed.add(reconcile.keyOf(item));
      if (page.problems.length) unreadable = true;
      const pageNewest = maxUpdatedAt(page.items);
      newestSeen = later(newestSeen, pageNewest);
      const next: SyncState = {
        ...state,
        cursor: resource.orderedByUpdatedAt ? later(state.cursor, pageNewest) : state.cursor,
        progressAt: iso(now()),
        itemsInRun: state.itemsInRun + page.items.length,
        problems: carryProblems(state.problems, page).slice(0, MAX_PROBLEMS_KEPT),
      };
      await commitSyncStep(db, resource.writes(page.items), next);
      state = next; // only a committed cursor may be remembered, or a failure could skip a page
      context.onProgress?.({ resourceId: resource.id, phase: 'page', itemsInRun: state.itemsInRun });
    }
    const cursor = resource.orderedByUpdatedAt ? state.cursor : later(state.cursor, firstServedAt ?? newestSeen);
    // Everything listed in this run and all of it readable: what was not listed is gone.
    if (listed && reconcile && !unreadable) await reconcile.sweep(listed);
    const reconciled = listingSince ? { reconciledAt: listingSince, listingSince: null, countedAt: iso(now()) } : {};
    return await finishRun(context, { ...state, cursor, ...reconciled }, 'ok');
  } catch (error) {
    return failRun(context, state, error, resource.isUnavailable);
  }
}

/** Earlier problems minus those whose item this page brought readable, plus the page's own. */
function carryProblems<T>(earlier: readonly ParseProblem[], page: Page<T>): ParseProblem[] {
  const read = new Set(page.items.map((item) => (item as { id?: unknown }).id));
  const fresh = new Set(page.problems.map((problem) => problem.id));
  const kept = earlier.filter((problem) => !read.has(problem.id) && !fresh.has(problem.id));
  return [...kept, ...page.problems];
}

/**
 * For lists without `updated_after` (members): read everything, then replace in one step.
 * A replacement is all or nothing, so it is applied only when GitLab's answer can be trusted
 * whole: a run with parse problems would replace the cache with the readable part of the list
 * (12 members with 0), and a list that is suddenly empty while `cachedCount` records are cached
 * is taken for a glitch, not for everyone leaving at once. Either way the cache and the last
 * success stay as they were, and the run fails with an `invalid-payload` error saying why.
 */
export async function runFullSync<T>(
  id: string,
  pages: AsyncIterable<Page<T>>,
  writes: (items: T[]) => SyncWrites,
  cachedCount: () => Promise<number>,
  context: SyncRunContext,
): Promise<ResourceSyncResult> {
  const { db, now } = context;
  let state: SyncState = { ...(await getSyncState(db, id)), inProgress: true, progressAt: iso(now()), itemsInRun: 0, problems: [] };
  await saveSyncState(db, state);
  context.onProgress?.({ resourceId: id, phase: 'started', itemsInRun: 0 });
  try {
    const items: T[] = [];
    const problems: ParseProblem[] = [];
    let unreadable = 0;
    for await (const page of pages) {
      items.push(...page.items);
      problems.push(...page.problems);
      unreadable += unreadableElements(page.problems);
    }
    const cached = problems.length > 0 || items.length === 0 ? await cachedCount() : 0;
    const refusal = refuseReplacement(id, items.length, unreadable, problems, cached);
    if (refusal) {
      // Nothing was stored: itemsInRun stays 0, and the unreadable elements are shown.
      return await failRun(context, { ...state, problems: problems.slice(0, MAX_PROBLEMS_KEPT) }, refusal);
    }
    state = { ...state, itemsInRun: items.length, problems: [] };
    return await finishRun(context, state, 'ok', writes(items));
  } catch (error) {
    return failRun(context, state, error);
  }
}

/** Elements of one page that could not be read: one problem per bad field, index -1 for "not a list". */
function unreadableElements(problems: readonly ParseProblem[]): number {
  return new Set(problems.filter((problem) => problem.index >= 0).map((problem) => problem.index)).size;
}

/** "members" and "project 201" from `members:project:201` (sync.ts syncResourceId). */
function describeResource(id: string): { items: string; of: string } {
  const [kind, scopeKind, scopeId] = id.split(':');
  if (!kind || !scopeKind || !scopeId) return { items: 'items', of: id };
  return { items: kind.replace(/_/g, ' '), of: `${scopeKind} ${scopeId}` };
}

/** "1 member", "12 members" (every resource is named in the plural). */
function count(n: number, plural: string): string {
  return `${n} ${n === 1 ? plural.replace(/s$/, '') : plural}`;
}

/** Why a full list must not replace the cached one, or null when it may. */
function refuseReplacement(
  id: string,
  received: number,
  unreadable: number,
  problems: ParseProblem[],
  cached: number,
): GitLabError | null {
  const { items, of } = describeResource(id);
  let message: string;
  if (problems.length > 0) {
    const sent =
      unreadable > 0
        ? `${count(unreadable, items)} of ${of} that could not be read`
        : `a list of ${items} of ${of} that could not be read`;
    const keptWhat = cached > 0 ? `kept the ${count(cached, `cached ${items}`)}` : 'stored none of the list';
    message = `GitLab sent ${sent}; ${keptWhat}. The list is replaced only when every element can be read.`;
  } else if (received === 0 && cached > 0) {
    message =
      `GitLab returned no ${items} for ${of} while ${cached} ${cached === 1 ? 'is' : 'are'} cached; kept the cached list. ` +
      'A list that suddenly empties is taken for a glitch, not applied; the next sync asks again.';
  } else {
    return null;
  }
  const error = new GitLabError({ kind: 'invalid-payload', problems: problems.slice(0, MAX_PROBLEMS_KEPT) });
  error.message = message; // what the popup shows (syncState.lastError.message)
  return error;
}

export async function finishRun(
  context: SyncRunContext,
  state: SyncState,
  status: 'ok' | 'unavailable',
  writes: SyncWrites = {},
): Promise<ResourceSyncResult> {
  const at = iso(context.now());
  const done: SyncState = { ...state, inProgress: false, progressAt: at, lastSuccessAt: at, lastError: null, failures: 0 };
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
  if (error instanceof TransportClosedError) {
    // Cancelled because the settings changed: not GitLab's failure, so no error and no backoff.
    await saveSyncState(context.db, { ...state, inProgress: false });
    return { resourceId: state.id, status: 'failed', itemsInRun: state.itemsInRun, problems: state.problems, error: stored };
  }
  // The cursor stays where the last committed page left it: the next run resumes from there.
  // Failures in a row make pages wait longer before starting the next run (sync.ts needsSync).
  await saveSyncState(context.db, { ...state, inProgress: false, lastError: stored, failures: (state.failures ?? 0) + 1 });
  context.onProgress?.({ resourceId: state.id, phase: 'failed', itemsInRun: state.itemsInRun, error: stored });
  return { resourceId: state.id, status: 'failed', itemsInRun: state.itemsInRun, problems: state.problems, error: stored };
}
