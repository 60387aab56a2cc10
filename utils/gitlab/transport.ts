import { createConcurrencyLimiter } from './concurrency';
import {
  GitLabError,
  gitLabErrorFromFetchFailure,
  gitLabErrorFromResponse,
  isFetchFailure,
  type GitLabErrorContext,
} from './errors';
import { retryDelayMs, type RetryPolicy } from './retry-policy';

// The one place every GitLab request goes through, whether gitbeaker or our paginator made it:
// auth (token read fresh on every attempt), bounded concurrency, per-request timeout,
// retry/backoff (retry-policy.ts), error mapping (errors.ts), and the rule that the token goes
// to the configured origin and nowhere else: redirects are never followed with the token, and
// a closed transport (the GitLab URL or token changed) sends nothing more.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;
export type QueryParams = Record<string, QueryValue>;

export interface ApiRequest {
  method: HttpMethod;
  /** Absolute URL (see GitLabTransport.url / sameOriginUrl). */
  url: string;
  /** JSON body for writes. */
  body?: unknown;
  /** `text` for raw files; everything else in the REST API is JSON. */
  responseType?: 'json' | 'text';
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
  url: string;
}

interface TransportOptions {
  /** GitLab address without /api/v4, e.g. https://gitlab.example.com or https://host/gitlab. */
  baseUrl: string;
  /**
   * The token for `baseUrl`, read on every attempt. The background answers with the token saved
   * for this GitLab only, so a token saved for another GitLab is never sent here.
   */
  getToken: () => Promise<string>;
  fetch: typeof fetch;
  concurrency: number;
  timeoutMs: number;
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Token scopes if known, so a 403 on a write can name the missing `api` scope. */
  tokenScopes?: () => readonly string[] | undefined;
}

/** Same-origin redirects followed by hand before giving up (GitLab itself never needs one). */
const MAX_REDIRECTS = 3;

/** Thrown by every pending and later request of a closed transport; not a GitLab failure. */
export class TransportClosedError extends Error {
  override readonly name = 'TransportClosedError';
  constructor() {
    super('The GitLab connection settings changed; this request was cancelled.');
  }
}

export class GitLabTransport {
  readonly apiRoot: string;
  private readonly origin: string;
  private readonly runLimited: <T>(task: () => Promise<T>) => Promise<T>;
  /** Set by a 429 so every request, not only the throttled one, waits for Retry-After. */
  private pausedUntil = 0;
  /** Aborted by close(): ends fetches in flight, waits for a slot and waits between retries. */
  private readonly lifetime = new AbortController();

  constructor(private readonly options: TransportOptions) {
    this.apiRoot = `${options.baseUrl}/api/v4`;
    this.origin = new URL(options.baseUrl).origin;
    this.runLimited = createConcurrencyLimiter(options.concurrency);
  }

  /**
   * Cancels every request in flight or queued and refuses new ones: the GitLab URL or the token
   * changed, and nothing meant for the old GitLab may go out after that.
   */
  close(): void {
    this.lifetime.abort(new TransportClosedError());
  }

  get closed(): boolean {
    return this.lifetime.signal.aborted;
  }

