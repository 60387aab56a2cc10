import { GitLabError } from './errors';

// When a failed request is tried again, and after how long.
// - 429: always (GitLab rejected it before doing anything), after Retry-After when given.
//   gitbeaker's bundled retry ignores Retry-After (ARCHITECTURE.md), which is why this is ours.
// - 5xx and dropped connections: exponential backoff with jitter, capped, but only for
//   idempotent methods: a POST that reached GitLab may have created the issue, so creating
//   is retried by the outbox, which first looks for the submission id (SPEC §6).
// - Timeouts are not retried here: a request that took timeoutMs would likely take it again,
//   and sync resumes from its saved cursor on the next run.

export interface RetryPolicy {
  maxRetries: number;
  /** Longest wait we accept in the worker; longer Retry-After values end the attempt instead. */
  maxRetryDelayMs: number;
  baseDelayMs: number;
  maxBackoffMs: number;
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  maxRetryDelayMs: 60_000,
  baseDelayMs: 500,
  maxBackoffMs: 30_000,
  random: Math.random,
};

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** "Equal jitter": half the exponential delay plus a random share of the other half. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy): number {
  const exponential = Math.min(policy.maxBackoffMs, policy.baseDelayMs * 2 ** attempt);
  return exponential / 2 + policy.random() * (exponential / 2);
}

/** Milliseconds to wait before retrying, or null to give up with `error`. */
export function retryDelayMs(
  error: GitLabError,
  attempt: number,
  method: string,
  policy: RetryPolicy,
  now: number,
): number | null {
  if (attempt >= policy.maxRetries) return null;
  const detail = error.detail;
  if (detail.kind === 'rate-limited') {
    return detail.retryAt ? Math.max(0, detail.retryAt.getTime() - now) : backoffDelayMs(attempt, policy);
  }
  if (!IDEMPOTENT_METHODS.has(method)) return null;
  if (detail.kind === 'server') return backoffDelayMs(attempt, policy);
  if (detail.kind === 'unreachable' && detail.reason !== 'timeout' && detail.reason !== 'offline') {
    return backoffDelayMs(attempt, policy);
  }
  return null;
}
