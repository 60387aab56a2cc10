/**
 * Drives the survey outbox (utils/survey) with the real store, client and clock: write first,
 * then one delivery step per record at a time, an alarm for the next due record, and a recovery
 * pass at startup (a record left `sending` by a stopped worker may have reached GitLab). Every
 * entry point goes through one queue, so two wake-ups (alarm, online, a submit) never step the
 * same record at once.
 */
import type { GitLabClient } from '../gitlab/client';
import { classifySurveyError } from '../survey/classify';
import { deliverUntilIdle, type DeliverDeps } from '../survey/deliver';
import { newSubmission, nextWakeUp, prune, recoverAfterCrash, transition, accepts, SETTLE_MS, type OutboxRecord } from '../survey/outbox';
import { pickSubmission, submissionId, SUGGESTION_LABEL, type ProjectRef, type SubmissionDraft } from '../survey/submission';

/** Clocks differ: the lookup window starts this long before the submission was written. */
const LOOKUP_MARGIN_MS = 10 * 60_000;

export interface OutboxStore {
  all(): Promise<OutboxRecord[]>;
  get(id: string): Promise<OutboxRecord | undefined>;
  put(record: OutboxRecord): Promise<void>;
  remove(id: string): Promise<unknown>;
}

export interface OutboxDeps {
  store: () => Promise<OutboxStore>;
  /** The configured GitLab's client; throws when there is none (not set up): records wait. */
  client: () => Promise<GitLabClient>;
  now: () => number;
  random: () => number;
  randomBytes: (n: number) => Uint8Array;
  /** The next wake-up (an alarm), or none when nothing waits. */
  schedule: (at: number | null) => void;
  /** Told after every change, for open popups and forms. */
  changed?: () => void;
  /**
   * Whether the browser says it is online (navigator.onLine). Chrome fires no `online` event in
   * an extension's service worker, so while offline nothing is sent (a send would only grow the
   * backoff) and the outbox looks again every OFFLINE_POLL_MS; coming back counts as `online`.
   */
  online?: () => boolean;
}

/** How often an offline browser is checked for being back (Chrome's shortest alarm is 30 s). */
export const OFFLINE_POLL_MS = 30_000;

