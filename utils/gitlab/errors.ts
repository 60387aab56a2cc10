import type { ParseProblem } from './parse-list';
import { describeGitLabError } from './error-messages';
import { readGitLabErrorBody, retryAtFromHeaders } from './error-parsing';

/**
 * Everything that can go wrong talking to GitLab, by what the user can do about it
 * (gitlab/API.md "Errors" and "Rate limits"). `detail.kind` is the discriminant.
 */
export type GitLabErrorDetail =
  | { kind: 'bad-url'; reason: 'invalid-url'; url: string }
  /**
   * GitLab (or a proxy in front of it) answered with a redirect. The token is never sent after
   * one to another origin; `location` is where it pointed, when it could be learnt.
   */
  | { kind: 'bad-url'; reason: 'redirected'; url: string; location?: string }
  | {
      kind: 'bad-url';
      reason: 'not-gitlab';
      url: string;
      /**
       * Set when the server answered with a 2xx that is not GitLab's API (a proxy's sign-in page,
       * a captive portal); absent for an HTML 404 (nothing at that path).
       */
      status?: number;
      /** The answer's Content-Type header as received; the message names only its media type. */
      contentType?: string;
    }
  | { kind: 'unreachable'; reason: UnreachableReason; host: string }
  | { kind: 'unauthorized'; reason: 'missing-token' | 'expired' | 'revoked' | 'rejected' }
  | { kind: 'forbidden'; missingScope?: string; gitlabMessage?: string }
  | { kind: 'not-found'; gitlabMessage?: string }
  | { kind: 'rate-limited'; retryAt?: Date }
  | { kind: 'server'; status: number }
  | { kind: 'bad-request'; gitlabMessage: string; fieldErrors?: Record<string, string[]> }
  | { kind: 'invalid-payload'; problems: ParseProblem[] };

type GitLabErrorKind = GitLabErrorDetail['kind'];
export type UnreachableReason = 'dns' | 'refused' | 'timeout' | 'offline' | 'connection-lost' | 'network';

/** Where the error happened, for the message and for scope hints; never holds the token. */
export interface GitLabErrorContext {
  method?: string;
  /** Request URL; only its host and path are used. */
  url?: string;
  /** The GitLab URL the user configured, named in `bad-url` messages. */
  baseUrl?: string;
  /** HTTP status, when GitLab answered. */
  status?: number;
  /** Scopes of the token if already known (from /personal_access_tokens/self). */
  tokenScopes?: readonly string[];
  now?: number;
}

export class GitLabError extends Error {
  override readonly name = 'GitLabError';
  readonly status: number | undefined;
  readonly request: string | undefined;

  constructor(
    readonly detail: GitLabErrorDetail,
    context: GitLabErrorContext = {},
    options?: ErrorOptions,
  ) {
    super(describeGitLabError(detail, context.now ?? Date.now()), options);
    this.status = context.status;
    this.request = context.method && context.url ? `${context.method} ${pathOf(context.url)}` : undefined;
  }

  get kind(): GitLabErrorKind {
    return this.detail.kind;
  }

  /** Plain data for messages to the popup/options and for IndexedDB (syncState.lastError). */
  toJSON(): SerializedGitLabError {
    const retryAt = this.detail.kind === 'rate-limited' ? this.detail.retryAt : undefined;
    return {
      kind: this.kind,
      message: this.message,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(retryAt ? { retryAt: retryAt.toISOString() } : {}),
    };
  }
}

export interface SerializedGitLabError {
  kind: GitLabErrorKind;
  message: string;
  status?: number;
  retryAt?: string;
}

export function isGitLabError(value: unknown): value is GitLabError {
  return value instanceof GitLabError;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function hostOf(url: string | undefined): string {
  if (!url) return 'GitLab';
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Maps a GitLab HTTP answer that is not 2xx. `body` is the response text. */
export function gitLabErrorFromResponse(
  status: number,
  headers: Headers,
  body: string,
  context: GitLabErrorContext = {},
): GitLabError {
  const ctx = { ...context, status };
  const parsed = readGitLabErrorBody(body, headers);
  const isWrite = WRITE_METHODS.has((context.method ?? 'GET').toUpperCase());
  if (status === 401) {
    return new GitLabError({ kind: 'unauthorized', reason: parsed.tokenProblem ?? 'rejected' }, ctx);
  }
  if (status === 403) {
    // insufficient_scope is a 403 from lib/api/api_guard.rb with `scope` naming what is needed.
    const writeWithReadOnlyToken =
      isWrite && context.tokenScopes !== undefined && !context.tokenScopes.includes('api');
    const missingScope = parsed.insufficientScope
      ? (parsed.requiredScope ?? (isWrite ? 'api' : 'read_api'))
      : writeWithReadOnlyToken
        ? 'api'
        : undefined;
    return new GitLabError(
      { kind: 'forbidden', ...(missingScope ? { missingScope } : {}), gitlabMessage: parsed.message },
      ctx,
    );
  }
  if (status === 404) {
    // GitLab's API 404 is JSON; an HTML 404 means no GitLab API lives at this address.
    if (parsed.isHtml) {
      return new GitLabError({ kind: 'bad-url', reason: 'not-gitlab', url: context.baseUrl ?? context.url ?? '' }, ctx);
    }
    return new GitLabError({ kind: 'not-found', gitlabMessage: parsed.message }, ctx);
  }
  if (status === 429) {
    const retryAt = retryAtFromHeaders(headers, context.now ?? Date.now());
    return new GitLabError({ kind: 'rate-limited', ...(retryAt ? { retryAt } : {}) }, ctx);
  }
  if (status >= 500) return new GitLabError({ kind: 'server', status }, ctx);
  // 400 validation, 405 (keyset pagination not available), 409, 422: GitLab said what is wrong.
  return new GitLabError(
    {
      kind: 'bad-request',
      gitlabMessage: parsed.message || `HTTP ${status}`,
      ...(parsed.fieldErrors ? { fieldErrors: parsed.fieldErrors } : {}),
    },
    ctx,
  );
}

/** Maps a fetch rejection (network down, DNS, refused, aborted by our timeout). */
export function gitLabErrorFromFetchFailure(error: unknown, context: GitLabErrorContext = {}): GitLabError {
  return new GitLabError(
    { kind: 'unreachable', reason: unreachableReason(error), host: hostOf(context.url) },
    context,
    { cause: error },
  );
}

function unreachableReason(error: unknown): UnreachableReason {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError' || name === 'GitbeakerTimeoutError') return 'timeout';
  if (globalThis.navigator?.onLine === false) return 'offline';
  const code = causeCode(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code?.startsWith('UND_ERR_SOCKET')) return 'connection-lost';
  return 'network';
}

function causeCode(error: unknown): string | undefined {
  // Node/undici: TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }); browsers give no code.
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/** True for what `fetch` rejects with when the network, not the program, failed. */
export function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && ['AbortError', 'TimeoutError'].includes(error.name));
}
