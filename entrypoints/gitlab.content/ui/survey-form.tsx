/**
 * "Suggest engineering allocation" (SPEC §6): a button that opens the survey in a modal dialog
 * (the native <dialog>: focus stays inside, Escape closes). The draft is kept by the background as
 * it is typed, so closing the form, the tab or the browser loses nothing; a submit is written to
 * the outbox first and its state (pending, sent, failed) is shown in place.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { OutboxItem } from '../../../utils/messages';
import { MessageError } from '../../../utils/message-envelope';
import { sendMessage } from '../../../utils/send-message';
import { GITLAB_TITLE_MAX, SURVEY_CATEGORIES, SURVEY_QUESTIONS } from '../../../utils/survey/questions';

interface Related {
  projectPath: string;
  iid: number;
  url: string;
}

type Fields = { suggestion: string; justification: string; category: string };
const EMPTY: Fields = { suggestion: '', justification: '', category: '' };
/** Longer answers are refused by the background with a field message; this only stops runaway paste. */
const ANSWER_MAX = 100_000;

export function SuggestAllocation({ related }: { related: Related }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submission, setSubmission] = useState<OutboxItem | null>(null);
  const [busy, setBusy] = useState(false);
  const draftKey = `${related.projectPath}#${related.iid}`;

  // While a submission is on its way, its state is asked again now and then.
  useEffect(() => {
    if (!submission || submission.status === 'sent' || submission.status === 'failed' || submission.status === 'discarded') return;
    const timer = setTimeout(() => {
      sendMessage('content:survey-status', { id: submission.id }).then(
        (answer) => answer.submission && setSubmission(answer.submission),
        () => {},
      );
    }, 3_000);
    return () => clearTimeout(timer);
  }, [submission]);

  const open = () => {
    dialog.current?.showModal();
    sendMessage('content:survey-draft', { key: draftKey }).then(
      (answer) => answer.draft && setFields({ ...EMPTY, ...answer.draft }),
      () => {},
    );
  };
  const change = (patch: Partial<Fields>) => {
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
        setFields(EMPTY);
        void sendMessage('content:survey-draft', { key: draftKey, set: null }).catch(() => {});
      },
      (error: unknown) => {
        setBusy(false);
        setErrors({ form: `Not submitted (your text is kept): ${error instanceof MessageError || error instanceof Error ? error.message : String(error)}` });
      },
    );
  };
  const field = (name: keyof Fields) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${titleId}-${name}-error` : undefined,
  });
  const error = (name: string) =>
    errors[name] ? (
      <span className="lens-survey__error" id={`${titleId}-${name}-error`}>
        {errors[name]}
      </span>
    ) : null;

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
            About {related.projectPath}#{related.iid}. Filed as a new issue for the weekly checkpoint.
          </p>
          <label className="lens-survey__field">
            <span>{SURVEY_QUESTIONS.suggestion}</span>
            <textarea required maxLength={ANSWER_MAX} rows={3} value={fields.suggestion} onChange={(event) => change({ suggestion: event.target.value })} {...field('suggestion')} />
            <span className="lens-muted">The first {GITLAB_TITLE_MAX} characters become the issue&apos;s title.</span>
            {error('suggestion')}
          </label>
          <label className="lens-survey__field">
            <span>{SURVEY_QUESTIONS.justification}</span>
            <textarea required maxLength={ANSWER_MAX} rows={4} value={fields.justification} onChange={(event) => change({ justification: event.target.value })} {...field('justification')} />
            {error('justification')}
          </label>
          <label className="lens-survey__field">
            <span>Category</span>
            <select required value={fields.category} onChange={(event) => change({ category: event.target.value })} {...field('category')}>
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
          </label>
          {error('surveyProject')}
          {error('form')}
          <p role="status" aria-live="polite" className="lens-survey__state" data-testid="lens-survey-state">
            {submission ? stateText(submission) : ''}
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

function stateText(item: OutboxItem): string {
  switch (item.status) {
    case 'sent':
      return 'Sent: filed as a new issue.';
    case 'failed':
      return `Not sent: ${item.reason ?? 'GitLab refused it'}. ${item.fix ?? ''} It is kept in the outbox (toolbar popup) to edit and resend.`;
    case 'pending':
    case 'unknown':
    case 'sending':
      return `Saved in the outbox; sending${item.nextAttemptAt && item.nextAttemptAt > Date.now() ? ` again at ${new Date(item.nextAttemptAt).toLocaleTimeString()}` : ''}${item.reason ? ` (last try: ${item.reason})` : ''}.`;
    default:
      return '';
  }
}
