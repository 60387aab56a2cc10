/**
 * "Suggest engineering allocation" (SPEC §6): a button that opens the survey in a modal dialog
 * (the native <dialog>: focus stays inside, Escape closes). The draft is kept by the background as
 * it is typed, so closing the form, the tab or the browser loses nothing; a submit is written to
 * the outbox first and its state (pending, sent, failed) is shown in place. A token that cannot
 * file issues is named when the form opens, before anything is typed.
 */
import { useId, useRef, useState } from 'react';
import type { ResponseOf } from '../../../utils/messages';
import { sendMessage } from '../../../utils/send-message';
import { outboxStateText } from '../../../utils/survey/status-text';
import { EMPTY_SURVEY_FIELDS, SurveyFields } from '../../../components/survey/SurveyFields';
import { useSurveySubmission } from '../../../components/survey/use-survey-submission';

interface Related {
  projectPath: string;
  iid: number;
  url: string;
}

export function SuggestAllocation({ related }: { related: Related }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [context, setContext] = useState<ResponseOf<'content:survey-context'> | null>(null);
  const draftKey = `${related.projectPath}#${related.iid}`;
  const form = useSurveySubmission(
    {
      loadDraft: () => sendMessage('content:survey-draft', { key: draftKey }).then((answer) => answer.draft),
      saveDraft: (set) => sendMessage('content:survey-draft', { key: draftKey, set }),
      submit: (draft) => sendMessage('content:survey-submit', { draft }),
      status: (id) => sendMessage('content:survey-status', { id }).then((answer) => answer.submission),
    },
    EMPTY_SURVEY_FIELDS,
  );
  const { shown, errors } = form;
  const submission = shown?.submission ?? null;

  const open = () => {
    dialog.current?.showModal();
    void form.load();
    sendMessage('content:survey-context', {}).then(setContext, () => setContext(null));
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
            form.submit({ relatedIssue: related });
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
          <SurveyFields idPrefix={titleId} values={form.values} errors={errors} onChange={form.change} />
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
            <button type="submit" className="lens-survey__primary" disabled={form.busy}>
              {form.busy ? 'Submitting…' : 'Submit suggestion'}
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
