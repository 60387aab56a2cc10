// /api/v4 dispatcher: CORS, test faults and latency, authentication, routing, JSON errors, request log.
// Faults come in two kinds: before the request is handled (nothing it asks for happens) and after
// (it takes effect, then its answer is replaced by a failure or a dropped connection).

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchRoute } from './api/routes.ts';
import { authenticate, authorize, tokenFromRequest, type AuthContext } from './auth.ts';
import type { Controls } from './controls.ts';
import type { Dataset } from './dataset.ts';
import { ApiError, MAX_API_BODY_BYTES, Params, parseBody, readBody, type ApiResult } from './http.ts';

// config/application.rb (Rack::Cors): what GitLab lets cross-origin JavaScript read. RateLimit-*
// and Retry-After are NOT exposed by GitLab, so a page-context client cannot read them.
const EXPOSED_HEADERS = ['Link', 'X-Total', 'X-Total-Pages', 'X-Per-Page', 'X-Page', 'X-Next-Page', 'X-Prev-Page'];
const REASONS: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
/** Self-managed default when enabled: 7,200 requests per hour, i.e. 120 per minute. */
const RATE_LIMIT_PER_MINUTE = 120;

export interface ApiServerContext {
  data: Dataset;
  controls: Controls;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function baseUrlOf(req: IncomingMessage): string {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}

function queryObject(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const existing = query[name];
    query[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

function send(res: ServerResponse, method: string, result: ApiResult): number {
  const status = result.status ?? 200;
  const text = result.contentType ? String(result.body) : JSON.stringify(result.body);
  res.writeHead(status, {
    'Content-Type': result.contentType ?? 'application/json',
    'Cache-Control': 'max-age=0, private, must-revalidate',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'SAMEORIGIN',
    'X-Request-Id': randomBytes(13).toString('hex').toUpperCase(),
    Vary: 'Origin',
    ...result.headers,
  });
  res.end(method === 'HEAD' ? undefined : text);
  return status;
}

function rateLimited(retryAfter: number): ApiResult {
  const now = Math.floor(Date.now() / 1000);
  const reset = now + retryAfter;
  return {
    status: 429,
    contentType: 'text/plain',
    // Gitlab::Throttle.rate_limiting_response_text: "Retry later" + "\n".
    body: 'Retry later\n',
    headers: {
      'RateLimit-Name': 'throttle_authenticated_api',
      'RateLimit-Limit': String(RATE_LIMIT_PER_MINUTE),
      'RateLimit-Observed': String(RATE_LIMIT_PER_MINUTE + 1),
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': String(reset),
      'RateLimit-ResetTime': new Date(reset * 1000).toUTCString(),
      'Retry-After': String(retryAfter),
    },
  };
}

export async function handleApi(ctx: ApiServerContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const started = Date.now();
  const method = (req.method ?? 'GET').toUpperCase();
  let auth: AuthContext | null = null;
  const log = (status: number, handledStatus?: number): void =>
    ctx.controls.requests.add({
      method,
      path: url.pathname,
      query: queryObject(url),
      status,
      time: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      tokenName: auth?.token.name ?? null,
      ...(handledStatus === undefined ? {} : { handledStatus }),
    });
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS.join(', '));
  if (method === 'OPTIONS') {
    // Rack::Cors preflight for resource '/api/*': any headers, any methods.
    res.writeHead(200, {
      'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
      'Access-Control-Max-Age': '7200',
    });
    res.end();
    log(200);
    return;
  }
  if (ctx.controls.state.latencyMs > 0) await sleep(ctx.controls.state.latencyMs);
  const fault = ctx.controls.takeFault(method, url.pathname, url.search);
  if (fault?.kind === 'drop') {
    req.socket.destroy();
    log(0);
    return;
  }
  if (fault?.kind === 'redirect') {
    res.writeHead(fault.status, { Location: fault.location, 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<html><body>You are being <a href="${fault.location}">redirected</a>.</body></html>`);
    log(fault.status);
    return;
  }
  if (fault?.kind === 'rate-limit') {
    log(send(res, method, rateLimited(fault.retryAfter)));
    return;
  }
  if (fault?.kind === 'fail') {
    log(send(res, method, failureResult(fault.status, fault.body)));
    return;
  }
  const result = await handle(ctx, req, url, method, (resolved) => (auth = resolved));
  const afterCommit = ctx.controls.takeAfterCommitFault(method, url.pathname);
  const handledStatus = result.status ?? 200;
  if (afterCommit?.kind === 'drop') {
    req.socket.destroy();
    log(0, handledStatus);
    return;
  }
  if (afterCommit?.kind === 'fail') {
    log(send(res, method, failureResult(afterCommit.status, afterCommit.body)), handledStatus);
    return;
  }
  if (afterCommit?.kind === 'delay') {
    await sleep(afterCommit.ms);
    // The client went away meanwhile: nobody gets the answer.
    if (req.socket.destroyed || res.destroyed) {
      log(0, handledStatus);
      return;
    }
  }
  log(send(res, method, result));
}

function failureResult(status: number, body: unknown): ApiResult {
  const payload = body ?? { message: `${status} ${REASONS[status] ?? 'Error'}` };
  return { status, body: payload, contentType: typeof payload === 'string' ? 'text/plain' : undefined };
}

/** Routes, authenticates and runs the handler; errors become GitLab's error answers. */
async function handle(
  ctx: ApiServerContext,
  req: IncomingMessage,
  url: URL,
  method: string,
  onAuth: (auth: AuthContext | null) => void,
): Promise<ApiResult> {
  try {
    const apiPath = url.pathname.startsWith('/api/v4/') ? url.pathname.slice('/api/v4'.length) : null;
    const match = apiPath === null ? null : matchRoute(method === 'HEAD' ? 'GET' : method, apiPath);
    // lib/api/api.rb ends with `route :any, '*path' do error!('404 Not Found', 404)`.
    if (!match) throw new ApiError(404, { error: '404 Not Found' });
    const auth = authenticate(ctx.data, tokenFromRequest(req.headers, url), ctx.data.clock());
    onAuth(auth);
    authorize(auth, match.route.access);
    const body = method === 'POST' || method === 'PUT' ? parseBody(await readBody(req, MAX_API_BODY_BYTES), req.headers['content-type']) : {};
    return match.route.handler({
      body,
      issueSearch: ctx.controls.state.issueSearch,
      method,
      url,
      baseUrl: baseUrlOf(req),
      route: match.params,
      params: new Params(url.searchParams),
      headers: req.headers,
      auth,
      data: ctx.data,
    });
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, body: error.body, headers: error.headers };
    console.error('[gitlab-sandbox] API handler failed', error);
    return { status: 500, body: { message: '500 Internal Server Error' } };
  }
}
