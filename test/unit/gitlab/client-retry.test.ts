import { describe, expect, it } from 'vitest';
import { GitLabClient, type GitLabClientOptions } from '../../../utils/gitlab/client';
import { GitLabError } from '../../../utils/gitlab/errors';
import { DEFAULT_RETRY_POLICY } from '../../../utils/gitlab/retry-policy';
import { GitLabTransport } from '../../../utils/gitlab/transport';
import { collectPages, BASE_URL, fakeFetch, json, readExample, text, type Handler } from './fake-gitlab';

const user = { id: 1, username: 'root', name: 'Administrator', state: 'active', avatar_url: null, web_url: 'x' };

function setup(handler: Handler, options: Partial<GitLabClientOptions> = {}) {
  const { fetch, requests } = fakeFetch(handler);
  const sleeps: number[] = [];
  let clock = Date.parse('2025-01-01T00:00:00Z');
  const client = new GitLabClient({
    baseUrl: BASE_URL,
    getToken: async () => 'glpat-test',
    fetch,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    ...options,
  });
  return { client, requests, sleeps };
}

/** The transport alone, for writes: the client has none until a feature needs one. */
function transportWith(handler: Handler, tokenScopes?: readonly string[]) {
  const { fetch, requests } = fakeFetch(handler);
  const transport = new GitLabTransport({
    baseUrl: BASE_URL,
    getToken: async () => 'glpat-test',
    fetch,
    concurrency: 4,
    timeoutMs: 1000,
    retry: { ...DEFAULT_RETRY_POLICY, random: () => 0.5 },
    sleep: async () => {},
    now: () => Date.parse('2025-01-01T00:00:00Z'),
    tokenScopes: () => tokenScopes,
  });
  const post = (path: string, body: unknown) => transport.send({ method: 'POST', url: transport.url(path), body });
  return { transport, post, requests };
}

async function failure(promise: Promise<unknown>): Promise<GitLabError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GitLabError);
  return error as GitLabError;
}

describe('GitLabClient retries', () => {
  it('waits for Retry-After on a plain-text 429, then succeeds', async () => {
    let calls = 0;
    const { client, sleeps } = setup(() =>
      ++calls === 1 ? text('Retry later', 429, { 'retry-after': '7' }) : json(user),
    );
    await expect(client.getCurrentUser()).resolves.toMatchObject({ username: 'root' });
    expect(sleeps).toEqual([7000]);
  });

  it('uses RateLimit-Reset when Retry-After is missing', async () => {
    let calls = 0;
    const reset = String(Date.parse('2025-01-01T00:00:30Z') / 1000);
    const { client, sleeps } = setup(() => (++calls === 1 ? text('Retry later', 429, { 'ratelimit-reset': reset }) : json(user)));
    await client.getCurrentUser();
    expect(sleeps).toEqual([30_000]);
  });

  it('gives up with rate-limited and retryAt when Retry-After is longer than the worker should wait', async () => {
    const { client, requests } = setup(() => text('Retry later', 429, { 'retry-after': '3600' }));
    const error = await failure(client.getCurrentUser());
    expect(error.detail).toEqual({ kind: 'rate-limited', retryAt: new Date('2025-01-01T01:00:00Z') });
    expect(error.message).toMatch(/429/);
    expect(requests).toHaveLength(1);
  });

  it('backs off exponentially on a burst of 503, then succeeds', async () => {
    let calls = 0;
    const { client, sleeps } = setup(() => (++calls <= 3 ? json({ message: '503' }, { status: 503 }) : json(user)));
    await client.getCurrentUser();
    // equal jitter with random()=0.5: 3/4 of 500·2^n ms
    expect(sleeps).toEqual([375, 750, 1500]);
  });

  it('gives up after maxRetries with the typed server error', async () => {
    const { client, requests } = setup(() => json({ message: 'bad gateway' }, { status: 502 }), { maxRetries: 2 });
    const error = await failure(client.getCurrentUser());
    expect(error.detail).toEqual({ kind: 'server', status: 502 });
    expect(requests).toHaveLength(3);
  });

  it('retries a dropped connection', async () => {
    let calls = 0;
    const { client, requests } = setup(() => {
      if (++calls === 1) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      return json(user);
    });
    await client.getCurrentUser();
    expect(requests).toHaveLength(2);
  });

  it('does not retry a POST after a 5xx: the issue may have been created', async () => {
    const { post, requests } = transportWith(() => json({ message: 'oops' }, { status: 500 }));
    await failure(post('projects/3/issues', { title: 'x' }));
    expect(requests).toHaveLength(1);
  });

  it('aborts a request that takes longer than timeoutMs', async () => {
    const { client } = setup(
      (_request, signal) =>
        new Promise<Response>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
      { timeoutMs: 20 },
    );
    const error = await failure(client.getCurrentUser());
    expect(error.detail).toMatchObject({ kind: 'unreachable', reason: 'timeout', host: 'gitlab.example.com' });
  });
});

