import type { GitLabErrorDetail, UnreachableReason } from './errors';

// The sentence a user reads for each failure: what happened and what to do about it.

const UNREACHABLE_REASONS: Record<UnreachableReason, string> = {
  dns: 'the host name could not be resolved',
  refused: 'the connection was refused',
  timeout: 'GitLab did not answer in time',
  offline: 'this computer is offline',
  'connection-lost': 'the connection was dropped',
  network: 'the network request failed',
};

const TOKEN_ADVICE = 'create a new personal access token with the read_api scope.';

function secondsUntil(date: Date, now: number): number {
  return Math.max(0, Math.ceil((date.getTime() - now) / 1000));
}

export function describeGitLabError(detail: GitLabErrorDetail, now: number): string {
  switch (detail.kind) {
    case 'bad-url':
      if (detail.reason === 'invalid-url') {
        return `"${detail.url}" is not a valid GitLab URL. Enter the address you open GitLab at, such as https://gitlab.com.`;
      }
      if (detail.reason === 'redirected') {
        const target = detail.location ? `redirected to ${detail.location}` : 'redirected to another address';
        return (
          `GitLab at ${detail.url} ${target}; Engineering Lens does not send your token anywhere but the GitLab URL you entered. ` +
          'Enter the URL GitLab really lives at (open it in a tab to see where it ends up).'
        );
      }
      if (detail.status !== undefined) {
        const mediaType = detail.contentType?.split(';')[0]?.trim().toLowerCase();
        const answer = mediaType ? `HTTP ${detail.status}, ${mediaType}` : `HTTP ${detail.status}`;
        return (
          `The server at ${detail.url || 'this address'} answered (${answer}) but not with GitLab's API: ` +
          'a sign-in page of a proxy or a captive portal may be in the way. ' +
          'Open the URL in a tab to check, or enter the address GitLab really lives at.'
        );
      }
      return `No GitLab API answered at ${detail.url}. Check the GitLab URL: it is the address you open GitLab at, without a project path.`;
    case 'unreachable':
      return `Could not reach ${detail.host}: ${UNREACHABLE_REASONS[detail.reason]}. Check the GitLab URL and your network or VPN, then try again.`;
    case 'unauthorized':
      if (detail.reason === 'missing-token') {
        return `No personal access token is set: ${TOKEN_ADVICE}`;
      }
      if (detail.reason === 'expired') return `GitLab rejected the token (401): it has expired. Please ${TOKEN_ADVICE}`;
      if (detail.reason === 'revoked') return `GitLab rejected the token (401): it was revoked. Please ${TOKEN_ADVICE}`;
      return `GitLab rejected the token (401). It may be expired or revoked: ${TOKEN_ADVICE}`;
    case 'forbidden':
      if (detail.missingScope) {
        return `The token lacks the ${detail.missingScope} scope this needs (403): create a personal access token with the ${detail.missingScope} scope.`;
      }
      return `GitLab refused access (403)${detail.gitlabMessage ? `: ${detail.gitlabMessage}` : ''}. Your account may lack the role this needs, or the feature is not in your GitLab tier.`;
    case 'not-found':
      return 'GitLab found nothing here (404): it does not exist, or the token’s user cannot see it.';
    case 'rate-limited':
      return detail.retryAt
        ? `GitLab is limiting requests (429). Trying again in ${secondsUntil(detail.retryAt, now)} s.`
        : 'GitLab is limiting requests (429). Try again in a minute.';
    case 'server':
      return `GitLab had a server error (${detail.status}). Try again later.`;
    case 'bad-request':
      return `GitLab rejected the request: ${detail.gitlabMessage}`;
    case 'invalid-payload': {
      const first = detail.problems[0];
      const where = first ? ` First: ${first.path || first.context}: ${first.message}.` : '';
      return `GitLab sent data this extension could not read (${detail.problems.length} problem(s)).${where}`;
    }
  }
}
