/**
 * Drives one outbox record one step against GitLab, with every effect injected so the
 * background can run it from an alarm and tests can run it against a fake GitLab.
 *
 * Two rules make delivery exactly once:
 * - save before any request: `sending` is stored before `createIssue` is called, so a worker
 *   that dies mid-request leaves a record that startup recovery turns into `unknown`;
 * - after an unknown outcome, look up before any re-send (`outbox.ts` only lets `unknown` reach
 *   `pending` through `lookup-not-found`).
 *
 * The caller runs at most one step per record at a time (the background is the only writer).
 */
import { nextAction, transition, type CreatedIssue, type OutboxEvent, type OutboxRecord, type PermanentKind, type TransientKind } from './outbox';
import { issueDescription, issueLabels, issueTitle, type ProjectRef, type SubmissionDraft } from './submission';

/** What a failed request means for the outbox; `classify` maps the client's errors onto it. */
export type DeliveryFailure =
  | { kind: 'transient'; transient: TransientKind; message?: string; retryAt?: number }
  | { kind: 'permanent'; permanent: PermanentKind; message: string; fix?: string };

export interface NewIssue {
  title: string;
  description: string;
  labels: string[];
}

export interface DeliverDeps {
  createIssue(projectId: ProjectRef, issue: NewIssue): Promise<CreatedIssue>;
  /**
   * The issue in the project whose description carries this id's marker, or null. GitLab's
   * search is fuzzy: implementations confirm with `findsSubmission` / `pickSubmission`.
   */
  findBySubmissionId(projectId: ProjectRef, id: string): Promise<CreatedIssue | null>;
  save(record: OutboxRecord): Promise<void>;
  now(): number;
  random(): number;
  /** Anything it cannot place should be transient 'network': unknown outcome, look up first. */
  classify(error: unknown): DeliveryFailure;
}

export function issuePayload(draft: SubmissionDraft, id: string): NewIssue {
  return { title: issueTitle(draft.suggestion), description: issueDescription(draft, id), labels: issueLabels(draft.category) };
}

/**
 * Performs the record's next action if it is due ('send' or 'lookup') and returns the record as
 * saved; a record that is waiting or settled comes back unchanged, and nothing is saved. A failed
 * `save` rejects: before a send it means nothing was sent, after one the stored `sending`
 * record is recovered at the next startup.
 */
export async function deliverOnce(record: OutboxRecord, deps: DeliverDeps): Promise<OutboxRecord> {
  const action = nextAction(record, deps.now());
  if (action.kind === 'send') return send(record, deps);
  if (action.kind === 'lookup') return lookUp(record, deps);
  return record;
}

/**
 * Steps until the record waits or settles: after `lookup-not-found` the send follows at once.
 * `maxSteps` bounds a misbehaving fake or server; the alarm picks up whatever remains.
 */
export async function deliverUntilIdle(record: OutboxRecord, deps: DeliverDeps, maxSteps = 4): Promise<OutboxRecord> {
  let current = record;
  for (let step = 0; step < maxSteps; step++) {
    const action = nextAction(current, deps.now());
    if (action.kind !== 'send' && action.kind !== 'lookup') break;
    current = await deliverOnce(current, deps);
  }
  return current;
}

async function send(record: OutboxRecord, deps: DeliverDeps): Promise<OutboxRecord> {
  const sending = transition(record, { type: 'attempt-started' }, deps.now(), deps.random);
  await deps.save(sending);
  let event: OutboxEvent;
  try {
    const issue = await deps.createIssue(sending.draft.surveyProject, issuePayload(sending.draft, sending.id));
    event = { type: 'created-ok', issue: { iid: issue.iid, web_url: issue.web_url } };
  } catch (error) {
    const failure = deps.classify(error);
    event =
      failure.kind === 'permanent'
        ? permanentEvent(failure)
        : { type: 'transient-error', kind: failure.transient, ...optional('message', failure.message), ...optional('retryAt', failure.retryAt) };
  }
  return commit(sending, event, deps);
}

async function lookUp(record: OutboxRecord, deps: DeliverDeps): Promise<OutboxRecord> {
  if (record.status !== 'unknown') throw new Error(`Outbox: lookup for a ${record.status} submission.`);
  // No save first: a lookup is a read, and a crash during it just repeats it.
  let event: OutboxEvent;
  try {
    const found = await deps.findBySubmissionId(record.lookupIn, record.id);
    event = found ? { type: 'lookup-found', issue: { iid: found.iid, web_url: found.web_url } } : { type: 'lookup-not-found' };
  } catch (error) {
    const failure = deps.classify(error);
    event =
      failure.kind === 'permanent'
        ? permanentEvent(failure)
        : { type: 'lookup-failed', ...optional('message', failure.message), ...optional('retryAt', failure.retryAt) };
  }
  return commit(record, event, deps);
}

async function commit(record: OutboxRecord, event: OutboxEvent, deps: DeliverDeps): Promise<OutboxRecord> {
  const next = transition(record, event, deps.now(), deps.random);
  await deps.save(next);
  return next;
}

function permanentEvent(failure: Extract<DeliveryFailure, { kind: 'permanent' }>): OutboxEvent {
  return { type: 'permanent-error', kind: failure.permanent, message: failure.message, ...optional('fix', failure.fix) };
}

/** exactOptionalPropertyTypes-friendly: leave the key out rather than store `undefined` in IndexedDB. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
