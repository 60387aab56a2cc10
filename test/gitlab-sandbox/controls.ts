// Test controls: latency, injected failures (before or after the request takes effect), 429
// bursts, dropped connections, the issue search flavour, page preferences, fixtures, and the API
// request log. Used programmatically (sandbox.controls) and over HTTP
// (/__sandbox/*, see control-server.ts).

import { boardColumns, ensureIssueCount, moveCard } from './boards.ts';
import type { IssueSearchMode } from './api/issue-search.ts';
import type { Dataset } from './dataset.ts';
import { addFixtures, FixtureError, type FixtureInput, type FixtureResult } from './fixtures.ts';

export type { IssueSearchMode };
export type IssueView = 'work_item' | 'legacy';
export type Theme = 'light' | 'dark' | 'system';

interface Matcher {
  /** Only API paths starting with this (e.g. "/api/v4/projects/201/issues") count. */
  pathPrefix?: string;
  /** Only this HTTP method counts (e.g. "POST"). */
  method?: string;
}

export interface FailureRule extends Matcher {
  remaining: number;
  status: number;
  /** JSON body (object) or plain text (string); default {"message":"<status> <reason>"}. */
  body?: unknown;
}

export interface RateLimitRule extends Matcher {
  remaining: number;
  /** Seconds in Retry-After. */
  retryAfter: number;
}

export interface DropRule extends Matcher {
  remaining: number;
}

/** Handled at once (it takes effect), answered only after `ms`: a slow response a client may not wait for. */
export interface DelayRule extends Matcher {
  remaining: number;
  ms: number;
}

/** A proxy or a moved GitLab in front of the API: answers a redirect instead. */
export interface RedirectRule extends Matcher {
  remaining: number;
  /** Where to: an absolute URL; with `keepPath` the request's path and query are appended. */
  location: string;
  keepPath: boolean;
  status: number;
}

export interface ControlState {
  latencyMs: number;
  failures: FailureRule[];
  rateLimits: RateLimitRule[];
  drops: DropRule[];
  redirects: RedirectRule[];
  /** Requests handled normally (an issue IS created), then answered with a failure instead. */
  failuresAfterCommit: FailureRule[];
  /** Requests handled normally, then their socket destroyed without a response. */
  dropsAfterCommit: DropRule[];
  /** Requests handled normally, then answered late. */
  delaysAfterCommit: DelayRule[];
  /** `search` on issue lists: GitLab's full-text search (default) or the older substring match. */
  issueSearch: IssueSearchMode;
  issueView: IssueView;
  theme: Theme;
  /** Delay before the Vue-like apps mount on pages. */
  mountDelayMs: number;
  /** Extra delay before sidebar widgets mount. */
  widgetDelayMs: number;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** 0 when the connection was dropped. */
  status: number;
  /** ISO time the request arrived. */
  time: string;
  durationMs: number;
  /** Name of the token used (never its secret), null when anonymous or invalid. */
  tokenName: string | null;
  /**
   * Only when an after-commit fault replaced the answer: what the sandbox really answered
   * (e.g. 201 for a created issue), while `status` is what the client got (0 = dropped).
   */
  handledStatus?: number;
}

export type Fault =
  | { kind: 'drop' }
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'rate-limit'; retryAfter: number }
  | { kind: 'fail'; status: number; body: unknown }
  | { kind: 'delay'; ms: number };

const defaults = (): ControlState => ({
  latencyMs: 0,
  failures: [],
  rateLimits: [],
  drops: [],
  redirects: [],
  failuresAfterCommit: [],
  dropsAfterCommit: [],
  delaysAfterCommit: [],
  issueSearch: 'full-text',
  issueView: 'work_item',
  theme: 'light',
  mountDelayMs: 300,
  widgetDelayMs: 200,
});

const MAX_LOG = 20_000;

/** The API request log (sandbox.requests). */
export class RequestLog {
  readonly entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_LOG) this.entries.splice(0, this.entries.length - MAX_LOG);
  }

  reset(): void {
    this.entries.length = 0;
  }
}

export class Controls {
  state: ControlState = defaults();

  constructor(
    private readonly data: Dataset,
    readonly requests: RequestLog,
  ) {}

  setLatency(ms: number): void {
    this.state.latencyMs = Math.max(0, ms);
  }

  /** The next `count` matching API requests answer `status` (default 503) before they are handled: nothing is stored. */
  failNext(options: { count?: number; status?: number; body?: unknown } & Matcher = {}): void {
    this.state.failures.push({ remaining: options.count ?? 1, status: options.status ?? 503, body: options.body, pathPrefix: options.pathPrefix, method: options.method });
  }

  /** The next `count` matching API requests answer 429 "Retry later" with Retry-After. */
  rateLimitNext(options: { count?: number; retryAfter?: number } & Matcher = {}): void {
    this.state.rateLimits.push({ remaining: options.count ?? 1, retryAfter: options.retryAfter ?? 1, pathPrefix: options.pathPrefix, method: options.method });
  }

  /** The next `count` matching API requests get their socket destroyed without a response, before they are handled. */
  dropNext(options: { count?: number } & Matcher = {}): void {
    this.state.drops.push({ remaining: options.count ?? 1, pathPrefix: options.pathPrefix, method: options.method });
  }

  /**
   * The next `count` matching API requests answer `status` (default 302) with `Location:
   * location` (plus the request's path and query with `keepPath`, the default).
   */
  redirectNext(options: { count?: number; location: string; keepPath?: boolean; status?: number } & Matcher): void {
    this.state.redirects.push({
      remaining: options.count ?? 1,
      location: options.location,
      keepPath: options.keepPath ?? true,
      status: options.status ?? 302,
      pathPrefix: options.pathPrefix,
      method: options.method,
    });
  }

