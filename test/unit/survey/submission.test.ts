import { describe, expect, it } from 'vitest';
import {
  findsSubmission,
  GITLAB_DESCRIPTION_MAX,
  GITLAB_TITLE_MAX,
  issueDescription,
  issueLabels,
  issueTitle,
  pickSubmission,
  submissionDraftSchema,
  submissionId,
  submissionIdSchema,
  submissionMarker,
  SURVEY_CATEGORIES,
  SURVEY_QUESTIONS,
} from '@/utils/survey/submission';
import { draft, ID, OTHER_ID } from './fixtures';

describe('draft schema', () => {
  it('trims answers and defaults the survey project to the one the suggestion is made from', () => {
    const parsed = draft({ suggestion: '  Faster CI  ', justification: '\nSaves time\n' });
    expect(parsed).toMatchObject({ suggestion: 'Faster CI', justification: 'Saves time', surveyProject: 'acme/web' });
    expect(draft({ surveyProject: 'eng/survey' }).surveyProject).toBe('eng/survey');
    expect(draft({ surveyProject: 123 }).surveyProject).toBe(123);
  });

  it('requires both answers, a known category and some survey project', () => {
    const issues = (input: unknown) => submissionDraftSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ suggestion: '   ', justification: 'x', category: 'other', surveyProject: 1 })).toEqual(['suggestion: Enter an answer.']);
    expect(issues({ suggestion: 'x', justification: 'x', category: 'fun', surveyProject: 1 })).toEqual(['category: Choose a category.']);
    expect(issues({ suggestion: 'x', justification: 'x', category: 'other' })).toEqual(['surveyProject: Choose the survey project in settings.']);
    expect(issues({ suggestion: 'x', justification: 'x', category: 'other', relatedIssue: { projectPath: 'a/b', iid: 1, url: 'javascript:alert(1)' } })?.[0]).toMatch(/^relatedIssue.url/);
    expect(issues({ suggestion: 'x', justification: 'x', category: 'other', relatedIssue: { projectPath: 'a](x', iid: 1, url: 'https://g/a' } })?.[0]).toMatch(/^relatedIssue.projectPath/);
  });

  it('accepts every category of the survey', () => {
    for (const category of SURVEY_CATEGORIES) expect(draft({ category }).category).toBe(category);
  });

  it('rejects a description GitLab would refuse (over 1,048,576 characters)', () => {
    const result = submissionDraftSchema.safeParse({ suggestion: 'x', justification: 'y'.repeat(GITLAB_DESCRIPTION_MAX), category: 'other', surveyProject: 1 });
    expect(result.error?.issues[0]).toMatchObject({ path: ['justification'] });
    expect(result.error?.issues[0]?.message).toMatch(/^Too long for GitLab by \d+ characters\.$/);
  });
});

