/**
 * Stress run of the survey outbox (SPEC §6: nothing lost, delivered exactly once), run by hand or
 * with `npm run bench`:
 *   npx tsx test/bench/survey-stress.ts        (SEED=7 for another reproducible run;
 *                                               SUBMISSIONS=100 for a quick one while debugging)
 * 1,000 suggestions go through the background's own outbox driver (createOutbox), the real GitLab
 * client and the real IndexedDB code (on fake-indexeddb), against the GitLab stand-in, which
 * injects a random fault into about a third of the requests: 503 before or after the issue is
 * stored, the connection dropped before or after, 429 with Retry-After (some longer than the
 * client waits), and on the lookups 503s, drops and 429s. The service worker is stopped at random
 * moments: right after it stored `sending` (its request still reaches GitLab, or, when it died
 * first, never leaves), right before it stores an outcome, or while idle; a new worker then takes
 * over the same database, as after a real stop. Prints the lost and duplicated suggestions; exits
 * 1 unless both are 0, or when the run does not settle in time.
 */
import 'fake-indexeddb/auto';
import { createOutbox, type Outbox, type OutboxStore } from '../../utils/background/outbox';
import { openOutboxDb, outboxStore } from '../../utils/db/outbox-db';
import { GitLabClient } from '../../utils/gitlab/client';
import type { OutboxRecord } from '../../utils/survey/outbox';
import { findsSubmission, SURVEY_CATEGORIES, submissionDraftSchema, submissionMarker, type SubmissionDraft } from '../../utils/survey/submission';
import { API_TOKEN, PROJECT_IDS, PROJECT_PATHS, startSandbox } from '../gitlab-sandbox/index';
import { createRandom } from '../gitlab-sandbox/prng';

const SUBMISSIONS = Number(process.env.SUBMISSIONS ?? 1000);
const SEED = Number(process.env.SEED ?? 1);
/** Wall-clock budget: the loop stops here and counts whatever is unsettled as lost. */
const BUDGET_MS = 90_000;
/** Last resort if something hangs (a promise that never settles): fail loudly. */
const WATCHDOG_MS = 110_000;
const MAX_ROUNDS = 50_000;

/** Chances that a service worker stops: right after `sending` is stored (request leaves / never leaves), before an outcome is stored, while idle. */
const STOP_AFTER_SENDING = 0.025;
const STOP_BEFORE_REQUEST = 0.01;
const STOP_BEFORE_SEND_OUTCOME = 0.025;
const STOP_BEFORE_LOOKUP_OUTCOME = 0.01;
const STOP_IDLE = 0.03;
/** Share of wake-ups that are the browser coming back online rather than the alarm. */
const ONLINE = 0.1;

