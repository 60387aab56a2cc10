/**
 * An in-memory GitLab and outbox store for the delivery tests. The GitLab side can be scripted
 * to fail after storing the issue, which is the case exactly-once delivery exists for.
 */
import { GitLabError } from '@/utils/gitlab/errors';
import { classifySurveyError } from '@/utils/survey/classify';
import type { DeliverDeps, NewIssue } from '@/utils/survey/deliver';
import type { CreatedIssue, OutboxRecord } from '@/utils/survey/outbox';
import { pickSubmission, type ProjectRef } from '@/utils/survey/submission';

export type CreateOutcome =
  | 'ok'
  | 'store-then-503' // GitLab stored the issue, then a proxy answered 503
  | '503'
  | 'timeout' // our deadline passed before GitLab did anything
  | 'store-then-hang' // GitLab stored it; the worker dies before the answer arrives
  | 'refused'
  | '403-scope'
  | '404'
  | '422'
  | '429';
export type LookupOutcome = 'ok' | '503' | '404';

export interface StoredIssue extends NewIssue, CreatedIssue {
  project: string;
}

const HOST = 'gitlab.example.com';

export class FakeGitLab {
  readonly issues: StoredIssue[] = [];
  readonly log: string[];
  createCalls = 0;
  lookupCalls = 0;
  private readonly creates: CreateOutcome[] = [];
  private readonly lookups: LookupOutcome[] = [];

  constructor(log: string[]) {
    this.log = log;
  }

  /** Outcomes for the next createIssue calls; once used up, every call succeeds. */
  willCreate(...outcomes: CreateOutcome[]): this {
    this.creates.push(...outcomes);
    return this;
  }

  willLookUp(...outcomes: LookupOutcome[]): this {
    this.lookups.push(...outcomes);
    return this;
  }

  createIssue = async (project: ProjectRef, issue: NewIssue): Promise<CreatedIssue> => {
    this.createCalls++;
    this.log.push('create');
    const outcome = this.creates.shift() ?? 'ok';
    const store = () => {
      const iid = this.issues.length + 1;
      const stored = { ...issue, project: String(project), iid, web_url: `https://${HOST}/${String(project)}/-/issues/${iid}` };
      this.issues.push(stored);
      return { iid, web_url: stored.web_url };
    };
    switch (outcome) {
      case 'ok':
        return store();
      case 'store-then-503':
        store();
        throw new GitLabError({ kind: 'server', status: 503 }, { status: 503 });
      case '503':
        throw new GitLabError({ kind: 'server', status: 503 }, { status: 503 });
      case 'timeout':
        throw new GitLabError({ kind: 'unreachable', reason: 'timeout', host: HOST });
      case 'store-then-hang':
        store();
        return new Promise<never>(() => {});
      case 'refused':
        throw new GitLabError({ kind: 'unreachable', reason: 'refused', host: HOST });
      case '403-scope':
        throw new GitLabError({ kind: 'forbidden', missingScope: 'api' }, { status: 403 });
      case '404':
        throw new GitLabError({ kind: 'not-found', gitlabMessage: '404 Project Not Found' }, { status: 404 });
      case '422':
        throw new GitLabError({ kind: 'bad-request', gitlabMessage: 'title is too long' }, { status: 422 });
      case '429':
        throw new GitLabError({ kind: 'rate-limited', retryAt: new Date(Date.UTC(2026, 11, 1, 10)) }, { status: 429 });
    }
  };

  findBySubmissionId = async (project: ProjectRef, id: string): Promise<CreatedIssue | null> => {
    this.lookupCalls++;
    this.log.push('lookup');
    const outcome = this.lookups.shift() ?? 'ok';
    if (outcome === '503') throw new GitLabError({ kind: 'server', status: 503 }, { status: 503 });
    if (outcome === '404') throw new GitLabError({ kind: 'not-found', gitlabMessage: '404 Project Not Found' }, { status: 404 });
    // Like `search=<id>&in=description`: a loose match, made exact by pickSubmission.
    const candidates = this.issues.filter((issue) => issue.project === String(project) && issue.description.includes(id));
    const found = pickSubmission(candidates, id);
    return found ? { iid: found.iid, web_url: found.web_url } : null;
  };

  withMarker(id: string): StoredIssue[] {
    return this.issues.filter((issue) => pickSubmission([issue], id));
  }
}

/** The worker dying: thrown from a save to stop the step exactly there. */
export class WorkerDied extends Error {}

/** The IndexedDB outbox: records survive a "worker", as structured clones. */
export class FakeStore {
  readonly records = new Map<string, OutboxRecord>();
  /** Make a save of a record in this status fail: 'die-after' stores it first, 'fail' does not. */
  trap: { status: OutboxRecord['status']; mode: 'die-after' | 'fail' } | null = null;

  constructor(private readonly log: string[]) {}

  save = async (record: OutboxRecord): Promise<void> => {
    const trap = this.trap;
    if (trap && trap.status === record.status) {
      this.trap = null;
      if (trap.mode === 'fail') throw new Error('QuotaExceededError');
      this.records.set(record.id, structuredClone(record));
      this.log.push(`save:${record.status}`);
      throw new WorkerDied();
    }
    this.records.set(record.id, structuredClone(record));
    this.log.push(`save:${record.status}`);
  };

  get(id: string): OutboxRecord {
    const record = this.records.get(id);
    if (!record) throw new Error(`no record ${id}`);
    return structuredClone(record);
  }
}

export function world(start: number) {
  const log: string[] = [];
  const gitlab = new FakeGitLab(log);
  const store = new FakeStore(log);
  const clock = { now: start };
  const deps: DeliverDeps = {
    createIssue: gitlab.createIssue,
    findBySubmissionId: gitlab.findBySubmissionId,
    save: store.save,
    now: () => clock.now,
    random: () => 0,
    classify: classifySurveyError,
  };
  return { log, gitlab, store, clock, deps };
}
