import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutbox, OFFLINE_POLL_MS } from '../../../utils/background/outbox';
import { openOutboxDb, outboxStore, type OutboxDb } from '../../../utils/db/outbox-db';
import type { GitLabClient } from '../../../utils/gitlab/client';
import { GitLabError } from '../../../utils/gitlab/errors';
import { SETTLE_MS } from '../../../utils/survey/outbox';
import { draft, T0 } from '../survey/fixtures';

/** A GitLab that keeps created issues and can fail a POST before or after storing it. */
function fakeGitLab() {
  const issues: Array<{ iid: number; web_url: string; description: string; labels: string[] }> = [];
  const plan: Array<'ok' | 'fail-before' | 'fail-after' | 'store-then-hang'> = [];
  let posts = 0;
  const client = {
    async createIssue(_project: unknown, issue: { title: string; description: string; labels: readonly string[] }) {
      posts += 1;
      const step = plan.shift() ?? 'ok';
      if (step === 'fail-before') throw new GitLabError({ kind: 'server', status: 503 });
      const created = { iid: issues.length + 1, web_url: `https://gitlab.example.com/acme/web/-/issues/${issues.length + 1}`, description: issue.description, labels: [...issue.labels] };
      issues.push(created);
      if (step === 'fail-after') throw new GitLabError({ kind: 'server', status: 503 });
      // The worker is stopped while the answer is on its way: it never arrives.
      if (step === 'store-then-hang') await new Promise(() => {});
      return created;
    },
    // As GitLab: by label, never by the id (full-text search skips HTML comments).
    async *listProjectIssues(_project: unknown, options: { labels?: readonly string[] }) {
      yield { items: issues.filter((issue) => (options.labels ?? []).every((label) => issue.labels.includes(label))) };
    },
  };
  return { client: client as unknown as GitLabClient, issues, plan, posts: () => posts };
}

let count = 0;
const opened: OutboxDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

async function setUp(gitlab = fakeGitLab(), name = `outbox-test-${++count}`, network = { online: true }) {
  const db = await openOutboxDb(name);
  opened.push(db);
  const clock = { now: T0 };
  const alarms: Array<number | null> = [];
  let byte = 0;
  const outbox = createOutbox({
    store: async () => outboxStore(db),
    client: async () => gitlab.client,
    now: () => clock.now,
    random: () => 0,
    randomBytes: (n) => new Uint8Array(n).map(() => ++byte % 256),
    schedule: (at) => alarms.push(at),
    online: () => network.online,
  });
  return { outbox, gitlab, clock, alarms, db, name };
}

