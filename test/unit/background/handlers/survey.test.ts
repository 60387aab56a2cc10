/**
 * Protects the survey's messages (utils/background/handlers/survey.ts): where a suggestion goes
 * (the survey project setting, the issue page's project, the popup's own field), what the form
 * is told before submit (the api scope, not set up), the unsent drafts, and the outbox list with
 * its edit, resend and discard. A real outbox over fake-indexeddb, a fake GitLab.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createSurveyHandlers } from '../../../../utils/background/handlers/survey';
import { createOutbox } from '../../../../utils/background/outbox';
import { createTokenScopes } from '../../../../utils/background/token-scopes';
import { openOutboxDb, outboxStore, type OutboxDb } from '../../../../utils/db/outbox-db';
import type { GitLabClient } from '../../../../utils/gitlab/client';
import { GitLabError } from '../../../../utils/gitlab/errors';
import { MessageError } from '../../../../utils/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../../../utils/settings';
import type { ProjectRef } from '../../../../utils/survey/submission';
import { draft as outboxDraft, OTHER_ID, T0 } from '../../survey/fixtures';

const sender = {};
const RELATED = { projectPath: 'acme/web', iid: 42, url: 'https://gitlab.example.com/acme/web/-/issues/42' };
const ANSWERS = { suggestion: 'Make the CI cache survive runner restarts', justification: 'Pipelines would be 4 minutes faster.', category: 'developer efficiency' };

function settingsWith({ project = '', group = '', projects = [] as string[] } = {}): Settings {
  return { ...DEFAULT_SETTINGS, team: { ...DEFAULT_SETTINGS.team, group, projects }, survey: { project } };
}

/** A GitLab that files issues, answers 404 for the projects in `missing`, and tells its token's scopes. */
function fakeGitLab() {
  const created: Array<{ project: ProjectRef; title: string; description: string }> = [];
  const missing = new Set<ProjectRef>();
  const token: { scopes: string[] | 'cannot-say' } = { scopes: ['api'] };
  let tokenAsked = 0;
  const client = {
    async createIssue(project: ProjectRef, issue: { title: string; description: string }) {
      if (missing.has(project)) throw new GitLabError({ kind: 'not-found', gitlabMessage: '404 Project Not Found' });
      created.push({ project, title: issue.title, description: issue.description });
      return { iid: created.length, web_url: `https://gitlab.example.com/${String(project)}/-/issues/${created.length}` };
    },
    async *listProjectIssues() {
      yield { items: [] };
    },
    async getTokenInfo() {
      tokenAsked += 1;
      if (token.scopes === 'cannot-say') throw new GitLabError({ kind: 'not-found' });
      return { id: 1, name: 'lens', scopes: token.scopes, active: true, revoked: false };
    },
  };
  return { client: client as unknown as GitLabClient, created, missing, token, tokenAsked: () => tokenAsked };
}

let count = 0;
const opened: OutboxDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

async function setUp({ settings = settingsWith(), setUpGitLab = true, storedDrafts = undefined as unknown } = {}) {
  const db = await openOutboxDb(`survey-handlers-test-${++count}`);
  opened.push(db);
  const gitlab = fakeGitLab();
  const state = { settings, setUp: setUpGitLab, storedDrafts };
  const clock = { now: T0 };
  let byte = 0;
  const client = async () => (state.setUp ? gitlab.client : Promise.reject(new Error('Engineering Lens is not set up.')));
  const outbox = createOutbox({
    store: async () => outboxStore(db),
    client,
    now: () => clock.now,
    random: () => 0,
    randomBytes: (n) => new Uint8Array(n).map(() => ++byte % 256),
    schedule: () => {},
  });
  const handlers = createSurveyHandlers({
    outbox,
    loadSettings: async () => state.settings,
    drafts: {
      load: async () => state.storedDrafts,
      save: async (drafts) => {
        state.storedDrafts = structuredClone(drafts);
      },
    },
    client,
    tokenScopes: createTokenScopes(),
  });
  return { handlers, gitlab, state, clock, db };
}

