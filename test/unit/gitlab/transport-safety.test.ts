import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GitLabClient } from '../../../utils/gitlab/client';
import { GitLabError } from '../../../utils/gitlab/errors';
import { DEFAULT_RETRY_POLICY } from '../../../utils/gitlab/retry-policy';
import { GitLabTransport, TransportClosedError } from '../../../utils/gitlab/transport';
import { fakeFetch, json } from './fake-gitlab';

// Issue #7, items 1 and 2: the token goes to the configured origin only. Two real HTTP servers on
// 127.0.0.1: "gitlab" (the configured one) and "other" (another origin), each logging what it got.

interface Logged {
  path: string;
  headers: IncomingHttpHeaders;
}

function logServer(handle: (request: IncomingMessage, response: ServerResponse) => void) {
  const received: Logged[] = [];
  const server: Server = createServer((request, response) => {
    received.push({ path: request.url ?? '', headers: request.headers });
    handle(request, response);
  });
  return { server, received, url: '' };
}

const mallory = { id: 666, username: 'mallory', name: 'Mallory', state: 'active', avatar_url: null };

const other = logServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(mallory));
});
const gitlab = logServer((request, response) => {
  const redirect = (location: string) => {
    response.writeHead(302, { location });
    response.end();
  };
  switch (request.url) {
    case '/api/v4/user':
      return redirect(`${other.url}/api/v4/user`);
    case '/api/v4/projects/1':
      return redirect('/api/v4/projects/2'); // relative: same origin
    case '/api/v4/projects/2':
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(JSON.stringify({ id: 2, name: 'p', path_with_namespace: 'g/p', default_branch: 'main', web_url: `${gitlab.url}/g/p` }));
    case '/api/v4/projects/3':
      return redirect('/api/v4/projects/3'); // a loop
    case '/api/v4/projects/2/issues':
      return redirect('/api/v4/projects/2/issues?again=1');
    default:
      return undefined; // /slow: never answers
  }
});

async function listen(entry: { server: Server; url: string }) {
  await new Promise<void>((resolve) => entry.server.listen(0, '127.0.0.1', resolve));
  entry.url = `http://127.0.0.1:${(entry.server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  await listen(gitlab);
  // Another origin: localhost rather than 127.0.0.1, and its own port.
  await listen(other);
  other.url = other.url.replace('127.0.0.1', 'localhost');
});

afterAll(async () => {
  for (const { server } of [gitlab, other]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

beforeEach(() => {
  gitlab.received.length = 0;
  other.received.length = 0;
});

const client = (overrides: Partial<ConstructorParameters<typeof GitLabClient>[0]> = {}) =>
  new GitLabClient({ baseUrl: gitlab.url, getToken: async () => 'glpat-secret', sleep: async () => {}, maxRetries: 0, ...overrides });

describe('redirects', () => {
  it('refuses a redirect to another origin, names the target, and never sends it the token', async () => {
    const error = await client().getCurrentUser().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitLabError);
    expect((error as GitLabError).detail).toEqual({ kind: 'bad-url', reason: 'redirected', url: gitlab.url, location: `${other.url}/api/v4/user` });
    expect((error as GitLabError).message).toContain(`redirected to ${other.url}/api/v4/user`);
    expect(other.received).toEqual([]);
    expect(gitlab.received.map((entry) => entry.headers['private-token'])).toEqual(['glpat-secret']);
  });

  it('follows a same-origin redirect of a read by hand, with the token, on the same origin only', async () => {
    await expect(client().getProject(1)).resolves.toMatchObject({ id: 2 });
    expect(gitlab.received.map((entry) => entry.path)).toEqual(['/api/v4/projects/1', '/api/v4/projects/2']);
    expect(other.received).toEqual([]);
  });

  it('gives up on a redirect loop after a few hops', async () => {
    const error = (await client().getProject(3).catch((e: unknown) => e)) as GitLabError;
    expect(error.detail).toMatchObject({ kind: 'bad-url', reason: 'redirected' });
    expect(gitlab.received).toHaveLength(4);
  });

  it('never repeats a write at the redirect target', async () => {
    const transport = new GitLabTransport({
      baseUrl: gitlab.url,
      getToken: async () => 'glpat-secret',
      fetch: (input, init) => fetch(input, init),
      concurrency: 1,
      timeoutMs: 5000,
      retry: { ...DEFAULT_RETRY_POLICY, maxRetries: 0 },
      sleep: async () => {},
      now: Date.now,
    });
    const write = transport.send({ method: 'POST', url: transport.url('projects/2/issues'), body: { title: 'Hello' } });
    const error = (await write.catch((e: unknown) => e)) as GitLabError;
    expect(error.detail).toMatchObject({ kind: 'bad-url', reason: 'redirected' });
    expect(gitlab.received).toHaveLength(1);
  });

  it('in a browser, where the target is hidden, learns it by following WITHOUT the token', async () => {
    // What Chrome and Firefox hand back for redirect: 'manual': no status, no headers, no body.
    const opaque = { type: 'opaqueredirect', status: 0, ok: false, url: '', headers: new Headers(), body: null } as unknown as Response;
    const browserFetch = fakeFetch((request) => (request.headers.has('PRIVATE-TOKEN') ? opaque : json(mallory)));
    const probe = browserFetch.fetch;
    const fetchWithUrl: typeof fetch = async (input, init) => {
      const response = await probe(input, init);
      // The followed answer comes from the other host.
      if (init?.redirect === 'follow') Object.defineProperty(response, 'url', { value: `${other.url}/login` });
      return response;
    };
    const error = (await client({ fetch: fetchWithUrl }).getCurrentUser().catch((e: unknown) => e)) as GitLabError;
    expect(error.detail).toEqual({ kind: 'bad-url', reason: 'redirected', url: gitlab.url, location: `${other.url}/login` });
    const [withToken, followed] = browserFetch.requests;
    expect(withToken?.headers.get('PRIVATE-TOKEN')).toBe('glpat-secret');
    expect(followed?.headers.has('PRIVATE-TOKEN')).toBe(false);
    expect(browserFetch.requests).toHaveLength(2);
  });
});

describe('a closed client (the GitLab URL or token changed)', () => {
  it('cancels the request in flight, those queued behind it, and refuses new ones', async () => {
    const gitlabClient = client({ concurrency: 1 });
    const inFlight = gitlabClient.getProject('slow').catch((e: unknown) => e);
    const queued = gitlabClient.getProject('slow-too').catch((e: unknown) => e);
    await expect.poll(() => gitlab.received.length).toBe(1);
    gitlabClient.close();
    expect(await inFlight).toBeInstanceOf(TransportClosedError);
    expect(await queued).toBeInstanceOf(TransportClosedError);
    expect(await gitlabClient.getCurrentUser().catch((e: unknown) => e)).toBeInstanceOf(TransportClosedError);
    // The queued request never reached the server.
    expect(gitlab.received).toHaveLength(1);
  });

  it('ends a wait between retries instead of retrying with the old settings', async () => {
    const busy = fakeFetch(() => json({ message: '503 Service Unavailable' }, { status: 503 }));
    let wake: () => void = () => {};
    const gitlabClient = client({ fetch: busy.fetch, maxRetries: 3, sleep: () => new Promise<void>((resolve) => (wake = resolve)) });
    const request = gitlabClient.getCurrentUser().catch((e: unknown) => e);
    await expect.poll(() => busy.requests.length).toBe(1);
    gitlabClient.close();
    wake();
    expect(await request).toBeInstanceOf(TransportClosedError);
    expect(busy.requests).toHaveLength(1);
  });
});
