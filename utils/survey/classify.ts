/**
 * Maps the GitLab client's errors onto what they mean for a survey submission. The question is
 * never only "retry or not" but "could GitLab have created the issue?": when it could, the
 * outbox must look before it sends again.
 */
import { isGitLabError } from '../gitlab/errors';
import type { DeliveryFailure } from './deliver';

export function classifySurveyError(error: unknown): DeliveryFailure {
  if (!isGitLabError(error)) {
    // A bug or an unexpected rejection: we cannot say the request did not land.
    return { kind: 'transient', transient: 'network', message: error instanceof Error ? error.message : String(error) };
  }
  const detail = error.detail;
  const message = error.message;
  switch (detail.kind) {
    case 'forbidden':
      if (detail.missingScope !== undefined) return { kind: 'permanent', permanent: 'scope', message };
      return {
        kind: 'permanent',
        permanent: 'other-permanent',
        message,
        fix: 'Your GitLab account cannot create issues in the survey project. Ask for access, or choose another survey project in Engineering Lens settings, then resend.',
      };
    case 'unauthorized':
      return {
        kind: 'permanent',
        permanent: 'other-permanent',
        message,
        fix: 'GitLab did not accept the token. Add a personal access token with the api scope in Engineering Lens settings, then resend.',
      };
    case 'not-found':
      return { kind: 'permanent', permanent: 'not-found', message };
    case 'bad-request':
      return { kind: 'permanent', permanent: 'validation', message, fix: `GitLab rejected the suggestion: ${detail.gitlabMessage}. Edit it, then resend.` };
    case 'bad-url':
      return { kind: 'permanent', permanent: 'other-permanent', message, fix: 'Check the GitLab address in Engineering Lens settings, then resend.' };
    case 'rate-limited':
      return { kind: 'transient', transient: 'rate-limited', message, ...(detail.retryAt ? { retryAt: detail.retryAt.getTime() } : {}) };
    case 'server':
      return { kind: 'transient', transient: 'server', message };
    case 'invalid-payload':
      // A 2xx we could not read: the issue most likely exists, so this must end in a lookup.
      return { kind: 'transient', transient: 'server', message };
    case 'unreachable':
      // Only DNS failures and refused connections prove nothing was sent; "offline" is judged
      // after the failure and may mean the network dropped mid-request.
      if (detail.reason === 'dns' || detail.reason === 'refused') return { kind: 'transient', transient: 'unreachable', message };
      return { kind: 'transient', transient: detail.reason === 'timeout' ? 'timeout' : 'network', message };
  }
}
