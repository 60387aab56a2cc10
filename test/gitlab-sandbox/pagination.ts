// Offset and keyset pagination, following lib/gitlab/pagination/offset_header_builder.rb and
// keyset/header_builder.rb:
// - offset: x-per-page, x-page, x-next-page, x-prev-page (empty when none), Link prev/next/first/last,
//   x-total, x-total-pages; above 10,000 records no x-total, x-total-pages or rel="last".
// - keyset: only `Link: <...cursor=...>; rel="next"`, absent on the last page.

import { invalidParam, type ApiRequest } from './http.ts';

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
/** Kaminari::ActiveRecordRelationMethods::MAX_COUNT_LIMIT: above it GitLab stops counting. */
export const MAX_COUNT_LIMIT = 10_000;

export function perPageOf(req: ApiRequest): number {
  const perPage = req.params.int('per_page');
  if (perPage === undefined || perPage < 1) return DEFAULT_PER_PAGE;
  return Math.min(perPage, MAX_PER_PAGE);
}

function pageOf(req: ApiRequest): number {
  const page = req.params.int('page');
  return page === undefined || page < 1 ? 1 : page;
}

/** The request's URL on its own host with some query parameters replaced. */
export function linkTo(req: ApiRequest, replace: Record<string, string>): string {
  const url = new URL(req.url.pathname, req.baseUrl);
  for (const [name, value] of req.url.searchParams) {
    if (!(name in replace)) url.searchParams.append(name, value);
  }
  for (const [name, value] of Object.entries(replace)) url.searchParams.set(name, value);
  // Rails' Hash#to_query, which builds GitLab's Link URLs, sorts the parameters by name.
  url.searchParams.sort();
  return url.toString();
}

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

export function offsetPage<T>(req: ApiRequest, all: readonly T[]): Page<T> {
  const perPage = perPageOf(req);
  const page = pageOf(req);
  const total = all.length;
  const counted = total <= MAX_COUNT_LIMIT;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const start = (page - 1) * perPage;
  const items = all.slice(start, start + perPage);
  const outOfRange = page > totalPages;
  const nextPage = !outOfRange && start + perPage < total ? page + 1 : null;
  const prevPage = page > 1 && !outOfRange ? page - 1 : null;
  const href = (target: number): string => linkTo(req, { page: String(target), per_page: String(perPage) });
  const links: string[] = [];
  if (prevPage !== null) links.push(`<${href(prevPage)}>; rel="prev"`);
  if (nextPage !== null) links.push(`<${href(nextPage)}>; rel="next"`);
  links.push(`<${href(1)}>; rel="first"`);
  if (counted) links.push(`<${href(totalPages)}>; rel="last"`);
  const headers: Record<string, string> = {
    'X-Per-Page': String(perPage),
    'X-Page': String(page),
    'X-Next-Page': nextPage === null ? '' : String(nextPage),
    'X-Prev-Page': prevPage === null ? '' : String(prevPage),
    Link: links.join(', '),
  };
  if (counted) {
    headers['X-Total'] = String(total);
    headers['X-Total-Pages'] = String(totalPages);
  }
  return { items, headers };
}

export type SortKey = number | string | null;

/** Orders by (key, id); null keys sort last in both directions, as GitLab does for due_date. */
export function compareKeys(a: SortKey, aId: number, b: SortKey, bId: number, direction: 'asc' | 'desc'): number {
  const sign = direction === 'asc' ? 1 : -1;
  if (a !== b) {
    if (a === null) return 1;
    if (b === null) return -1;
    return (a < b ? -1 : 1) * sign;
  }
  return (aId - bId) * sign;
}

interface Cursor {
  value: SortKey;
  id: number;
}

function encodeCursor(orderBy: string, cursor: Cursor): string {
  const fields = orderBy === 'id' ? { id: String(cursor.id) } : { [orderBy]: cursor.value, id: String(cursor.id) };
  return Buffer.from(JSON.stringify({ ...fields, _kd: 'n' })).toString('base64url');
}

function decodeCursor(orderBy: string, text: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Record<string, unknown>;
    const id = Number(parsed.id);
    const value = orderBy === 'id' ? id : parsed[orderBy];
    if (!Number.isFinite(id) || !(value === null || typeof value === 'string' || typeof value === 'number')) throw new Error('bad cursor');
    return { value, id };
  } catch {
    throw invalidParam('cursor is invalid');
  }
}

/**
 * Keyset page over `sorted` (already ordered by keyOf/direction). The cursor carries the last
 * row's key; the next page starts strictly after it.
 */
export function keysetPage<T extends { id: number }>(
  req: ApiRequest,
  sorted: readonly T[],
  orderBy: string,
  direction: 'asc' | 'desc',
  keyOf: (item: T) => SortKey,
): Page<T> {
  const perPage = perPageOf(req);
  const cursorText = req.params.get('cursor');
  let start = 0;
  if (cursorText) {
    const cursor = decodeCursor(orderBy, cursorText);
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const item = sorted[mid] as T;
      if (compareKeys(keyOf(item), item.id, cursor.value, cursor.id, direction) <= 0) low = mid + 1;
      else high = mid;
    }
    start = low;
  }
  const items = sorted.slice(start, start + perPage);
  const headers: Record<string, string> = {};
  const last = items[items.length - 1];
  if (last && start + perPage < sorted.length) {
    const cursor = encodeCursor(orderBy, { value: keyOf(last), id: last.id });
    headers.Link = `<${linkTo(req, { cursor, per_page: String(perPage) })}>; rel="next"`;
  }
  return { items, headers };
}
