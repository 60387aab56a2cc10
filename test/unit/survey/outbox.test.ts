import { describe, expect, it } from 'vitest';
import {
  accepts,
  backoffMs,
  IllegalTransitionError,
  newSubmission,
  nextAction,
  nextWakeUp,
  PERMANENT_FIXES,
  prune,
  recoverAfterCrash,
  SENT_KEPT_MS,
  SETTLE_MS,
  transition,
  type OutboxEvent,
  type OutboxRecord,
  type OutboxStatus,
} from '@/utils/survey/outbox';
import { draft, ID, recordAfter, sampleRecords, T0 } from './fixtures';

const ISSUE = { iid: 7, web_url: 'https://gitlab.example.com/acme/web/-/issues/7' };
const noJitter = () => 0;
const step = (record: OutboxRecord | null, event: OutboxEvent, now = T0 + 1000) => transition(record, event, now, noJitter);

const EVENTS: Record<string, OutboxEvent> = {
  created: { type: 'created', id: ID, draft: draft() },
  'attempt-started': { type: 'attempt-started' },
  'created-ok': { type: 'created-ok', issue: ISSUE },
  'transient-error(timeout)': { type: 'transient-error', kind: 'timeout' },
  'transient-error(network)': { type: 'transient-error', kind: 'network' },
  'transient-error(server)': { type: 'transient-error', kind: 'server' },
  'transient-error(rate-limited)': { type: 'transient-error', kind: 'rate-limited', retryAt: T0 + 90_000 },
  'transient-error(unreachable)': { type: 'transient-error', kind: 'unreachable' },
  'permanent-error': { type: 'permanent-error', kind: 'not-found', message: '404 Project Not Found' },
  'lookup-found': { type: 'lookup-found', issue: ISSUE },
  'lookup-not-found': { type: 'lookup-not-found' },
  'lookup-failed': { type: 'lookup-failed' },
  edited: { type: 'edited', draft: draft({ suggestion: 'Edited' }) },
  discard: { type: 'discard' },
  online: { type: 'online' },
  'recovered-after-crash': { type: 'recovered-after-crash' },
};

/** The whole machine: from state, event → resulting state. Everything else must throw. */
const LEGAL: Record<OutboxStatus | 'none', Record<string, OutboxStatus>> = {
  none: { created: 'pending' },
  pending: { 'attempt-started': 'sending', edited: 'pending', discard: 'discarded', online: 'pending' },
  sending: {
    'created-ok': 'sent',
    'transient-error(timeout)': 'unknown',
    'transient-error(network)': 'unknown',
    'transient-error(server)': 'unknown',
    'transient-error(rate-limited)': 'pending',
    'transient-error(unreachable)': 'pending',
    'permanent-error': 'failed',
    'recovered-after-crash': 'unknown',
  },
  unknown: { 'permanent-error': 'failed', 'lookup-found': 'sent', 'lookup-not-found': 'pending', 'lookup-failed': 'unknown', online: 'unknown' },
  sent: {},
  failed: { edited: 'pending', discard: 'discarded' },
  discarded: {},
};

describe('transition table', () => {
  const records: Record<OutboxStatus | 'none', OutboxRecord | null> = { none: null, ...sampleRecords() };
  for (const [from, record] of Object.entries(records) as [OutboxStatus | 'none', OutboxRecord | null][]) {
    for (const [name, event] of Object.entries(EVENTS)) {
      const to = LEGAL[from][name];
      if (to) {
        it(`${from} --${name}--> ${to}`, () => {
          expect(step(record, event).status).toBe(to);
          expect(accepts(record, event)).toBe(true);
        });
      } else {
        it(`${from} rejects ${name}`, () => {
          expect(() => step(record, event)).toThrow(IllegalTransitionError);
          expect(accepts(record, event)).toBe(false);
        });
      }
    }
  }
  it('sample records are in the states they are named after', () => {
    for (const [status, record] of Object.entries(sampleRecords())) expect(record.status).toBe(status);
  });
});

