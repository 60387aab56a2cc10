/**
 * The Suggested DRI panel (SPEC §4), shared by the issue page and the `?show=` drawer: up to three
 * people with a score and the reasons in words, onboarding candidates for a simple issue, and
 * Assign. Assign only asks the background, which sends the write; the result is said in place.
 * Collapsible; open or folded as the user last left it, in every tab.
 */
import { useId, useState } from 'react';
import type { RequestOf, ResponseOf } from '../../../utils/messages';
import { MessageError } from '../../../utils/message-envelope';
import { sendMessage } from '../../../utils/send-message';
import { afterIdle } from './idle';
import { useDriOpen } from './kpi-scope';
import { useBackgroundAnswer } from './use-background-answer';

type DriRequest = RequestOf<'content:suggested-dri'>;
type DriAnswer = ResponseOf<'content:suggested-dri'>;
type Person = DriAnswer['suggestions'][number] | DriAnswer['onboarding'][number];
type AssignState = { kind: 'idle' } | { kind: 'busy'; username: string } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

export function DriPanel({ request }: { request: DriRequest }) {
  const [open, setOpen] = useDriOpen();
  const bodyId = useId();
  // Below GitLab's sidebar and without a time budget: asked once the page is idle, so the issue's
  // badges (which have one) are answered first.
  const answer = useBackgroundAnswer(() => afterIdle().then(() => sendMessage('content:suggested-dri', request)));
  const count = answer.status === 'ready' ? answer.data.suggestions.length : null;
  return (
    <section className="lens-dri" aria-label="Suggested DRI">
      <button type="button" className="lens-dri__toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)} data-testid="lens-dri-toggle">
        <span className="lens-dri__title">Suggested DRI</span>
        {count === null ? null : <span className="lens-muted"> · {count === 0 ? 'no one yet' : `${count} ${count === 1 ? 'person' : 'people'}`}</span>}
        <span aria-hidden="true">{open ? ' ▾' : ' ▸'}</span>
      </button>
      <div id={bodyId} hidden={!open}>
        {answer.status === 'loading' ? <p className="lens-muted">Loading…</p> : null}
        {answer.status === 'error' ? (
          <p className="lens-muted" role="status">
            Engineering Lens: {answer.error.message}
          </p>
        ) : null}
        {answer.status === 'ready' ? <DriBody request={request} data={answer.data} /> : null}
      </div>
    </section>
  );
}

function DriBody({ request, data }: { request: DriRequest; data: DriAnswer }) {
  const [state, setState] = useState<AssignState>({ kind: 'idle' });
  const [add, setAdd] = useState(false);
  const [assigned, setAssigned] = useState<ReadonlySet<string> | null>(null);
  const isAssigned = (person: Person) => (assigned ? assigned.has(person.username) : person.assigned);

  const assign = (person: Person) => {
    setState({ kind: 'busy', username: person.username });
    sendMessage('content:assign-issue', { ...request, userId: person.userId, mode: add ? 'add' : 'replace' }).then(
      (result) => {
        setAssigned(new Set(result.assignees.map((user) => user.username)));
        const names = result.assignees.map((user) => `${user.name} (@${user.username})`).join(', ');
        setState({ kind: 'done', text: `Assigned. Assignees now: ${names || 'none'}. Reload the page to see it in GitLab's sidebar.` });
      },
      (error: unknown) => setState({ kind: 'failed', text: `Not assigned: ${error instanceof MessageError || error instanceof Error ? error.message : String(error)}` }),
    );
  };

  const button = (person: Person) =>
    isAssigned(person) ? (
      <span className="lens-muted">assigned</span>
    ) : (
      <button
        type="button"
        className="lens-dri__assign"
        disabled={!data.assign.allowed || state.kind === 'busy'}
        aria-describedby={data.assign.allowed ? undefined : 'lens-dri-assign-reason'}
        onClick={() => assign(person)}
      >
        {state.kind === 'busy' && state.username === person.username ? 'Assigning…' : `Assign @${person.username}`}
      </button>
    );

  return (
    <>
      {data.suggestions.length ? (
        <ol className="lens-dri__list" aria-label="Suggested people, best first">
          {data.suggestions.map((person) => (
            <li key={person.username} className="lens-dri__person" data-testid="lens-dri-person">
              <PersonLine person={person} />
              <span className="lens-dri__score" aria-label={`score ${person.score} of 100`}>
                {person.score}
              </span>
              {person.atCapacity ? (
                <span className="lens-dri__capacity">
                  <span aria-hidden="true">◐ </span>at capacity
                </span>
              ) : null}
              <ul className="lens-dri__reasons" aria-label={`Why ${person.name}`}>
                {person.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
              {button(person)}
            </li>
          ))}
        </ol>
      ) : (
        <p className="lens-muted">No one stands out yet: no service, CODEOWNERS path or recent history points at anyone.</p>
      )}
      {data.simple && data.onboarding.length ? (
        <>
          <h3 className="lens-dri__subtitle">Onboarding candidates</h3>
          <p className="lens-muted">A simple issue: practice work for someone who joined recently.</p>
          <ul className="lens-dri__list" aria-label="Onboarding candidates">
            {data.onboarding.map((person) => (
              <li key={person.username} className="lens-dri__person" data-testid="lens-dri-onboarding">
                <PersonLine person={person} />
                <span className="lens-muted">joined {person.joinedDaysAgo} d ago</span>
                {button(person)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.assign.allowed ? (
        <label className="lens-dri__add">
          <input type="checkbox" checked={add} onChange={(event) => setAdd(event.target.checked)} /> Keep the current assignees (add)
        </label>
      ) : (
        <p className="lens-muted" id="lens-dri-assign-reason">
          {data.assign.reason}
        </p>
      )}
      <p role="status" aria-live="polite" className={state.kind === 'failed' ? 'lens-dri__result lens-dri__result--error' : 'lens-dri__result'} data-testid="lens-dri-result">
        {state.kind === 'done' || state.kind === 'failed' ? state.text : ''}
      </p>
      {data.notes.length ? (
        <details className="lens-dri__notes">
          <summary>{data.notes.length === 1 ? '1 note' : `${data.notes.length} notes`} on the evidence</summary>
          <ul>
            {data.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function PersonLine({ person }: { person: Person }) {
  return (
    <span className="lens-dri__who">
      {person.avatarUrl ? <img className="lens-dri__avatar" src={person.avatarUrl} alt="" width={24} height={24} /> : <span className="lens-dri__avatar" aria-hidden="true" />}
      <a href={person.webUrl}>{person.name}</a> <span className="lens-muted">@{person.username}</span>
    </span>
  );
}
