/**
 * Survey suggestions (SPEC §6): a submit is validated, written to the outbox, then delivered
 * (utils/background/outbox.ts); the outbox list and its edit, resend and discard for the popup
 * and the form.
 */
import { MessageError, type OutboxItem } from '../../messages';
import { issueTitle, submissionDraftSchema, submissionIdSchema, type SubmissionDraft } from '../../survey/submission';
import type { OutboxRecord } from '../../survey/outbox';
import type { Settings } from '../../settings';
import type { GitLabClient } from '../../gitlab/client';
import type { Outbox } from '../outbox';
import { missingApiScope, type TokenScopes } from '../token-scopes';
import type { Handlers } from '../router';

type SurveyHandlers = Pick<
  Handlers,
  | 'content:survey-submit'
  | 'content:survey-status'
  | 'content:survey-draft'
  | 'content:survey-context'
  | 'ui:survey-submit'
  | 'ui:survey-draft'
  | 'ui:survey-status'
  | 'ui:survey-context'
  | 'ui:outbox'
  | 'ui:outbox-change'
>;

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

const projectRef = (path: string): string | number => (/^\d+$/.test(path) ? Number(path) : path);

/**
 * The draft as the form sent it. The survey project setting wins; without one the popup's own
 * field counts (`ownProject`), and an issue page's suggestion goes to the issue's project.
 */
function parseDraft(candidate: unknown, settings: Settings, ownProject: boolean): { ok: true; draft: SubmissionDraft } | { ok: false; fieldErrors: Record<string, string> } {
  const { surveyProject, ...fields } = candidate && typeof candidate === 'object' ? (candidate as Record<string, unknown>) : {};
  const project = settings.survey.project || (ownProject && typeof surveyProject === 'string' ? surveyProject.trim() : '');
  const parsed = submissionDraftSchema.safeParse({ ...fields, ...(project ? { surveyProject: projectRef(project) } : {}) });
  if (parsed.success) return { ok: true, draft: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.map(String).join('.') || 'form'] ??= issue.message;
  // The popup has a field of its own for it.
  if (ownProject && fieldErrors.surveyProject && !project) fieldErrors.surveyProject = 'Enter the project to file the suggestion in, or set the survey project in settings.';
  return { ok: false, fieldErrors };
}

function readDrafts(stored: unknown): Record<string, Record<string, string>> {
  if (!stored || typeof stored !== 'object') return {};
  return Object.fromEntries(
    Object.entries(stored as Record<string, unknown>).filter(
      (entry): entry is [string, Record<string, string>] =>
        !!entry[1] && typeof entry[1] === 'object' && !Array.isArray(entry[1]) && Object.values(entry[1]).every((value) => typeof value === 'string'),
    ),
  );
}

export interface SurveyDeps {
  outbox: Outbox;
  loadSettings: () => Promise<Settings>;
  drafts: DraftStore;
  /** The configured GitLab's client; rejects when Engineering Lens is not set up. */
  client: () => Promise<GitLabClient>;
  tokenScopes: TokenScopes;
  /** A submit is answered within this (default 2 s) even while the delivery goes on. */
  replyWithinMs?: number;
}

export function createSurveyHandlers({ outbox, loadSettings, drafts, client, tokenScopes, replyWithinMs = 2_000 }: SurveyDeps): SurveyHandlers {
  const status = async ({ id }: { id: string }) => {
    const record = (await outbox.list()).find((candidate) => candidate.id === id);
    return { submission: record ? toOutboxItem(record) : null };
  };
  const submit =
    (ownProject: boolean) =>
    async ({ draft }: { draft?: unknown }) => {
      const parsed = parseDraft(draft, await loadSettings(), ownProject);
      if (!parsed.ok) return parsed;
      const formId = submissionIdSchema.safeParse(draft && typeof draft === 'object' ? (draft as Record<string, unknown>).id : undefined);
      // Answered once delivered, or once stored when GitLab is slow: the form then follows the
      // state, and a worker stopped mid-request cannot leave it without an answer.
      const { record, delivered } = await outbox.enqueue(parsed.draft, formId.success ? formId.data : undefined);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stored = new Promise<OutboxRecord>((resolve) => (timer = setTimeout(() => resolve(record), replyWithinMs)));
      const shown = await Promise.race([delivered, stored]).finally(() => clearTimeout(timer));
      return { ok: true as const, submission: toOutboxItem(shown) };
    };
  const draftHandler = async ({ key, set }: { key: string; set?: Record<string, string> | null | undefined }) => {
    const all = readDrafts(await drafts.load().catch(() => null));
    if (set === undefined) return { draft: all[key] ?? null };
    delete all[key];
    const kept = set ? Object.fromEntries(Object.entries(set).map(([field, value]) => [field, value.slice(0, MAX_DRAFT_FIELD)])) : null;
    if (kept) all[key] = kept;
    // The newest drafts are kept; a forgotten one from long ago makes room.
    await drafts.save(Object.fromEntries(Object.entries(all).slice(-MAX_DRAFTS)));
    return { draft: kept };
  };
  /** Told before submit: where it goes, and whether the token can file it at all. */
  const context = (popup: boolean) => async () => {
    const settings = await loadSettings();
    const { group, projects } = settings.team;
    const onlyTeamProject = popup && !group && projects.length === 1 ? projects[0]! : null;
    const surveyProject = settings.survey.project || onlyTeamProject;
    const gitlab = await client().catch(() => null);
    const blocked = gitlab
      ? missingApiScope(await tokenScopes(gitlab), 'Sending a suggestion')
      : 'Engineering Lens is not set up: add your GitLab and a token with the api scope in its settings.';
    return { surveyProject, fromSetting: Boolean(settings.survey.project), ...(blocked ? { blocked: `${blocked} What you write is kept until then.` } : {}) };
  };
  return {
    'content:survey-submit': submit(false),
    'content:survey-status': status,
    'content:survey-draft': draftHandler,
    'content:survey-context': context(false),
    'ui:survey-submit': submit(true),
    'ui:survey-draft': draftHandler,
    'ui:survey-status': status,
    'ui:survey-context': context(true),
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
      // first when an earlier send was never answered). Either follows a survey project set
      // since (the fix a 404 names); without one, the suggestion's own project stays.
      const edited = action === 'edit' && draft && typeof draft === 'object' ? draft : {};
      const parsed = parseDraft({ ...record.draft, surveyProject: String(record.draft.surveyProject), ...edited }, await loadSettings(), true);
      if (!parsed.ok) throw new MessageError({ kind: 'invalid-request', message: Object.values(parsed.fieldErrors)[0] ?? 'The suggestion is not valid.' });
      return { submission: toOutboxItem(await outbox.edit(id, parsed.draft)) };
    },
  };
}
