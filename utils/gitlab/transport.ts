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
// retry/backoff (retry-policy.ts) and error mapping (errors.ts).

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;
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

export interface TransportOptions {
  /** GitLab address without /api/v4, e.g. https://gitlab.example.com or https://host/gitlab. */
  baseUrl: string;
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

export class GitLabTransport {
  readonly apiRoot: string;
  private readonly runLimited: <T>(task: () => Promise<T>) => Promise<T>;
  /** Set by a 429 so every request, not only the throttled one, waits for Retry-After. */
  private pausedUntil = 0;

  constructor(private readonly options: TransportOptions) {
    this.apiRoot = `${options.baseUrl}/api/v4`;
    this.runLimited = createConcurrencyLimiter(options.concurrency);
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
    const { sleep, now, retry } = this.options;
    for (let attempt = 0; ; attempt += 1) {
      const pause = this.pausedUntil - now();
      if (pause > 0) await sleep(pause);
      try {
        return await this.runLimited(() => this.attempt(request));
      } catch (error) {
        if (!(error instanceof GitLabError)) throw error;
        const delay = retryDelayMs(error, attempt, request.method, retry, now());
        if (delay === null || delay > retry.maxRetryDelayMs) throw error;
        if (error.kind === 'rate-limited') this.pausedUntil = Math.max(this.pausedUntil, now() + delay);
        await sleep(delay);
      }
    }
  }

  private async attempt(request: ApiRequest): Promise<ApiResponse> {
    const { fetch, getToken, timeoutMs, now } = this.options;
    const context: GitLabErrorContext = {
      method: request.method,
      url: request.url,
      baseUrl: this.options.baseUrl,
      now: now(),
      tokenScopes: this.options.tokenScopes?.(),
    };
    // Read on every attempt: the user may rotate the token while a sync is running.
    const token = await getToken();
    if (!token) throw new GitLabError({ kind: 'unauthorized', reason: 'missing-token' }, context);

    const headers: Record<string, string> = { 'PRIVATE-TOKEN': token, Accept: 'application/json' };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError')),
      timeoutMs,
    );
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
        // Never send cookies: a GitLab session in the browser must not stand in for the token.
        credentials: 'omit',
      });
      // The timeout covers the body too: a stalled download is as bad as a stalled connect.
      const text = await response.text();
      if (!response.ok) throw gitLabErrorFromResponse(response.status, response.headers, text, context);
      const body = decodeBody(text, response, request.responseType ?? 'json', context);
      return { status: response.status, headers: response.headers, body, url: request.url };
    } catch (error) {
      if (error instanceof GitLabError) throw error;
      const failure = controller.signal.aborted ? controller.signal.reason : error;
      if (isFetchFailure(failure)) throw gitLabErrorFromFetchFailure(failure, context);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

function decodeBody(text: string, response: Response, type: 'json' | 'text', context: GitLabErrorContext): unknown {
  if (type === 'text') return text;
  if (response.status === 204 || text === '') return null;
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('text/html')) {
    try {
      return JSON.parse(text);
    } catch {
      // fall through: a 2xx that is not JSON did not come from the GitLab API
    }
  }
  throw new GitLabError({ kind: 'bad-url', reason: 'not-gitlab', url: context.baseUrl ?? context.url ?? '' }, context);
}
