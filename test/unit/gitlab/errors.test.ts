import { describe, expect, it } from 'vitest';
import { GitLabError, gitLabErrorFromResponse } from '../../../utils/gitlab/errors';
import { retryAtFromHeaders } from '../../../utils/gitlab/error-parsing';

const NOW = Date.parse('2025-01-01T00:00:00Z');
const jsonHeaders = new Headers({ 'content-type': 'application/json' });
const map = (status: number, body: unknown, context = {}) =>
  gitLabErrorFromResponse(status, jsonHeaders, JSON.stringify(body), { now: NOW, ...context });

describe('gitLabErrorFromResponse', () => {
  it('401: unauthorized, telling expired and revoked apart when GitLab says so', () => {
    expect(map(401, { message: '401 Unauthorized' }).detail).toEqual({ kind: 'unauthorized', reason: 'rejected' });
    const expired = map(401, { error: 'invalid_token', error_description: 'Token is expired. You can either do re-authorization or token refresh.' });
    expect(expired.detail).toEqual({ kind: 'unauthorized', reason: 'expired' });
    expect(expired.message).toContain('expired');
    expect(map(401, { error: 'invalid_token', error_description: 'Token was revoked. You have to re-authorize from the user.' }).detail).toMatchObject({ reason: 'revoked' });
  });

  it('403: names the scope GitLab asks for, preferring read_api for reads', () => {
    const body = { error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the access token.', scope: 'api read_api' };
    expect(map(403, body, { method: 'GET' }).detail).toMatchObject({ kind: 'forbidden', missingScope: 'read_api' });
    expect(map(403, { ...body, scope: 'api' }, { method: 'POST' }).detail).toMatchObject({ missingScope: 'api' });
    const plain = map(403, { message: '403 Forbidden - Epics are not available' });
    expect(plain.detail).toEqual({ kind: 'forbidden', gitlabMessage: '403 Forbidden - Epics are not available' });
    expect(plain.message).toContain('Epics are not available');
  });

  it('404: not-found; an HTML 404 means there is no GitLab API at that URL', () => {
    expect(map(404, { message: '404 Project Not Found' }).detail).toEqual({ kind: 'not-found', gitlabMessage: '404 Project Not Found' });
    const html = gitLabErrorFromResponse(404, new Headers({ 'content-type': 'text/html' }), '<html>nope</html>', { baseUrl: 'https://example.com' });
    expect(html.detail).toEqual({ kind: 'bad-url', reason: 'not-gitlab', url: 'https://example.com' });
  });

  it('bad-url: an HTML 404 says no GitLab API answered; a 2xx that is not the API names the status and type', () => {
    const html404 = gitLabErrorFromResponse(404, new Headers({ 'content-type': 'text/html' }), '<html>nope</html>', { baseUrl: 'https://example.com' });
    expect(html404.message).toBe(
      'No GitLab API answered at https://example.com. Check the GitLab URL: it is the address you open GitLab at, without a project path.',
    );
    const portal = new GitLabError(
      { kind: 'bad-url', reason: 'not-gitlab', url: 'https://gitlab.example.com', status: 200, contentType: 'Text/HTML; charset=utf-8' },
      { now: NOW },
    );
    expect(portal.message).toBe(
      "The server at https://gitlab.example.com answered (HTTP 200, text/html) but not with GitLab's API: a sign-in page of a proxy or a captive portal may be in the way. Open the URL in a tab to check, or enter the address GitLab really lives at.",
    );
    const untyped = new GitLabError({ kind: 'bad-url', reason: 'not-gitlab', url: 'https://example.com/gitlab', status: 203 });
    expect(untyped.message).toBe(
      "The server at https://example.com/gitlab answered (HTTP 203) but not with GitLab's API: a sign-in page of a proxy or a captive portal may be in the way. Open the URL in a tab to check, or enter the address GitLab really lives at.",
    );
    const nowhere = new GitLabError({ kind: 'bad-url', reason: 'not-gitlab', url: '', status: 200, contentType: '' });
    expect(nowhere.message).toBe(
      "The server at this address answered (HTTP 200) but not with GitLab's API: a sign-in page of a proxy or a captive portal may be in the way. Open the URL in a tab to check, or enter the address GitLab really lives at.",
    );
  });

  it('429: plain-text body, retryAt from Retry-After', () => {
    const error = gitLabErrorFromResponse(429, new Headers({ 'content-type': 'text/plain', 'retry-after': '60' }), 'Retry later', { now: NOW });
    expect(error.detail).toEqual({ kind: 'rate-limited', retryAt: new Date(NOW + 60_000) });
    expect(error.message).toBe('GitLab is limiting requests (429). Trying again in 60 s.');
    expect(error.toJSON()).toEqual({ kind: 'rate-limited', message: error.message, status: 429, retryAt: '2025-01-01T00:01:00.000Z' });
  });

  it('400: GitLab\'s message as a string or as a field map', () => {
    expect(map(400, { message: '400 (Bad request) "title" not given' }).detail).toEqual({ kind: 'bad-request', gitlabMessage: '400 (Bad request) "title" not given' });
    const fields = map(400, { message: { title: ['is too long (maximum is 255 characters)'] } });
    expect(fields.detail).toEqual({
      kind: 'bad-request',
      gitlabMessage: 'title is too long (maximum is 255 characters)',
      fieldErrors: { title: ['is too long (maximum is 255 characters)'] },
    });
    expect(map(400, { error: 'title is missing' }).detail).toMatchObject({ gitlabMessage: 'title is missing' });
  });

  it('5xx: server', () => {
    expect(map(503, {}).detail).toEqual({ kind: 'server', status: 503 });
  });

  it('keeps request method and path, never the query or token', () => {
    const error = map(404, {}, { method: 'GET', url: 'https://gitlab.example.com/api/v4/projects/1?private_token=x' });
    expect(error.request).toBe('GET /api/v4/projects/1');
  });
});

describe('retryAtFromHeaders', () => {
  it('reads Retry-After seconds, Retry-After dates and RateLimit-Reset', () => {
    expect(retryAtFromHeaders(new Headers({ 'retry-after': '2' }), NOW)).toEqual(new Date(NOW + 2000));
    expect(retryAtFromHeaders(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' }), NOW)).toEqual(new Date(NOW + 30_000));
    expect(retryAtFromHeaders(new Headers({ 'ratelimit-reset': String(NOW / 1000 + 9) }), NOW)).toEqual(new Date(NOW + 9000));
    expect(retryAtFromHeaders(new Headers(), NOW)).toBeUndefined();
  });
});

