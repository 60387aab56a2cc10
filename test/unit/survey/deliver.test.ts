import { describe, expect, it } from 'vitest';
import { deliverOnce, deliverUntilIdle } from '@/utils/survey/deliver';
import { newSubmission, nextAction, recoverAfterCrash, transition, type OutboxRecord } from '@/utils/survey/outbox';
import { findsSubmission } from '@/utils/survey/submission';
import { draft, ID, T0 } from './fixtures';
import { WorkerDied, world } from './fake-gitlab';

/** What the form's handler does: write to the outbox before anything else. */
async function submit(w: ReturnType<typeof world>): Promise<OutboxRecord> {
  const record = newSubmission(ID, draft(), w.clock.now);
  await w.store.save(record);
  return record;
}

/** A new service worker: read the outbox, recover, and run what is due at `at`. */
async function restartAt(w: ReturnType<typeof world>, at: number): Promise<OutboxRecord> {
  w.clock.now = at;
  const [record] = recoverAfterCrash([w.store.get(ID)], at, w.deps.random);
  await w.store.save(record!);
  return record!;
}

/** Runs steps the way alarms would: whenever the record waits, jump the clock to its time. */
async function runAlarms(w: ReturnType<typeof world>, record: OutboxRecord, maxAlarms = 10): Promise<OutboxRecord> {
  let current = record;
  for (let i = 0; i < maxAlarms; i++) {
    current = await deliverUntilIdle(current, w.deps);
    const action = nextAction(current, w.clock.now);
    if (action.kind !== 'wait') return current;
    w.clock.now = action.until;
  }
  return current;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('deliverOnce', () => {
  it('saves sending before the request, then the confirmed issue', async () => {
    const w = world(T0);
    const sent = await deliverOnce(await submit(w), w.deps);
    expect(w.log).toEqual(['save:pending', 'save:sending', 'create', 'save:sent']);
    expect(sent).toMatchObject({ status: 'sent', issue: { iid: 1, web_url: 'https://gitlab.example.com/acme/web/-/issues/1' } });
    const [issue] = w.gitlab.issues;
    expect(issue).toMatchObject({
      project: 'acme/web',
      title: 'Make the CI cache survive runner restarts',
      labels: ['engineering-allocation::suggestion', 'engineering-allocation-category::developer-efficiency'],
    });
    expect(findsSubmission(issue?.description, ID)).toBe(true);
  });

  it('does nothing for a record that waits or is settled', async () => {
    const w = world(T0);
    w.gitlab.willCreate('refused');
    const waiting = await deliverOnce(await submit(w), w.deps);
    expect(waiting.status).toBe('pending');
    w.log.length = 0;
    expect(await deliverOnce(waiting, w.deps)).toBe(waiting);
    expect(w.log).toEqual([]);
  });

  it('a save that fails before the send sends nothing', async () => {
    const w = world(T0);
    const pending = await submit(w);
    w.store.trap = { status: 'sending', mode: 'fail' };
    await expect(deliverOnce(pending, w.deps)).rejects.toThrow('QuotaExceededError');
    expect(w.gitlab.createCalls).toBe(0);
    expect(w.store.get(ID).status).toBe('pending');
  });
});

describe('crash between write and send', () => {
  it('a pending record at startup is sent once', async () => {
    const w = world(T0);
    await submit(w);
    const record = await restartAt(w, T0 + 60_000);
    expect(record.status).toBe('pending');
    expect((await runAlarms(w, record)).status).toBe('sent');
    expect(w.gitlab.createCalls).toBe(1);
    expect(w.gitlab.lookupCalls).toBe(0);
  });

  it('a sending record whose request never left is looked up, then sent once', async () => {
    const w = world(T0);
    const pending = await submit(w);
    w.store.trap = { status: 'sending', mode: 'die-after' };
    await expect(deliverOnce(pending, w.deps)).rejects.toThrow(WorkerDied);
    expect(w.gitlab.createCalls).toBe(0);
    const record = await restartAt(w, T0 + 1000);
    expect(record.status).toBe('unknown');
    expect(nextAction(record, T0 + 1000).kind).toBe('wait');
    const sent = await runAlarms(w, record);
    expect(sent.status).toBe('sent');
    expect(w.log.slice(-5)).toEqual(['lookup', 'save:pending', 'save:sending', 'create', 'save:sent']);
    expect(w.gitlab.withMarker(ID)).toHaveLength(1);
  });
});

describe('crash between send and confirm', () => {
  it('GitLab created the issue, the worker died: recovered by lookup, no second createIssue', async () => {
    const w = world(T0);
    w.gitlab.willCreate('store-then-hang');
    void deliverOnce(await submit(w), w.deps);
    await flush();
    expect(w.store.get(ID).status).toBe('sending');
    expect(w.gitlab.issues).toHaveLength(1);

    const record = await restartAt(w, T0 + 5 * 60_000);
    expect(record.status).toBe('unknown');
    const sent = await runAlarms(w, record);
    expect(sent).toMatchObject({ status: 'sent', issue: { iid: 1 } });
    expect(w.gitlab.createCalls).toBe(1);
    expect(w.gitlab.lookupCalls).toBe(1);
    expect(w.store.get(ID).status).toBe('sent');
  });

  it('the answer arrived but saving it failed: the stored sending record recovers the same way', async () => {
    const w = world(T0);
    const pending = await submit(w);
    w.store.trap = { status: 'sent', mode: 'fail' };
    await expect(deliverOnce(pending, w.deps)).rejects.toThrow();
    expect(w.store.get(ID).status).toBe('sending');
    const sent = await runAlarms(w, await restartAt(w, T0 + 1000));
    expect(sent).toMatchObject({ status: 'sent', issue: { iid: 1 } });
    expect(w.gitlab.createCalls).toBe(1);
  });
});

describe('unclear answers never duplicate', () => {
  it('a 503 after GitLab stored the issue: unknown, lookup, sent; createIssue called once', async () => {
    const w = world(T0);
    w.gitlab.willCreate('store-then-503');
    const unknown = await deliverOnce(await submit(w), w.deps);
    expect(unknown).toMatchObject({ status: 'unknown', nextAttemptAt: T0 + 20_000, lastError: { kind: 'server' } });
    const sent = await runAlarms(w, unknown);
    expect(sent.status).toBe('sent');
    expect(w.gitlab.createCalls).toBe(1);
    expect(w.gitlab.withMarker(ID)).toHaveLength(1);
  });

  it('two 503s before success: exactly one issue, each re-send preceded by a lookup', async () => {
    const w = world(T0);
    w.gitlab.willCreate('503', '503', 'ok');
    const sent = await runAlarms(w, await submit(w));
    expect(sent.status).toBe('sent');
    expect(w.gitlab.withMarker(ID)).toHaveLength(1);
    expect(w.log.filter((entry) => entry === 'create' || entry === 'lookup')).toEqual(['create', 'lookup', 'create', 'lookup', 'create']);
    // The settle time (20 s, longer than the first 15 s backoff) after the first 503, 30 s after the second.
    expect(w.clock.now).toBe(T0 + 20_000 + 30_000);
  });

  it('a 503 that stored the issue, then a failing lookup: retries the lookup, never the send', async () => {
    const w = world(T0);
    w.gitlab.willCreate('store-then-503').willLookUp('503', 'ok');
    const sent = await runAlarms(w, await submit(w));
    expect(sent.status).toBe('sent');
    expect(w.gitlab.createCalls).toBe(1);
    expect(w.gitlab.lookupCalls).toBe(2);
  });

  it('a timeout is looked up too', async () => {
    const w = world(T0);
    w.gitlab.willCreate('timeout');
    const unknown = await deliverOnce(await submit(w), w.deps);
    expect(unknown).toMatchObject({ status: 'unknown', lastError: { kind: 'timeout' } });
    expect((await runAlarms(w, unknown)).status).toBe('sent');
    expect(w.gitlab.withMarker(ID)).toHaveLength(1);
  });

  it('a refused connection or a 429 is re-sent without a lookup, a 429 at Retry-After', async () => {
    const w = world(T0);
    w.gitlab.willCreate('refused', '429');
    const sent = await runAlarms(w, await submit(w));
    expect(sent.status).toBe('sent');
    expect(w.gitlab.lookupCalls).toBe(0);
    expect(w.clock.now).toBe(Date.UTC(2026, 11, 1, 10));
  });
});

describe('permanent failures', () => {
  it('a 403 for the scope stops retrying and shows the fix; edit and resend delivers', async () => {
    const w = world(T0);
    w.gitlab.willCreate('403-scope');
    const failed = await runAlarms(w, await submit(w));
    expect(failed).toMatchObject({ status: 'failed', reason: { kind: 'scope' } });
    expect(failed.status === 'failed' && failed.reason.fix).toContain('needs a token with the api scope');
    expect(nextAction(failed, T0 + 1e9)).toEqual({ kind: 'none' });
    expect(await deliverOnce(failed, { ...w.deps, now: () => T0 + 1e9 })).toBe(failed);
    expect(w.gitlab.createCalls).toBe(1);

    const edited = transition(failed, { type: 'edited', draft: draft({ suggestion: 'Faster CI' }) }, w.clock.now, w.deps.random);
    await w.store.save(edited);
    const sent = await runAlarms(w, edited);
    expect(sent.status).toBe('sent');
    expect(w.gitlab.issues.map((issue) => issue.title)).toEqual(['Faster CI']);
  });

  it('404 and 422 say what to fix', async () => {
    for (const [outcome, kind, fix] of [
      ['404', 'not-found', /Check the survey project/],
      ['422', 'validation', /title is too long/],
    ] as const) {
      const w = world(T0);
      w.gitlab.willCreate(outcome);
      const failed = await runAlarms(w, await submit(w));
      expect(failed).toMatchObject({ status: 'failed', reason: { kind } });
      expect(failed.status === 'failed' && failed.reason.fix).toMatch(fix);
    }
  });

  it('a lookup that fails for good leaves the send unsettled: resend looks up first', async () => {
    const w = world(T0);
    w.gitlab.willCreate('store-then-503').willLookUp('404');
    const failed = await runAlarms(w, await submit(w));
    expect(failed).toMatchObject({ status: 'failed', reason: { kind: 'not-found' }, unsettledIn: 'acme/web' });
    const resent = transition(failed, { type: 'edited', draft: failed.draft }, w.clock.now, w.deps.random);
    const sent = await runAlarms(w, resent);
    expect(sent.status).toBe('sent');
    expect(w.gitlab.createCalls).toBe(1);
  });
});
