import { describe, expect, it } from 'vitest';
import { normaliseBaseUrl } from '../../../utils/gitlab/base-url';
import { createConcurrencyLimiter } from '../../../utils/gitlab/concurrency';
import { GitLabError } from '../../../utils/gitlab/errors';
import { nextPageUrl, parseLinkHeader } from '../../../utils/gitlab/link-header';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, retryDelayMs } from '../../../utils/gitlab/retry-policy';

describe('parseLinkHeader', () => {
  it('reads the offset links GitLab documents', () => {
    const header =
      '<https://gitlab.example.com/api/v4/projects/8/issues/8/notes?page=1&per_page=3>; rel="prev", ' +
      '<https://gitlab.example.com/api/v4/projects/8/issues/8/notes?page=3&per_page=3>; rel="next", ' +
      '<https://gitlab.example.com/api/v4/projects/8/issues/8/notes?page=1&per_page=3>; rel="first", ' +
      '<https://gitlab.example.com/api/v4/projects/8/issues/8/notes?page=3&per_page=3>; rel="last"';
    expect(parseLinkHeader(header)).toEqual({
      prev: 'https://gitlab.example.com/api/v4/projects/8/issues/8/notes?page=1&per_page=3',
      next: 'https://gitlab.example.com/api/v4/projects/8/issues/8/notes?page=3&per_page=3',
      first: 'https://gitlab.example.com/api/v4/projects/8/issues/8/notes?page=1&per_page=3',
      last: 'https://gitlab.example.com/api/v4/projects/8/issues/8/notes?page=3&per_page=3',
    });
  });

  it('reads a keyset next link, unquoted rels, commas inside URLs and several rels at once', () => {
    expect(nextPageUrl('<https://h/api/v4/projects/1/issues?cursor=eyJpZCI6IjQyIn0%3D&pagination=keyset>; rel="next"')).toBe(
      'https://h/api/v4/projects/1/issues?cursor=eyJpZCI6IjQyIn0%3D&pagination=keyset',
    );
    expect(parseLinkHeader('<https://h/a?labels=a,b>; rel=next')).toEqual({ next: 'https://h/a?labels=a,b' });
    expect(parseLinkHeader('<https://h/a?page=2>; rel="next last"')).toEqual({ next: 'https://h/a?page=2', last: 'https://h/a?page=2' });
  });

  it('returns no next on the last page or without a header', () => {
    expect(nextPageUrl('<https://h/a?page=1>; rel="first", <https://h/a?page=1>; rel="prev"')).toBeNull();
    expect(nextPageUrl(null)).toBeNull();
    expect(nextPageUrl('')).toBeNull();
  });
});

describe('createConcurrencyLimiter', () => {
  it('runs at most max tasks at once, in arrival order, and survives failures', async () => {
    const limit = createConcurrencyLimiter(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (i: number) => () =>
      new Promise<number>((resolve, reject) => {
        started.push(i);
        active += 1;
        peak = Math.max(peak, active);
        setTimeout(() => {
          active -= 1;
          if (i === 1) reject(new Error('boom'));
          else resolve(i);
        }, 3);
      });
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => limit(task(i))));
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  });
});

describe('retry policy', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, random: () => 1 };

  it('backs off exponentially up to the cap', () => {
    expect([0, 1, 2, 3, 10].map((attempt) => backoffDelayMs(attempt, policy))).toEqual([500, 1000, 2000, 4000, 30_000]);
    expect(backoffDelayMs(0, { ...policy, random: () => 0 })).toBe(250);
  });

  it('retries 429 for any method, 5xx and dropped connections only for idempotent ones, never timeouts', () => {
    const now = 0;
    const throttled = new GitLabError({ kind: 'rate-limited', retryAt: new Date(3000) });
    const server = new GitLabError({ kind: 'server', status: 503 });
    const dropped = new GitLabError({ kind: 'unreachable', reason: 'connection-lost', host: 'h' });
    const timeout = new GitLabError({ kind: 'unreachable', reason: 'timeout', host: 'h' });
    const denied = new GitLabError({ kind: 'unauthorized', reason: 'rejected' });
    expect(retryDelayMs(throttled, 0, 'POST', policy, now)).toBe(3000);
    expect(retryDelayMs(server, 0, 'GET', policy, now)).toBe(500);
    expect(retryDelayMs(server, 0, 'POST', policy, now)).toBeNull();
    expect(retryDelayMs(dropped, 1, 'PUT', policy, now)).toBe(1000);
    expect(retryDelayMs(timeout, 0, 'GET', policy, now)).toBeNull();
    expect(retryDelayMs(denied, 0, 'GET', policy, now)).toBeNull();
    expect(retryDelayMs(server, policy.maxRetries, 'GET', policy, now)).toBeNull();
  });
});

describe('normaliseBaseUrl', () => {
  it('keeps origin and relative root, drops trailing slashes and /api/v4', () => {
    expect(normaliseBaseUrl('https://gitlab.com/')).toBe('https://gitlab.com');
    expect(normaliseBaseUrl(' https://example.com/gitlab/api/v4/ ')).toBe('https://example.com/gitlab');
    expect(normaliseBaseUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  it('rejects what is not an http(s) URL', () => {
    for (const bad of ['gitlab.com', 'javascript:alert(1)', 'file:///etc', 'https://user:pw@gitlab.com']) {
      expect(() => normaliseBaseUrl(bad)).toThrow(GitLabError);
    }
  });
});