describe('GitLabClient error mapping', () => {
  it('maps 401 to unauthorized with advice to create a token', async () => {
    const { client } = setup(() => json({ message: '401 Unauthorized' }, { status: 401 }));
    const error = await failure(client.getCurrentUser());
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toContain('create a new personal access token with the read_api scope');
  });

  it('maps 403 insufficient_scope on a write to forbidden with missingScope api', async () => {
    const body = { error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the access token.', scope: 'api' };
    const { post } = transportWith(() => json(body, { status: 403 }));
    const error = await failure(post('projects/3/issues/1/notes', { body: 'hello' }));
    expect(error.detail).toMatchObject({ kind: 'forbidden', missingScope: 'api' });
  });

  it('names the api scope on a forbidden write once the token is known to be read_api', async () => {
    const { transport } = transportWith(() => json({ message: '403 Forbidden' }, { status: 403 }), ['read_api']);
    const error = await failure(transport.send({ method: 'PUT', url: transport.url('projects/3/issues/1'), body: { assignee_ids: [7] } }));
    expect(error.detail).toMatchObject({ kind: 'forbidden', missingScope: 'api' });
  });

  it('maps 404 to not-found, and getRawFile returns null for a missing file', async () => {
    const { client } = setup((request) =>
      request.url.pathname.includes('/repository/files/')
        ? json({ message: '404 File Not Found' }, { status: 404 })
        : json({ message: '404 Project Not Found' }, { status: 404 }),
    );
    expect((await failure(client.getProject(404))).kind).toBe('not-found');
    await expect(client.getRawFile(3, '.gitlab/CODEOWNERS', 'main')).resolves.toBeNull();
  });

  it('rejects a URL that is not http(s) before any request', () => {
    expect(() => setup(() => json({}), { baseUrl: 'gitlab.example.com' })).toThrow(GitLabError);
    expect(() => setup(() => json({}), { baseUrl: 'ftp://gitlab.example.com' })).toThrow(/not a valid GitLab URL/);
  });

  it('reports an HTML answer as "no GitLab API at this URL"', async () => {
    const { client } = setup(() => new Response('<!DOCTYPE html><html></html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const error = await failure(client.getCurrentUser());
    expect(error.detail).toMatchObject({ kind: 'bad-url', reason: 'not-gitlab' });
  });

  it('reports a missing token without sending a request', async () => {
    const { client, requests } = setup(() => json(user), { getToken: async () => '' });
    expect((await failure(client.getCurrentUser())).detail).toEqual({ kind: 'unauthorized', reason: 'missing-token' });
    expect(requests).toHaveLength(0);
  });
});

describe('GitLabClient auth and concurrency', () => {
  it('reads the token fresh on every request, so a rotated token is used mid-way', async () => {
    let token = 'glpat-old';
    const pages = (readExample('list_project_members_all.json') as unknown[]).map((member, i) => [member, i]);
    const { client, requests } = setup(
      (request) => {
        const page = Number(request.url.searchParams.get('page') ?? 1);
        const next = page < 3 ? `<${BASE_URL}/api/v4/projects/1/members/all?page=${page + 1}&per_page=100>; rel="next"` : '';
        return json([pages[page - 1]![0]], { headers: next ? { link: next } : {} });
      },
      { getToken: async () => token },
    );
    const iterator = client.listMembersAll({ kind: 'project', id: 1 });
    await iterator.next();
    token = 'glpat-new';
    for await (const _page of iterator);
    expect(requests.map((r) => r.headers.get('private-token'))).toEqual(['glpat-old', 'glpat-new', 'glpat-new']);
  });

  it('never has more than `concurrency` requests in flight across calls', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const { client, requests } = setup(
      async () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return json([]);
      },
      { concurrency: 3 },
    );
    await Promise.all(Array.from({ length: 10 }, (_, i) => collectPages(client.listMembersAll({ kind: 'project', id: i }))));
    expect(requests).toHaveLength(10);
    expect(maxInFlight).toBe(3);
  });

  it('sends single-object reads through gitbeaker to the documented paths', async () => {
    const issue = readExample('single_project_issue.json');
    const token = { id: 1, name: 'lens', scopes: ['api'], active: true, revoked: false, expires_at: null };
    const group = { id: 5, name: 'Sub', path: 'sub', full_path: 'g/sub', web_url: 'x', parent_id: 2 };
    const { client, requests } = setup((request) => {
      const path = request.url.pathname;
      if (path.endsWith('/personal_access_tokens/self')) return json(token);
      if (path.startsWith('/api/v4/groups/')) return json(group);
      return json(issue);
    });
    await expect(client.getIssue(4, 1)).resolves.toMatchObject({ iid: 1, project_id: 4 });
    await expect(client.getGroup('g/sub')).resolves.toMatchObject({ full_path: 'g/sub' });
    await expect(client.getTokenInfo()).resolves.toMatchObject({ scopes: ['api'], expires_at: null });
    expect(requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'GET /api/v4/projects/4/issues/1',
      'GET /api/v4/groups/g%2Fsub',
      'GET /api/v4/personal_access_tokens/self',
    ]);
  });

  it('rejects a single object that does not parse as invalid-payload with the field path', async () => {
    const { client } = setup(() => json({ id: 1, name: 'x', scopes: 'read_api', active: true }));
    const error = await failure(client.getTokenInfo());
    expect(error.detail).toMatchObject({ kind: 'invalid-payload', problems: [{ path: '.scopes', context: 'token' }] });
  });

});

