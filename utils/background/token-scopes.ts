/**
 * The token's scopes (personal_access_tokens/self), asked once per client: Assign and the survey
 * need `api`, and say so before a click rather than after a refused write. A new token or GitLab
 * makes a new client (data-service.ts), so the answer never outlives the token it describes.
 */
import type { GitLabClient } from '../gitlab/client';

export type TokenScopes = (client: GitLabClient) => Promise<readonly string[] | null>;

/** null when this GitLab cannot say (older than 15.5): writes are then tried and their errors shown. */
export function createTokenScopes(): TokenScopes {
  const scopes = new WeakMap<GitLabClient, Promise<readonly string[] | null>>();
  return (client) => {
    let pending = scopes.get(client);
    if (!pending) {
      pending = client.getTokenInfo().then(
        (info) => info.scopes,
        () => null,
      );
      scopes.set(client, pending);
    }
    return pending;
  };
}

/** Why a write cannot work with these scopes, or undefined when it can (or cannot be told). */
export function missingApiScope(scopes: readonly string[] | null, what: string): string | undefined {
  if (scopes === null || scopes.includes('api')) return undefined;
  return `${what} needs a token with the api scope; this one has ${scopes.join(', ') || 'no API scope'}. Add such a token in Engineering Lens settings.`;
}
