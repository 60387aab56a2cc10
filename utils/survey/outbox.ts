/**
 * The survey outbox state machine (SPEC §6: nothing lost, delivered exactly once). Pure: the
 * background stores records in IndexedDB, schedules alarms from `nextAction`, and makes requests.
 *
 * Invariant that makes "exactly once" work: a `pending` record has, as far as we know, no issue
 * in GitLab, so sending is safe. Whenever an attempt may have reached GitLab without us learning
 * the answer, the record goes to `unknown`, and only a lookup for its id can bring it back to
 * `pending`.
 */
import type { ProjectRef, SubmissionDraft } from './submission';

export interface CreatedIssue {
  iid: number;
  web_url: string;
}

export type TransientKind =
  | 'timeout' // our deadline passed; GitLab may still have done it
  | 'network' // connection dropped mid-request
  | 'server' // 5xx: a proxy may answer after GitLab stored the issue
  | 'rate-limited' // 429: GitLab refused before doing anything
  | 'unreachable'; // the request provably never left (DNS failure, connection refused)

export type PermanentKind = 'scope' | 'not-found' | 'validation' | 'other-permanent';

export interface AttemptError {
  kind: TransientKind | 'lookup';
  message: string;
}

interface RecordBase {
  id: string;
  draft: SubmissionDraft;
  createdAt: number;
  updatedAt: number;
  /** Attempts (sends and lookups) that ended without an answer since the last edit; drives backoff. */
  attempts: number;
}

export type OutboxRecord =
  | (RecordBase & { status: 'pending'; nextAttemptAt: number; lastError?: AttemptError })
  | (RecordBase & { status: 'sending'; attemptStartedAt: number; lastError?: AttemptError })
  /**
   * `lookupIn`: where the unanswered request went (the draft may since point elsewhere);
   * `unknownSince`: when it went out of sight, so the lookup does not race it.
   */
  | (RecordBase & { status: 'unknown'; nextAttemptAt: number; lookupIn: ProjectRef; unknownSince: number; lastError: AttemptError })
  | (RecordBase & { status: 'sent'; sentAt: number; issue: CreatedIssue })
  /** `unsettledIn`: a lookup there was still owed when this failed, so a resend must look first. */
  | (RecordBase & { status: 'failed'; failedAt: number; reason: { kind: PermanentKind; message: string; fix: string }; unsettledIn?: ProjectRef })
  | (RecordBase & { status: 'discarded'; discardedAt: number });

export type OutboxStatus = OutboxRecord['status'];

export type OutboxEvent =
  | { type: 'created'; id: string; draft: SubmissionDraft }
  | { type: 'attempt-started' }
  | { type: 'created-ok'; issue: CreatedIssue }
  | { type: 'transient-error'; kind: TransientKind; message?: string; retryAt?: number }
  | { type: 'permanent-error'; kind: PermanentKind; message: string; fix?: string }
  | { type: 'lookup-found'; issue: CreatedIssue }
  | { type: 'lookup-not-found' }
  | { type: 'lookup-failed'; message?: string; retryAt?: number }
  | { type: 'edited'; draft: SubmissionDraft }
  | { type: 'discard' }
  | { type: 'online' }
  | { type: 'recovered-after-crash' };

export type NextAction = { kind: 'send' } | { kind: 'lookup' } | { kind: 'wait'; until: number } | { kind: 'none' };

export const BACKOFF_BASE_MS = 15_000;
export const BACKOFF_CAP_MS = 60 * 60_000;
/** Share of the delay that jitter may take off, so a fleet of browsers does not retry in step. */
export const BACKOFF_JITTER = 0.2;
/**
 * A lookup waits at least this long after the outcome went unknown: a lost request (a 504 from a
 * proxy, a worker that died) may still be running in GitLab, and a lookup racing it would wrongly
 * allow a second send. It also bounds the first retries after an unanswered send (15 s backoff),
 * Retry-After hints, crash recovery and `online`.
 */
export const SETTLE_MS = 20_000;
export const SENT_KEPT_MS = 30 * 24 * 60 * 60_000;