describe('what the form is told before submit', () => {
  it('names the survey project setting, to the issue page and to the popup', async () => {
    const { handlers } = await setUp({ settings: settingsWith({ project: 'acme/survey', projects: ['acme/web'] }) });
    expect(await handlers['content:survey-context']({}, sender)).toEqual({ surveyProject: 'acme/survey', fromSetting: true });
    expect(await handlers['ui:survey-context']({}, sender)).toEqual({ surveyProject: 'acme/survey', fromSetting: true });
  });

  it("without a setting, the popup gets a one-project team's project; the issue page never does", async () => {
    const { handlers } = await setUp({ settings: settingsWith({ projects: ['acme/web'] }) });
    // Only a suggestion: the popup's field can still name another project.
    expect(await handlers['ui:survey-context']({}, sender)).toEqual({ surveyProject: 'acme/web', fromSetting: false });
    expect(await handlers['content:survey-context']({}, sender)).toEqual({ surveyProject: null, fromSetting: false });
  });

  it('without a setting, a team with a group or several projects names no project', async () => {
    const withGroup = await setUp({ settings: settingsWith({ group: 'acme', projects: ['acme/web'] }) });
    expect(await withGroup.handlers['ui:survey-context']({}, sender)).toEqual({ surveyProject: null, fromSetting: false });
    const twoProjects = await setUp({ settings: settingsWith({ projects: ['acme/web', 'acme/api'] }) });
    expect(await twoProjects.handlers['ui:survey-context']({}, sender)).toEqual({ surveyProject: null, fromSetting: false });
    const noTeam = await setUp();
    expect(await noTeam.handlers['ui:survey-context']({}, sender)).toEqual({ surveyProject: null, fromSetting: false });
  });

  it('a read_api token: blocked, naming the api scope and the one it has, and the text is kept', async () => {
    const { handlers, gitlab } = await setUp({ settings: settingsWith({ project: 'acme/survey' }) });
    gitlab.token.scopes = ['read_api'];
    const expected = {
      surveyProject: 'acme/survey',
      fromSetting: true,
      blocked: 'Sending a suggestion needs a token with the api scope; this one has read_api. Add such a token in Engineering Lens settings. What you write is kept until then.',
    };
    expect(await handlers['ui:survey-context']({}, sender)).toEqual(expected);
    expect(await handlers['content:survey-context']({}, sender)).toEqual(expected);
    // The scopes were asked once for this client.
    expect(gitlab.tokenAsked()).toBe(1);
  });

  it('an api token, or a GitLab that cannot say its scopes: not blocked', async () => {
    const api = await setUp();
    api.gitlab.token.scopes = ['read_api', 'api'];
    expect(await api.handlers['ui:survey-context']({}, sender)).toEqual({ surveyProject: null, fromSetting: false });
    const cannotSay = await setUp();
    cannotSay.gitlab.token.scopes = 'cannot-say';
    expect(await cannotSay.handlers['content:survey-context']({}, sender)).toEqual({ surveyProject: null, fromSetting: false });
  });

  it('not set up: blocked, saying so, and the text is kept', async () => {
    const { handlers } = await setUp({ setUpGitLab: false });
    expect(await handlers['content:survey-context']({}, sender)).toEqual({
      surveyProject: null,
      fromSetting: false,
      blocked: 'Engineering Lens is not set up: add your GitLab and a token with the api scope in its settings. What you write is kept until then.',
    });
  });
});