  /** `projects/12/issues` + query → absolute URL; arrays use GitLab's `key[]=v` form. */
  url(path: string, query: QueryParams = {}): string {
    const url = new URL(`${this.apiRoot}/${path.replace(/^\/+/, '')}`);
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const item of value) url.searchParams.append(`${key}[]`, String(item));
      else url.searchParams.append(key, String(value));
    }
    return url.toString();
  }

  /**
   * A URL GitLab gave us (Link header) moved onto our configured origin. GitLab builds links from
   * its `external_url`, which behind proxies is often http:// or another host name; and the token
   * must never be sent to any origin other than the one the user configured.
   */
  sameOriginUrl(link: string): string {
    const given = new URL(link, this.apiRoot);
    const ours = new URL(this.apiRoot);
    return new URL(`${given.pathname}${given.search}`, ours.origin).toString();
  }

  async send(request: ApiRequest): Promise<ApiResponse> {
    const { now, retry } = this.options;
    for (let attempt = 0; ; attempt += 1) {
      const pause = this.pausedUntil - now();
      if (pause > 0) await this.sleep(pause);
      try {
        return await this.runLimited(() => this.attempt(request));
      } catch (error) {
        if (!(error instanceof GitLabError)) throw error;
        const delay = retryDelayMs(error, attempt, request.method, retry, now());
        if (delay === null || delay > retry.maxRetryDelayMs) throw error;
        if (error.kind === 'rate-limited') this.pausedUntil = Math.max(this.pausedUntil, now() + delay);
        await this.sleep(delay);
      }
    }
  }

  /** The injected sleep, ended early (with TransportClosedError) by close(). */
  private async sleep(ms: number): Promise<void> {
    const { signal } = this.lifetime;
    signal.throwIfAborted();
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason as Error);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      await Promise.race([this.options.sleep(ms), aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  private async attempt(request: ApiRequest, url = request.url, redirects = 0): Promise<ApiResponse> {
    const { fetch, getToken, timeoutMs, now } = this.options;
    const context: GitLabErrorContext = {
      method: request.method,
      url,
      baseUrl: this.options.baseUrl,
      now: now(),
      tokenScopes: this.options.tokenScopes?.(),
    };
    // A request that waited for a slot may find the transport closed meanwhile.
    this.lifetime.signal.throwIfAborted();
    if (new URL(url).origin !== this.origin) throw redirectError(this.options.baseUrl, url, context);
    // Read on every attempt: the user may rotate the token while a sync is running.
    const token = await getToken();
    this.lifetime.signal.throwIfAborted();
    if (!token) throw new GitLabError({ kind: 'unauthorized', reason: 'missing-token' }, context);

    const headers: Record<string, string> = { 'PRIVATE-TOKEN': token, Accept: 'application/json' };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError')),
      timeoutMs,
    );
    const stop = () => controller.abort(this.lifetime.signal.reason);
    this.lifetime.signal.addEventListener('abort', stop, { once: true });
    try {
      const response = await fetch(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
        // Never send cookies: a GitLab session in the browser must not stand in for the token.
        credentials: 'omit',
        // Never let the browser resend PRIVATE-TOKEN to wherever a redirect points.
        redirect: 'manual',
      });
      if (isRedirect(response) || landedElsewhere(response, this.origin)) {
        void response.body?.cancel().catch(() => {});
        const target = await this.redirectTarget(url, response, controller.signal);
        // Only a read may be repeated, only on our own origin, and only a few times.
        if (target && target.origin === this.origin && request.method === 'GET' && redirects < MAX_REDIRECTS) {
          clearTimeout(timer);
          return await this.attempt(request, target.toString(), redirects + 1);
        }
        throw redirectError(this.options.baseUrl, target?.toString() ?? null, context);
      }
      // The timeout covers the body too: a stalled download is as bad as a stalled connect.
      const text = await response.text();
      if (!response.ok) throw gitLabErrorFromResponse(response.status, response.headers, text, context);
      const body = decodeBody(text, response, request.responseType ?? 'json', context);
      return { status: response.status, headers: response.headers, body, url };
    } catch (error) {
      if (error instanceof GitLabError || error instanceof TransportClosedError) throw error;
      const failure = controller.signal.aborted ? controller.signal.reason : error;
      if (failure instanceof TransportClosedError) throw failure;
      if (isFetchFailure(failure)) throw gitLabErrorFromFetchFailure(failure, context);
      throw error;
    } finally {
      clearTimeout(timer);
      this.lifetime.signal.removeEventListener('abort', stop);
    }
  }

  /**
   * Where a redirect points. Node's fetch shows the Location header; a browser hides it behind an
   * opaque-redirect response, so there the chain is followed once more WITHOUT the token (and
   * without cookies) just to learn the final address, which the error message names.
   */
  private async redirectTarget(url: string, response: Response, signal: AbortSignal): Promise<URL | null> {
    const location = response.headers.get('location');
    if (location) {
      try {
        return new URL(location, url);
      } catch {
        return null;
      }
    }
    if (response.url && new URL(response.url).origin !== this.origin) return new URL(response.url);
    try {
      const probe = await this.options.fetch(url, { method: 'GET', credentials: 'omit', redirect: 'follow', signal });
      void probe.body?.cancel().catch(() => {});
      return probe.url ? new URL(probe.url) : null;
    } catch {
      // The other host refused us (CORS, offline): the message says "another address".
      return null;
    }
  }
}

function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304);
}

/** A fetch that somehow followed a redirect anyway (an injected fetch, an old polyfill). */
function landedElsewhere(response: Response, origin: string): boolean {
  if (!response.url) return false;
  try {
    return new URL(response.url).origin !== origin;
  } catch {
    return false;
  }
}

function redirectError(baseUrl: string, location: string | null, context: GitLabErrorContext): GitLabError {
  return new GitLabError({ kind: 'bad-url', reason: 'redirected', url: baseUrl, ...(location ? { location } : {}) }, context);
}

function decodeBody(text: string, response: Response, type: 'json' | 'text', context: GitLabErrorContext): unknown {
  if (type === 'text') return text;
  if (response.status === 204 || text === '') return null;
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('text/html')) {
    try {
      return JSON.parse(text);
    } catch {
      // fall through
    }
  }
  // A 2xx that is not JSON did not come from GitLab's API: a proxy's sign-in page, a captive portal.
  throw new GitLabError(
    { kind: 'bad-url', reason: 'not-gitlab', url: context.baseUrl ?? context.url ?? '', status: response.status, ...(contentType ? { contentType } : {}) },
    context,
  );
}