export class IllegalTransitionError extends Error {
  override readonly name = 'IllegalTransitionError';
  constructor(
    readonly from: OutboxStatus | 'none',
    readonly event: OutboxEvent['type'],
  ) {
    super(`Outbox: "${event}" is not allowed when the submission is ${from}.`);
  }
}

/**
 * Delay after the n-th unanswered attempt (n ≥ 1): 15 s, 30 s, 1 min … capped at 1 h, then up
 * to 20 % shorter by `random` (0 ≤ r < 1). Jitter only shortens, so the cap holds.
 */
export function backoffMs(attempt: number, random: () => number): number {
  const nominal = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal * (1 - BACKOFF_JITTER * random()));
}

export const PERMANENT_FIXES: Record<PermanentKind, string> = {
  scope: 'Sending a suggestion needs a token with the api scope. Add a personal access token with the api scope in Engineering Lens settings, then resend.',
  'not-found': 'The survey project was not found, or this token cannot see it. Check the survey project in Engineering Lens settings, then resend.',
  validation: 'GitLab rejected the suggestion as it is. Edit it, then resend.',
  'other-permanent': 'GitLab refused the suggestion. Fix the problem named above, then resend, or discard it.',
};

const TRANSIENT_MESSAGES: Record<TransientKind, string> = {
  timeout: 'GitLab did not answer in time.',
  network: 'The connection to GitLab was lost.',
  server: 'GitLab had a server error.',
  'rate-limited': 'GitLab asked to slow down.',
  unreachable: 'GitLab could not be reached.',
};

export function newSubmission(id: string, draft: SubmissionDraft, now: number): OutboxRecord {
  return transition(null, { type: 'created', id, draft }, now, () => 0);
}

/**
 * One step of the machine. Throws `IllegalTransitionError` for an event the state does not
 * accept: a caller acting on a stale copy must not silently overwrite newer state.
 * `random` jitters the backoff.
 */
export function transition(record: OutboxRecord | null, event: OutboxEvent, now: number, random: () => number): OutboxRecord {
  const illegal = () => new IllegalTransitionError(record?.status ?? 'none', event.type);
  if (record === null) {
    if (event.type !== 'created') throw illegal();
    return { status: 'pending', id: event.id, draft: event.draft, createdAt: now, updatedAt: now, attempts: 0, nextAttemptAt: now };
  }
  const base = { id: record.id, draft: record.draft, createdAt: record.createdAt, updatedAt: now, attempts: record.attempts };
  const retryAt = (attempts: number, hinted?: number) => (hinted !== undefined ? Math.max(now, hinted) : now + backoffMs(attempts, random));

  switch (event.type) {
    case 'created':
      throw illegal();
    case 'attempt-started':
      if (record.status !== 'pending') throw illegal();
      return { ...base, status: 'sending', attemptStartedAt: now, ...(record.lastError ? { lastError: record.lastError } : {}) };
    case 'created-ok':
      if (record.status !== 'sending') throw illegal();
      return { ...base, status: 'sent', sentAt: now, issue: event.issue };
    case 'transient-error': {
      if (record.status !== 'sending') throw illegal();
      const attempts = record.attempts + 1;
      const lastError = { kind: event.kind, message: event.message ?? TRANSIENT_MESSAGES[event.kind] };
      const nextAttemptAt = retryAt(attempts, event.retryAt);
      // Only a refusal GitLab gave before acting, or a request that never left, is safe to resend.
      if (event.kind === 'rate-limited' || event.kind === 'unreachable') return { ...base, attempts, status: 'pending', nextAttemptAt, lastError };
      return { ...base, attempts, status: 'unknown', nextAttemptAt: Math.max(nextAttemptAt, now + SETTLE_MS), lookupIn: record.draft.surveyProject, unknownSince: now, lastError };
    }
    case 'permanent-error': {
      if (record.status !== 'sending' && record.status !== 'unknown') throw illegal();
      const reason = { kind: event.kind, message: event.message, fix: event.fix ?? PERMANENT_FIXES[event.kind] };
      // A lookup that failed for good still leaves the earlier send unanswered.
      const unsettled = record.status === 'unknown' ? { unsettledIn: record.lookupIn } : {};
      return { ...base, status: 'failed', failedAt: now, reason, ...unsettled };
    }
    case 'lookup-found':
      if (record.status !== 'unknown') throw illegal();
      return { ...base, status: 'sent', sentAt: now, issue: event.issue };
    case 'lookup-not-found':
      // GitLab has no issue for this id: the earlier request never landed, so send now.
      if (record.status !== 'unknown') throw illegal();
      return { ...base, status: 'pending', nextAttemptAt: now, lastError: record.lastError };
    case 'lookup-failed': {
      if (record.status !== 'unknown') throw illegal();
      const attempts = record.attempts + 1;
      const lastError: AttemptError = { kind: 'lookup', message: event.message ?? 'Could not check GitLab for the suggestion.' };
      return { ...record, ...base, attempts, nextAttemptAt: retryAt(attempts, event.retryAt), lastError };
    }
    case 'edited':
      if (record.status !== 'pending' && record.status !== 'failed') throw illegal();
      // The edit cannot undo an unanswered earlier send: that one is looked up first.
      if (record.status === 'failed' && record.unsettledIn !== undefined) {
        return { ...base, draft: event.draft, attempts: 0, status: 'unknown', nextAttemptAt: now, lookupIn: record.unsettledIn, unknownSince: now, lastError: { kind: 'lookup', message: 'Checking whether an earlier attempt reached GitLab.' } };
      }
      return { ...base, draft: event.draft, attempts: 0, status: 'pending', nextAttemptAt: now };
    case 'discard':
      if (record.status !== 'pending' && record.status !== 'failed') throw illegal();
      return { ...base, status: 'discarded', discardedAt: now };
    case 'online':
      if (record.status !== 'pending' && record.status !== 'unknown') throw illegal();
      if (record.status === 'pending') return { ...record, updatedAt: now, nextAttemptAt: now };
      // An unknown record still waits out the settle time of its lost request.
      return { ...record, updatedAt: now, nextAttemptAt: Math.min(record.nextAttemptAt, Math.max(now, record.unknownSince + SETTLE_MS)) };
    case 'recovered-after-crash': {
      if (record.status !== 'sending') throw illegal();
      const lastError: AttemptError = { kind: 'network', message: 'Interrupted while sending; checking whether GitLab received it.' };
      return { ...base, status: 'unknown', nextAttemptAt: Math.max(now, record.attemptStartedAt + SETTLE_MS), lookupIn: record.draft.surveyProject, unknownSince: record.attemptStartedAt, lastError };
    }
  }
}

