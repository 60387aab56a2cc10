/**
 * Engineering allocation survey (SPEC §6): what a suggestion is, and the GitLab issue it becomes.
 * Pure: the caller injects randomness; no browser API, no network.
 */
import { z } from 'zod';

// The questions and categories live apart, without zod, for the content script's form.
export { GITLAB_TITLE_MAX, SURVEY_CATEGORIES, SURVEY_QUESTIONS, type SurveyCategory } from './questions';
import { GITLAB_TITLE_MAX, SURVEY_CATEGORIES, SURVEY_QUESTIONS, type SurveyCategory } from './questions';

export const GITLAB_DESCRIPTION_MAX = 1_048_576;

export const SUGGESTION_LABEL = 'engineering-allocation::suggestion';
const CATEGORY_LABEL_PREFIX = 'engineering-allocation-category::';
const MARKER_NAME = 'engineering-lens-submission';

// The id and its format live apart, without zod, for the forms that make one (content script).
export { SUBMISSION_ID, submissionId } from './submission-id';
import { SUBMISSION_ID } from './submission-id';
export const submissionIdSchema = z.string().regex(SUBMISSION_ID, 'Not a submission id.');
/** Every id has this length, so the description size can be checked before an id exists. */
const PLACEHOLDER_ID = 'ela-00000000-0000-4000-8000-000000000000';

/** A project id, or its full path (`group/sub/project`); GitLab's API accepts either. */
export const projectRefSchema = z.union([z.int().positive(), z.string().trim().min(1, 'Enter the survey project.').max(255)]);
export type ProjectRef = z.infer<typeof projectRefSchema>;

export const relatedIssueSchema = z.object({
  // Only path characters: the path becomes Markdown link text, so no `]` or `<` can get in.
  projectPath: z.string().trim().regex(/^[\w.-]+(?:\/[\w.-]+)+$/, 'Not a project path.'),
  iid: z.int().positive(),
  // Normalised by URL: spaces and angle brackets come out percent-encoded, safe inside `<…>`.
  url: z.url({ protocol: /^https?$/, normalize: true, error: 'Not a web address.' }),
});
export type RelatedIssue = z.infer<typeof relatedIssueSchema>;

const answer = z.string({ error: 'Enter an answer.' }).trim().min(1, 'Enter an answer.');

export const submissionDraftSchema = z
  .object({
    suggestion: answer,
    justification: answer,
    category: z.enum(SURVEY_CATEGORIES, { error: 'Choose a category.' }),
    relatedIssue: relatedIssueSchema.optional(),
    /** Setting; when absent the suggestion goes to the project it is made from. */
    surveyProject: projectRefSchema.optional(),
  })
  .transform((draft, ctx) => {
    const surveyProject = draft.surveyProject ?? draft.relatedIssue?.projectPath;
    if (surveyProject === undefined) {
      ctx.addIssue({ code: 'custom', path: ['surveyProject'], message: 'Choose the survey project in settings.' });
      return z.NEVER;
    }
    const result = { ...draft, surveyProject };
    const size = issueDescription(result, PLACEHOLDER_ID).length;
    if (size > GITLAB_DESCRIPTION_MAX) {
      ctx.addIssue({ code: 'custom', path: ['justification'], message: `Too long for GitLab by ${size - GITLAB_DESCRIPTION_MAX} characters.` });
      return z.NEVER;
    }
    return result;
  });
export type SubmissionDraftInput = z.input<typeof submissionDraftSchema>;
export type SubmissionDraft = z.output<typeof submissionDraftSchema>;

/** The first answer on one line; cut on a word boundary with "…" when GitLab would reject it. */
export function issueTitle(suggestion: string): string {
  const line = suggestion.replace(/\s+/g, ' ').trim();
  if (line.length <= GITLAB_TITLE_MAX) return line;
  let cut = line.slice(0, GITLAB_TITLE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  // Back off to a space unless the cut already ends a word; a single very long "word" (a URL)
  // is cut hard rather than leaving a near-empty title.
  if (line[cut.length] !== ' ' && space >= GITLAB_TITLE_MAX / 2) cut = cut.slice(0, space);
  // Never leave half of a surrogate pair (an emoji) at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

export function categoryLabel(category: SurveyCategory): string {
  return `${CATEGORY_LABEL_PREFIX}${category.replace(/ /g, '-')}`;
}

export function issueLabels(category: SurveyCategory): [string, string] {
  return [SUGGESTION_LABEL, categoryLabel(category)];
}

/** The category a suggestion's labels name, or null (none, or one this version does not know). */
export function categoryOfLabels(labels: readonly string[]): SurveyCategory | null {
  for (const category of SURVEY_CATEGORIES) if (labels.includes(categoryLabel(category))) return category;
  return null;
}

export function submissionMarker(id: string): string {
  return `<!-- ${MARKER_NAME}: ${id} -->`;
}

/**
 * The issue description. Answers are the user's Markdown and render as such, except that
 * nothing in them can open or close an HTML comment: otherwise an answer could hide the rest
 * of the issue, or carry another submission's marker and make its lookup report "already sent".
 */
export function issueDescription(draft: SubmissionDraft, id: string): string {
  const parts = [
    `## ${SURVEY_QUESTIONS.suggestion}`,
    neutraliseAnswer(draft.suggestion),
    `## ${SURVEY_QUESTIONS.justification}`,
    neutraliseAnswer(draft.justification),
    `**Category:** ${draft.category}`,
  ];
  if (draft.relatedIssue) {
    const { projectPath, iid, url } = draft.relatedIssue;
    parts.push(`**Related issue:** [${projectPath}#${iid}](<${url}>)`);
  }
  parts.push(submissionMarker(id));
  return `${parts.join('\n\n')}\n`;
}

/**
 * True only when the description carries this id's marker. The marker ends with ` -->`, so
 * `ela-…1` never matches inside `ela-…12`; answers cannot contain a literal `<!--`.
 */
export function findsSubmission(description: string | null | undefined, id: string): boolean {
  return typeof description === 'string' && SUBMISSION_ID.test(id) && description.includes(submissionMarker(id));
}

/** For `findBySubmissionId` implementations: GitLab's search is fuzzy, this is exact. */
export function pickSubmission<T extends { description?: string | null }>(issues: readonly T[], id: string): T | null {
  return issues.find((issue) => findsSubmission(issue.description, id)) ?? null;
}

/**
 * Entities render as the same characters in GitLab, but are not comment delimiters. An
 * unclosed code fence is closed, or it would swallow the headings and show the marker.
 */
function neutraliseAnswer(text: string): string {
  const safe = text.replace(/<!--/g, '&lt;!--').replace(/--!?>/g, (end) => `${end.slice(0, -1)}&gt;`);
  const fence = openFence(safe);
  return fence ? `${safe}\n${fence}` : safe;
}

function openFence(text: string): string | null {
  let open: string | null = null;
  for (const line of text.split('\n')) {
    const match = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (!match) continue;
    const run = match[1]!;
    if (open === null) open = run;
    else if (run[0] === open[0] && run.length >= open.length && line.trim() === run) open = null;
  }
  return open;
}
