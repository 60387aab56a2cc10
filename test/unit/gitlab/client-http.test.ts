import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitLabClient } from '../../../utils/gitlab/client';
import { GitLabError } from '../../../utils/gitlab/errors';
import { collectPages, readExample } from './fake-gitlab';

// The client against a real HTTP server on 127.0.0.1 with the real fetch: dropped sockets,
// stalls and refused connections behave as they do in a browser's network stack.

let server: Server;
let baseUrl: string;
const hits = new Map<string, number>();

function handle(request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const count = (hits.get(url.pathname) ?? 0) + 1;
  hits.set(url.pathname, count);
  const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
  switch (url.pathname) {
    case '/api/v4/user':
      // The first connection is dropped before any answer.
      if (count === 1) return request.socket.destroy();
      return send(200, { id: 1, username: 'root', name: 'Administrator', state: 'active', avatar_url: null });
    case '/api/v4/projects/1':
      return; // never answers
    case '/api/v4/projects/2/members/all': {
      const page = Number(url.searchParams.get('page') ?? 1);
      const members = readExample('list_project_members_all.json') as unknown[];
      // GitLab behind a proxy often links to its external_url, here a host we must not call.
      const link: Record<string, string> =
        page === 1 ? { link: '<http://gitlab.internal:3000/api/v4/projects/2/members/all?page=2&per_page=100>; rel="next"' } : {};
      return send(200, page === 1 ? members.slice(0, 2) : members.slice(2), link);
    }
    case '/api/v4/projects/2/repository/files/CODEOWNERS/raw':
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      return response.end('{"looks": "like json"}\n* @owner\n');
    default:
      return send(404, { message: '404 Not Found' });
  }
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = (overrides: Partial<ConstructorParameters<typeof GitLabClient>[0]> = {}) =>
  new GitLabClient({ baseUrl, getToken: async () => 'glpat-test', sleep: async () => {}, ...overrides });

describe('GitLabClient over real HTTP', () => {
  it('retries a dropped connection and then reads the user', async () => {
    await expect(client().getCurrentUser()).resolves.toMatchObject({ username: 'root' });
    expect(hits.get('/api/v4/user')).toBe(2);
  });

  it('times out a request that never answers', async () => {
    const error = await client({ timeoutMs: 100 }).getProject(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitLabError);
    expect((error as GitLabError).detail).toMatchObject({ kind: 'unreachable', reason: 'timeout' });
  });

  it('reports a refused connection as unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await client({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 }).getCurrentUser().catch((e: unknown) => e);
    expect((error as GitLabError).detail).toMatchObject({ kind: 'unreachable', reason: 'refused' });
  });

  it('follows Link rel="next" on our own origin', async () => {
    const { items } = await collectPages(client().listMembersAll({ kind: 'project', id: 2 }));
    expect(items.map((m) => m.username)).toEqual(['raymond_smith', 'john_doe', 'foo_bar']);
  });

  it('returns raw files as text even when they look like JSON', async () => {
    await expect(client().getRawFile(2, 'CODEOWNERS', 'main')).resolves.toBe('{"looks": "like json"}\n* @owner\n');
  });
});
