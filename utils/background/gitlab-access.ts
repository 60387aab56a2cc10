/** How the background reaches GitLab: one client per GitLab address, token read fresh each request. */
import { GitLabClient } from '../gitlab/client';
import { isGitLabError } from '../gitlab/errors';
import type { ErrorInfo } from '../messages';
import type { ConnectionProbe } from './connection-test';

/** A client for "Test connection", with the token as typed (not yet saved). */
export function connectionProbe(gitlabUrl: string, token: string): ConnectionProbe {
  return new GitLabClient({ baseUrl: gitlabUrl, getToken: async () => token, maxRetries: 1, timeoutMs: 15_000 });
}

/** A GitLab failure in words the user can act on; anything else is a bug, said plainly. */
export function describeGitLabError(error: unknown): ErrorInfo {
  if (isGitLabError(error)) return { kind: error.kind, message: error.message };
  return { kind: 'internal', message: `Engineering Lens failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` };
}
