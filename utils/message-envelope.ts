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

/**
 * Background → content script: a sync the tab waited for ended. `ok`: data came in (ask again if
 * you show this scope); otherwise the run failed and `error` says why (nothing new to ask for).
 */
export const SYNC_ENDED_PUSH = 'push:sync-ended';
/** Saved settings changed (rules, targets): overlays ask again, without a reload. */
export const SETTINGS_CHANGED_PUSH = 'push:settings-changed';

export function isSettingsChangedPush(message: unknown): boolean {
  return (message as Record<string, unknown> | null)?.name === SETTINGS_CHANGED_PUSH;
}

export type SyncOutcome = { ok: true } | { ok: false; error: ErrorInfo };

export type SyncEndedPush = { name: typeof SYNC_ENDED_PUSH; scope: string } & SyncOutcome;

export function isSyncEndedPush(message: unknown): message is SyncEndedPush {
  const record = message as Record<string, unknown> | null;
  if (!record || record.name !== SYNC_ENDED_PUSH || typeof record.scope !== 'string') return false;
  if (record.ok === true) return true;
  const error = record.error as Record<string, unknown> | undefined;
  return record.ok === false && typeof error?.kind === 'string' && typeof error.message === 'string';
}

/**
 * Background → extension pages (the popup), over a port named SYNC_PROGRESS_PORT: a sync stored a
 * page or a resource started or ended. Streamed instead of polled, so nothing is read or
 * computed while no page is looking.
 */
export const SYNC_PROGRESS_PORT = 'lens:sync-progress';
export type SyncProgressPush = { resourceId: string; phase: 'started' | 'page' | 'done' | 'unavailable' | 'failed'; itemsInRun: number };

export function isSyncProgressPush(message: unknown): message is SyncProgressPush {
  const record = message as Record<string, unknown> | null;
  return (
    typeof record?.resourceId === 'string' &&
    typeof record.itemsInRun === 'number' &&
    ['started', 'page', 'done', 'unavailable', 'failed'].includes(record.phase as string)
  );
}