describe('the background outbox', () => {
  it('writes first, creates the issue once, and keeps the sent record with its link', async () => {
    const { outbox, gitlab, db } = await setUp();
    const record = await outbox.submit(draft());
    expect(record.status).toBe('sent');
    expect(gitlab.issues).toHaveLength(1);
    expect(gitlab.issues[0]!.labels).toEqual(['engineering-allocation::suggestion', 'engineering-allocation-category::developer-efficiency']);
    expect((await outboxStore(db).all()).map((stored) => stored.status)).toEqual(['sent']);
  });

  it('a 503 after GitLab stored the issue: looked up after it settles, never sent again', async () => {
    const gitlab = fakeGitLab();
    gitlab.plan.push('fail-after');
    const { outbox, clock, alarms } = await setUp(gitlab);
    const record = await outbox.submit(draft());
    expect(record.status).toBe('unknown');
    // The next wake-up is scheduled; at that time the lookup finds the issue.
    const at = alarms.at(-1)!;
    expect(at).toBeGreaterThanOrEqual(T0 + SETTLE_MS);
    clock.now = at;
    await outbox.wake();
    expect((await outbox.list()).map((stored) => stored.status)).toEqual(['sent']);
    expect([gitlab.posts(), gitlab.issues.length]).toEqual([1, 1]);
  });

  it('a suggestion relabelled by a triager before the lookup is still found (issues the user opened), never sent twice', async () => {
    const gitlab = fakeGitLab();
    gitlab.plan.push('fail-after');
    const { outbox, clock, alarms } = await setUp(gitlab);
    await outbox.submit(draft());
    // Triaged at once: the suggestion label is replaced.
    gitlab.issues[0]!.labels = ['engineering-allocation::accepted'];
    clock.now = alarms.at(-1)!;
    await outbox.wake();
    expect((await outbox.list()).map((stored) => stored.status)).toEqual(['sent']);
    expect([gitlab.posts(), gitlab.issues.length]).toEqual([1, 1]);
  });

  it('offline: nothing is sent and the outbox looks again every 30 s; back online, the waiting suggestions go at once', async () => {
    const gitlab = fakeGitLab();
    gitlab.plan.push('fail-before');
    const network = { online: true };
    const { outbox, clock, alarms } = await setUp(gitlab, undefined, network);
    // A first attempt failed: the next one waits out the backoff (15 s).
    await outbox.submit(draft({ suggestion: 'First' }));
    network.online = false;
    await outbox.submit(draft({ suggestion: 'Second' }));
    expect(gitlab.posts()).toBe(1);
    expect(alarms.at(-1)).toBe(T0 + OFFLINE_POLL_MS);
    clock.now = T0 + OFFLINE_POLL_MS;
    await outbox.wake();
    expect(gitlab.posts()).toBe(1);
    expect(alarms.at(-1)).toBe(T0 + 2 * OFFLINE_POLL_MS);
    // Back at the next look: both go, the first one's lookup included (its 503 came before GitLab stored it).
    network.online = true;
    clock.now = T0 + 2 * OFFLINE_POLL_MS;
    await outbox.wake();
    expect((await outbox.list()).map((stored) => stored.status)).toEqual(['sent', 'sent']);
    expect(gitlab.issues.map((issue) => issue.description.split('\n\n')[1]).sort()).toEqual(['First', 'Second']);
  });

  it("a form's id makes a repeated submit the same suggestion: one record, one issue", async () => {
    const { outbox, gitlab } = await setUp();
    const id = 'ela-0b42d7e5-8c3a-4f61-b2d9-71e05a6c3f84';
    const first = await outbox.submit(draft(), id);
    // The form never got that answer, and the user submits the same draft again.
    const again = await outbox.submit(draft({ suggestion: 'Typed a little more' }), id);
    expect([first.id, again.id]).toEqual([id, id]);
    expect(again.status).toBe('sent');
    expect(await outbox.list()).toHaveLength(1);
    expect([gitlab.posts(), gitlab.issues.length]).toEqual([1, 1]);
  });

  it('two 503s before anything was stored: exactly one issue in the end', async () => {
    const gitlab = fakeGitLab();
    gitlab.plan.push('fail-before', 'fail-before');
    const { outbox, clock, alarms } = await setUp(gitlab);
    await outbox.submit(draft());
    for (let wake = 0; wake < 4 && (await outbox.list())[0]!.status !== 'sent'; wake++) {
      clock.now = alarms.at(-1)!;
      await outbox.wake();
    }
    expect((await outbox.list())[0]!.status).toBe('sent');
    expect(gitlab.issues).toHaveLength(1);
  });

  it('a worker stopped between send and confirm: the new worker looks the id up instead of sending', async () => {
    const gitlab = fakeGitLab();
    const first = await setUp(gitlab);
    // The record as the stopped worker left it: `sending`, and GitLab has the issue.
    await first.outbox.submit(draft());
    const [sent] = await first.outbox.list();
    await outboxStore(first.db).put({ ...sent!, status: 'sending', attemptStartedAt: T0 } as never);
    const second = await setUp(gitlab, first.name);
    second.clock.now = T0 + SETTLE_MS;
    await second.outbox.wake();
    expect((await second.outbox.list())[0]!.status).toBe('sent');
    expect(gitlab.posts()).toBe(1);
  });

  it('a worker stopped mid-request has an alarm to come back: the next worker finds the issue, sends nothing', async () => {
    const gitlab = fakeGitLab();
    gitlab.plan.push('store-then-hang');
    const first = await setUp(gitlab);
    void first.outbox.submit(draft());
    await expect.poll(() => gitlab.posts()).toBe(1);
    // Before the request went out, an alarm was set for the settle time.
    expect(first.alarms).toEqual([T0 + SETTLE_MS]);
    expect((await outboxStore(first.db).all()).map((record) => record.status)).toEqual(['sending']);
    // The alarm starts a new worker over the same database.
    const second = await setUp(gitlab, first.name);
    second.clock.now = first.alarms[0]!;
    await second.outbox.wake();
    expect((await second.outbox.list()).map((record) => record.status)).toEqual(['sent']);
    expect([gitlab.posts(), gitlab.issues.length]).toEqual([1, 1]);
  });

  it('not set up (no client): the suggestion waits in the outbox, nothing is lost', async () => {
    const db = await openOutboxDb(`outbox-test-${++count}`);
    opened.push(db);
    const outbox = createOutbox({
      store: async () => outboxStore(db),
      client: async () => Promise.reject(new Error('not configured')),
      now: () => T0,
      random: () => 0,
      randomBytes: (n) => new Uint8Array(n).fill(7),
      schedule: () => {},
    });
    expect((await outbox.submit(draft())).status).toBe('pending');
    expect(await outboxStore(db).all()).toHaveLength(1);
  });
});