describe('transitions in detail', () => {
  it('created: pending, due now, no attempts', () => {
    expect(newSubmission(ID, draft(), T0)).toMatchObject({ status: 'pending', id: ID, attempts: 0, nextAttemptAt: T0, createdAt: T0 });
    expect(nextAction(newSubmission(ID, draft(), T0), T0)).toEqual({ kind: 'send' });
  });

  it('attempt-started records when the request went out', () => {
    expect(step(recordAfter([]), EVENTS['attempt-started']!, T0 + 5)).toMatchObject({ status: 'sending', attemptStartedAt: T0 + 5 });
  });

  it('created-ok and lookup-found keep the issue link', () => {
    expect(step(recordAfter([{ type: 'attempt-started' }]), EVENTS['created-ok']!)).toMatchObject({ status: 'sent', issue: ISSUE, sentAt: T0 + 1000 });
    expect(step(sampleRecords().unknown, EVENTS['lookup-found']!)).toMatchObject({ status: 'sent', issue: ISSUE });
  });

  it('an unclear outcome must be looked up, never re-sent, and remembers where it went', () => {
    const unknown = step(recordAfter([{ type: 'attempt-started' }]), EVENTS['transient-error(server)']!, T0);
    expect(unknown).toMatchObject({ status: 'unknown', attempts: 1, nextAttemptAt: T0 + SETTLE_MS, lookupIn: 'acme/web', lastError: { kind: 'server' } });
    // The first backoff (15 s) is shorter than the settle time (20 s): the lookup waits for it.
    expect(SETTLE_MS).toBe(20_000);
    expect(nextAction(unknown, T0 + 19_999)).toEqual({ kind: 'wait', until: T0 + 20_000 });
    expect(nextAction(unknown, T0 + 20_000)).toEqual({ kind: 'lookup' });
  });

  it('a 429 is a refusal: back to pending at Retry-After, no lookup needed', () => {
    const limited = step(recordAfter([{ type: 'attempt-started' }]), EVENTS['transient-error(rate-limited)']!, T0);
    expect(limited).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: T0 + 90_000 });
    // A Retry-After in the past means now, not a time travel.
    const late = step(recordAfter([{ type: 'attempt-started' }]), { type: 'transient-error', kind: 'rate-limited', retryAt: T0 - 5 }, T0);
    expect(late).toMatchObject({ status: 'pending', nextAttemptAt: T0 });
  });

  it('a Retry-After on a 5xx cannot make the lookup race the lost request', () => {
    const hinted = step(recordAfter([{ type: 'attempt-started' }]), { type: 'transient-error', kind: 'server', retryAt: T0 + 1000 }, T0);
    expect(hinted).toMatchObject({ status: 'unknown', nextAttemptAt: T0 + SETTLE_MS });
  });

  it('permanent-error shows the reason and the fix; a 403 names the api scope', () => {
    const failed = step(recordAfter([{ type: 'attempt-started' }]), { type: 'permanent-error', kind: 'scope', message: '403 insufficient_scope' });
    expect(failed).toMatchObject({ status: 'failed', reason: { kind: 'scope', message: '403 insufficient_scope', fix: PERMANENT_FIXES.scope } });
    expect(PERMANENT_FIXES.scope).toContain('needs a token with the api scope');
    expect(nextAction(failed, T0 + 10 * SENT_KEPT_MS)).toEqual({ kind: 'none' });
    const custom = step(recordAfter([{ type: 'attempt-started' }]), { type: 'permanent-error', kind: 'validation', message: '422', fix: 'Shorten it.' });
    expect(custom).toMatchObject({ reason: { fix: 'Shorten it.' } });
  });

  it('lookup-not-found sends at once; lookup-failed backs off and stays unknown', () => {
    const unknown = sampleRecords().unknown;
    expect(step(unknown, EVENTS['lookup-not-found']!, T0 + 40_000)).toMatchObject({ status: 'pending', nextAttemptAt: T0 + 40_000, attempts: 1 });
    const again = step(unknown, EVENTS['lookup-failed']!, T0 + 40_000);
    expect(again).toMatchObject({ status: 'unknown', attempts: 2, nextAttemptAt: T0 + 40_000 + 30_000, lastError: { kind: 'lookup' }, lookupIn: 'acme/web' });
  });

  it('edited replaces the draft, resets attempts and is due now', () => {
    const failed = sampleRecords().failed;
    const edited = step(failed, EVENTS.edited!, T0 + 5000);
    expect(edited).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: T0 + 5000, id: ID });
    expect(edited.draft.suggestion).toBe('Edited');
    const limited = recordAfter([{ type: 'attempt-started' }, EVENTS['transient-error(rate-limited)']!]);
    expect(step(limited, EVENTS.edited!, T0 + 5000)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: T0 + 5000 });
  });

  it('edited after a lookup failed for good still looks up first (the earlier send was never answered)', () => {
    const unsettled = step(sampleRecords().unknown, { type: 'permanent-error', kind: 'not-found', message: '404' });
    expect(unsettled).toMatchObject({ status: 'failed', unsettledIn: 'acme/web' });
    const edited = step(unsettled, { type: 'edited', draft: draft({ surveyProject: 'acme/survey' }) }, T0 + 9000);
    expect(edited).toMatchObject({ status: 'unknown', lookupIn: 'acme/web', nextAttemptAt: T0 + 9000, attempts: 0 });
    expect(nextAction(edited, T0 + 9000)).toEqual({ kind: 'lookup' });
    // Not found in the old project: the send goes to the newly chosen one.
    const pending = step(edited, EVENTS['lookup-not-found']!);
    expect(pending.status === 'pending' && pending.draft.surveyProject).toBe('acme/survey');
  });

  it('discard keeps the record until pruned', () => {
    expect(step(sampleRecords().failed, EVENTS.discard!)).toMatchObject({ status: 'discarded', discardedAt: T0 + 1000 });
  });

  it('online makes a waiting pending record due now', () => {
    const waiting = recordAfter([{ type: 'attempt-started' }, EVENTS['transient-error(unreachable)']!]);
    expect(nextAction(waiting, T0 + 10).kind).toBe('wait');
    expect(nextAction(step(waiting, EVENTS.online!, T0 + 10), T0 + 10)).toEqual({ kind: 'send' });
  });

  it('online brings a lookup forward, but not before the lost request settled', () => {
    let unknown = step(recordAfter([{ type: 'attempt-started' }]), EVENTS['transient-error(network)']!, T0);
    for (let i = 1; i <= 5; i++) unknown = step(unknown, EVENTS['lookup-failed']!, T0 + i);
    expect(unknown).toMatchObject({ status: 'unknown', unknownSince: T0, attempts: 6, nextAttemptAt: T0 + 5 + 480_000 });
    expect(step(unknown, EVENTS.online!, T0 + 5000)).toMatchObject({ nextAttemptAt: T0 + SETTLE_MS });
    expect(step(unknown, EVENTS.online!, T0 + 100_000)).toMatchObject({ nextAttemptAt: T0 + 100_000 });
  });
});

