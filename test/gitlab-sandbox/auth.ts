// Personal access token authentication and scope checks, as lib/api/api_guard.rb answers them:
//   unknown token          → 401 {"message":"401 Unauthorized"}
//   revoked / expired      → 401 {"error":"invalid_token","error_description":"..."} + WWW-Authenticate
//   insufficient scope     → 403 {"error":"insufficient_scope","error_description":"...","scope":"api read_api"}
//   no token, private data → 404 (GitLab hides private projects and groups), 401 on /user.

import type { IncomingHttpHeaders } from 'node:http';
import type { Dataset } from './dataset.ts';
import { parseDate } from './dates.ts';
import { ApiError } from './http.ts';
import type { Scope, Token, User } from './types.ts';

export interface AuthContext {
  token: Token;
  user: User;
}

/**
 * What a route needs:
 * - read: api or read_api; anonymous allowed (private resources then 404).
 * - user: api, read_api or read_user; token required (GET /user).
 * - self: any scope; token required (/personal_access_tokens/self).
 * - write: api only; token required (PUT/POST: assign, create an issue).
 */
export type Access = 'read' | 'user' | 'self' | 'write';

const ALLOWED_SCOPES: Record<Access, readonly Scope[] | null> = {
  read: ['api', 'read_api'],
  user: ['api', 'read_api', 'read_user'],
  self: null,
  write: ['api'],
};

const INSUFFICIENT_SCOPE_DESCRIPTION = 'The request requires higher privileges than provided by the access token.';

export const unauthorized = (): ApiError => new ApiError(401, { message: '401 Unauthorized' });

function invalidToken(description: string): ApiError {
  return new ApiError(
    401,
    { error: 'invalid_token', error_description: description },
    { 'WWW-Authenticate': `Bearer realm="Protected by OAuth 2.0", error="invalid_token", error_description="${description}"` },
  );
}

/** The token secret from PRIVATE-TOKEN, Authorization: Bearer, or ?private_token=. */
export function tokenFromRequest(headers: IncomingHttpHeaders, url: URL): string | null {
  const privateToken = headers['private-token'];
  if (typeof privateToken === 'string' && privateToken) return privateToken;
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (match?.[1]) return match[1];
  }
  return url.searchParams.get('private_token') ?? url.searchParams.get('access_token');
}

export function isTokenActive(token: Token, now: number): boolean {
  return !token.revoked && !(token.expires_at !== null && parseDate(token.expires_at) <= now);
}

/** Resolves the caller; throws 401 for unknown, revoked or expired tokens. Null = anonymous. */
export function authenticate(data: Dataset, secret: string | null, now: number): AuthContext | null {
  if (secret === null) return null;
  const token = data.tokenBySecret(secret);
  if (!token) throw unauthorized();
  if (token.revoked) throw invalidToken('Token was revoked. You have to re-authorize from the user.');
  if (!isTokenActive(token, now)) throw invalidToken('Token is expired. You can either do re-authorization or token refresh.');
  const user = data.user(token.user_id);
  if (!user || user.state === 'blocked') throw unauthorized();
  return { token, user };
}

/** Checks the scope a route needs; anonymous callers pass only on `read` routes. */
export function authorize(auth: AuthContext | null, access: Access): void {
  if (!auth) {
    if (access === 'read') return;
    throw unauthorized();
  }
  const allowed = ALLOWED_SCOPES[access];
  if (allowed === null) return;
  if (auth.token.scopes.some((scope) => allowed.includes(scope))) return;
  throw new ApiError(403, { error: 'insufficient_scope', error_description: INSUFFICIENT_SCOPE_DESCRIPTION, scope: allowed.join(' ') });
}
