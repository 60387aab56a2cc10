import { describe, expect, it } from 'vitest';
import { GitLabError } from '@/utils/gitlab/errors';
import { classifySurveyError } from '@/utils/survey/classify';

const host = 'gitlab.example.com';

describe('classifySurveyError', () => {
  it('maps refusals to permanent reasons', () => {
    expect(classifySurveyError(new GitLabError({ kind: 'forbidden', missingScope: 'api' }))).toMatchObject({ kind: 'permanent', permanent: 'scope' });
    expect(classifySurveyError(new GitLabError({ kind: 'forbidden' }))).toMatchObject({ kind: 'permanent', permanent: 'other-permanent' });
    expect(classifySurveyError(new GitLabError({ kind: 'unauthorized', reason: 'expired' }))).toMatchObject({ kind: 'permanent', fix: expect.stringContaining('api scope') });
    expect(classifySurveyError(new GitLabError({ kind: 'not-found' }))).toMatchObject({ kind: 'permanent', permanent: 'not-found' });
    expect(classifySurveyError(new GitLabError({ kind: 'bad-request', gitlabMessage: 'labels is invalid' }))).toMatchObject({ permanent: 'validation', fix: expect.stringContaining('labels is invalid') });
  });

  it('treats anything that may have landed as an unknown outcome', () => {
    expect(classifySurveyError(new GitLabError({ kind: 'server', status: 502 }))).toMatchObject({ kind: 'transient', transient: 'server' });
    expect(classifySurveyError(new GitLabError({ kind: 'invalid-payload', problems: [] }))).toMatchObject({ transient: 'server' });
    expect(classifySurveyError(new GitLabError({ kind: 'unreachable', reason: 'timeout', host }))).toMatchObject({ transient: 'timeout' });
    expect(classifySurveyError(new GitLabError({ kind: 'unreachable', reason: 'offline', host }))).toMatchObject({ transient: 'network' });
    expect(classifySurveyError(new GitLabError({ kind: 'unreachable', reason: 'connection-lost', host }))).toMatchObject({ transient: 'network' });
    expect(classifySurveyError(new TypeError('boom'))).toMatchObject({ transient: 'network', message: 'boom' });
  });

  it('knows what provably never reached GitLab', () => {
    expect(classifySurveyError(new GitLabError({ kind: 'unreachable', reason: 'dns', host }))).toMatchObject({ transient: 'unreachable' });
    expect(classifySurveyError(new GitLabError({ kind: 'unreachable', reason: 'refused', host }))).toMatchObject({ transient: 'unreachable' });
    const retryAt = new Date(Date.UTC(2026, 11, 1, 10));
    expect(classifySurveyError(new GitLabError({ kind: 'rate-limited', retryAt }))).toEqual(expect.objectContaining({ transient: 'rate-limited', retryAt: retryAt.getTime() }));
  });
});
