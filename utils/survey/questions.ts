/**
 * The survey's wording and choices (SPEC §6), shared by the form in the page and the issue the
 * background files. No imports: the content script's bundle stays small.
 */

/** Worded exactly as the survey asks them; they are also the headings of the created issue. */
export const SURVEY_QUESTIONS = {
  suggestion: 'If you were paid 1% of the engineering development fee per release to work on something, what would that be?',
  justification: 'How would you justify it?',
} as const;

export const SURVEY_CATEGORIES = ['performance', 'security', 'availability', 'scalability', 'tech debt', 'developer efficiency', 'other'] as const;
export type SurveyCategory = (typeof SURVEY_CATEGORIES)[number];

/** GitLab's own limit on an issue title (Issue model validations). */
export const GITLAB_TITLE_MAX = 255;
