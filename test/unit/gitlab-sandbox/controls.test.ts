import { describe, expect, it } from 'vitest';
import { call, useSandbox } from './helpers.ts';

const control = async (url: string, path: string, body: unknown = {}, method = 'POST'): Promise<Response> =>
  fetch(`${url}/__sandbox${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: method === 'GET' ? undefined : JSON.stringify(body) });

describe('test controls', () => {
  const sandbox = useSandbox();

  it('answers 429 in plain text with Retry-After and RateLimit-* headers', async () => {
    const sb = sandbox();
    await control(sb.url, '/rate-limit', { count: 2, retryAfter: 7 });
    for (let i = 0; i < 2; i++) {
      const reply = await call(sb, '/api/v4/projects/201/issues');
      expect(reply.status).toBe(429);
      expect(reply.headers.get('content-type')).toBe('text/plain');
      expect(reply.text).toBe('Retry later\n');
      expect(reply.headers.get('retry-after')).toBe('7');
      expect(reply.headers.get('ratelimit-name')).toBe('throttle_authenticated_api');
      expect(reply.headers.get('ratelimit-remaining')).toBe('0');
      expect(Number(reply.headers.get('ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
      expect(reply.headers.get('ratelimit-resettime')).toMatch(/GMT$/);
      expect(reply.headers.get('ratelimit-limit')).toBe('120');
    }
    expect((await call(sb, '/api/v4/projects/201/issues')).status).toBe(200);
  });

  it('fails the next N matching requests with a GitLab-ish body', async () => {
    const sb = sandbox();
    sb.controls.failNext({ count: 1, status: 503, pathPrefix: '/api/v4/projects/202' });
    expect((await call(sb, '/api/v4/projects/201')).status).toBe(200);
    const failed = await call(sb, '/api/v4/projects/202/issues');
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ message: '503 Service Unavailable' });
    expect((await call(sb, '/api/v4/projects/202/issues')).status).toBe(200);
  });

  it('answers redirects to another address, keeping the path and query, like a proxy in front of GitLab', async () => {
    const sb = sandbox();
    await control(sb.url, '/redirect', { count: 1, location: 'http://other.example:8080/', pathPrefix: '/api/v4/user' });
    const moved = await fetch(`${sb.url}/api/v4/user?x=1`, { redirect: 'manual' });
    expect(moved.status).toBe(302);
    expect(moved.headers.get('location')).toBe('http://other.example:8080/api/v4/user?x=1');
    expect((await call(sb, '/api/v4/user')).status).toBe(200);
    await control(sb.url, '/redirect', { location: '/sign_in', keepPath: false, status: 301 });
    const signIn = await fetch(`${sb.url}/api/v4/projects/201`, { redirect: 'manual' });
    expect([signIn.status, signIn.headers.get('location')]).toEqual([301, '/sign_in']);
  });

  it('drops connections without a response', async () => {
    const sb = sandbox();
    await control(sb.url, '/drop', { count: 1 });
    await expect(fetch(`${sb.url}/api/v4/user`)).rejects.toThrow();
    expect((await call(sb, '/api/v4/user')).status).toBe(200);
    expect(sb.requests.entries.some((entry) => entry.status === 0)).toBe(true);
  });

  it('adds latency to API responses', async () => {
    const sb = sandbox();
    sb.controls.setLatency(150);
    const started = Date.now();
    await call(sb, '/api/v4/user');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    sb.controls.setLatency(0);
  });

  it('logs API requests and clears the log', async () => {
    const sb = sandbox();
    await control(sb.url, '/requests', undefined, 'DELETE');
    await call(sb, '/api/v4/projects/201/issues?state=opened&iids[]=1&iids[]=2');
    const log = (await (await control(sb.url, '/requests', undefined, 'GET')).json()) as Record<string, unknown>[];
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ method: 'GET', path: '/api/v4/projects/201/issues', status: 200, tokenName: 'Engineering Lens', query: { state: 'opened', 'iids[]': ['1', '2'] } });
    expect(JSON.stringify(log)).not.toContain('glpat-');
    sb.requests.reset();
    expect(sb.requests.entries).toHaveLength(0);
  });

  it('adds fixtures over HTTP and resets the dataset', async () => {
    const sb = sandbox();
    const before = sb.data.issuesOf(203).length;
    const reply = await control(sb.url, '/fixtures', {
      project: 'lens-demo/infra',
      members: [{ username: 'new.sre', access_level: 30, created_at: '2025-05-30T09:00:00.000Z' }],
      issues: [{ title: 'Fixture incident', issue_type: 'incident', labels: ['incident'], created_at: '2025-06-01T10:00:00Z', closed_at: '2025-06-01T10:30:00Z', assignees: ['new.sre'] }],
      mergeRequests: [{ title: 'Fix it', closes: [before + 1], merged_at: '2025-06-01T10:25:00Z', changes: ['runbooks/redis-failover.md'] }],
    });
    expect(reply.status).toBe(200);
    const result = (await reply.json()) as { issues: { iid: number; state: string }[] };
    expect(result.issues[0]).toMatchObject({ iid: before + 1, state: 'closed' });
    const issue = await call<{ merge_requests_count: number }>(sb, `/api/v4/projects/203/issues/${before + 1}`);
    expect(issue.body.merge_requests_count).toBe(1);
    expect((await control(sb.url, '/fixtures', { project: 'nope/nope', issues: [] })).status).toBe(400);
    await control(sb.url, '/reset');
    expect(sb.data.issuesOf(203).length).toBe(before);
  });

  it('switches the issue view and theme for pages', async () => {
    const sb = sandbox();
    await control(sb.url, '/issue-view', { view: 'legacy' });
    await control(sb.url, '/theme', { theme: 'dark' });
    const page = await (await fetch(`${sb.url}/lens-demo/web-app/-/issues/1`)).text();
    expect(page).toContain('class="gl-dark');
    expect(page).toContain('issue-details issuable-details js-issue-details');
    expect((await control(sb.url, '/issue-view', { view: 'modern' })).status).toBe(400);
    sb.controls.reset({ data: false });
    expect(sb.controls.state.issueView).toBe('work_item');
  });
});
