// Reading GitLab's error answers. Shapes come from gitlab/API.md "Errors" and lib/api/helpers.rb
// (`{"message": "..."}` or `{"message": {"field": ["..."]}}`), Grape validation (`{"error": "..."}`),
// lib/api/api_guard.rb (OAuth-style `{"error": "insufficient_scope", "scope": "api"}` on 403,
// `{"error": "invalid_token", "error_description": "Token is expired..."}` on 401) and the
// rate limiter's plain-text 429 body ("Retry later", admins can change it).

interface GitLabErrorBody {
  /** GitLab's own words, flattened to one line ("" when there were none). */
  message: string;
  fieldErrors?: Record<string, string[]>;
  isHtml: boolean;
  insufficientScope: boolean;
  /** Scope GitLab says the endpoint needs (`scope` in the body or WWW-Authenticate). */
  requiredScope?: string;
  tokenProblem?: 'expired' | 'revoked';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isFieldMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toFieldErrors(map: Record<string, unknown>): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(map)) {
    fields[field] = Array.isArray(messages) ? messages.map(String) : [String(messages)];
  }
  return fields;
}

/** Picks the scope GitLab needs: "api read_api" means either works, so name the smaller one. */
function pickScope(scope: unknown): string | undefined {
  const scopes = Array.isArray(scope) ? scope.map(String) : typeof scope === 'string' ? scope.split(/[\s,]+/) : [];
  const named = scopes.filter(Boolean);
  if (named.includes('read_api')) return 'read_api';
  return named[0];
}

export function readGitLabErrorBody(text: string, headers: Headers): GitLabErrorBody {
  const contentType = headers.get('content-type') ?? '';
  const isHtml = contentType.includes('text/html') || /^\s*<(!doctype|html)/i.test(text);
  const json = parseJson(text);
  const wwwAuthenticate = headers.get('www-authenticate') ?? '';
  const headerScope = /scope="([^"]*)"/.exec(wwwAuthenticate)?.[1];
  const result: GitLabErrorBody = {
    message: isHtml ? '' : text.trim().slice(0, 300),
    isHtml,
    insufficientScope: /insufficient_scope/.test(wwwAuthenticate),
  };
  if (isFieldMap(json)) {
    const { message, error, error_description: description, scope } = json;
    if (typeof message === 'string') result.message = message;
    else if (isFieldMap(message)) {
      result.fieldErrors = toFieldErrors(message);
      result.message = Object.entries(result.fieldErrors)
        .map(([field, messages]) => `${field} ${messages.join(', ')}`)
        .join('; ');
    } else if (typeof error === 'string') {
      result.message = typeof description === 'string' ? `${error}: ${description}` : error;
    }
    if (error === 'insufficient_scope') result.insufficientScope = true;
    const requiredScope = pickScope(scope) ?? pickScope(headerScope);
    if (requiredScope) result.requiredScope = requiredScope;
    const tokenText = typeof description === 'string' ? description : '';
    if (/expired/i.test(tokenText)) result.tokenProblem = 'expired';
    else if (/revoked/i.test(tokenText)) result.tokenProblem = 'revoked';
  } else if (/insufficient_scope/.test(text)) {
    result.insufficientScope = true;
  }
  return result;
}

/**
 * When a throttled request may be retried: `Retry-After` (seconds or an HTTP date), else
 * `RateLimit-Reset` (unix seconds). doc/administration/settings/user_and_ip_rate_limits.md.
 */
export function retryAtFromHeaders(headers: Headers, now: number): Date | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return new Date(now + Number(retryAfter) * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return new Date(date);
  }
  const reset = headers.get('ratelimit-reset')?.trim();
  if (reset && /^\d+$/.test(reset)) return new Date(Number(reset) * 1000);
  return undefined;
}