describe('where a submitted suggestion goes', () => {
  it('the survey project setting wins over the issue page and the popup field', async () => {
    const { handlers, gitlab } = await setUp({ settings: settingsWith({ project: 'acme/survey' }) });
    const fromPage = await handlers['content:survey-submit']({ draft: { ...ANSWERS, relatedIssue: RELATED, surveyProject: 'acme/elsewhere' } }, sender);
    const fromPopup = await handlers['ui:survey-submit']({ draft: { ...ANSWERS, surveyProject: 'acme/mine' } }, sender);
    expect(gitlab.created.map((issue) => issue.project)).toEqual(['acme/survey', 'acme/survey']);
    expect(fromPage).toMatchObject({ ok: true, submission: { status: 'sent', issueUrl: 'https://gitlab.example.com/acme/survey/-/issues/1', draft: { surveyProject: 'acme/survey' } } });
    expect(fromPopup).toMatchObject({ ok: true, submission: { status: 'sent', issueUrl: 'https://gitlab.example.com/acme/survey/-/issues/2' } });
  });

  it("without a setting, an issue page's suggestion goes to the issue's project, whatever project the draft names", async () => {
    const { handlers, gitlab } = await setUp();
    const answer = await handlers['content:survey-submit']({ draft: { ...ANSWERS, relatedIssue: RELATED, surveyProject: 'acme/elsewhere' } }, sender);
    expect(gitlab.created.map((issue) => issue.project)).toEqual(['acme/web']);
    expect(answer).toMatchObject({ ok: true, submission: { title: ANSWERS.suggestion, category: 'developer efficiency', draft: { surveyProject: 'acme/web', relatedIssue: RELATED } } });
  });

  it("without a setting, an issue page's draft without its issue cannot be filed anywhere", async () => {
    const { handlers, gitlab } = await setUp();
    expect(await handlers['content:survey-submit']({ draft: { ...ANSWERS, surveyProject: 'acme/elsewhere' } }, sender)).toEqual({
      ok: false,
      fieldErrors: { surveyProject: 'Choose the survey project in settings.' },
    });
    expect(gitlab.created).toEqual([]);
  });

  it("without a setting, the popup's own project is used, trimmed", async () => {
    const { handlers, gitlab } = await setUp({ settings: settingsWith({ projects: ['acme/web'] }) });
    const answer = await handlers['ui:survey-submit']({ draft: { ...ANSWERS, surveyProject: '  acme/popup-choice ' } }, sender);
    expect(gitlab.created.map((issue) => issue.project)).toEqual(['acme/popup-choice']);
    expect(answer).toMatchObject({ ok: true, submission: { status: 'sent', draft: { surveyProject: 'acme/popup-choice' } } });
  });

  it('a project given by its id is sent as a number, from the popup or from the setting', async () => {
    const popup = await setUp();
    await popup.handlers['ui:survey-submit']({ draft: { ...ANSWERS, surveyProject: '1234' } }, sender);
    expect(popup.gitlab.created.map((issue) => issue.project)).toEqual([1234]);
    const setting = await setUp({ settings: settingsWith({ project: '42' }) });
    await setting.handlers['content:survey-submit']({ draft: { ...ANSWERS, relatedIssue: RELATED } }, sender);
    expect(setting.gitlab.created.map((issue) => issue.project)).toEqual([42]);
  });

  it('the popup without any project: a field error on the project, nothing in the outbox', async () => {
    const { handlers, gitlab } = await setUp();
    expect(await handlers['ui:survey-submit']({ draft: { ...ANSWERS, surveyProject: '   ' } }, sender)).toEqual({
      ok: false,
      fieldErrors: { surveyProject: 'Enter the project to file the suggestion in, or set the survey project in settings.' },
    });
    expect(await handlers['ui:outbox']({}, sender)).toEqual({ submissions: [] });
    expect(gitlab.created).toEqual([]);
  });

  it('unanswered questions and no category: an error on each field, nothing in the outbox', async () => {
    const { handlers, gitlab } = await setUp({ settings: settingsWith({ project: 'acme/survey' }) });
    expect(await handlers['ui:survey-submit']({ draft: { suggestion: '   ', surveyProject: 'acme/survey' } }, sender)).toEqual({
      ok: false,
      fieldErrors: { suggestion: 'Enter an answer.', justification: 'Enter an answer.', category: 'Choose a category.' },
    });
    expect(await handlers['content:survey-submit']({ draft: null }, sender)).toMatchObject({ ok: false, fieldErrors: { suggestion: 'Enter an answer.' } });
    expect(await handlers['ui:outbox']({}, sender)).toEqual({ submissions: [] });
    expect(gitlab.created).toEqual([]);
  });

  it('not set up: the suggestion is kept in the outbox, pending', async () => {
    const { handlers, gitlab } = await setUp({ settings: settingsWith({ project: 'acme/survey' }), setUpGitLab: false });
    const answer = await handlers['ui:survey-submit']({ draft: ANSWERS }, sender);
    expect(answer).toMatchObject({ ok: true, submission: { status: 'pending', title: ANSWERS.suggestion } });
    expect((await handlers['ui:outbox']({}, sender)).submissions.map((item) => item.status)).toEqual(['pending']);
    expect(gitlab.created).toEqual([]);
  });
});

