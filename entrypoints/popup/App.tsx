import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../utils/send-message';
import { isSyncProgressPush, MessageError, SYNC_PROGRESS_PORT, type ResponseOf } from '../../utils/messages';
import { SyncStatus } from './SyncStatus';
import { TeamKpis } from './TeamKpis';

type Status =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; sync: ResponseOf<'ui:sync-status'>; kpis: ResponseOf<'ui:team-kpis'> | null; at: number };
type SyncRun = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; ok: boolean } | { kind: 'error'; message: string };

export function App() {
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [run, setRun] = useState<SyncRun>({ kind: 'idle' });

  const refresh = useCallback(
    () =>
      Promise.all([sendMessage('ui:sync-status', {}), sendMessage('ui:team-kpis', {}).catch(() => null)])
        .then(([sync, kpis]) => setStatus({ kind: 'ready', sync, kpis, at: Date.now() }))
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

  return (
    <main style={{ width: 340, padding: '0.75rem 1rem' }}>
      <h1 style={{ fontSize: '1.1rem' }}>Engineering Lens</h1>
      {status.kind === 'loading' ? <p>Loading…</p> : null}
      {status.kind === 'error' ? <p className="field__error">{status.message}</p> : null}
      {status.kind === 'ready' && !status.sync.configured ? (
        <p>Not set up yet: add your GitLab URL and a personal access token in the settings.</p>
      ) : null}
      {status.kind === 'ready' && status.sync.configured ? (
        <>
          <p>
            Connected to <strong>{new URL(status.sync.gitlabUrl).host}</strong>.
          </p>
          <h2 style={{ fontSize: '1rem' }}>Team KPIs</h2>
          {status.kpis ? <TeamKpis kpis={status.kpis} /> : null}
          <h2 style={{ fontSize: '1rem' }}>Sync</h2>
          <SyncStatus resources={status.sync.resources} now={status.at} />
          <div className="actions">
            <button type="button" onClick={syncNow} disabled={run.kind === 'running'}>
              {run.kind === 'running' ? 'Syncing…' : 'Sync now'}
            </button>
            <span role="status" aria-live="polite" data-testid="sync-result">
              {run.kind === 'done' ? (run.ok ? 'Sync complete.' : 'Sync finished with errors (see above).') : ''}
              {run.kind === 'error' ? run.message : ''}
            </span>
          </div>
        </>
      ) : null}
      <div className="actions" style={{ marginTop: '0.75rem' }}>
        <button type="button" className="primary" onClick={() => void browser.runtime.openOptionsPage()}>
          Open settings
        </button>
      </div>
    </main>
  );
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