describe('submissionId', () => {
  it('is ela- plus a v4 UUID from the injected bytes', () => {
    const id = submissionId((n) => new Uint8Array(n).fill(0xff));
    expect(id).toBe('ela-ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(submissionIdSchema.safeParse(id).success).toBe(true);
    expect(submissionId((n) => Uint8Array.from({ length: n }, (_, i) => i))).toBe('ela-00010203-0405-4607-8809-0a0b0c0d0e0f');
    expect(() => submissionId(() => new Uint8Array(4))).toThrow();
  });
});

describe('issueTitle', () => {
  it('is the first answer on one line', () => {
    expect(issueTitle('Faster\n  CI\tcaches')).toBe('Faster CI caches');
  });

  it('cuts on a word boundary with an ellipsis, within 255 characters', () => {
    const long = `${'word '.repeat(60)}end`;
    const title = issueTitle(long);
    expect(title.length).toBeLessThanOrEqual(GITLAB_TITLE_MAX);
    expect(title).toMatch(/ word…$/);
    expect(title.endsWith(' …')).toBe(false);
    expect(issueTitle('a'.repeat(255))).toBe('a'.repeat(255));
  });

  it('cuts a single huge word hard and never splits an emoji', () => {
    expect(issueTitle('x'.repeat(400))).toBe(`${'x'.repeat(254)}…`);
    const emoji = issueTitle(`${'x'.repeat(253)}😀😀`);
    expect(emoji).toBe(`${'x'.repeat(253)}…`);
  });
});

describe('issueLabels', () => {
  it('scopes the suggestion and the category, spaces as dashes', () => {
    expect(issueLabels('tech debt')).toEqual(['engineering-allocation::suggestion', 'engineering-allocation-category::tech-debt']);
    expect(issueLabels('developer efficiency')[1]).toBe('engineering-allocation-category::developer-efficiency');
    expect(issueLabels('security')[1]).toBe('engineering-allocation-category::security');
  });
});

describe('issueDescription', () => {
  it('holds both questions, both answers, the related issue and the hidden id', () => {
    const description = issueDescription(draft(), ID);
    expect(description).toBe(
      [
        `## ${SURVEY_QUESTIONS.suggestion}`,
        'Make the CI cache survive runner restarts',
        '## How would you justify it?',
        'Pipelines would be 4 minutes faster.',
        '**Category:** developer efficiency',
        '**Related issue:** [acme/web#42](<https://gitlab.example.com/acme/web/-/issues/42>)',
        `<!-- engineering-lens-submission: ${ID} -->`,
      ].join('\n\n') + '\n',
    );
    expect(SURVEY_QUESTIONS.suggestion).toBe('If you were paid 1% of the engineering development fee per release to work on something, what would that be?');
    expect(issueDescription(draft({ relatedIssue: undefined, surveyProject: 5 }), ID)).not.toContain('Related issue');
  });

  it('an answer cannot forge another submission marker or end a comment early', () => {
    const forged = `ok --> ${submissionMarker(OTHER_ID)} <!-- hidden --!> tail`;
    const description = issueDescription(draft({ suggestion: forged, justification: forged }), ID);
    expect(findsSubmission(description, OTHER_ID)).toBe(false);
    expect(findsSubmission(description, ID)).toBe(true);
    // The only comment delimiters left are our marker's own.
    expect(description.match(/<!--/g)).toHaveLength(1);
    expect(description.match(/--!?>/g)).toHaveLength(1);
    expect(description.trimEnd().endsWith(submissionMarker(ID))).toBe(true);
    expect(description).toContain('ok --&gt; &lt;!-- engineering-lens-submission');
  });

  it('closes a code fence an answer left open, so the marker stays hidden', () => {
    const description = issueDescription(draft({ suggestion: 'Run:\n```sh\nmake fast', justification: '~~~~\ncode\n~~~~\ndone' }), ID);
    expect(description).toContain('make fast\n```\n\n## How would you justify it?');
    expect(description).toContain('~~~~\ndone\n\n**Category:**');
  });
});

describe('findsSubmission', () => {
  it('is true only for the exact marker of this id', () => {
    const description = issueDescription(draft(), ID);
    expect(findsSubmission(description, ID)).toBe(true);
    expect(findsSubmission(description, OTHER_ID)).toBe(false);
    expect(findsSubmission(description, ID.slice(0, -1))).toBe(false);
    expect(findsSubmission(`mentions ${ID} in text`, ID)).toBe(false);
    expect(findsSubmission(null, ID)).toBe(false);
    expect(findsSubmission(submissionMarker('not-an-id'), 'not-an-id')).toBe(false);
  });

  it('pickSubmission filters fuzzy search results', () => {
    const issues = [
      { iid: 1, description: `quotes ${ID}` },
      { iid: 2, description: issueDescription(draft(), OTHER_ID) },
      { iid: 3, description: issueDescription(draft(), ID) },
    ];
    expect(pickSubmission(issues, ID)?.iid).toBe(3);
    expect(pickSubmission(issues.slice(0, 2), ID)).toBeNull();
  });
});