/** Whether `transition` would accept the event, for callers that broadcast (`online`, startup). */
export function accepts(record: OutboxRecord | null, event: OutboxEvent): boolean {
  try {
    transition(record, event, record?.updatedAt ?? 0, () => 0);
    return true;
  } catch (error) {
    if (error instanceof IllegalTransitionError) return false;
    throw error;
  }
}

export function nextAction(record: OutboxRecord, now: number): NextAction {
  if (record.status !== 'pending' && record.status !== 'unknown') return { kind: 'none' };
  if (record.nextAttemptAt > now) return { kind: 'wait', until: record.nextAttemptAt };
  return { kind: record.status === 'pending' ? 'send' : 'lookup' };
}

/**
 * At service-worker or browser start no request of ours can be in flight, so every `sending`
 * record is one whose worker died mid-request: it may have reached GitLab.
 */
export function recoverAfterCrash(records: readonly OutboxRecord[], now: number, random: () => number): OutboxRecord[] {
  return records.map((record) => (record.status === 'sending' ? transition(record, { type: 'recovered-after-crash' }, now, random) : record));
}

/** The earliest time any record wants a step, for the alarm; `null` when nothing is due. */
export function nextWakeUp(records: readonly OutboxRecord[], now: number): number | null {
  let earliest: number | null = null;
  for (const record of records) {
    const action = nextAction(record, now);
    const at = action.kind === 'wait' ? action.until : action.kind === 'none' ? null : now;
    if (at !== null && (earliest === null || at < earliest)) earliest = at;
  }
  return earliest;
}

/** Sent records stay for the popup's link for 30 days; discarded ones have nothing to show. */
export function prune(records: readonly OutboxRecord[], now: number): OutboxRecord[] {
  return records.filter((record) => record.status !== 'discarded' && !(record.status === 'sent' && now - record.sentAt > SENT_KEPT_MS));
}
