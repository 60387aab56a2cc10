import { describe, expect, it } from 'vitest';
import { call, links, useSandbox, type IssueJson } from './helpers.ts';

describe('offset pagination (doc/api/rest: page, per_page, x-* headers, Link)', () => {
  const sandbox = useSandbox();

  it('sends GitLab headers and absolute Link URLs on the request host', async () => {
    const sb = sandbox();
    const total = sb.data.issuesOf(201).length;
    const reply = await call<IssueJson[]>(sb, '/api/v4/projects/201/issues?per_page=50&page=2&state=all');
    expect(reply.status).toBe(200);
    expect(reply.body).toHaveLength(50);
    expect(reply.headers.get('x-page')).toBe('2');
    expect(reply.headers.get('x-per-page')).toBe('50');
    expect(reply.headers.get('x-next-page')).toBe('3');
    expect(reply.headers.get('x-prev-page')).toBe('1');
    expect(reply.headers.get('x-total')).toBe(String(total));
    expect(reply.headers.get('x-total-pages')).toBe(String(Math.ceil(total / 50)));
    const rel = links(reply.headers.get('link'));
    expect(Object.keys(rel).sort()).toEqual(['first', 'last', 'next', 'prev']);
    expect(rel.next).toBe(`${sb.url}/api/v4/projects/201/issues?page=3&per_page=50&state=all`);
    expect(new URL(rel.last ?? '').searchParams.get('page')).toBe(String(Math.ceil(total / 50)));
  });

  it('leaves x-next-page empty and omits rel="next" on the last page', async () => {
    const sb = sandbox();
    const pages = Math.ceil(sb.data.issuesOf(202).length / 100);
    const reply = await call<IssueJson[]>(sb, `/api/v4/projects/202/issues?per_page=100&page=${pages}`);
    expect(reply.headers.get('x-next-page')).toBe('');
    expect(links(reply.headers.get('link')).next).toBeUndefined();
    const first = await call(sb, '/api/v4/projects/202/issues');
    expect(first.headers.get('x-prev-page')).toBe('');
    expect(first.headers.get('x-per-page')).toBe('20');
  });

  it('caps per_page at 100', async () => {
    const reply = await call<IssueJson[]>(sandbox(), '/api/v4/projects/201/issues?per_page=500');
    expect(reply.body).toHaveLength(100);
    expect(reply.headers.get('x-per-page')).toBe('100');
  });

  it('walks every issue exactly once by following rel="next"', async () => {
    const sb = sandbox();
    const seen: number[] = [];
    let next: string | undefined = '/api/v4/groups/100/issues?per_page=100';
    while (next) {
      const reply: Awaited<ReturnType<typeof call<IssueJson[]>>> = await call<IssueJson[]>(sb, next.replace(sb.url, ''));
      seen.push(...reply.body.map((issue) => issue.id));
      next = links(reply.headers.get('link')).next;
    }
    expect(seen).toHaveLength(sb.data.issues.length);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('keyset pagination on project issues', () => {
  const sandbox = useSandbox();

  it.each(['id', 'created_at', 'updated_at'])('follows cursor links ordered by %s and stops without a Link', async (orderBy) => {
    const sb = sandbox();
    const ids: number[] = [];
    const keys: string[] = [];
    let path: string | undefined = `/api/v4/projects/201/issues?pagination=keyset&order_by=${orderBy}&sort=asc&per_page=40`;
    let lastLink: string | null = 'start';
    while (path) {
      const reply: Awaited<ReturnType<typeof call<IssueJson[]>>> = await call<IssueJson[]>(sb, path);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('x-total')).toBeNull();
      ids.push(...reply.body.map((issue) => issue.id));
      keys.push(...reply.body.map((issue) => (orderBy === 'id' ? String(issue.id).padStart(8, '0') : String(issue[orderBy]))));
      lastLink = reply.headers.get('link');
      const next = links(lastLink).next;
      if (next) expect(next).toContain('cursor=');
      path = next?.replace(sb.url, '');
    }
    expect(lastLink).toBeNull();
    expect(ids).toHaveLength(sb.data.issuesOf(201).length);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...keys].sort()).toEqual(keys);
  });

  it('answers 405 for orders keyset does not support', async () => {
    const reply = await call(sandbox(), '/api/v4/projects/201/issues?pagination=keyset&order_by=popularity');
    expect(reply.status).toBe(405);
    expect(reply.body).toEqual({ error: 'Keyset pagination is not yet available for this type of request' });
  });

  it('orders issues by created_at desc by default', async () => {
    const reply = await call<IssueJson[]>(sandbox(), '/api/v4/projects/203/issues?per_page=100');
    const created = reply.body.map((issue) => issue.created_at);
    expect(created).toEqual([...created].sort().reverse());
  });
});

describe('above 10,000 records', () => {
  const sandbox = useSandbox({ scale: { issuesPerProject: 10_050, mergeRequestsPerProject: 10 } });

  it('omits x-total, x-total-pages and rel="last" but keeps rel="next"', async () => {
    const reply = await call<IssueJson[]>(sandbox(), '/api/v4/projects/201/issues?per_page=100&page=3');
    expect(reply.body).toHaveLength(100);
    expect(reply.headers.get('x-total')).toBeNull();
    expect(reply.headers.get('x-total-pages')).toBeNull();
    expect(reply.headers.get('x-next-page')).toBe('4');
    const rel = links(reply.headers.get('link'));
    expect(rel.last).toBeUndefined();
    expect(rel.next).toBeDefined();
    expect(rel.first).toBeDefined();
  });

  it('still counts a filtered list of 10,000 or fewer', async () => {
    const reply = await call(sandbox(), '/api/v4/projects/201/issues?state=opened&labels=good%20first%20issue');
    expect(Number(reply.headers.get('x-total'))).toBeLessThanOrEqual(10_000);
    expect(links(reply.headers.get('link')).last).toBeDefined();
  });
});
