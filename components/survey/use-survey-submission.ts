/**
 * One survey form's life (issue page or popup): the draft kept by the background as it is typed,
 * with the submission id made when the draft starts, a submit, and the state that follows.
 *
 * The id is what makes a submit safe to repeat: when the background's answer gets lost (Chrome
 * stopped the worker mid-request), the suggestion may be stored already; the form then follows
 * that id, and submitting again files nothing twice.
 */
import { useEffect, useState } from 'react';
import type { OutboxItem } from '../../utils/messages';
import { MessageError } from '../../utils/message-envelope';
import { newSubmissionId, SUBMISSION_ID } from '../../utils/survey/submission-id';

type SubmitAnswer = { ok: true; submission: OutboxItem } | { ok: false; fieldErrors: Record<string, string> };

export interface SurveyApi {
  loadDraft(): Promise<Record<string, string> | null>;
  saveDraft(draft: Record<string, string> | null): Promise<unknown>;
  submit(draft: Record<string, unknown>): Promise<SubmitAnswer>;
  status(id: string): Promise<OutboxItem | null>;
}

/** While a submission is on its way, its state is asked again this often. */
const STATUS_POLL_MS = 3_000;

const settled = (item: OutboxItem) => item.status === 'sent' || item.status === 'failed' || item.status === 'discarded';

/**
 * `empty`: the fields a new draft starts with; `kept`: fields that stay after a submit (the
 * popup's project). `extra`: what a submit adds (the related issue).
 */
export function useSurveySubmission<F extends Record<string, string>>(api: SurveyApi, empty: F, kept: readonly (keyof F)[] = []) {
  const [values, setValues] = useState<F>(empty);
  const [id, setId] = useState(newSubmissionId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ submission: OutboxItem; at: number } | null>(null);
  /** A submit whose answer was lost: its id is looked for in the outbox. */
  const [lost, setLost] = useState<string | null>(null);

  const startOver = (after: F) => {
    const next = { ...empty };
    for (const key of kept) next[key] = after[key];
    setValues(next);
    setId(newSubmissionId());
    setLost(null);
    void api.saveDraft(null).catch(() => {});
  };

  const watched = lost ?? (shown && !settled(shown.submission) ? shown.submission.id : null);
  /** Bumped after each look: the next one follows while something is still watched. */
  const [looks, setLooks] = useState(0);
  useEffect(() => {
    if (!watched) return;
    const timer = setTimeout(() => {
      api
        .status(watched)
        .then((submission) => {
          if (!submission) return;
          setShown({ submission, at: Date.now() });
          if (lost === watched) {
            setErrors({});
            startOver(values);
          }
        })
        .catch(() => {
          // The background is starting again: the next look asks again.
        })
        .finally(() => setLooks((n) => n + 1));
    }, STATUS_POLL_MS);
    return () => clearTimeout(timer);
    // Looked at again after each answer, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [watched, looks]);

  return {
    values,
    errors,
    busy,
    shown,
    /** Reads the kept draft (and its id) into the form. */
    load: (defaults: Partial<F> = {}) =>
      api.loadDraft().then(
        (draft) => {
          const { id: keptId, ...fields } = draft ?? {};
          setValues({ ...empty, ...defaults, ...fields } as F);
          if (keptId && SUBMISSION_ID.test(keptId)) setId(keptId);
        },
        () => setValues({ ...empty, ...defaults }),
      ),
    change: (patch: Partial<F>) => {
      const next = { ...values, ...patch };
      setValues(next);
      setErrors({});
      void api.saveDraft({ ...next, id }).catch(() => {});
    },
    submit: (extra: Record<string, unknown> = {}) => {
      setBusy(true);
      setLost(null);
      api.submit({ ...values, ...extra, id }).then(
        (answer) => {
          setBusy(false);
          if (!answer.ok) return setErrors(answer.fieldErrors);
          setShown({ submission: answer.submission, at: Date.now() });
          startOver(values);
        },
        (error: unknown) => {
          setBusy(false);
          setLost(id);
          const reason = error instanceof MessageError || error instanceof Error ? error.message : String(error);
          setErrors({ form: `No answer yet (${reason}). Your text is kept; if the suggestion was stored, its state shows here. Submitting again never files it twice.` });
        },
      );
    },
  };
}
