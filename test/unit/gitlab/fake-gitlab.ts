import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '../../../utils/gitlab/paginate';
import type { ParseProblem } from '../../../utils/gitlab/parse-list';
import { fileURLToPath } from 'node:url';

// Test doubles for GitLab: an injected `fetch` that records every request, and a small fake
// of `GET /projects/:id/issues` that pages the way gitlab/API.md says GitLab does (Link rel="next"
// only, keyset `cursor=` or offset `page=`, `updated_after` inclusive, no x-total).

// GitLab's documented example responses, copied into the repository so the tests run in any clone
// (test/fixtures/gitlab-examples/README.md names each file's page in GitLab's API docs).
export const EXAMPLES_DIR = fileURLToPath(new URL('../../fixtures/gitlab-examples/', import.meta.url));

export function readExample(name: string): unknown {
  return JSON.parse(readFileSync(join(EXAMPLES_DIR, name), 'utf8'));
}

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export type Handler = (request: RecordedRequest, signal: AbortSignal | undefined) => Response | Promise<Response>;

export function fakeFetch(handler: Handler) {
  const requests: RecordedRequest[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = {
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      headers: new Headers(init?.headers),
      body,
    };
    requests.push(request);
    return handler(request, init?.signal ?? undefined);
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
}

export function text(body: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain', ...headers } });
}

const issueTemplate = (readExample('list_project_issues.json') as Record<string, unknown>[])[0]!;

/** A GitLab issue payload (from the documented example) with the given identity and time. */
export function rawIssue(projectId: number, iid: number, updatedAt: string, extra: Record<string, unknown> = {}) {
  return {
    ...issueTemplate,
    id: projectId * 100_000 + iid,
    iid,
    project_id: projectId,
    title: `Issue ${iid}`,
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: updatedAt,
    web_url: `https://gitlab.example.com/g/p/-/issues/${iid}`,
    ...extra,
  };
}

/** n issues with distinct, increasing updated_at values starting at `start`. */
export function rawIssues(projectId: number, n: number, start = Date.parse('2024-02-01T00:00:00Z')) {
  return Array.from({ length: n }, (_, i) => rawIssue(projectId, i + 1, new Date(start + i * 60_000).toISOString()));
}

type RawIssue = ReturnType<typeof rawIssue>;

/**
 * Serves `GET /api/v4/projects/:id/issues` from `store.issues`, ordered by updated_at then id.
 * `keyset: false` answers `pagination=keyset` with 405, as GitLab < 18.3 does for issues.
 */
export function issuesEndpoint(store: { issues: RawIssue[] }, options: { keyset?: boolean } = {}) {
  return (request: RecordedRequest): Response => {
    const params = request.url.searchParams;
    const perPage = Number(params.get('per_page') ?? 20);
    const after = params.get('updated_after');
    const sorted = store.issues
      .filter((issue) => !after || Date.parse(issue.updated_at) >= Date.parse(after))
      .sort((a, b) => a.updated_at.localeCompare(b.updated_at) || a.id - b.id);
    const keyset = params.get('pagination') === 'keyset';
    if (keyset && options.keyset === false) {
      return json({ message: 'Keyset pagination is not yet available for this type of request' }, { status: 405 });
    }
    let start = 0;
    if (keyset && params.get('cursor')) {
      const [time, id] = params.get('cursor')!.split('|');
      start = sorted.findIndex((i) => i.updated_at > time! || (i.updated_at === time && i.id > Number(id)));
      if (start < 0) start = sorted.length;
    } else if (!keyset) {
      start = (Number(params.get('page') ?? 1) - 1) * perPage;
    }
    const page = sorted.slice(start, start + perPage);
    const headers: Record<string, string> = { date: new Date().toUTCString() };
    if (!keyset) headers['x-page'] = String(params.get('page') ?? 1);
    if (start + perPage < sorted.length) {
      const next = new URL(request.url);
      if (keyset) {
        const last = page[page.length - 1]!;
        next.searchParams.set('cursor', `${last.updated_at}|${last.id}`);
      } else {
        next.searchParams.set('page', String(Number(params.get('page') ?? 1) + 1));
      }
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    return json(page, { headers });
  };
}

export const BASE_URL = 'https://gitlab.example.com';
export const noSleep = async () => {};

/** All pages of a list in memory, to check what a list call yields. */
export async function collectPages<T>(pages: AsyncIterable<Page<T>>): Promise<{ items: T[]; problems: ParseProblem[] }> {
  const items: T[] = [];
  const problems: ParseProblem[] = [];
  for await (const page of pages) {
    items.push(...page.items);
    problems.push(...page.problems);
  }
  return { items, problems };
}
