/**
 * Protects the weekly checkpoint (utils/background/handlers/survey-checkpoint.ts): which GitLab
 * scopes are read, the labels asked for, and the merged list the popup shows (each suggestion
 * once, most upvoted first, oldest first on a tie), with a problem line per source that failed.
 */
import { describe, expect, it } from 'vitest';
import { createCheckpointHandlers } from '../../../../utils/background/handlers/survey-checkpoint';
import type { DataService } from '../../../../utils/background/data-service';
import type { GitLabScope } from '../../../../utils/gitlab/client';
import { issueSchema, type GitLabIssue } from '../../../../utils/gitlab/schemas';
import { DEFAULT_SETTINGS, type Settings } from '../../../../utils/settings';

const sender = {};
const SUGGESTION = 'engineering-allocation::suggestion';

function settingsWith({ project = '', group = '', projects = [] as string[] } = {}): Settings {
  return { ...DEFAULT_SETTINGS, team: { ...DEFAULT_SETTINGS.team, group, projects }, survey: { project } };
}

function issue(id: number, fields: { upvotes: number; createdAt: string; labels?: string[]; ref?: string | null; author?: { name: string; username: string } }): GitLabIssue {
  const path = 'acme/web';
  return issueSchema.parse({
    id,
    iid: id - 1000,
    project_id: 1,
    title: `Suggestion ${id}`,
    state: 'opened',
    created_at: fields.createdAt,
    updated_at: fields.createdAt,
    labels: fields.labels ?? [SUGGESTION],
    author: { id: 7, ...(fields.author ?? { name: 'Grace Kim', username: 'grace.kim' }) },
    upvotes: fields.upvotes,
    web_url: `https://gitlab.example.com/${path}/-/issues/${id - 1000}`,
    ...(fields.ref === null ? {} : { references: { full: fields.ref ?? `${path}#${id - 1000}` } }),
  });
}

type Answer = { items: GitLabIssue[]; more: boolean } | Error;

