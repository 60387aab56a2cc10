/**
 * "Suggest engineering allocation" (SPEC §6): a button that opens the survey in a modal dialog
 * (the native <dialog>: focus stays inside, Escape closes). The draft is kept by the background as
 * it is typed, so closing the form, the tab or the browser loses nothing; a submit is written to
 * the outbox first and its state (pending, sent, failed) is shown in place. A token that cannot
 * file issues is named when the form opens, before anything is typed.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { OutboxItem, ResponseOf } from '../../../utils/messages';
import { MessageError } from '../../../utils/message-envelope';
import { sendMessage } from '../../../utils/send-message';
import { outboxStateText } from '../../../utils/survey/status-text';
import { EMPTY_SURVEY_FIELDS, SurveyFields, type SurveyFieldValues } from '../../../components/survey/SurveyFields';

interface Related {
  projectPath: string;
  iid: number;
  url: string;
}

/** While a submission is on its way, its state is asked again this often. */
const STATUS_POLL_MS = 3_000;

export function SuggestAllocation({ related }: { related: Related }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [fields, setFields] = useState<SurveyFieldValues>(EMPTY_SURVEY_FIELDS);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<{ submission: OutboxItem; at: number } | null>(null);
  const submission = shown?.submission ?? null;
  const setSubmission = (item: OutboxItem) => setShown({ submission: item, at: Date.now() });
  const [context, setContext] = useState<ResponseOf<'content:survey-context'> | null>(null);
  const [busy, setBusy] = useState(false);
  const draftKey = `${related.projectPath}#${related.iid}`;

  useEffect(() => {
    if (!submission || submission.status === 'sent' || submission.status === 'failed' || submission.status === 'discarded') return;
    const timer = setTimeout(() => {
      sendMessage('content:survey-status', { id: submission.id }).then(
        (answer) => answer.submission && setSubmission(answer.submission),
        () => {},
      );
    }, STATUS_POLL_MS);
    return () => clearTimeout(timer);
  }, [submission]);

  const open = () => {
    dialog.current?.showModal();
    sendMessage('content:survey-draft', { key: draftKey }).then(
      (answer) => answer.draft && setFields({ ...EMPTY_SURVEY_FIELDS, ...answer.draft }),
      () => {},
    );
    sendMessage('content:survey-context', {}).then(setContext, () => setContext(null));
  };
  const change = (patch: Partial<SurveyFieldValues>) => {
    const next = { ...fields, ...patch };
    setFields(next);
    setErrors({});
    void sendMessage('content:survey-draft', { key: draftKey, set: next }).catch(() => {});
  };
  const submit = () => {
    setBusy(true);
    sendMessage('content:survey-submit', { draft: { ...fields, relatedIssue: related } }).then(
      (answer) => {
        setBusy(false);
        if (!answer.ok) {
          setErrors(answer.fieldErrors);
          return;
        }
        setSubmission(answer.submission);
        setFields(EMPTY_SURVEY_FIELDS);
        void sendMessage('content:survey-draft', { key: draftKey, set: null }).catch(() => {});
      },
      (error: unknown) => {
        setBusy(false);
        setErrors({ form: `Not submitted (your text is kept): ${error instanceof MessageError || error instanceof Error ? error.message : String(error)}` });
      },
    );
  };
  const formError = errors.surveyProject ?? errors.form;

  return (
    <>
      <button ref={opener} type="button" className="lens-link" onClick={open} data-testid="lens-suggest-allocation">
        Suggest engineering allocation
      </button>
      <dialog ref={dialog} className="lens-survey" aria-labelledby={titleId} onClose={() => opener.current?.focus()}>
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          noValidate
        >
          <h2 id={titleId}>Suggest engineering allocation</h2>
          <p className="lens-muted">
            About {related.projectPath}#{related.iid}. Filed as a new issue in {context?.surveyProject ?? related.projectPath} for the weekly checkpoint.
          </p>
          {context?.blocked ? (
            <p className="lens-survey__blocked" data-testid="lens-survey-blocked">
              <span aria-hidden="true">! </span>
              {context.blocked}
            </p>
          ) : null}
          <SurveyFields idPrefix={titleId} values={fields} errors={errors} onChange={change} />
          {formError ? <span className="lens-survey__error">{formError}</span> : null}
          <p role="status" aria-live="polite" className="lens-survey__state" data-testid="lens-survey-state">
            {shown ? outboxStateText(shown.submission, shown.at) : ''}
            {submission?.status === 'failed' ? ' It is kept in the outbox (toolbar popup) to edit and resend.' : ''}
            {submission?.issueUrl ? (
              <>
                {' '}
                <a href={submission.issueUrl}>Open the issue</a>
              </>
            ) : null}
          </p>
          <div className="lens-survey__actions">
            <button type="submit" className="lens-survey__primary" disabled={busy}>
              {busy ? 'Submitting…' : 'Submit suggestion'}
            </button>
            <button type="button" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