describe('backoff', () => {
  it('doubles from 15 s and caps at 1 h without jitter', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map((n) => backoffMs(n, () => 0));
    expect(delays).toEqual([15_000, 30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000]);
  });

  it('jitter only shortens, by up to 20 %', () => {
    expect([1, 2, 3, 8].map((n) => backoffMs(n, () => 0.5))).toEqual([13_500, 27_000, 54_000, 1_728_000]);
    expect(backoffMs(1, () => 0.999_999)).toBe(12_000);
    expect(backoffMs(30, () => 0)).toBeLessThanOrEqual(3_600_000);
  });

  it('the machine uses the injected random for each unanswered attempt', () => {
    let record: OutboxRecord = newSubmission(ID, draft(), T0);
    const delays: number[] = [];
    let now = T0;
    for (let i = 0; i < 3; i++) {
      record = transition(record, { type: 'attempt-started' }, now, () => 0.5);
      record = transition(record, { type: 'transient-error', kind: 'unreachable' }, now, () => 0.5);
      if (record.status !== 'pending') throw new Error('expected pending');
      delays.push(record.nextAttemptAt - now);
      now = record.nextAttemptAt;
    }
    expect(delays).toEqual([13_500, 27_000, 54_000]);
  });
});

describe('startup recovery', () => {
  it('turns only sending records into unknown, looked up after the settle time', () => {
    const records = sampleRecords();
    const sending = records.sending;
    if (sending.status !== 'sending') throw new Error('fixture');
    const recovered = recoverAfterCrash(Object.values(records), sending.attemptStartedAt + 1000, noJitter);
    expect(recovered.map((r) => r.status)).toEqual(['pending', 'unknown', 'unknown', 'sent', 'failed', 'discarded']);
    expect(recovered[1]).toMatchObject({ nextAttemptAt: sending.attemptStartedAt + SETTLE_MS, lookupIn: 'acme/web' });
    // Browser restarted a day later: look now.
    expect(recoverAfterCrash([sending], T0 + 86_400_000, noJitter)[0]).toMatchObject({ status: 'unknown', nextAttemptAt: T0 + 86_400_000 });
  });
});

describe('scheduling and pruning', () => {
  it('nextAction: only pending sends and only unknown looks up', () => {
    const records = sampleRecords();
    expect(nextAction(records.pending, T0)).toEqual({ kind: 'send' });
    expect(nextAction(records.sending, T0 + 1e9)).toEqual({ kind: 'none' });
    expect(nextAction(records.sent, T0 + 1e9)).toEqual({ kind: 'none' });
    expect(nextAction(records.discarded, T0 + 1e9)).toEqual({ kind: 'none' });
    expect(nextAction(records.unknown, T0 + 1e9)).toEqual({ kind: 'lookup' });
  });

  it('nextWakeUp is the earliest due time, for the alarm', () => {
    const records = sampleRecords();
    expect(nextWakeUp([records.sent, records.unknown], T0)).toBe(T0 + 2 + 20_000);
    expect(nextWakeUp([records.unknown, records.pending], T0 + 5)).toBe(T0 + 5);
    expect(nextWakeUp([records.sent, records.failed, records.sending], T0)).toBeNull();
  });

  it('prune drops discarded records and sent ones older than 30 days', () => {
    const records = sampleRecords();
    const sent = records.sent;
    if (sent.status !== 'sent') throw new Error('fixture');
    const kept = prune(Object.values(records), sent.sentAt + SENT_KEPT_MS);
    expect(kept.map((r) => r.status)).toEqual(['pending', 'sending', 'unknown', 'sent', 'failed']);
    expect(prune(Object.values(records), sent.sentAt + SENT_KEPT_MS + 1).map((r) => r.status)).toEqual(['pending', 'sending', 'unknown', 'failed']);
  });
});