/** A GitLab answering each scope (`project:acme/web`, `group:acme`) as given; nothing elsewhere. */
function setUp(settings: Settings, answers: Record<string, Answer> = {}) {
  const asked: Array<{ scope: GitLabScope; labels: readonly string[] | undefined; state: string | undefined }> = [];
  const client = {
    async mostUpvotedIssues(scope: GitLabScope, options: { labels?: readonly string[]; state?: string }) {
      asked.push({ scope, labels: options.labels, state: options.state });
      const answer = answers[`${scope.kind}:${scope.id}`] ?? { items: [], more: false };
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  const data = { context: async () => ({ settings, client }) } as unknown as Pick<DataService, 'context'>;
  return { checkpoint: createCheckpointHandlers(data)['ui:survey-checkpoint'], asked };
}

describe('the weekly checkpoint', () => {
  it('reads the survey project only, when one is set, open suggestions only', async () => {
    const { checkpoint, asked } = setUp(settingsWith({ project: 'acme/survey', group: 'acme', projects: ['acme/web'] }));
    const answer = await checkpoint({}, sender);
    expect(asked).toEqual([{ scope: { kind: 'project', id: 'acme/survey' }, labels: [SUGGESTION], state: 'opened' }]);
    expect(answer).toEqual({ sources: ['acme/survey'], suggestions: [], more: false, problems: [] });
  });

  it("without a survey project, reads the team's group and each of its projects", async () => {
    const { checkpoint, asked } = setUp(settingsWith({ group: 'acme', projects: ['acme/web', '55'] }));
    const answer = await checkpoint({}, sender);
    expect(asked.map((entry) => entry.scope)).toEqual([
      { kind: 'group', id: 'acme' },
      { kind: 'project', id: 'acme/web' },
      { kind: 'project', id: '55' },
    ]);
    expect(answer.sources).toEqual(['acme', 'acme/web', '55']);
  });

  it('with a category, asks for its label too; a category it does not know is not passed on', async () => {
    const { checkpoint, asked } = setUp(settingsWith({ project: 'acme/survey' }));
    await checkpoint({ category: 'tech debt' }, sender);
    await checkpoint({ category: 'developer efficiency' }, sender);
    await checkpoint({ category: 'tech-debt,security' }, sender);
    await checkpoint({ category: '' }, sender);
    expect(asked.map((entry) => entry.labels)).toEqual([
      [SUGGESTION, 'engineering-allocation-category::tech-debt'],
      [SUGGESTION, 'engineering-allocation-category::developer-efficiency'],
      [SUGGESTION],
      [SUGGESTION],
    ]);
  });

  it('merges the sources, each suggestion once, most upvoted first and the oldest first on a tie', async () => {
    const shared = issue(1001, { upvotes: 5, createdAt: '2026-02-01T00:00:00Z', labels: [SUGGESTION, 'engineering-allocation-category::security'] });
    const { checkpoint } = setUp(settingsWith({ group: 'acme', projects: ['acme/web', 'acme/api'] }), {
      // The group lists its projects' issues too.
      'group:acme': { items: [shared, issue(1002, { upvotes: 9, createdAt: '2026-03-01T00:00:00Z' })], more: false },
      'project:acme/web': { items: [shared, issue(1003, { upvotes: 5, createdAt: '2026-01-15T00:00:00Z', labels: [SUGGESTION, 'engineering-allocation-category::tech-debt'] })], more: false },
      'project:acme/api': { items: [issue(1004, { upvotes: 0, createdAt: '2025-12-01T00:00:00Z', ref: null, author: { name: '', username: 'ada' } })], more: false },
    });
    const answer = await checkpoint({}, sender);
    expect(answer.suggestions).toEqual([
      { ref: 'acme/web#2', title: 'Suggestion 1002', url: 'https://gitlab.example.com/acme/web/-/issues/2', category: null, author: 'Grace Kim', createdAt: '2026-03-01T00:00:00Z', upvotes: 9 },
      { ref: 'acme/web#3', title: 'Suggestion 1003', url: 'https://gitlab.example.com/acme/web/-/issues/3', category: 'tech debt', author: 'Grace Kim', createdAt: '2026-01-15T00:00:00Z', upvotes: 5 },
      { ref: 'acme/web#1', title: 'Suggestion 1001', url: 'https://gitlab.example.com/acme/web/-/issues/1', category: 'security', author: 'Grace Kim', createdAt: '2026-02-01T00:00:00Z', upvotes: 5 },
      // No full reference: its number; no display name: the username.
      { ref: '#4', title: 'Suggestion 1004', url: 'https://gitlab.example.com/acme/web/-/issues/4', category: null, author: 'ada', createdAt: '2025-12-01T00:00:00Z', upvotes: 0 },
    ]);
    expect(answer.more).toBe(false);
    expect(answer.problems).toEqual([]);
  });

  it('a label this version does not know gives no category', async () => {
    const { checkpoint } = setUp(settingsWith({ project: 'acme/survey' }), {
      'project:acme/survey': { items: [issue(1001, { upvotes: 1, createdAt: '2026-02-01T00:00:00Z', labels: [SUGGESTION, 'engineering-allocation-category::quantum'] })], more: false },
    });
    expect((await checkpoint({}, sender)).suggestions.map((suggestion) => suggestion.category)).toEqual([null]);
  });

  it('a source that fails is a problem line naming its path; the others still show', async () => {
    const { checkpoint } = setUp(settingsWith({ group: 'acme', projects: ['acme/gone'] }), {
      'group:acme': { items: [issue(1001, { upvotes: 3, createdAt: '2026-02-01T00:00:00Z' })], more: false },
      'project:acme/gone': new Error('GitLab has no project acme/gone, or this token cannot see it.'),
    });
    const answer = await checkpoint({}, sender);
    expect(answer.problems).toEqual(['acme/gone: GitLab has no project acme/gone, or this token cannot see it.']);
    expect(answer.suggestions.map((suggestion) => suggestion.title)).toEqual(['Suggestion 1001']);
    expect(answer.sources).toEqual(['acme', 'acme/gone']);
  });

  it('more is true when any source had more than its first page', async () => {
    const { checkpoint } = setUp(settingsWith({ projects: ['acme/web', 'acme/api'] }), {
      'project:acme/web': { items: [], more: false },
      'project:acme/api': { items: [issue(1001, { upvotes: 3, createdAt: '2026-02-01T00:00:00Z' })], more: true },
    });
    expect((await checkpoint({}, sender)).more).toBe(true);
  });

  it('no survey project and no team: nothing is read, and a problem says what to set', async () => {
    const { checkpoint, asked } = setUp(settingsWith());
    expect(await checkpoint({}, sender)).toEqual({
      sources: [],
      suggestions: [],
      more: false,
      problems: ['Set the survey project, or the team, in Engineering Lens settings.'],
    });
    expect(asked).toEqual([]);
  });
});
