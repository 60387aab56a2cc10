/**
 * The weekly checkpoint (SPEC §6): the open suggestions, most upvoted first, with category,
 * author, age and a link; filterable by category. Read from GitLab when shown.
 */
import { useEffect, useId, useState } from 'react';
import type { ResponseOf } from '../../utils/messages';
import { MessageError } from '../../utils/message-envelope';
import { sendMessage } from '../../utils/send-message';
import { SURVEY_CATEGORIES } from '../../utils/survey/questions';
import { timeAgo } from '../../utils/time-ago';

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; answer: ResponseOf<'ui:survey-checkpoint'>; at: number };

interface Props {
  headingLevel?: 2 | 3;
  /** Rows shown; the rest are counted. */
  limit?: number;
  /** Changes when the settings were saved: the sources may be others now. */
  refreshKey?: unknown;
}

export function Checkpoint({ headingLevel = 2, limit, refreshKey }: Props) {
  const [category, setCategory] = useState('');
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const headingId = useId();
  const filterId = useId();

  useEffect(() => {
    let live = true;
    sendMessage('ui:survey-checkpoint', category ? { category } : {}).then(
      (answer) => live && setLoad({ kind: 'ready', answer, at: Date.now() }),
      (error: unknown) => live && setLoad({ kind: 'error', message: error instanceof MessageError || error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [category, refreshKey]);

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const answer = load.kind === 'ready' ? load.answer : null;
  const at = load.kind === 'ready' ? load.at : 0;
  const shown = answer ? (limit ? answer.suggestions.slice(0, limit) : answer.suggestions) : [];
  const hidden = answer ? answer.suggestions.length - shown.length : 0;
  return (
    <section className="checkpoint" aria-labelledby={headingId} data-testid="checkpoint">
      <Heading id={headingId}>Weekly checkpoint</Heading>
      <div className="checkpoint__filter">
        <label htmlFor={filterId}>Category</label>
        <select id={filterId} value={category} onChange={(event) => {
            setLoad({ kind: 'loading' });
            setCategory(event.target.value);
          }}>
          <option value="">All categories</option>
          {SURVEY_CATEGORIES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div aria-live="polite" aria-busy={load.kind === 'loading'}>
        {load.kind === 'loading' ? <p className="lens-muted">Loading suggestions from GitLab…</p> : null}
        {load.kind === 'error' ? <p className="field__error">Could not read the suggestions: {load.message}</p> : null}
        {answer ? (
          <>
            <p className="lens-muted checkpoint__source">
              {answer.sources.length ? `Open suggestions in ${answer.sources.join(', ')}, most upvoted first.` : ''}
            </p>
            {answer.problems.map((problem) => (
              // With no source at all this is a hint, not a failure.
              <p key={problem} className={answer.sources.length ? 'field__error' : 'lens-muted'}>
                {problem}
              </p>
            ))}
            {!answer.suggestions.length && answer.sources.length ? (
              <p className="lens-muted">{category ? `No open suggestions in ${category}.` : 'No open suggestions.'}</p>
            ) : null}
            {shown.length ? (
              <ol className="checkpoint__list">
                {shown.map((suggestion) => (
                  <li key={suggestion.url} data-testid="checkpoint-item">
                    <span className="checkpoint__votes">
                      <span aria-hidden="true">▲ </span>
                      {suggestion.upvotes}
                      <span className="visually-hidden"> upvotes</span>
                    </span>
                    <span className="checkpoint__what">
                      <a href={suggestion.url} target="_blank" rel="noreferrer">
                        {suggestion.title}
                      </a>
                      <span className="lens-muted">
                        {' '}
                        {suggestion.ref} · {suggestion.category ?? 'no category'} · {suggestion.author} · {timeAgo(suggestion.createdAt, at)}
                      </span>
                    </span>
                  </li>
                ))}
              </ol>
            ) : null}
            {hidden > 0 || answer.more ? (
              <p className="lens-muted">{hidden > 0 ? `and ${hidden} more${answer.more ? ' (the 100 most upvoted per project or group are read)' : ''}` : 'Only the 100 most upvoted per project or group are read.'}</p>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
