import { useEffect, useRef, useState } from 'react';
import { sendMessage } from '../../../../utils/send-message';
import type { AllocationViewInfo, ResponseOf } from '../../../../utils/messages';

/** Typing pauses this long before the preview asks the background again. */
export const PREVIEW_DEBOUNCE_MS = 300;
/** While the team's data syncs, the preview asks again this often. */
const PREVIEW_SYNC_POLL_MS = 2_000;

type PreviewAnswer = ResponseOf<'ui:allocation-preview'>;
/** The last answer, or failure, with the candidate (as JSON) it was for. */
type Shown = { key: string; answer: PreviewAnswer } | { key: string; error: string };

/**
 * "Preview: your team's split" under the candidate allocation, from the background; nothing is
 * saved. Asks again a moment after the last edit; an answer to an older candidate is dropped.
 * An invalid candidate is not sent: the fields say what to fix.
 */
export function AllocationPreview({ candidate, valid }: { candidate: Record<string, unknown>; valid: boolean }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const latest = useRef<string | null>(null);
  const key = valid ? JSON.stringify(candidate) : null;

  useEffect(() => {
    latest.current = key;
    if (key === null) return;
    let timer: ReturnType<typeof setTimeout>;
    const ask = () => {
      const allocation: unknown = JSON.parse(key);
      sendMessage('ui:allocation-preview', { allocation }).then(
        (answer) => {
          if (latest.current !== key) return;
          setShown({ key, answer });
          // The team's data is still syncing: ask again, so the preview ends on the full team.
          if (answer.syncing) timer = setTimeout(ask, PREVIEW_SYNC_POLL_MS);
        },
        (error: unknown) => {
          if (latest.current === key) setShown({ key, error: error instanceof Error ? error.message : String(error) });
        },
      );
    };
    timer = setTimeout(ask, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);

  const answer = shown && 'answer' in shown ? shown.answer : null;
  const current = shown !== null && shown.key === key;
  const blocked = !valid || (current && answer !== null && Object.keys(answer.fieldErrors).length > 0);
  let status = '';
  if (blocked) status = 'Fix the marked fields to see the preview.';
  else if (!current) status = 'Updating the preview…';
  else if (shown && 'error' in shown) status = `The preview could not be shown: ${shown.error}`;

  return (
    <div className="allocation-preview" role="group" aria-labelledby="allocation-preview-heading">
      <h3 id="allocation-preview-heading" tabIndex={-1}>
        Preview: your team&apos;s split
      </h3>
      <p
        role="status"
        aria-live="polite"
        data-testid="allocation-preview-status"
        className={`allocation-preview__status${current && shown && 'error' in shown ? ' allocation-preview__status--error' : ''}`}
      >
        {status}
      </p>
      {answer && !blocked ? (
        <div data-testid="allocation-preview" className={current ? undefined : 'allocation-preview__stale'} aria-busy={current ? undefined : true}>
          <p className="allocation-preview__scope">{answer.scopeText}</p>
          {answer.view ? <SplitView view={answer.view} /> : null}
        </div>
      ) : null}
    </div>
  );
}

const PATTERNS = 4;

function SplitView({ view }: { view: AllocationViewInfo }) {
  const shown = view.shares.filter((share) => share.percent > 0);
  return (
    <>
      <p className="allocation-preview__summary">{view.summary}</p>
      <p className="field__hint">
        {view.measureText}
        <br />
        {view.budgetText}: {view.budgetDetail}
      </p>
      {shown.length ? (
        // The list below says the same in words; the bar is a picture of it.
        <div className="allocation-bar" aria-hidden="true">
          {shown.map((share) => (
            <span
              key={share.id}
              className={`allocation-bar__segment allocation-bar__segment--${share.kind} allocation-bar__segment--p${view.shares.indexOf(share) % PATTERNS}`}
              style={{ width: `${share.percent}%` }}
              title={`${share.name} ${share.percent}%`}
            >
              <span className="allocation-bar__text">
                {share.name} {share.percent}%
              </span>
            </span>
          ))}
        </div>
      ) : null}
      <ul className="allocation-preview__shares">
        {view.shares.map((share, index) => (
          <li key={share.id}>
            <span aria-hidden="true" className={`allocation-swatch allocation-bar__segment--${share.kind} allocation-bar__segment--p${index % PATTERNS}`} />
            <span className="allocation-preview__name">{share.name}</span> {share.text.slice(share.name.length + 1)}
            <span className="lens-muted">
              {' '}
              ({share.count} issue{share.count === 1 ? '' : 's'}
              {share.kind === 'uncategorized' ? ', no rule matched' : `, ${share.kind}`}
              {share.budgetPercent === undefined ? '' : `, budget ${share.budgetPercent}%`})
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