export function createOutbox(deps: OutboxDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  let recovered = false;
  let offline = false;
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  async function deliveryDeps(store: OutboxStore): Promise<DeliverDeps> {
    const client = await deps.client();
    return {
      createIssue: async (project: ProjectRef, issue) => {
        const created = await client.createIssue(project, issue);
        return { iid: created.iid, web_url: created.web_url };
      },
      // GitLab's full-text search (15.x+) does not index text inside HTML comments, so the id
      // cannot be searched for: the suggestions updated since the submission was written are
      // read, and the marker picked out of their descriptions. First by our label; then, in case
      // a triager relabelled it meanwhile, the issues this token's user opened.
      findBySubmissionId: async (project: ProjectRef, id) => {
        const since = (await store.get(id))?.createdAt ?? deps.now() - 7 * 86_400_000;
        const window = { updatedAfter: new Date(since - LOOKUP_MARGIN_MS).toISOString(), state: 'all' as const, orderBy: 'id' as const };
        for (const narrowing of [{ labels: [SUGGESTION_LABEL] }, { scope: 'created_by_me' as const }]) {
          const found: Array<{ iid: number; web_url: string; description?: string | null }> = [];
          for await (const page of client.listProjectIssues(project, { ...window, ...narrowing })) found.push(...page.items);
          const issue = pickSubmission(found, id);
          if (issue) return { iid: issue.iid, web_url: issue.web_url };
        }
        return null;
      },
      save: (record) => store.put(record),
      now: deps.now,
      random: deps.random,
      classify: classifySurveyError,
    };
  }

  /** Steps every due record once, then schedules the next wake-up. */
  async function run(): Promise<void> {
    const store = await deps.store();
    let records = await store.all();
    if (!recovered) {
      // Only the records a stopped worker left `sending` change; the flag is set once they are
      // stored, so a failed write is tried again on the next wake-up.
      const recoveredRecords = recoverAfterCrash(records, deps.now(), deps.random).filter((record, index) => record !== records[index]);
      for (const record of recoveredRecords) await store.put(record);
      recovered = true;
      if (recoveredRecords.length) records = await store.all();
    }
    if (deps.online && !deps.online()) {
      offline = true;
      deps.schedule(deps.now() + OFFLINE_POLL_MS);
      deps.changed?.();
      return;
    }
    if (offline) {
      offline = false;
      records = await backOnline(store, records);
    }
    const due = records.filter((record) => (record.status === 'pending' || record.status === 'unknown') && record.nextAttemptAt <= deps.now());
    if (due.length) {
      const delivery = await deliveryDeps(store).catch(() => null);
      // A worker stopped mid-request (Chrome idles them out) has no alarm of its own to come
      // back: this one wakes it to recover the record it left `sending`. The schedule after the
      // deliveries replaces it.
      if (delivery) deps.schedule(deps.now() + SETTLE_MS);
      // Not set up (no client): the records wait for the next wake-up.
      for (const record of delivery ? due : []) await deliverUntilIdle(record, delivery!).catch(() => undefined);
    }
    const after = await store.all();
    const kept = new Set(prune(after, deps.now()).map((record) => record.id));
    for (const record of after) if (!kept.has(record.id)) await store.remove(record.id);
    deps.schedule(nextWakeUp(after.filter((record) => kept.has(record.id)), deps.now()));
    deps.changed?.();
  }

  /** Waiting records are due now (an unknown one still waits out its settle time). */
  async function backOnline(store: OutboxStore, records: OutboxRecord[]): Promise<OutboxRecord[]> {
    const changed = records.filter((record) => accepts(record, { type: 'online' }));
    for (const record of changed) await store.put(transition(record, { type: 'online' }, deps.now(), deps.random));
    return changed.length ? store.all() : records;
  }

  async function apply(id: string, event: Parameters<typeof transition>[1]): Promise<OutboxRecord> {
    const store = await deps.store();
    const record = await store.get(id);
    if (!record || !accepts(record, event)) throw new Error('This suggestion cannot be changed now.');
    const next = transition(record, event, deps.now(), deps.random);
    await store.put(next);
    return next;
  }

  /** Runs the queue, then reads the record again: the caller sees what delivery made of it. */
  async function afterRun(record: OutboxRecord): Promise<OutboxRecord> {
    // The record is stored whatever the delivery pass met: a failure there must not make the
    // caller think it was not, or a second submit would file it twice.
    await serial(run).catch(() => undefined);
    return (await (await deps.store()).get(record.id)) ?? record;
  }

  /** A form's own id makes a repeated submit (its first answer got lost) the same suggestion. */
  const write = (draft: SubmissionDraft, id?: string) =>
    serial(async () => {
      const store = await deps.store();
      const existing = id === undefined ? undefined : await store.get(id);
      if (existing) return existing;
      const record = newSubmission(id ?? submissionId(deps.randomBytes), draft, deps.now());
      await store.put(record);
      deps.changed?.();
      return record;
    });

  return {
    /**
     * Written to the outbox before any request; resolves once it is stored, with `delivered` for
     * the record as the delivery that starts at once leaves it. A caller that cannot wait (the
     * worker may be stopped mid-request) answers with the stored record.
     */
    enqueue: async (draft: SubmissionDraft, id?: string) => {
      const record = await write(draft, id);
      return { record, delivered: afterRun(record) };
    },
    /** enqueue, then wait for the delivery. */
    submit: (draft: SubmissionDraft, id?: string) => write(draft, id).then(afterRun),
    /** The alarm, the worker's start, or the browser coming back online. */
    wake: (online = false) =>
      serial(async () => {
        if (online) {
          const store = await deps.store();
          await backOnline(store, await store.all());
        }
        await run();
      }),
    list: () => serial(async () => (await deps.store()).all()),
    /** Back to pending (or to a lookup first); answers the record as the delivery left it. */
    edit: (id: string, draft: SubmissionDraft) => serial(() => apply(id, { type: 'edited', draft })).then(afterRun),
    discard: (id: string) => serial(() => apply(id, { type: 'discard' })).then(async (record) => (await serial(run), record)),
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
