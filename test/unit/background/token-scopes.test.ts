/**
 * Protects the token's scopes as Assign and the survey ask for them
 * (utils/background/token-scopes.ts): asked once per client, null when GitLab cannot say, and
 * the sentence that tells a read-only token apart before a click.
 */
import { describe, expect, it } from 'vitest';
import { createTokenScopes, missingApiScope } from '../../../utils/background/token-scopes';
import type { GitLabClient } from '../../../utils/gitlab/client';
import { GitLabError } from '../../../utils/gitlab/errors';

function fakeClient(answer: string[] | Error) {
  let asked = 0;
  const client = {
    async getTokenInfo() {
      asked += 1;
      if (answer instanceof Error) throw answer;
      return { id: 1, name: 'lens', scopes: answer, active: true, revoked: false };
    },
  };
  return { client: client as unknown as GitLabClient, asked: () => asked };
}

describe('createTokenScopes', () => {
  it("asks GitLab once per client and gives each client its own token's scopes", async () => {
    const scopes = createTokenScopes();
    const readOnly = fakeClient(['read_api', 'read_user']);
    const full = fakeClient(['api']);
    expect(await Promise.all([scopes(readOnly.client), scopes(readOnly.client)])).toEqual([
      ['read_api', 'read_user'],
      ['read_api', 'read_user'],
    ]);
    expect(await scopes(readOnly.client)).toEqual(['read_api', 'read_user']);
    expect(await scopes(full.client)).toEqual(['api']);
    expect([readOnly.asked(), full.asked()]).toEqual([1, 1]);
  });

  it('null when GitLab cannot say (an older GitLab answers 404), without asking again', async () => {
    const scopes = createTokenScopes();
    const old = fakeClient(new GitLabError({ kind: 'not-found' }));
    expect(await scopes(old.client)).toBeNull();
    expect(await scopes(old.client)).toBeNull();
    expect(old.asked()).toBe(1);
  });
});

describe('missingApiScope', () => {
  it('names what needs the api scope and the scopes the token has', () => {
    expect(missingApiScope(['read_api', 'read_user'], 'Assigning')).toBe(
      'Assigning needs a token with the api scope; this one has read_api, read_user. Add such a token in Engineering Lens settings.',
    );
  });

  it('a token without any scope listed says so', () => {
    expect(missingApiScope([], 'Sending a suggestion')).toBe('Sending a suggestion needs a token with the api scope; this one has no API scope. Add such a token in Engineering Lens settings.');
  });

  it('nothing to say when the token has api, or when GitLab cannot say', () => {
    expect(missingApiScope(['read_api', 'api'], 'Assigning')).toBeUndefined();
    expect(missingApiScope(null, 'Assigning')).toBeUndefined();
  });
});