describe('GitLabClient writes (Assign, survey suggestions)', () => {
  const issue = () => readExample('single_project_issue.json');

  it('creates an issue with its labels once, and does not retry a POST GitLab answered 503', async () => {
    const { client, requests } = setup(() => json({ message: '503 Service Unavailable' }, { status: 503 }));
    await expect(client.createIssue(7, { title: 'T', description: 'D', labels: ['a::b', 'c'] })).rejects.toMatchObject({ kind: 'server' });
    // One request: the outbox decides what follows (a lookup), not the transport.
    expect(requests.map((request) => [request.method, request.url.pathname, request.body])).toEqual([
      ['POST', '/api/v4/projects/7/issues', { title: 'T', description: 'D', labels: 'a::b,c' }],
    ]);
  });

  it('sets assignees with a PUT, retried on a 503 since setting them twice is harmless', async () => {
    let calls = 0;
    const { client, requests } = setup(() => (++calls === 1 ? json({ message: '503' }, { status: 503 }) : json(issue())));
    await client.setIssueAssignees(7, 1, [3, 4]);
    expect(requests.map((request) => [request.method, request.url.pathname, request.body])).toEqual([
      ['PUT', '/api/v4/projects/7/issues/1', { assignee_ids: [3, 4] }],
      ['PUT', '/api/v4/projects/7/issues/1', { assignee_ids: [3, 4] }],
    ]);
  });

  it('searches issues in descriptions only when asked', async () => {
    const { client, requests } = setup(() => json([]));
    await collectPages(client.listProjectIssues(7, { search: 'ela-123', searchIn: 'description', state: 'all' }));
    expect(requests[0]!.url.searchParams.get('search')).toBe('ela-123');
    expect(requests[0]!.url.searchParams.get('in')).toBe('description');
  });
});