  /**
   * The next `count` matching API requests are handled as usual (a POST creates its issue, a PUT
   * assigns) and only then answered `status` (default 503) instead: a proxy timing out, a crash
   * after the commit. A retry that does not check first makes a duplicate.
   */
  failAfterCommit(options: { count?: number; status?: number; body?: unknown } & Matcher = {}): void {
    this.state.failuresAfterCommit.push({ remaining: options.count ?? 1, status: options.status ?? 503, body: options.body, pathPrefix: options.pathPrefix, method: options.method });
  }

  /** The next `count` matching API requests are handled as usual, then their socket is destroyed without a response. */
  dropAfterCommit(options: { count?: number } & Matcher = {}): void {
    this.state.dropsAfterCommit.push({ remaining: options.count ?? 1, pathPrefix: options.pathPrefix, method: options.method });
  }

  /**
   * The next `count` matching API requests are handled as usual, then answered only after `ms`:
   * a client stopped meanwhile (a service worker Chrome stops) never learns the outcome.
   */
  delayAfterCommit(options: { count?: number; ms: number } & Matcher): void {
    this.state.delaysAfterCommit.push({ remaining: options.count ?? 1, ms: options.ms, pathPrefix: options.pathPrefix, method: options.method });
  }

  /** How `search` on issue lists matches: 'full-text' (GitLab 15.x and later, default) or 'substring' (older GitLab). */
  setIssueSearch(mode: IssueSearchMode): void {
    this.state.issueSearch = mode;
  }

  setIssueView(view: IssueView): void {
    this.state.issueView = view;
  }

  setTheme(theme: Theme): void {
    this.state.theme = theme;
  }

  setMountDelay(ms: number, widgetMs?: number): void {
    this.state.mountDelayMs = Math.max(0, ms);
    if (widgetMs !== undefined) this.state.widgetDelayMs = Math.max(0, widgetMs);
  }

  /** Adds issues, merge requests, milestones, members or files to a project. */
  addFixtures(input: FixtureInput): FixtureResult {
    return addFixtures(this.data, input);
  }

  /** Tops a project up with backlog issues until it has `count` (returns how many were added). */
  ensureIssueCount(project: string | number, count: number): number {
    const found = this.data.project(project);
    if (!found) throw new FixtureError(`unknown project ${String(project)}`);
    return ensureIssueCount(this.data, found, count);
  }

  /** Moves an issue between lists of a board, as a drag and drop does (labels / state change). */
  moveCard(boardId: number, issueId: number, toListId: number, actorId = 1): void {
    const board = this.data.boards.find((candidate) => candidate.id === boardId);
    const issue = this.data.issues.find((candidate) => candidate.id === issueId);
    if (!board || !issue) throw new FixtureError(`unknown board ${boardId} or issue ${issueId}`);
    const from = boardColumns(this.data, board).find((column) => column.issues.includes(issue));
    moveCard(this.data, board, issue, from?.list.id ?? null, toListId, actorId);
  }

  /** Back to defaults and an empty request log; with `data` (default true) the dataset is re-seeded. */
  reset(options: { data?: boolean } = {}): void {
    this.state = defaults();
    this.requests.reset();
    if (options.data ?? true) this.data.reset();
  }

  /**
   * Consumes and returns the fault answering this request before it is handled, if any (drop,
   * redirect, 429, failure): nothing it asked for happens.
   */
  takeFault(method: string, path: string, search = ''): Fault | null {
    const consume = <T extends Matcher & { remaining: number }>(rules: T[]): T | undefined => consumeRule(rules, method, path);
    if (consume(this.state.drops)) return { kind: 'drop' };
    const redirect = consume(this.state.redirects);
    if (redirect) {
      const location = redirect.keepPath ? `${redirect.location.replace(/\/+$/, '')}${path}${search}` : redirect.location;
      return { kind: 'redirect', status: redirect.status, location };
    }
    const limited = consume(this.state.rateLimits);
    if (limited) return { kind: 'rate-limit', retryAfter: limited.retryAfter };
    const failure = consume(this.state.failures);
    if (failure) return { kind: 'fail', status: failure.status, body: failure.body };
    return null;
  }

  /**
   * Consumes and returns the fault replacing the answer of a request that was handled (and took
   * effect), if any: drop, then failure, then delay. Asked only for requests no earlier fault answered.
   */
  takeAfterCommitFault(method: string, path: string): Extract<Fault, { kind: 'drop' | 'fail' | 'delay' }> | null {
    if (consumeRule(this.state.dropsAfterCommit, method, path)) return { kind: 'drop' };
    const failure = consumeRule(this.state.failuresAfterCommit, method, path);
    if (failure) return { kind: 'fail', status: failure.status, body: failure.body };
    const delay = consumeRule(this.state.delaysAfterCommit, method, path);
    return delay ? { kind: 'delay', ms: delay.ms } : null;
  }
}

/** The first rule matching the request, counted down (and removed once used up). */
function consumeRule<T extends Matcher & { remaining: number }>(rules: T[], method: string, path: string): T | undefined {
  const index = rules.findIndex(
    (rule) => rule.remaining > 0 && (!rule.pathPrefix || path.startsWith(rule.pathPrefix)) && (!rule.method || rule.method.toUpperCase() === method),
  );
  const rule = rules[index];
  if (!rule) return undefined;
  rule.remaining--;
  if (rule.remaining === 0) rules.splice(index, 1);
  return rule;
}