describe('unsent drafts', () => {
  it('saves a draft under its key, gives it back, and nothing under another key', async () => {
    const { handlers, state } = await setUp();
    const fields = { suggestion: 'Half a thought', category: 'security' };
    expect(await handlers['content:survey-draft']({ key: 'acme/web#42', set: fields }, sender)).toEqual({ draft: fields });
    expect(await handlers['content:survey-draft']({ key: 'acme/web#42' }, sender)).toEqual({ draft: fields });
    expect(await handlers['content:survey-draft']({ key: 'acme/web#43' }, sender)).toEqual({ draft: null });
    expect(state.storedDrafts).toEqual({ 'acme/web#42': fields });
  });

  it('null clears the draft, and only that one', async () => {
    const { handlers, state } = await setUp();
    await handlers['ui:survey-draft']({ key: 'popup', set: { suggestion: 'a' } }, sender);
    await handlers['ui:survey-draft']({ key: 'acme/web#1', set: { suggestion: 'b' } }, sender);
    expect(await handlers['ui:survey-draft']({ key: 'popup', set: null }, sender)).toEqual({ draft: null });
    expect(await handlers['ui:survey-draft']({ key: 'popup' }, sender)).toEqual({ draft: null });
    expect(state.storedDrafts).toEqual({ 'acme/web#1': { suggestion: 'b' } });
  });

  it('keeps at most 20,000 characters of a field', async () => {
    const { handlers, state } = await setUp();
    await handlers['ui:survey-draft']({ key: 'popup', set: { suggestion: 'x'.repeat(25_000), justification: 'short' } }, sender);
    const { draft } = await handlers['ui:survey-draft']({ key: 'popup' }, sender);
    expect(draft?.suggestion).toBe('x'.repeat(20_000));
    expect(draft?.justification).toBe('short');
    expect((state.storedDrafts as Record<string, Record<string, string>>).popup!.suggestion).toHaveLength(20_000);
  });

  it('keeps the 50 most recently saved drafts: the one saved longest ago makes room', async () => {
    const { handlers, state } = await setUp();
    for (let n = 1; n <= 50; n++) await handlers['content:survey-draft']({ key: `acme/web#${n}`, set: { suggestion: `draft ${n}` } }, sender);
    // #1 is saved again, so #2 is now the oldest.
    await handlers['content:survey-draft']({ key: 'acme/web#1', set: { suggestion: 'draft 1, again' } }, sender);
    await handlers['content:survey-draft']({ key: 'acme/web#51', set: { suggestion: 'draft 51' } }, sender);
    const keys = Object.keys(state.storedDrafts as object);
    expect(keys).toHaveLength(50);
    expect(keys).not.toContain('acme/web#2');
    expect(await handlers['content:survey-draft']({ key: 'acme/web#2' }, sender)).toEqual({ draft: null });
    expect(await handlers['content:survey-draft']({ key: 'acme/web#1' }, sender)).toEqual({ draft: { suggestion: 'draft 1, again' } });
    expect(await handlers['content:survey-draft']({ key: 'acme/web#3' }, sender)).toEqual({ draft: { suggestion: 'draft 3' } });
  });

  it('ignores storage that is not drafts, and entries that are not drafts, keeping the good ones', async () => {
    const notAnObject = await setUp({ storedDrafts: 'not drafts' });
    expect(await notAnObject.handlers['ui:survey-draft']({ key: 'popup' }, sender)).toEqual({ draft: null });
    await notAnObject.handlers['ui:survey-draft']({ key: 'popup', set: { suggestion: 'new' } }, sender);
    expect(notAnObject.state.storedDrafts).toEqual({ popup: { suggestion: 'new' } });

    const mixed = await setUp({ storedDrafts: { good: { suggestion: 'kept' }, number: { suggestion: 5 }, empty: null, text: 'x' } });
    expect(await mixed.handlers['ui:survey-draft']({ key: 'number' }, sender)).toEqual({ draft: null });
    expect(await mixed.handlers['ui:survey-draft']({ key: 'text' }, sender)).toEqual({ draft: null });
    expect(await mixed.handlers['ui:survey-draft']({ key: 'good' }, sender)).toEqual({ draft: { suggestion: 'kept' } });
    await mixed.handlers['ui:survey-draft']({ key: 'popup', set: { suggestion: 'new' } }, sender);
    expect(mixed.state.storedDrafts).toEqual({ good: { suggestion: 'kept' }, popup: { suggestion: 'new' } });
  });
});

