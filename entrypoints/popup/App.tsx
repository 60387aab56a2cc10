import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../utils/send-message';
import { isSyncProgressPush, MessageError, SYNC_PROGRESS_PORT, type ResponseOf, type SyncResourceInfo } from '../../utils/messages';
import { timeAgo } from '../../utils/time-ago';
import { formatAge } from '../../utils/kpi/format';
import { SyncStatus } from './SyncStatus';
import { TeamKpis } from './TeamKpis';
import { Tabs } from './Tabs';
import { OkrPanel, SinceYesterdayPanel } from './Dashboard';
import { Checkpoint } from '../../components/survey/Checkpoint';
import { OutboxList } from '../../components/survey/OutboxList';
import { SuggestForm } from '../../components/survey/SuggestForm';

type Status =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; sync: ResponseOf<'ui:sync-status'>; kpis: ResponseOf<'ui:team-kpis'> | null; at: number };
type SyncRun = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; ok: boolean } | { kind: 'error'; message: string };

export function App() {
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [run, setRun] = useState<SyncRun>({ kind: 'idle' });
  const [tab, setTab] = useState<PopupTab>('team');
  /** undefined while loading; null when there is none (not set up, no team). */
  const [dashboard, setDashboard] = useState<ResponseOf<'ui:dashboard'> | null | undefined>(undefined);

  const refresh = useCallback(
    () =>
      Promise.all([sendMessage('ui:sync-status', {}), sendMessage('ui:team-kpis', {}).catch(() => null)])
        .then(([sync, kpis]) => {
          setStatus({ kind: 'ready', sync, kpis, at: Date.now() });
          // Trends, changes and OKRs after the KPIs: the popup opens on what it has.
          if (sync.configured) sendMessage('ui:dashboard', {}).then(setDashboard, () => setDashboard(null));
          else setDashboard(null);
        })
        .catch((error: unknown) => setStatus({ kind: 'error', message: messageOf(error) })),
    [],
  );
  useEffect(() => {
    void refresh();
    // Progress of any sync (ours or one a GitLab page started) comes as the background stores
    // each page: the sync lines follow it, the KPIs are read again when a resource is done.
    return followSyncProgress(
      () =>
        sendMessage('ui:sync-status', {})
          .then((sync) => setStatus((current) => ({ kind: 'ready', sync, kpis: current.kind === 'ready' ? current.kpis : null, at: Date.now() })))
          .catch(() => {
            // The next update tries again.
          }),
      () => refresh(),
    );
  }, [refresh]);

  const syncNow = () => {
    setRun({ kind: 'running' });
    sendMessage('ui:sync-now', {})
      .then((result) => setRun({ kind: 'done', ok: result.ok }))
      .catch((error: unknown) => setRun({ kind: 'error', message: messageOf(error) }))
      .finally(() => void refresh());
  };

  const ready = status.kind === 'ready' ? status : null;
  return (
    <main className="popup">
      <header className="popup__header">
        <h1>Engineering Lens</h1>
        <button type="button" className="popup__settings" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </header>
      <Tabs tabs={POPUP_TABS} selected={tab} onSelect={setTab} label="Engineering Lens">
        {tab === 'okrs' ? <OkrPanel okrs={dashboard === null ? null : dashboard?.okrs} onOpenSettings={() => void browser.runtime.openOptionsPage()} /> : null}
        {tab === 'suggest' ? <SuggestPanel /> : null}
        {tab === 'checkpoint' ? <Checkpoint limit={8} /> : null}
        {tab === 'team' ? (
          <>
      {status.kind === 'loading' ? <p>Loading…</p> : null}
      {status.kind === 'error' ? <p className="field__error">{status.message}</p> : null}
      {ready && !ready.sync.configured ? (
        <p>Not set up yet: add your GitLab URL and a personal access token in the settings.</p>
      ) : null}
      {ready && ready.sync.configured ? (
        <>
          <p className="popup__team" data-testid="popup-team">
            {ready.kpis?.teamPaths?.length ? ready.kpis.teamPaths.join(', ') : 'No team set'}
            {ready.kpis ? ` · last ${ready.kpis.windowDays} days` : ''} · {new URL(ready.sync.gitlabUrl).host}
          </p>
          {ready.kpis?.incidents?.length ? <OngoingIncidents incidents={ready.kpis.incidents} now={ready.at} /> : null}
          {ready.kpis ? <TeamKpis kpis={ready.kpis} trends={dashboard?.trends} /> : null}
          {dashboard ? <SinceYesterdayPanel changes={dashboard.sinceYesterday} /> : null}
          <div className="popup__sync">
            <span data-testid="sync-summary">{syncSummary(ready.sync.resources, ready.at)}</span>
            <span aria-hidden="true"> · </span>
            <button type="button" className="popup__link" onClick={syncNow} disabled={run.kind === 'running'}>
              {run.kind === 'running' ? 'Syncing…' : 'Sync now'}
            </button>
            <span role="status" aria-live="polite" data-testid="sync-result">
              {run.kind === 'done' ? (run.ok ? 'Sync complete.' : 'Sync finished with errors (see Details).') : ''}
              {run.kind === 'error' ? run.message : ''}
            </span>
          </div>
          {/* Open by itself when something failed or was skipped: the reason is in there. */}
          <details
            className="popup__details"
            open={ready.sync.resources.some((resource) => resource.status === 'failed' || resource.problems.length > 0) || undefined}
          >
            <summary>Details</summary>
            <SyncStatus resources={ready.sync.resources} now={ready.at} />
          </details>
        </>
      ) : null}
      <UnsentNotice onOpen={() => setTab('suggest')} />
          </>
        ) : null}
      </Tabs>
    </main>
  );
}

