/**
 * "Test connection" on the options page: who does this token belong to, which scopes does it
 * have and when does it expire (`GET /user`, `GET /personal_access_tokens/self`, API.md).
 */
import type { ConnectionReport, ErrorInfo } from '../messages';
import { normalizeGitLabUrl } from '../gitlab-url';
import { tokenProblem } from '../settings';

export interface ConnectionProbe {
  getCurrentUser(): Promise<{ username: string; name: string }>;
  getTokenInfo(): Promise<{ name?: string | null; scopes: string[]; expires_at: string | null }>;
  /** Used by Save to check the team's paths with the token being saved. */
  getProject(path: string): Promise<unknown>;
  getGroup(path: string): Promise<unknown>;
}

export interface ConnectionTestDeps {
  createProbe(gitlabUrl: string, token: string): ConnectionProbe;
  describeError(error: unknown): ErrorInfo;
}

export async function testConnection(
  input: { gitlabUrl: string; token: string },
  deps: ConnectionTestDeps,
): Promise<ConnectionReport> {
  const url = normalizeGitLabUrl(input.gitlabUrl);
  if (!url.ok) {
    return { ok: false, error: { kind: 'bad-url', message: url.message }, fieldErrors: { gitlabUrl: url.message } };
  }
  const token = input.token.trim();
  if (!token) {
    const message = 'Enter a personal access token with the read_api scope.';
    return { ok: false, error: { kind: 'unauthorized', message }, fieldErrors: { token: message } };
  }
  // Checked before sending: a pasted invisible character would otherwise look like a network failure.
  const problem = tokenProblem(token);
  if (problem) return { ok: false, error: { kind: 'unauthorized', message: problem }, fieldErrors: { token: problem } };
  const probe = deps.createProbe(url.url, token);
  try {
    // /user first: it tells a wrong host or a bad token apart before we read token details.
    const user = await probe.getCurrentUser();
    const info = await probe.getTokenInfo();
    return {
      ok: true,
      gitlabUrl: url.url,
      user: { username: user.username, name: user.name },
      token: { name: info.name ?? null, scopes: info.scopes, expiresAt: info.expires_at },
    };
  } catch (error) {
    return { ok: false, error: deps.describeError(error) };
  }
}