describe('the outbox in the popup', () => {
  it('lists suggestions newest first, without discarded ones', async () => {
    const { handlers, clock, db } = await setUp({ settings: settingsWith({ project: 'acme/survey' }), setUpGitLab: false });
    await handlers['ui:survey-submit']({ draft: { ...ANSWERS, suggestion: 'Older' } }, sender);
    clock.now = T0 + 60_000;
    await handlers['ui:survey-submit']({ draft: { ...ANSWERS, suggestion: 'Newer' } }, sender);
    // One a worker discarded, newest of all.
    await outboxStore(db).put({ ...recordOf('Discarded'), createdAt: T0 + 120_000 });
    const { submissions } = await handlers['ui:outbox']({}, sender);
    expect(submissions.map((item) => [item.title, item.status])).toEqual([
      ['Newer', 'pending'],
      ['Older', 'pending'],
    ]);
  });

  it('resend after a 404 goes to the survey project set since', async () => {
    const { handlers, gitlab, state } = await setUp();
    gitlab.missing.add('acme/gone');
    const first = await handlers['ui:survey-submit']({ draft: { ...ANSWERS, surveyProject: 'acme/gone' } }, sender);
    expect(first).toMatchObject({ ok: true, submission: { status: 'failed' } });
    const id = first.ok ? first.submission.id : '';
    state.settings = settingsWith({ project: 'acme/survey' });
    const { submission } = await handlers['ui:outbox-change']({ id, action: 'resend' }, sender);
    // The answer is the record as the delivery that followed at once left it.
    expect(submission).toMatchObject({ id, status: 'sent', draft: { ...ANSWERS, surveyProject: 'acme/survey' } });
    expect(await listed(handlers, id)).toMatchObject({ status: 'sent', issueUrl: 'https://gitlab.example.com/acme/survey/-/issues/1', draft: { surveyProject: 'acme/survey' } });
    expect(gitlab.created.map((issue) => [issue.project, issue.title])).toEqual([['acme/survey', ANSWERS.suggestion]]);
  });

  it('resend without a setting tries the same project again', async () => {
    const { handlers, gitlab } = await setUp();
    gitlab.missing.add('acme/web');
    const first = await handlers['content:survey-submit']({ draft: { ...ANSWERS, relatedIssue: RELATED } }, sender);
    const id = first.ok ? first.submission.id : '';
    gitlab.missing.clear();
    const { submission } = await handlers['ui:outbox-change']({ id, action: 'resend' }, sender);
    expect(submission).toMatchObject({ status: 'sent', draft: { surveyProject: 'acme/web' } });
    expect(await listed(handlers, id)).toMatchObject({ status: 'sent', issueUrl: 'https://gitlab.example.com/acme/web/-/issues/1' });
    expect(gitlab.created.map((issue) => issue.project)).toEqual(['acme/web']);
  });

  it('edit replaces the text and keeps the rest, then sends', async () => {
    const { handlers, gitlab } = await setUp();
    gitlab.missing.add('acme/gone');
    const first = await handlers['ui:survey-submit']({ draft: { ...ANSWERS, surveyProject: 'acme/gone' } }, sender);
    const id = first.ok ? first.submission.id : '';
    const { submission } = await handlers['ui:outbox-change']({ id, action: 'edit', draft: { suggestion: 'Cache the CI images', surveyProject: 'acme/web' } }, sender);
    expect(submission).toMatchObject({
      status: 'sent',
      title: 'Cache the CI images',
      draft: { suggestion: 'Cache the CI images', justification: ANSWERS.justification, category: ANSWERS.category, surveyProject: 'acme/web' },
    });
    expect(await listed(handlers, id)).toMatchObject({ status: 'sent', title: 'Cache the CI images', issueUrl: 'https://gitlab.example.com/acme/web/-/issues/1' });
    expect(gitlab.created.map((issue) => [issue.project, issue.title])).toEqual([['acme/web', 'Cache the CI images']]);
  });

  it('an edit that empties an answer is refused with its reason; the suggestion stays as it was', async () => {
    const { handlers } = await setUp({ setUpGitLab: false, settings: settingsWith({ project: 'acme/survey' }) });
    const first = await handlers['ui:survey-submit']({ draft: ANSWERS }, sender);
    const id = first.ok ? first.submission.id : '';
    const refused = await handlers['ui:outbox-change']({ id, action: 'edit', draft: { justification: ' ' } }, sender).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MessageError);
    expect((refused as MessageError).message).toBe('Enter an answer.');
    expect((await handlers['ui:outbox']({}, sender)).submissions.map((item) => item.draft.justification)).toEqual([ANSWERS.justification]);
  });

  it('discard: the suggestion is discarded and leaves the list', async () => {
    const { handlers } = await setUp({ setUpGitLab: false, settings: settingsWith({ project: 'acme/survey' }) });
    const first = await handlers['ui:survey-submit']({ draft: ANSWERS }, sender);
    const id = first.ok ? first.submission.id : '';
    expect((await handlers['ui:outbox-change']({ id, action: 'discard' }, sender)).submission).toMatchObject({ id, status: 'discarded' });
    expect(await handlers['ui:outbox']({}, sender)).toEqual({ submissions: [] });
  });

  it('a suggestion no longer in the outbox cannot be resent', async () => {
    const { handlers } = await setUp();
    const refused = await handlers['ui:outbox-change']({ id: OTHER_ID, action: 'resend' }, sender).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MessageError);
    expect((refused as MessageError).message).toBe('That suggestion is no longer in the outbox.');
  });
});

/** The suggestion as the popup's outbox list shows it. */
async function listed(handlers: Awaited<ReturnType<typeof setUp>>['handlers'], id: string) {
  return (await handlers['ui:outbox']({}, sender)).submissions.find((item) => item.id === id);
}

/** A discarded record as a worker may have left it, not yet pruned. */
function recordOf(suggestion: string) {
  return { status: 'discarded' as const, id: OTHER_ID, draft: outboxDraft({ suggestion }), createdAt: T0, updatedAt: T0, attempts: 0, discardedAt: T0 };
}
