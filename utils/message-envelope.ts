/**
 * The zod-free part of messaging: the answer envelope, the typed error and the background's
 * push. The content script imports only this (and types), which keeps zod out of its bundle
 * (SPEC §9: under 90 KB gzip); the background validates every request with the schemas in
 * messages.ts.
 */

export interface ErrorInfo {
  /** Typed cause (utils/gitlab/errors.ts kinds, or `invalid-request`, `forbidden-sender`, `internal`...). */
  kind: string;
  message: string;
}

/** The wire answer: `{ ok: true, data }` or `{ ok: false, error }`. */
export type Answer<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

export class MessageError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'MessageError';
  }
}

/** Checks the envelope of an answer from the background; null when it is not one. */
export function readAnswer(raw: unknown): Answer<unknown> | null {
  if (!raw || typeof raw !== 'object') return null;
  const answer = raw as Record<string, unknown>;
  if (answer.ok === true && 'data' in answer) return { ok: true, data: answer.data };
  const error = answer.error as Record<string, unknown> | undefined;
  if (answer.ok === false && typeof error?.kind === 'string' && typeof error.message === 'string') {
    return { ok: false, error: { kind: error.kind, message: error.message } };
  }
  return null;
}

/** Background → content script: data a tab showed has changed; ask again. */
export const DATA_CHANGED_PUSH = 'push:data-changed';

export function isDataChangedPush(message: unknown): message is { name: typeof DATA_CHANGED_PUSH; scope: string } {
  const record = message as Record<string, unknown> | null;
  return !!record && record.name === DATA_CHANGED_PUSH && typeof record.scope === 'string';
}