const rng = createRandom(SEED);
const started = performance.now();
const elapsed = () => performance.now() - started;
const watchdog = setTimeout(() => {
  console.error(`survey stress: did not finish within ${WATCHDOG_MS / 1000} s (seed ${SEED})`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

const sandbox = await startSandbox({ port: 0, scale: { issuesPerProject: 0, mergeRequestsPerProject: 0 } });

/**
 * The virtual clock every worker and client reads (`now`), so backoff (up to an hour) and
 * Retry-After cost no real time: between rounds it jumps to the next scheduled wake-up. The
 * stand-in stamps issues with REAL time, and a lookup lists suggestions updated since the
 * record's createdAt minus 10 minutes; so all 1,000 suggestions are submitted first while the
 * virtual clock still stands at the real start (it does not move during that phase: the client's
 * retry sleeps return at once and do not advance it). Every createdAt is then the real start
 * time, before any commit, as in a real browser, however far the clock runs afterwards.
 */
const clock = { now: Date.now() };

// ---------------------------------------------------------------------------------------------
// Faults: armed just before each request, on exactly that request (method and path). Requests go
// out one at a time (the outbox is serial, a stopped worker is awaited before the next starts),
// so the rule is consumed by the request it was armed for; a burst (count > 1) also hits the
// client's own retries and is left alone until used up.

const controls = sandbox.controls;
const rulesPending = () => {
  const s = controls.state;
  return s.failures.length + s.rateLimits.length + s.drops.length + s.failuresAfterCommit.length + s.dropsAfterCommit.length > 0;
};

type PostFault = 'none' | '503-before' | '503-after' | 'drop-before' | 'drop-after' | '429';
type GetFault = 'none' | '503' | '503-burst' | 'drop' | '429';

function armFault(method: string, path: string): void {
  if (rulesPending()) return;
  const match = { method, pathPrefix: path };
  if (method === 'POST') {
    const fault = rng.weighted<PostFault>([
      ['none', 0.6],
      ['503-before', 0.08],
      ['503-after', 0.08],
      ['drop-before', 0.04],
      ['drop-after', 0.08],
      ['429', 0.12],
    ]);
    if (fault === '503-before') controls.failNext({ ...match, status: 503 });
    else if (fault === '503-after') controls.failAfterCommit({ ...match, status: 503 });
    else if (fault === 'drop-before') controls.dropNext(match);
    else if (fault === 'drop-after') controls.dropAfterCommit(match);
    // Up to 60 s the client waits and retries itself; longer hints reach the outbox.
    else if (fault === '429') controls.rateLimitNext({ ...match, retryAfter: rng.int(1, 120) });
  } else if (method === 'GET') {
    const fault = rng.weighted<GetFault>([
      ['none', 0.72],
      ['503', 0.14],
      // More than the client's retries: the lookup itself fails and is retried by the outbox.
      ['503-burst', 0.02],
      ['drop', 0.08],
      ['429', 0.04],
    ]);
    if (fault === '503') controls.failNext({ ...match, status: 503 });
    else if (fault === '503-burst') controls.failNext({ ...match, status: 503, count: 6 });
    else if (fault === 'drop') controls.dropNext(match);
    else if (fault === '429') controls.rateLimitNext({ ...match, retryAfter: rng.int(1, 30) });
  }
}

const faultyFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  armFault((init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase(), url.pathname);
  return fetch(input, init);
};

/** What the stand-in actually answered, read from its request log after every call. */
const tally = { posts: 0, gets: 0, '503-before': 0, '503-after': 0, 'drop-before': 0, 'drop-after': 0, '429': 0, 'lookup-faults': 0, 'sw-stop': 0 };

function readRequestLog(): void {
  for (const entry of sandbox.requests.entries) {
    if (entry.method === 'POST') {
      tally.posts++;
      if (entry.status === 429) tally['429']++;
      else if (entry.status === 0) tally[entry.handledStatus === undefined ? 'drop-before' : 'drop-after']++;
      else if (entry.status >= 500) tally[entry.handledStatus === undefined ? '503-before' : '503-after']++;
    } else if (entry.method === 'GET') {
      tally.gets++;
      if (entry.status === 0 || entry.status === 429 || entry.status >= 500) tally['lookup-faults']++;
    }
  }
  sandbox.requests.reset();
}

// ---------------------------------------------------------------------------------------------
// Service workers: each has its own createOutbox, client and store handle over one database.

const db = await openOutboxDb(`survey-stress-${SEED}`);
const raw = outboxStore(db);
/** Each record as last stored, to tell a send's outcome from a lookup's, and both from a rewrite. */
const stored = new Map<string, OutboxRecord>();
/** Every submission, by id, in the order written. */
const submissions = new Map<string, SubmissionDraft>();
let unexpectedErrors = 0;

interface SimulatedWorker {
  dead: boolean;
  client: GitLabClient;
  outbox: Outbox;
  /** The last alarm it asked for. */
  scheduled: number | null;
}

class WorkerStopped extends Error {
  override readonly name = 'WorkerStopped';
}

function stop(worker: SimulatedWorker): void {
  if (worker.dead) return;
  worker.dead = true;
  tally['sw-stop']++;
}

function startWorker(): SimulatedWorker {
  const client = new GitLabClient({
    baseUrl: sandbox.url,
    getToken: async () => API_TOKEN,
    fetch: faultyFetch,
    sleep: async () => {},
    now: () => clock.now,
    random: rng.next,
  });
  const worker: SimulatedWorker = { dead: false, client, outbox: null as unknown as Outbox, scheduled: null };
  const alive = () => {
    if (worker.dead) throw new WorkerStopped('The service worker was stopped.');
  };
  // The handle this worker was given: revoked when it stops, so it cannot record anything more.
  const store: OutboxStore = {
    all: async () => (alive(), raw.all()),
    get: async (id) => (alive(), raw.get(id)),
    remove: async (id) => (alive(), raw.remove(id)),
    put: async (record: OutboxRecord) => {
      alive();
      const previous = stored.get(record.id);
      const before = previous?.status;
      // Start-up recovery rewrites every record; only a changed one is an outcome.
      if (before !== undefined && record.status !== 'sending' && JSON.stringify(record) !== JSON.stringify(previous)) {
        // Stopped with the answer in hand, before it is stored.
        if (rng.chance(before === 'sending' ? STOP_BEFORE_SEND_OUTCOME : STOP_BEFORE_LOOKUP_OUTCOME)) stop(worker);
        alive();
      }
      await raw.put(record);
      if (before === undefined) submissions.set(record.id, record.draft);
      stored.set(record.id, record);
      if (record.status === 'sending') {
        const roll = rng.next();
        // Stopped right after `sending` was stored: the request it was about to make still
        // leaves (the worker dies while it is in flight) and may commit...
        if (roll < STOP_AFTER_SENDING) stop(worker);
        // ...or the worker died first and the request never leaves.
        else if (roll < STOP_AFTER_SENDING + STOP_BEFORE_REQUEST) {
          stop(worker);
          client.close();
        }
      }
    },
  };
  worker.outbox = createOutbox({
    store: async () => (alive(), store),
    client: async () => client,
    now: () => clock.now,
    random: rng.next,
    randomBytes: (n) => Uint8Array.from({ length: n }, () => rng.int(0, 255)),
    schedule: (at) => {
      if (!worker.dead) worker.scheduled = at;
    },
  });
  return worker;
}

let worker = startWorker();

/**
 * One call on the current worker. A worker that stops during it is abandoned once its call has
 * settled (by then its last request has reached the stand-in: requests finish well within the
 * outbox's settle time), and a new one starts over the same database with its start-up wake-up,
 * which recovers records left `sending`, as the background does.
 */
async function drive(call: (current: SimulatedWorker) => Promise<unknown>): Promise<void> {
  const current = worker;
  if (!current.dead) {
    await call(current).catch((error: unknown) => {
      if (!current.dead) {
        unexpectedErrors++;
        console.error('survey stress: unexpected error', error);
      }
    });
  }
  while (worker.dead) {
    const next = startWorker();
    worker = next;
    await next.outbox.wake().catch((error: unknown) => {
      if (!next.dead) {
        unexpectedErrors++;
        console.error('survey stress: unexpected error at start-up', error);
      }
    });
  }
  readRequestLog();
}

// ---------------------------------------------------------------------------------------------
// Suggestions: random but valid answers, categories and project references.

const WORDS = ['cache', 'pipeline', 'flaky', 'tests', 'runner', 'deploy', 'latency', 'index', 'queue', 'retry', 'schema', 'docs', 'on-call', 'alerts', 'build'];
const words = (min: number, max: number) => Array.from({ length: rng.int(min, max) }, () => rng.pick(WORDS)).join(' ');

function randomDraft(index: number): SubmissionDraft {
  const known = [...submissions.keys()];
  const extras = [
    '',
    '\n\n```sh\nnpm ci',
    ' — 4 min faster 🚀',
    ' <!-- a comment --> and --> too',
    // An answer quoting another suggestion's marker must not make its lookup say "already sent".
    known.length ? `\n\n${submissionMarker(rng.pick(known))}` : '',
  ];
  return submissionDraftSchema.parse({
    suggestion: `#${index} ${words(2, 12)}`,
    justification: `${words(3, 40)}${rng.pick(extras)}`,
    category: rng.pick(SURVEY_CATEGORIES),
    ...(rng.chance(0.3) ? { relatedIssue: { projectPath: PROJECT_PATHS.webApp, iid: rng.int(1, 50), url: `${sandbox.url}/${PROJECT_PATHS.webApp}/-/issues/1` } } : {}),
    surveyProject: rng.chance(0.5) ? PROJECT_IDS.webApp : PROJECT_PATHS.webApp,
  });
}

// ---------------------------------------------------------------------------------------------
// The run.

let failed = false;
let rounds = 0;
let outOfTime = false;
const open = (record: OutboxRecord) => record.status !== 'sent' && record.status !== 'failed';
const virtualStart = clock.now;

try {
  await drive((current) => current.outbox.wake());
  // Phase 1: every suggestion written (virtual clock at the real start, see `clock`).
  for (let index = 0; index < SUBMISSIONS; index++) {
    const draft = randomDraft(index);
    await drive((current) => current.outbox.submit(draft));
    if (rng.chance(STOP_IDLE)) {
      stop(worker);
      await drive(async () => {});
    }
  }
  // Phase 2: alarms and online events until every record is settled.
  for (;;) {
    if (!(await raw.all()).some(open)) break;
    if (rounds >= MAX_ROUNDS || elapsed() > BUDGET_MS) {
      outOfTime = true;
      break;
    }
    rounds++;
    const at = worker.scheduled;
    clock.now = at === null ? clock.now + 60_000 : Math.max(clock.now, at);
    if (rng.chance(STOP_IDLE)) stop(worker);
    const online = rng.chance(ONLINE);
    await drive((current) => current.outbox.wake(online));
  }

  // Count: each submission's issues in the stand-in, by the exact marker.
  const issues = sandbox.data.issuesOf(PROJECT_IDS.webApp);
  const issuesById = new Map<string, number>();
  const marker = /<!-- engineering-lens-submission: (ela-[0-9a-f-]+) -->/g;
  for (const issue of issues) {
    for (const [, id] of issue.description.matchAll(marker)) issuesById.set(id!, (issuesById.get(id!) ?? 0) + 1);
  }
  const records = new Map((await raw.all()).map((record) => [record.id, record]));
  let lost = SUBMISSIONS - submissions.size;
  let duplicated = 0;
  let sent = 0;
  let wrongLinks = 0;
  const statuses: Record<string, number> = {};
  const examples: string[] = [];
  for (const id of submissions.keys()) {
    const count = issuesById.get(id) ?? 0;
    const record = records.get(id);
    const status = record?.status ?? 'missing';
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (count > 1) {
      duplicated += count - 1;
      if (examples.length < 5) examples.push(`${id}: ${count} issues, record ${status}`);
    }
    if (count === 0 || record?.status !== 'sent') {
      lost++;
      if (examples.length < 5) examples.push(`${id}: ${count} issues, record ${status}`);
    }
    if (record?.status === 'sent') {
      sent++;
      const linked = sandbox.data.issue(PROJECT_IDS.webApp, record.issue.iid);
      if (!findsSubmission(linked?.description, id)) {
        wrongLinks++;
        if (examples.length < 5) examples.push(`${id}: sent, but #${record.issue.iid} does not carry its marker`);
      }
    }
  }
  const strangers = [...issuesById.keys()].filter((id) => !submissions.has(id)).length;

  const seconds = (elapsed() / 1000).toFixed(1);
  console.log(
    `survey stress: ${SUBMISSIONS} submissions, ${sent} sent, faults: 503-before ${tally['503-before']}, 503-after ${tally['503-after']}, ` +
      `drop-before ${tally['drop-before']}, drop-after ${tally['drop-after']}, 429 ${tally['429']}, lookup ${tally['lookup-faults']}, sw-stop ${tally['sw-stop']} ` +
      `— lost ${lost}, duplicated ${duplicated} (seed ${SEED}, ${seconds} s)`,
  );
  console.log(
    `  ${tally.posts} POSTs, ${tally.gets} GETs, ${rounds} wake-ups over ${Math.round((clock.now - virtualStart) / 60_000)} virtual minutes; ` +
      `records: ${Object.entries(statuses)
        .map(([status, count]) => `${status} ${count}`)
        .join(', ')}`,
  );
  for (const example of examples) console.log(`  ${example}`);
  if (outOfTime) console.log(`  did not settle within ${rounds >= MAX_ROUNDS ? `${MAX_ROUNDS} wake-ups` : `${BUDGET_MS / 1000} s`}`);
  if (wrongLinks) console.log(`  ${wrongLinks} sent records link to an issue without their marker`);
  if (strangers) console.log(`  ${strangers} issues carry the marker of no submission`);
  if (unexpectedErrors) console.log(`  ${unexpectedErrors} unexpected errors from a live worker`);
  failed = lost > 0 || duplicated > 0 || wrongLinks > 0 || strangers > 0 || outOfTime || unexpectedErrors > 0;
} finally {
  worker.client.close();
  db.close();
  await sandbox.close();
  clearTimeout(watchdog);
}
if (failed) process.exitCode = 1;
