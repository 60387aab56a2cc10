import type { z } from 'zod';
import { GitLabError } from './errors';
import { nextPageUrl } from './link-header';
import { parseList, type ParseProblem } from './parse-list';
import type { ApiResponse, GitLabTransport, QueryParams } from './transport';

// Lists, one page per request, yielded as they arrive so sync can store each page and advance
// its cursor before asking for the next one (a stopped service worker loses at most one page).
// gitbeaker's `.all()` cannot do this: it buffers every page, and with `showExpanded` it returns
// computed totals instead of the Link header, so keyset cursors are lost.

/** GitLab's maximum page size (doc/api/rest/_index.md). */
const PER_PAGE = 100;

export interface Page<T> {
  items: T[];
  problems: ParseProblem[];
  /** Next page to fetch (on our origin), or null: this was the last page. */
  nextUrl: string | null;
  pagination: 'keyset' | 'offset';
  /** GitLab's clock when it served the page (HTTP Date header), ISO; null if absent. */
  servedAt: string | null;
}

/** Whether this GitLab accepts `pagination=keyset` for project issues (GitLab ≥ 18.3). */
export interface KeysetSupport {
  state: 'unknown' | 'supported' | 'unsupported';
}

interface ListRequest<S extends z.ZodType> {
  schema: S;
  path: string;
  query?: QueryParams;
  /** What is being read, for parse problems ("issues of project 12"). */
  context: string;
  /** Ask for keyset pagination and fall back to offset when this GitLab rejects or ignores it. */
  keyset?: KeysetSupport;
}

/** Keyset "next" links carry `cursor=` (or `id_after=`); offset ones carry `page=`. */
function looksLikeOffsetPagination(response: ApiResponse, next: string | null): boolean {
  if (response.headers.has('x-page') || response.headers.has('x-next-page')) return true;
  return next !== null && /[?&]page=/.test(next) && !/[?&](cursor|id_after)=/.test(next);
}

function isKeysetRejection(error: unknown): boolean {
  // lib/api/helpers/pagination_strategies.rb: "Keyset pagination is not yet available for this
  // type of request" is a 405; invalid order_by for keyset is a 400.
  return error instanceof GitLabError && (error.status === 405 || error.status === 400);
}

export async function* fetchPages<S extends z.ZodType>(
  transport: GitLabTransport,
  request: ListRequest<S>,
): AsyncGenerator<Page<z.output<S>>, void, undefined> {
  const query = { ...request.query, per_page: PER_PAGE };
  const offsetUrl = transport.url(request.path, query);
  const keyset = request.keyset;
  let pagination: Page<unknown>['pagination'] =
    keyset && keyset.state !== 'unsupported' ? 'keyset' : 'offset';
  let url = pagination === 'keyset' ? transport.url(request.path, { ...query, pagination: 'keyset' }) : offsetUrl;

  let response: ApiResponse;
  try {
    response = await transport.send({ method: 'GET', url });
  } catch (error) {
    if (pagination !== 'keyset' || !keyset || !isKeysetRejection(error)) throw error;
    keyset.state = 'unsupported';
    pagination = 'offset';
    response = await transport.send({ method: 'GET', url: offsetUrl });
  }

  for (;;) {
    const next = nextPageUrl(response.headers.get('link'));
    if (pagination === 'keyset' && keyset) {
      // An instance that does not know `pagination=keyset` ignores it and pages by offset.
      if (looksLikeOffsetPagination(response, next)) {
        keyset.state = 'unsupported';
        pagination = 'offset';
      } else keyset.state = 'supported';
    }
    if (!Array.isArray(response.body)) {
      const problems = parseList(request.schema, response.body, request.context).problems;
      throw new GitLabError({ kind: 'invalid-payload', problems }, { method: 'GET', url });
    }
    const { items, problems } = parseList(request.schema, response.body, request.context);
    const date = response.headers.get('date');
    const nextUrl = next === null ? null : transport.sameOriginUrl(next);
    yield {
      items,
      problems,
      nextUrl,
      pagination,
      servedAt: date && !Number.isNaN(Date.parse(date)) ? new Date(date).toISOString() : null,
    };
    if (nextUrl === null) return;
    url = nextUrl;
    response = await transport.send({ method: 'GET', url });
  }
}