type PopupTab = 'team' | 'okrs' | 'suggest' | 'checkpoint';
const POPUP_TABS = [
  { key: 'team', label: 'Team' },
  { key: 'okrs', label: 'OKRs' },
  { key: 'suggest', label: 'Suggest' },
  { key: 'checkpoint', label: 'Checkpoint' },
] as const satisfies readonly { key: PopupTab; label: string }[];

/** The survey form and the outbox below it; a submit shows up in the list at once. */
function SuggestPanel() {
  const [submitted, setSubmitted] = useState(0);
  return (
    <>
      <SuggestForm onSubmitted={() => setSubmitted((n) => n + 1)} />
      <OutboxList refreshKey={submitted} />
    </>
  );
}

/** Suggestions GitLab refused wait for the user: said on the first tab, with the way there. */
function UnsentNotice({ onOpen }: { onOpen: () => void }) {
  const [failed, setFailed] = useState(0);
  useEffect(() => {
    sendMessage('ui:outbox', {}).then(
      ({ submissions }) => setFailed(submissions.filter((item) => item.status === 'failed').length),
      () => setFailed(0),
    );
  }, []);
  if (!failed) return null;
  return (
    <p className="popup__unsent" data-testid="popup-unsent">
      <span aria-hidden="true">! </span>
      {failed === 1 ? '1 suggestion was not sent.' : `${failed} suggestions were not sent.`}{' '}
      <button type="button" className="popup__link" onClick={onOpen}>
        See why
      </button>
    </p>
  );
}

type Incident = NonNullable<ResponseOf<'ui:team-kpis'>['incidents']>[number];
/** At most this many are listed: the popup keeps to 600 px; the rest are counted. */
const INCIDENTS_SHOWN = 3;

/** What needs action first: the team's open incidents, each a link to GitLab, with age and severity. */
function OngoingIncidents({ incidents, now }: { incidents: readonly Incident[]; now: number }) {
  const more = incidents.length - INCIDENTS_SHOWN;
  return (
    <section className="popup__incidents" aria-labelledby="popup-incidents">
      <h2 id="popup-incidents">
        <span aria-hidden="true">! </span>
        {incidents.length === 1 ? '1 ongoing incident' : `${incidents.length} ongoing incidents`}
      </h2>
      <ul>
        {incidents.slice(0, INCIDENTS_SHOWN).map((incident) => (
          <li key={incident.url}>
            <a href={incident.url} target="_blank" rel="noreferrer">
              {incident.ref} {incident.title}
            </a>
            <span className="lens-muted">
              {' '}
              · {formatAge(now - Date.parse(incident.openedAt))}
              {incident.severity ? ` · ${incident.severity}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="lens-muted">and {more} more</p> : null}
    </section>
  );
}

/** "Synced 4 min ago", "Syncing… 300 items so far", "Not synced yet": the sync in one line. */
function syncSummary(resources: readonly SyncResourceInfo[], now: number): string {
  const running = resources.filter((resource) => resource.status === 'running');
  if (running.length) {
    const items = running.reduce((sum, resource) => sum + resource.itemsInRun, 0);
    return items ? `Syncing… ${items} items so far` : 'Syncing…';
  }
  const failed = resources.some((resource) => resource.status === 'failed');
  const times = resources.flatMap((resource) => (resource.lastSuccessAt ? [resource.lastSuccessAt] : []));
  if (!times.length) return failed ? 'Sync failed (see Details)' : 'Not synced yet';
  // The stalest resource says how old the data may be.
  const oldest = times.sort()[0]!;
  return `Synced ${timeAgo(oldest, now)}${failed ? ', with errors' : ''}`;
}

/**
 * Listens to the background's sync progress (messages.ts SYNC_PROGRESS_PORT) until the returned
 * function is called. `onPage`: a page was stored or a resource started; `onDone`: a resource
 * ended. Each runs one at a time; updates that come meanwhile make one more run after it.
 */
function followSyncProgress(onPage: () => Promise<unknown>, onDone: () => Promise<unknown>): () => void {
  const port = browser.runtime.connect({ name: SYNC_PROGRESS_PORT });
  const runners = [onPage, onDone].map((work) => {
    let running: Promise<unknown> | null = null;
    let again = false;
    const run = (): void => {
      if (running) {
        again = true;
        return;
      }
      running = work().finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
    };
    return run;
  });
  port.onMessage.addListener((message: unknown) => {
    if (!isSyncProgressPush(message)) return;
    const ended = message.phase === 'done' || message.phase === 'unavailable' || message.phase === 'failed';
    runners[ended ? 1 : 0]!();
  });
  return () => port.disconnect();
}

function messageOf(error: unknown): string {
  return error instanceof MessageError || error instanceof Error ? error.message : String(error);
}
