/**
 * Survey suggestions (SPEC §6): a submit is validated, written to the outbox, then delivered
 * (utils/background/outbox.ts); the outbox list and its edit, resend and discard for the popup
 * and the form.
 */
import { MessageError, type OutboxItem } from '../../messages';
import { issueTitle, submissionDraftSchema, type SubmissionDraft } from '../../survey/submission';
import type { OutboxRecord } from '../../survey/outbox';
import type { Settings } from '../../settings';
import type { Outbox } from '../outbox';
import type { Handlers } from '../router';

type SurveyHandlers = Pick<Handlers, 'content:survey-submit' | 'content:survey-status' | 'content:survey-draft' | 'ui:survey-submit' | 'ui:outbox' | 'ui:outbox-change'>;

/** Where drafts are kept (browser.storage.local in the extension); only strings, size-limited. */
export interface DraftStore {
  load(): Promise<unknown>;
  save(drafts: Record<string, Record<string, string>>): Promise<void>;
}

const MAX_DRAFTS = 50;
const MAX_DRAFT_FIELD = 20_000;

export function toOutboxItem(record: OutboxRecord): OutboxItem {
  const { draft } = record;
  const base = {
    id: record.id,
    status: record.status,
    title: issueTitle(draft.suggestion),
    category: draft.category,
    createdAt: record.createdAt,
    draft: {
      suggestion: draft.suggestion,
      justification: draft.justification,
      category: draft.category,
      ...(draft.relatedIssue ? { relatedIssue: draft.relatedIssue } : {}),
      ...(draft.surveyProject === undefined ? {} : { surveyProject: draft.surveyProject }),
    },
  };
  switch (record.status) {
    case 'pending':
      return { ...base, nextAttemptAt: record.nextAttemptAt, ...(record.lastError ? { reason: record.lastError.message } : {}) };
    case 'unknown':
      return { ...base, nextAttemptAt: record.nextAttemptAt, reason: record.lastError.message };
    case 'sent':
      return { ...base, issueUrl: record.issue.web_url };
    case 'failed':
      return { ...base, reason: record.reason.message, fix: record.reason.fix };
    default:
      return base;
  }
}

/** The draft as the form sent it, with the survey project from the settings when one is set. */
function parseDraft(candidate: unknown, settings: Settings): { ok: true; draft: SubmissionDraft } | { ok: false; fieldErrors: Record<string, string> } {
  const fields = candidate && typeof candidate === 'object' ? (candidate as Record<string, unknown>) : {};
  const project = settings.survey.project;
  const parsed = submissionDraftSchema.safeParse({ ...fields, ...(project ? { surveyProject: /^\d+$/.test(project) ? Number(project) : project } : {}) });
  if (parsed.success) return { ok: true, draft: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.map(String).join('.') || 'form'] ??= issue.message;
  return { ok: false, fieldErrors };
}

function readDrafts(stored: unknown): Record<string, Record<string, string>> {
  if (!stored || typeof stored !== 'object') return {};
  return Object.fromEntries(
    Object.entries(stored as Record<string, unknown>).filter(
      (entry): entry is [string, Record<string, string>] => !!entry[1] && typeof entry[1] === 'object' && Object.values(entry[1]).every((value) => typeof value === 'string'),
    ),
  );
}

export function createSurveyHandlers(outbox: Outbox, loadSettings: () => Promise<Settings>, drafts: DraftStore): SurveyHandlers {
  const submit = async ({ draft }: { draft?: unknown }) => {
    const parsed = parseDraft(draft, await loadSettings());
    if (!parsed.ok) return parsed;
    return { ok: true as const, submission: toOutboxItem(await outbox.submit(parsed.draft)) };
  };
  return {
    'content:survey-submit': submit,
    'content:survey-status': async ({ id }) => {
      const record = (await outbox.list()).find((candidate) => candidate.id === id);
      return { submission: record ? toOutboxItem(record) : null };
    },
    'content:survey-draft': async ({ key, set }) => {
      const all = readDrafts(await drafts.load().catch(() => null));
      if (set === undefined) return { draft: all[key] ?? null };
      delete all[key];
      if (set) all[key] = Object.fromEntries(Object.entries(set).map(([field, value]) => [field, value.slice(0, MAX_DRAFT_FIELD)]));
      // The newest drafts are kept; a forgotten one from long ago makes room.
      const kept = Object.fromEntries(Object.entries(all).slice(-MAX_DRAFTS));
      await drafts.save(kept);
      return { draft: set ?? null };
    },
    'ui:survey-submit': submit,
    'ui:outbox': async () => ({
      submissions: (await outbox.list())
        .filter((record) => record.status !== 'discarded')
        .sort((a, b) => b.createdAt - a.createdAt)
        .map(toOutboxItem),
    }),
    'ui:outbox-change': async ({ id, action, draft }) => {
      if (action === 'discard') return { submission: toOutboxItem(await outbox.discard(id)) };
      const record = (await outbox.list()).find((candidate) => candidate.id === id);
      if (!record) throw new MessageError({ kind: 'invalid-request', message: 'That suggestion is no longer in the outbox.' });
      // Resend is an edit that keeps the text: the record goes back to pending (or to a lookup
      // first when an earlier send was never answered).
      const parsed = action === 'resend' ? ({ ok: true, draft: record.draft } as const) : parseDraft(draft, await loadSettings());
      if (!parsed.ok) throw new MessageError({ kind: 'invalid-request', message: Object.values(parsed.fieldErrors)[0] ?? 'The suggestion is not valid.' });
      return { submission: toOutboxItem(await outbox.edit(id, parsed.draft)) };
    },
  };
}
