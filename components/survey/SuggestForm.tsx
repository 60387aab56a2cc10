/**
 * The survey without an issue (the toolbar popup, SPEC §6): the same questions as on issue pages,
 * filed in the survey project (the setting; else the team's only project, or one typed here).
 * The draft is kept by the background as it is typed.
 */
import { useEffect, useId, useState } from 'react';
import type { OutboxItem, ResponseOf } from '../../utils/messages';
import { sendMessage } from '../../utils/send-message';
import { outboxStateText } from '../../utils/survey/status-text';
import { EMPTY_SURVEY_FIELDS, SurveyFields, type SurveyFieldValues } from './SurveyFields';
import { useSurveySubmission } from './use-survey-submission';

const DRAFT_KEY = 'popup';

type Values = SurveyFieldValues & { surveyProject: string };

const EMPTY: Values = { ...EMPTY_SURVEY_FIELDS, surveyProject: '' };

export function SuggestForm({ onSubmitted }: { onSubmitted: (item: OutboxItem) => void }) {
  const [context, setContext] = useState<ResponseOf<'ui:survey-context'> | null>(null);
  const idPrefix = useId();
  const projectId = useId();
  const form = useSurveySubmission(
    {
      loadDraft: () => sendMessage('ui:survey-draft', { key: DRAFT_KEY }).then((answer) => answer.draft),
      saveDraft: (set) => sendMessage('ui:survey-draft', { key: DRAFT_KEY, set }),
      submit: (draft) =>
        sendMessage('ui:survey-submit', { draft }).then((answer) => {
          if (answer.ok) onSubmitted(answer.submission);
          return answer;
        }),
      status: (id) => sendMessage('ui:survey-status', { id }).then((answer) => answer.submission),
    },
    EMPTY,
    ['surveyProject'],
  );
  const { values, errors, shown: result } = form;

  useEffect(() => {
    void sendMessage('ui:survey-context', {})
      .catch(() => null)
      .then((found) => {
        setContext(found);
        return form.load(found?.surveyProject ? { surveyProject: found.surveyProject } : {});
      });
    // Once, when the popup opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const change = form.change;
  const submit = () => form.submit();

  const projectError = errors.surveyProject;
  return (
    <form
      className="survey-form lens-survey"
      aria-label="Suggest engineering allocation"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {context?.blocked ? (
        <p className="survey-form__blocked" data-testid="survey-blocked">
          <span aria-hidden="true">! </span>
          {context.blocked}
        </p>
      ) : null}
      <SurveyFields idPrefix={idPrefix} values={values} errors={errors} onChange={change} rows={2} />
      {context?.fromSetting ? (
        <p className="lens-muted">Filed as a new issue in {context.surveyProject} (settings).</p>
      ) : (
        <div className="lens-survey__field">
          <label htmlFor={projectId}>Survey project</label>
          <input
            id={projectId}
            value={values.surveyProject}
            placeholder="group/project"
            spellCheck={false}
            aria-invalid={projectError ? true : undefined}
            aria-describedby={`${projectId}-hint${projectError ? ` ${projectId}-error` : ''}`}
            onChange={(event) => change({ surveyProject: event.target.value })}
          />
          <span id={`${projectId}-hint`} className="lens-muted">
            Where it is filed; set one for all in Settings.
          </span>
          {projectError ? (
            <span id={`${projectId}-error`} className="lens-survey__error">
              {projectError}
            </span>
          ) : null}
        </div>
      )}
      {errors.form ? <p className="lens-survey__error">{errors.form}</p> : null}
      <p role="status" aria-live="polite" className="lens-survey__state" data-testid="survey-form-state">
        {result ? outboxStateText(result.submission, result.at) : ''}
        {result?.submission.issueUrl ? (
          <>
            {' '}
            <a href={result.submission.issueUrl} target="_blank" rel="noreferrer">
              Open the issue
            </a>
          </>
        ) : null}
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? 'Submitting…' : 'Submit suggestion'}
        </button>
      </div>
    </form>
  );
}
