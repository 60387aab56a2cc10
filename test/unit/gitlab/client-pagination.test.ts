import { describe, expect, it } from 'vitest';
import { GitLabClient } from '../../../utils/gitlab/client';
import { collectPages, BASE_URL, fakeFetch, issuesEndpoint, json, noSleep, rawIssues } from './fake-gitlab';

function clientWith(fetch: typeof globalThis.fetch) {
  return new GitLabClient({ baseUrl: BASE_URL, getToken: async () => 'glpat-test', fetch, sleep: noSleep });
}

describe('GitLabClient lists', () => {
  it('follows rel="next" with per_page=100 and never needs x-total', async () => {
    const store = { issues: rawIssues(12, 250) };
    const { fetch, requests } = fakeFetch(issuesEndpoint(store));
    const pages = [];
    for await (const page of clientWith(fetch).listProjectIssues(12)) pages.push(page);

    expect(pages.map((p) => p.items.length)).toEqual([100, 100, 50]);
    expect(requests).toHaveLength(3); // ⌈250/100⌉, no empty trailing page
    expect(requests.every((r) => r.url.searchParams.get('per_page') === '100')).toBe(true);
    expect(pages.at(-1)?.nextUrl).toBeNull();
    const iids = pages.flatMap((p) => p.items.map((i) => i.iid));
    expect(new Set(iids).size).toBe(250);
  });

  it('uses keyset pagination ordered by updated_at ascending when GitLab supports it', async () => {
    const store = { issues: rawIssues(12, 150) };
    const { fetch, requests } = fakeFetch(issuesEndpoint(store));
    const pages = [];
    for await (const page of clientWith(fetch).listProjectIssues(12, { updatedAfter: '2024-01-01T00:00:00Z' })) {
      pages.push(page);
    }
    const first = requests[0]!.url.searchParams;
    expect(first.get('pagination')).toBe('keyset');
    expect(first.get('order_by')).toBe('updated_at');
    expect(first.get('sort')).toBe('asc');
    expect(first.get('updated_after')).toBe('2024-01-01T00:00:00Z');
    expect(requests[1]!.url.searchParams.get('cursor')).toBeTruthy();
    expect(pages.map((p) => p.pagination)).toEqual(['keyset', 'keyset']);
  });

  it('falls back to offset pagination when keyset is rejected (405), once per client', async () => {
    const store = { issues: rawIssues(12, 120) };
    const { fetch, requests } = fakeFetch(issuesEndpoint(store, { keyset: false }));
    const client = clientWith(fetch);
    const first = await collectPages(client.listProjectIssues(12));
    expect(first.items).toHaveLength(120);
    expect(requests.map((r) => r.url.searchParams.get('pagination'))).toEqual(['keyset', null, null]);
    expect(requests[2]!.url.searchParams.get('page')).toBe('2');

    requests.length = 0;
    await collectPages(client.listProjectIssues(12));
    expect(requests.map((r) => r.url.searchParams.get('pagination'))).toEqual([null, null]);
  });

  it('keeps following next links when an older GitLab ignores pagination=keyset', async () => {
    const store = { issues: rawIssues(12, 150) };
    const offsetOnly = issuesEndpoint(store);
    const { fetch, requests } = fakeFetch((request) => {
      request.url.searchParams.delete('pagination'); // what an instance that ignores it does
      return offsetOnly(request);
    });
    const pages = [];
    for await (const page of clientWith(fetch).listProjectIssues(12)) pages.push(page);
    expect(pages.map((p) => [p.items.length, p.pagination])).toEqual([
      [100, 'offset'],
      [50, 'offset'],
    ]);
    expect(requests).toHaveLength(2);
  });

  it('moves next links onto the configured origin so the token never leaves it', async () => {
    const { fetch, requests } = fakeFetch((request) => {
      if (request.url.searchParams.get('page') === '2') return json([]);
      return json([], { headers: { link: '<http://internal-host:8080/api/v4/groups/5/members/all?page=2&per_page=100>; rel="next"' } });
    });
    await collectPages(clientWith(fetch).listMembersAll({ kind: 'group', id: 5 }));
    expect(requests[1]!.url.origin).toBe(BASE_URL);
    expect(requests[1]!.url.pathname).toBe('/api/v4/groups/5/members/all');
  });

  it('reports a malformed element with its path and keeps the rest of the page', async () => {
    const issues = rawIssues(3, 5);
    (issues[3] as Record<string, unknown>).milestone = { id: 1, iid: 1, title: 'v1', state: 'active', due_date: '22/07/2016' };
    const { fetch } = fakeFetch(() => json(issues));
    const { items, problems } = await collectPages(clientWith(fetch).listGroupIssues(9));
    expect(items).toHaveLength(4);
    expect(problems).toEqual([
      expect.objectContaining({ index: 3, path: '[3].milestone.due_date', iid: 4, context: 'issues of group 9' }),
    ]);
  });

  it('encodes project paths and builds filters the way GitLab expects', async () => {
    const { fetch, requests } = fakeFetch(() => json([]));
    await collectPages(
      clientWith(fetch).listProjectIssues('my-group/my-project', { labels: ['type::bug', 'severity::1'], iids: [1, 2], state: 'opened' }),
    );
    const url = requests[0]!.url;
    expect(url.pathname).toBe('/api/v4/projects/my-group%2Fmy-project/issues');
    expect(url.searchParams.get('labels')).toBe('type::bug,severity::1');
    expect(url.searchParams.getAll('iids[]')).toEqual(['1', '2']);
    expect(url.searchParams.get('state')).toBe('opened');
  });
});
