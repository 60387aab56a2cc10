import { describe, expect, it } from 'vitest';
import { EXPIRED_TOKEN, READ_TOKEN, REVOKED_TOKEN, USER_ONLY_TOKEN } from '../../gitlab-sandbox/index.ts';
import { call, useSandbox } from './helpers.ts';

const INSUFFICIENT = 'The request requires higher privileges than provided by the access token.';

describe('authentication and scopes', () => {
  const sandbox = useSandbox();

  it('accepts PRIVATE-TOKEN and Authorization: Bearer', async () => {
    const sb = sandbox();
    const viaHeader = await call<{ username: string }>(sb, '/api/v4/user');
    const viaBearer = await call<{ username: string }>(sb, '/api/v4/user', { bearer: true });
    expect(viaHeader.body.username).toBe('ava.chen');
    expect(viaBearer.body).toEqual(viaHeader.body);
  });

  it('describes the token like GET /personal_access_tokens/self', async () => {
    const reply = await call<Record<string, unknown>>(sandbox(), '/api/v4/personal_access_tokens/self', { token: READ_TOKEN });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ scopes: ['read_api'], active: true, revoked: false, user_id: 4 });
    expect(Object.keys(reply.body)).toEqual(expect.arrayContaining(['id', 'name', 'revoked', 'created_at', 'scopes', 'user_id', 'last_used_at', 'active', 'expires_at']));
    expect(reply.body.expires_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('answers 401 for unknown, revoked and expired tokens', async () => {
    const sb = sandbox();
    const unknown = await call(sb, '/api/v4/projects/201', { token: 'glpat-nope' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual({ message: '401 Unauthorized' });
    const revoked = await call(sb, '/api/v4/user', { token: REVOKED_TOKEN });
    expect(revoked.status).toBe(401);
    expect(revoked.body).toEqual({ error: 'invalid_token', error_description: 'Token was revoked. You have to re-authorize from the user.' });
    expect(revoked.headers.get('www-authenticate')).toContain('error="invalid_token"');
    const expired = await call<{ error: string }>(sb, '/api/v4/projects/201/issues', { token: EXPIRED_TOKEN });
    expect(expired.status).toBe(401);
    expect(expired.body.error).toBe('invalid_token');
  });

  it('without a token: 401 on /user, 404 on private projects', async () => {
    const sb = sandbox();
    expect((await call(sb, '/api/v4/user', { token: null })).status).toBe(401);
    const project = await call(sb, '/api/v4/projects/201/issues', { token: null });
    expect(project.status).toBe(404);
    expect(project.body).toEqual({ message: '404 Project Not Found' });
  });

  it('read_user tokens read only the user and themselves', async () => {
    const sb = sandbox();
    expect((await call(sb, '/api/v4/user', { token: USER_ONLY_TOKEN })).status).toBe(200);
    expect((await call(sb, '/api/v4/personal_access_tokens/self', { token: USER_ONLY_TOKEN })).status).toBe(200);
    const issues = await call(sb, '/api/v4/projects/201/issues', { token: USER_ONLY_TOKEN });
    expect(issues.status).toBe(403);
    expect(issues.body).toEqual({ error: 'insufficient_scope', error_description: INSUFFICIENT, scope: 'api read_api' });
  });
});

describe('CORS for /api/*', () => {
  const sandbox = useSandbox();

  it('answers preflights for any header and method and exposes pagination headers', async () => {
    const sb = sandbox();
    const preflight = await fetch(`${sb.url}/api/v4/projects/201/issues`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'private-token,content-type' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('private-token,content-type');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    const reply = await call(sb, '/api/v4/projects/201/issues');
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
    expect(reply.headers.get('access-control-expose-headers')).toBe('Link, X-Total, X-Total-Pages, X-Per-Page, X-Page, X-Next-Page, X-Prev-Page');
  });
});
