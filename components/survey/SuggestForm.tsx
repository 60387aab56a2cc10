/**
 * The survey without an issue (the toolbar popup, SPEC §6): the same questions as on issue pages,
 * filed in the survey project (the setting; else the team's only project, or one typed here).
 * The draft is kept by the background as it is typed.
 */
import { useEffect, useId, useState } from 'react';
import type { OutboxItem, ResponseOf } from '../../utils/messages';
import { MessageError } from '../../utils/message-envelope';
import { sendMessage } from '../../utils/send-message';
import { outboxStateText } from '../../utils/survey/status-text';
import { EMPTY_SURVEY_FIELDS, SurveyFields, type SurveyFieldValues } from './SurveyFields';

const DRAFT_KEY = 'popup';

type Values = SurveyFieldValues & { surveyProject: string };

export function SuggestForm({ onSubmitted }: { onSubmitted: (item: OutboxItem) => void }) {
  const [values, setValues] = useState<Values>({ ...EMPTY_SURVEY_FIELDS, surveyProject: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [context, setContext] = useState<ResponseOf<'ui:survey-context'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ item: OutboxItem; at: number } | null>(null);
  const idPrefix = useId();
  const projectId = useId();

  useEffect(() => {
    void Promise.all([
      sendMessage('ui:survey-context', {}).catch(() => null),
      sendMessage('ui:survey-draft', { key: DRAFT_KEY }).catch(() => ({ draft: null })),
    ]).then(([found, { draft }]) => {
      setContext(found);
      setValues({ ...EMPTY_SURVEY_FIELDS, surveyProject: found?.surveyProject ?? '', ...(draft ?? {}) });
    });
  }, []);

  const change = (patch: Partial<Values>) => {
    const next = { ...values, ...patch };
    setValues(next);
    setErrors({});
    setResult(null);
    void sendMessage('ui:survey-draft', { key: DRAFT_KEY, set: next }).catch(() => {});
  };

  const submit = () => {
    setBusy(true);
    sendMessage('ui:survey-submit', { draft: values }).then(
      (answer) => {
        setBusy(false);
        if (!answer.ok) {
          setErrors(answer.fieldErrors);
          return;
        }
        setResult({ item: answer.submission, at: Date.now() });
        const cleared = { ...EMPTY_SURVEY_FIELDS, surveyProject: values.surveyProject };
        setValues(cleared);
        void sendMessage('ui:survey-draft', { key: DRAFT_KEY, set: null }).catch(() => {});
        onSubmitted(answer.submission);
      },
      (error: unknown) => {
        setBusy(false);
        setErrors({ form: `Not submitted (your text is kept): ${error instanceof MessageError || error instanceof Error ? error.message : String(error)}` });
      },
    );
  };

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
        {result ? outboxStateText(result.item, result.at) : ''}
        {result?.item.issueUrl ? (
          <>
            {' '}
            <a href={result.item.issueUrl} target="_blank" rel="noreferrer">
              Open the issue
            </a>
          </>
        ) : null}
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Submitting…' : 'Submit suggestion'}
        </button>
      </div>
    </form>
  );
}
