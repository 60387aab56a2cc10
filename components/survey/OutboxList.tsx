/**
 * The outbox (SPEC §6): every suggestion this browser wrote, with its state — sending (and when
 * the next attempt is), sent (a link to the issue), not sent (the reason and the fix). A pending
 * or refused suggestion can be edited and resent, or discarded after a confirmation; nothing
 * leaves the outbox without the user's say.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { OutboxItem } from '../../utils/messages';
import { MessageError } from '../../utils/message-envelope';
import { sendMessage } from '../../utils/send-message';
import { outboxStateText, outboxStateWord } from '../../utils/survey/status-text';
import { EMPTY_SURVEY_FIELDS, SurveyFields, type SurveyFieldValues } from './SurveyFields';

/** While something is on its way, the list is read again this often. */
const POLL_MS = 3_000;

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; items: OutboxItem[]; at: number };

/** The outbox list; `refreshKey` changes when the caller submitted something new. */
export function OutboxList({ refreshKey = 0, headingLevel = 2 }: { refreshKey?: number; headingLevel?: 2 | 3 }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [tick, setTick] = useState(0);
  const headingId = useId();

  useEffect(() => {
    let live = true;
    sendMessage('ui:outbox', {}).then(
      ({ submissions }) => live && setLoad({ kind: 'ready', items: submissions, at: Date.now() }),
      (error: unknown) => live && setLoad({ kind: 'error', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [refreshKey, tick]);

  // Suggestions made elsewhere (an issue page, the popup) show up when this page is looked at again.
  useEffect(() => {
    const again = () => document.visibilityState === 'visible' && setTick((n) => n + 1);
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, []);

  const items = load.kind === 'ready' ? load.items : [];
  const moving = items.some((item) => item.status === 'pending' || item.status === 'unknown' || item.status === 'sending');
  useEffect(() => {
    if (!moving) return;
    const timer = setTimeout(() => setTick((n) => n + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [moving, load]);

  const replace = (changed: OutboxItem) =>
    setLoad((current) =>
      current.kind === 'ready'
        ? { kind: 'ready', at: Date.now(), items: changed.status === 'discarded' ? current.items.filter((item) => item.id !== changed.id) : current.items.map((item) => (item.id === changed.id ? changed : item)) }
        : current,
    );

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="outbox" aria-labelledby={headingId} data-testid="outbox">
      <Heading id={headingId}>Your suggestions</Heading>
      {load.kind === 'loading' ? <p className="lens-muted">Loading…</p> : null}
      {load.kind === 'error' ? <p className="field__error">{load.message}</p> : null}
      {load.kind === 'ready' && !items.length ? <p className="lens-muted">None yet. Suggestions you submit are listed here until GitLab has them, and for 30 days after.</p> : null}
      {items.length ? (
        <ul className="outbox__list">
          {items.map((item) => (
            <OutboxEntry key={item.id} item={item} now={load.kind === 'ready' ? load.at : 0} onChanged={replace} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

type Mode = { kind: 'view' } | { kind: 'edit'; values: SurveyFieldValues; errors: Record<string, string> } | { kind: 'confirm-discard' };

function OutboxEntry({ item, now, onChanged }: { item: OutboxItem; now: number; onChanged: (item: OutboxItem) => void }) {
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const idPrefix = useId();
  const keepButton = useRef<HTMLButtonElement>(null);
  const firstField = useRef<HTMLDivElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (mode.kind === 'confirm-discard') keepButton.current?.focus();
    if (mode.kind === 'edit') firstField.current?.querySelector('textarea')?.focus();
    // Only when the mode changes, not on every keystroke of an edit.
  }, [mode.kind]);

  const change = (action: 'edit' | 'resend' | 'discard', draft?: SurveyFieldValues) => {
    setBusy(true);
    setProblem(null);
    sendMessage('ui:outbox-change', { id: item.id, action, ...(draft ? { draft } : {}) }).then(
      ({ submission }) => {
        setBusy(false);
        setMode({ kind: 'view' });
        onChanged(submission);
      },
      (error: unknown) => {
        setBusy(false);
        if (mode.kind === 'edit' && error instanceof MessageError) setMode({ ...mode, errors: { form: error.message } });
        else setProblem(messageOf(error));
      },
    );
  };

  const canChange = item.status === 'pending' || item.status === 'failed';
  return (
    <li className="outbox__item" data-status={item.status} data-testid="outbox-item">
      <div className="outbox__title">{item.title}</div>
      <div className="lens-muted">
        {item.category} · {new Date(item.createdAt).toLocaleString()}
        {item.draft.relatedIssue ? ` · about ${item.draft.relatedIssue.projectPath}#${item.draft.relatedIssue.iid}` : ''}
      </div>
      <p className="outbox__state" data-testid="outbox-state">
        <span className="outbox__word">{outboxStateWord(item.status)}</span> {outboxStateText(item, now)}
        {item.issueUrl ? (
          <>
            {' '}
            <a href={item.issueUrl} target="_blank" rel="noreferrer">
              Open the issue
            </a>
          </>
        ) : null}
      </p>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      {mode.kind === 'edit' ? (
        <div className="outbox__editor lens-survey" ref={firstField}>
          <SurveyFields idPrefix={idPrefix} values={mode.values} errors={mode.errors} onChange={(patch) => setMode({ ...mode, values: { ...mode.values, ...patch }, errors: {} })} rows={2} />
          {mode.errors.form ? <p className="field__error">{mode.errors.form}</p> : null}
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => change('edit', mode.values)}>
              {busy ? 'Saving…' : 'Save and resend'}
            </button>
            <button
              type="button"
              onClick={() => {
                setMode({ kind: 'view' });
                queueMicrotask(() => editButton.current?.focus());
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {mode.kind === 'confirm-discard' ? (
        <div className="outbox__confirm" role="group" aria-label="Discard this suggestion?">
          <p>Discard this suggestion? It will not be sent, and its text cannot be restored.</p>
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={() => change('discard')}>
              Discard
            </button>
            <button ref={keepButton} type="button" onClick={() => setMode({ kind: 'view' })}>
              Keep it
            </button>
          </div>
        </div>
      ) : null}
      {mode.kind === 'view' && canChange ? (
        <div className="actions outbox__actions">
          {item.status === 'failed' ? (
            <button type="button" disabled={busy} onClick={() => change('resend')}>
              Resend
            </button>
          ) : null}
          <button
            ref={editButton}
            type="button"
            disabled={busy}
            onClick={() => setMode({ kind: 'edit', values: { ...EMPTY_SURVEY_FIELDS, suggestion: item.draft.suggestion, justification: item.draft.justification, category: item.draft.category }, errors: {} })}
          >
            Edit
          </button>
          <button type="button" disabled={busy} onClick={() => setMode({ kind: 'confirm-discard' })}>
            Discard…
          </button>
        </div>
      ) : null}
    </li>
  );
}

function messageOf(error: unknown): string {
  return error instanceof MessageError || error instanceof Error ? error.message : String(error);
}
