/**
 * The survey's questions, worded as SPEC §6 has them, and its category: one set of fields for the
 * form on issue pages, the popup's form and the outbox's editor. Each field names its message.
 */
import { GITLAB_TITLE_MAX, SURVEY_CATEGORIES, SURVEY_QUESTIONS } from '../../utils/survey/questions';

export type SurveyFieldValues = { suggestion: string; justification: string; category: string };
export const EMPTY_SURVEY_FIELDS: SurveyFieldValues = { suggestion: '', justification: '', category: '' };

/** Longer answers are refused by the background with a field message; this only stops runaway paste. */
const ANSWER_MAX = 100_000;

interface Props {
  /** Unique per form on the page: the error messages' ids start with it. */
  idPrefix: string;
  values: SurveyFieldValues;
  errors: Record<string, string>;
  onChange: (patch: Partial<SurveyFieldValues>) => void;
  /** Rows of the first answer's box; the second gets one more. */
  rows?: number;
}

export function SurveyFields({ idPrefix, values, errors, onChange, rows = 3 }: Props) {
  const field = (name: keyof SurveyFieldValues, hint = false) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': [hint ? `${idPrefix}-${name}-hint` : '', errors[name] ? `${idPrefix}-${name}-error` : ''].filter(Boolean).join(' ') || undefined,
  });
  const error = (name: keyof SurveyFieldValues) =>
    errors[name] ? (
      <span className="lens-survey__error" id={`${idPrefix}-${name}-error`}>
        {errors[name]}
      </span>
    ) : null;
  return (
    <>
      <div className="lens-survey__field">
        <label htmlFor={`${idPrefix}-suggestion`}>{SURVEY_QUESTIONS.suggestion}</label>
        <textarea
          id={`${idPrefix}-suggestion`}
          required
          maxLength={ANSWER_MAX}
          rows={rows}
          value={values.suggestion}
          onChange={(event) => onChange({ suggestion: event.target.value })}
          {...field('suggestion', true)}
        />
        <span className="lens-muted" id={`${idPrefix}-suggestion-hint`}>
          The first {GITLAB_TITLE_MAX} characters become the issue&apos;s title.
        </span>
        {error('suggestion')}
      </div>
      <div className="lens-survey__field">
        <label htmlFor={`${idPrefix}-justification`}>{SURVEY_QUESTIONS.justification}</label>
        <textarea
          id={`${idPrefix}-justification`}
          required
          maxLength={ANSWER_MAX}
          rows={rows + 1}
          value={values.justification}
          onChange={(event) => onChange({ justification: event.target.value })}
          {...field('justification')}
        />
        {error('justification')}
      </div>
      <div className="lens-survey__field">
        <label htmlFor={`${idPrefix}-category`}>Category</label>
        <select id={`${idPrefix}-category`} required value={values.category} onChange={(event) => onChange({ category: event.target.value })} {...field('category')}>
          <option value="" disabled>
            Choose a category
          </option>
          {SURVEY_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </select>
        {error('category')}
      </div>
    </>
  );
}
